#!/usr/bin/env bash
# Prints Folio's size and speed figures. Nothing here asserts: figures are for
# the README and for comparing changes, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh

# Bundle sizes: raw, gzip -9 and brotli -q 11 (what static hosts serve).
node - <<'JS'
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const dir = 'target/folio-app';
console.log('App bundle (release, wasm-opt -Oz):');
for (const file of fs.readdirSync(dir).filter((f) => /(_bg\.wasm|^folio-web-.*\.js|\.css)$/.test(f))) {
  const raw = fs.readFileSync(path.join(dir, file));
  const gzip = zlib.gzipSync(raw, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kib = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log(`  ${file.split('-')[0].padEnd(10)} ${path.extname(file).slice(1).padEnd(5)} ${kib(raw.length)} KiB raw ${kib(gzip)} KiB gzip ${kib(brotli)} KiB brotli`);
}
JS

# What the WASM is made of, before wasm-opt (names kept): `cargo install twiggy --locked`.
if command -v twiggy >/dev/null; then
  echo "Largest items of the WASM (twiggy top, before wasm-opt):"
  twiggy top -n 15 target/wasm32-unknown-unknown/wasm-release/folio-web.wasm | sed 's/^/  /'
fi

python3 - <<'PY'
import glob, os, statistics, subprocess, tempfile, time

runs = []
with tempfile.TemporaryDirectory() as tmp:
    for i in range(7):
        out = os.path.join(tmp, f"site{i}")
        start = time.perf_counter()
        subprocess.run(["target/release/folio", "build", "--content", "demo/content", "--out", out,
                        "--app-dir", "target/folio-app"], check=True, capture_output=True)
        runs.append((time.perf_counter() - start) * 1000)
posts = len(glob.glob("demo/content/**/*.md", recursive=True))
print(f"folio build of the demo content ({posts} files), 7 runs: median {statistics.median(runs):.1f} ms, "
      f"min {min(runs):.1f} ms, max {max(runs):.1f} ms")
PY

# Time to visible post text: Folio against docsify, same post, same Chromium.
(cd tests/bench && [ -d node_modules/docsify ] || npm ci --no-audit --no-fund --loglevel=error)
site=$(mktemp -d)
FOLIO_QUIET_NOTES=1 target/release/folio build --content demo/content --out "$site" --app-dir target/folio-app >/dev/null
(cd tests/bench && node first-text.mjs "$site" ../../demo/content 2023-seoul-walk 7)
rm -rf "$site"
