#!/usr/bin/env bash
# How Folio holds up on a big blog: generates N posts (10,000 by default;
# Korean and English, 1,000 tags used unevenly, headings in every post),
# builds them, and prints build time and peak memory (and Hugo's, when
# `hugo` is installed, on the same posts), the sizes a reader downloads, and
# from Chromium: bytes transferred to show the home page, when the first
# post link is painted, and how long a tag click takes; and how long
# `folio serve` takes to rebuild after one post is edited. Figures only.
#
#   scripts/bench-scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
posts=${1:-10000}

scripts/build-release.sh >/dev/null
(cd tests/bench && [ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/content" "$posts" <<'PY'
import os, random, sys
out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
os.makedirs(out)
with open(os.path.join(out, "folio.toml"), "w") as f:
    f.write('title = "큰 블로그"\nlang = "ko"\ntime_zone = "Asia/Seoul"\n')
tags = [f"주제{n}" if n % 2 else f"topic-{n}" for n in range(1000)]
words_ko = "서울 부산 기차 여행 책 커피 바다 산 코드 러스트 웹 글쓰기 생각 오늘 내일 계절 도시 골목 사진 음악".split()
words_en = "river code rust web train coffee book city night morning season garden window letter music".split()
for n in range(count):
    korean = n % 3 != 0
    words = words_ko if korean else words_en
    title = " ".join(rng.choice(words) for _ in range(4)) + f" {n}"
    chosen = sorted({tags[min(int(rng.paretovariate(1.2)) - 1, 999)] for _ in range(rng.randint(1, 4))})
    year, month, day = 2010 + n * 16 // count, 1 + n % 12, 1 + n % 28
    body = []
    for section in range(4):
        body.append(f"## {rng.choice(words)} {section}\n")
        body.append(" ".join(rng.choice(words) for _ in range(90)) + ".\n")
    front = f"---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}\ntags: [{', '.join(chosen)}]\n---\n\n"
    with open(os.path.join(out, f"post-{n:05}.md"), "w") as f:
        f.write(front + "\n".join(body))
PY
echo "generated $posts posts ($(du -sh "$work/content" | cut -f1) of Markdown)"

measure() { # label, command…: wall time and peak memory
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r seconds kib <"$work/time"
  printf '%-36s %8.1f s %8.0f MiB peak\n' "$label" "$seconds" "$((kib / 1024))"
  echo "$seconds" >"$work/seconds"
}
# Each build writes tens of thousands of files. On a disk, how long creating
# them takes swings by 2x from run to run with what the kernel still holds
# of earlier deletes; in RAM (/dev/shm, when there is one) the figure is the
# generators' own work. Both are printed, for both generators.
ram=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  ram=$(mktemp -d /dev/shm/folio-bench.XXXXXX)
  trap 'rm -rf "$work" "$ram"' EXIT
fi
measure "folio build (disk)" target/release/folio build --content "$work/content" --out "$work/site" --app-dir target/folio-app
folio_disk=$(cat "$work/seconds")
if [ -n "$ram" ]; then
  measure "folio build (RAM)" target/release/folio build --content "$work/content" --out "$ram/site" --app-dir target/folio-app
  folio_ram=$(cat "$work/seconds")
  rm -rf "$ram/site"
fi
if command -v hugo >/dev/null; then
  # Plain templates doing what Folio's pages do: post pages with a table of
  # contents, lists of 20 with summaries and numbered pages, tag pages.
  mkdir -p "$work/hugo/layouts/_default"
  printf 'baseURL = "/"\ntitle = "big"\npaginate = 20\n[taxonomies]\ntag = "tags"\n' >"$work/hugo/hugo.toml"
  cat >"$work/hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><article><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ .TableOfContents }}{{ .Content }}
{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">#{{ . }}</a> {{ end }}</article></body></html>
HTML
  cat >"$work/hugo/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ range (.Paginate $pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}</body></html>
HTML
  cp "$work/hugo/layouts/_default/list.html" "$work/hugo/layouts/_default/terms.html"
  cp -r "$work/content" "$work/hugo/content"
  rm -f "$work/hugo/content/folio.toml"
  measure "hugo, same posts, tag pages (disk)" hugo --source "$work/hugo" --destination "$work/hugo-site" --quiet
  awk -v f="$folio_disk" -v h="$(cat "$work/seconds")" 'BEGIN { printf "folio / hugo build time (disk)      %8.2f x\n", f / h }'
  rm -rf "$work/hugo-site"
  if [ -n "$ram" ]; then
    measure "hugo, same posts, tag pages (RAM)" hugo --source "$work/hugo" --destination "$ram/hugo-site" --quiet
    awk -v f="$folio_ram" -v h="$(cat "$work/seconds")" 'BEGIN { printf "folio / hugo build time (RAM)       %8.2f x\n", f / h }'
    rm -rf "$ram/hugo-site"
    # One pair of runs moves with the machine: five more, each Folio build
    # beside one of Hugo's, give the ratio's spread and its median.
    ratios=()
    for _ in 1 2 3 4 5; do
      /usr/bin/time -f "%e" -o "$work/time" target/release/folio build --content "$work/content" \
        --out "$ram/site" --app-dir target/folio-app >/dev/null 2>&1
      folio_run=$(cat "$work/time")
      rm -rf "$ram/site"
      /usr/bin/time -f "%e" -o "$work/time" hugo --source "$work/hugo" --destination "$ram/hugo-site" --quiet >/dev/null 2>&1
      hugo_run=$(cat "$work/time")
      rm -rf "$ram/hugo-site"
      ratios+=("$(awk -v f="$folio_run" -v h="$hugo_run" 'BEGIN { printf "%.3f", f / h }')")
    done
    median=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 3p)
    printf 'folio / hugo (RAM), 5 more pairs     %s; median %s x\n' "${ratios[*]}" "$median"
  fi
fi

node - "$work/site" <<'JS'
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const site = process.argv[2];
const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sizes = (label, files) => {
  const bytes = files.map((file) => fs.readFileSync(path.join(site, file)));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0), packed = bytes.reduce((sum, b) => sum + br(b), 0);
  console.log(`${label.padEnd(22)} ${kib(raw).padStart(12)} raw ${kib(packed).padStart(11)} brotli`);
};
for (const file of ['index.html', 'manifest.json', 'list/0.json', 'tags/index.html', 'timeline/index.html']) sizes(file, [file]);
const chunks = fs.readdirSync(path.join(site, 'list')).filter((file) => /^\d+\.json$/.test(file)).map((file) => `list/${file}`);
sizes(`all ${chunks.length} card chunks`, chunks);
sizes('list/titles.json', ['list/titles.json']);
let total = 0, files = 0;
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) walk(p); else { total += fs.statSync(p).size; files += 1; }
});
walk(site);
console.log(`whole site              ${(total / 1048576).toFixed(1)} MiB in ${files} files`);
JS

# Editing one post while `folio serve` runs: the preview rebuilds and prints
# "rebuilt in X ms"; five edits to five posts, median and max.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
: >"$work/serve.log"
target/release/folio serve --content "$work/content" --out "$work/preview" --app-dir target/folio-app \
  --port "$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; rm -rf "$work" ${ram:+"$ram"}' EXIT
count() { grep -c "$1" "$work/serve.log" || true; }
wait_for() { # text, count: waits up to 5 minutes for the count-th line with text
  for _ in $(seq 3000); do
    [ "$(count "$1")" -ge "$2" ] && return 0
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "folio serve did not print '$1':" >&2; cat "$work/serve.log" >&2; kill "$serve_pid" 2>/dev/null; exit 1
}
wait_for 'rebuilt in' 1
# The preview watches the content once it serves; give that a moment, and
# let the kernel write back the 250 MB the first build wrote, which would
# otherwise land on the first edit's rebuild (a reader edits later than that).
wait_for 'serving http' 1
sync
sleep 1
rebuilds=()
for edit in 1 2 3 4 5; do
  post=$(printf '%s/post-%05d.md' "$work/content" $((edit * 1733 % posts)))
  printf '\nOne more sentence, edit %s.\n' "$edit" >>"$post"
  wait_for 'rebuilt in' $((edit + 1))
  line=$(grep 'rebuilt in' "$work/serve.log" | sed -n "$((edit + 1))p")
  echo "serve, edit $edit: $line"
  rebuilds+=("$(sed -E 's/.*rebuilt in ([0-9]+) ms.*/\1/' <<<"$line")")
  # The search index is rewritten after the reload; the next edit waits.
  wait_for 'search index rewritten' "$edit"
done
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
printf '%s\n' "${rebuilds[@]}" | sort -n |
  awk '{ ms[NR] = $1 } END { printf "folio serve, one post edited: rebuilt in %d ms median, %d ms max (5 edits)\n", ms[int((NR + 1) / 2)], ms[NR] }'

node tests/bench/scale.mjs "$work/site" 5
