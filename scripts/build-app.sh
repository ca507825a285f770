#!/usr/bin/env bash
# Builds the browser app once, in release mode, into target/folio-app, with a
# placeholder base path that `folio build` replaces for each site.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt comes from npm (tools/); trunk finds it on the PATH.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --public-url /__folio_base__/ --dist target/folio-app
