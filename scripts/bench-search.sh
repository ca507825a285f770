#!/usr/bin/env bash
# Search figures: Folio's static index against Pagefind on the same built
# site, on a synthetic 10,000-post Korean blog and on demo/content. Nothing
# here asserts; the figures are for the README and for comparing changes.
#
#   scripts/bench-search.sh [posts]     (default 10000)
#
# The site is built with a stand-in app bundle (a page template and a
# service worker, as the site tests use), since the search figures do not
# depend on the WASM app; the prerendered pages Pagefind reads are complete.
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-10000}
pagefind_version=1.6.0

cargo build --release -p folio-cli --bin folio --example search_bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/app"
cat >"$work/app/index.html" <<'HTML'
<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <base href="/__folio_base__/">
  <meta name="folio-content-base" content="__folio_content_base__">
  <title>Folio</title>
</head>
<body>
  <noscript>JavaScript</noscript>
</body>
</html>
HTML
echo "const FOLIO_PRECACHE = { version: 'dev', base: '/', content: '/', files: [] }; // replaced by folio build" >"$work/app/sw.js"

(cd "$work" && npm init -y >/dev/null && npm pkg set type=module && npm install --no-audit --no-fund --loglevel=error "pagefind@$pagefind_version" >/dev/null)
pagefind="$work/node_modules/.bin/pagefind"

queries=("서울에서" "제주 여행" "고양이를" "커피" "rust" "도서관까지" "개발 코드를" "책" "서울 산책" "회고")

bench() { # slug name content-dir
  local name=$2 content=$3 site="$work/site-$1"
  echo
  echo "== $name =="
  local start end
  start=$(date +%s%N)
  FOLIO_QUIET_NOTES=1 target/release/folio build --content "$content" --out "$site" --app-dir "$work/app" | tail -1
  end=$(date +%s%N)
  echo "folio build (whole site, index included): $(((end - start) / 1000000)) ms"
  target/release/examples/search_bench measure "$content" "$site"
  start=$(date +%s%N)
  "$pagefind" --site "$site" >/dev/null
  end=$(date +%s%N)
  echo "pagefind indexing: $(((end - start) / 1000000)) ms"
  echo "pagefind files (stored gzip-compressed): $(du -sk "$site/pagefind" | cut -f1) KiB in all," \
    "$(du -sk "$site/pagefind/index" | cut -f1) KiB in $(find "$site/pagefind/index" -name '*.pf_index' | wc -l) index chunks," \
    "$(du -sk "$site/pagefind/fragment" | cut -f1) KiB of fragments (page text for excerpts)"
  (cd "$work" && node "$OLDPWD/tests/bench/pagefind-query.mjs" "$site" "${queries[@]}")
}

target/release/examples/search_bench corpus "$work/korean" "$posts"
bench korean "synthetic Korean blog, $posts posts" "$work/korean"
bench demo "demo/content" demo/content

# The whole feature in the real bundle: the app built by Trunk as
# `folio build` uses it (release, wasm-opt -Oz), with and without the app's
# `search` feature (the search page, the header's box, fetching the index).
echo
echo "== search in the app's WASM (Trunk release, wasm-opt -Oz) =="
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for variant in with without; do
  flags=()
  [ "$variant" = without ] && flags=(--no-default-features)
  trunk build --release --public-url /__folio_base__/ --dist "$work/app-$variant" "${flags[@]}" >/dev/null 2>&1
done
target/release/examples/search_bench share "$work"/app-with/*.wasm "$work"/app-without/*.wasm
