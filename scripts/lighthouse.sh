#!/usr/bin/env bash
# Builds the demo site and prints Lighthouse's four category scores for the
# home page and a post (Debian's Chromium, desktop defaults of Lighthouse: mobile emulation).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build-app.sh >/dev/null 2>&1
cargo build --release --quiet -p folio-cli
site=$(mktemp -d)
FOLIO_QUIET_NOTES=1 target/release/folio build --content demo/content --out "$site" --app-dir target/folio-app >/dev/null
(cd tests/bench && [ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error)
cd tests/bench
CHROME_PATH=/usr/bin/chromium node audit.mjs "$site" / "/posts/2023-seoul-walk/"
rm -rf "$site"
