#!/usr/bin/env bash
# Sets everything up, then builds and serves the bundled demo blog at
# http://127.0.0.1:${PORT:-8080}/ , rebuilding when demo/content changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo run --release --quiet -p folio-cli -- serve --content demo/content --port "${PORT:-8080}" "$@"
