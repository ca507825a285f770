#!/usr/bin/env bash
# Prints Folio's size and speed figures. Nothing here asserts: figures are for
# the README and for comparing changes, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh

python3 - <<'PY'
import glob, gzip, os, statistics, subprocess, tempfile, time

def size(path):
    raw = open(path, "rb").read()
    return len(raw), len(gzip.compress(raw, 9))

print("App bundle (release, wasm-opt -Oz):")
for pattern in ("*_bg.wasm", "folio-web-*.js", "*.css"):
    for path in glob.glob(os.path.join("target/folio-app", pattern)):
        raw, gz = size(path)
        print(f"  {os.path.basename(path).split('-')[0]:<10} {pattern.split('.')[-1]:<5} {raw/1024:8.1f} KiB raw  {gz/1024:8.1f} KiB gzip")

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
(cd tests/bench && node first-text.mjs "$site" 2023-seoul-walk 7)
rm -rf "$site"
