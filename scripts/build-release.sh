#!/usr/bin/env bash
# Builds what the measuring scripts run: the app bundle (release, wasm-opt) in
# target/folio-app and the folio command in release mode. Quiet unless it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build-app.sh >/dev/null 2>&1 || scripts/build-app.sh
cargo build --release --quiet -p folio-cli
