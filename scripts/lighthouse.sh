#!/usr/bin/env bash
# Builds the demo site twice (with its site URL, and without one) and prints
# Lighthouse's four category scores and paint timings for the home page, a
# post, a tag page and the timeline, in Debian's Chromium with Lighthouse's
# default mobile emulation, behind a CDN-like server (brotli/gzip, the
# site's _headers cache rules).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
(cd tests/bench && [ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r demo/content "$work/content-without-url"
sed -i '/^url = /d' "$work/content-without-url/folio.toml"
routes=(/ "/posts/2023-seoul-walk/" "/tags/%ED%9A%8C%EA%B3%A0/" /timeline/)
for variant in with-url without-url; do
  content=demo/content
  [ "$variant" = without-url ] && content="$work/content-without-url"
  FOLIO_QUIET_NOTES=1 target/release/folio build --content "$content" --out "$work/$variant" --app-dir target/folio-app >/dev/null
  echo "== demo $variant"
  (cd tests/bench && CHROME_PATH=/usr/bin/chromium node audit.mjs "$work/$variant" "${routes[@]}")
done
