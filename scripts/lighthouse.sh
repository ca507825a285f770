#!/usr/bin/env bash
# Builds the demo site and prints Lighthouse's four category scores for the
# home page and a post, in Debian's Chromium with Lighthouse's default mobile emulation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
site=$(mktemp -d)
FOLIO_QUIET_NOTES=1 target/release/folio build --content demo/content --out "$site" --app-dir target/folio-app >/dev/null
(cd tests/bench && [ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error)
cd tests/bench
CHROME_PATH=/usr/bin/chromium node audit.mjs "$site" / "/posts/2023-seoul-walk/"
rm -rf "$site"
