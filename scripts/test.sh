#!/usr/bin/env bash
# Sets everything up, then runs every test: formatting and lints, the native
# unit and snapshot tests, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The browser build: the app crate with `hydrate`, as Trunk builds it.
cargo clippy -p folio-web -p folio-app --target wasm32-unknown-unknown --quiet -- -D warnings
# And without search, as scripts/bench-search.sh builds it to measure search's share.
cargo clippy -p folio-web --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings

say "native tests"
cargo test --workspace --quiet

say "building the app bundle (release, optimised with wasm-opt) and the folio command"
scripts/build-app.sh
cargo build --quiet -p folio-cli

say "browser tests (headless Chromium)"
rm -rf tests/output
(
  cd tests/e2e
  FOLIO_BIN="$PWD/../../target/debug/folio" FOLIO_APP_DIR="$PWD/../../target/folio-app" \
    node --test --test-concurrency=1 specs/
)

say "the tests of the app fail without the app"
scripts/test-the-tests.sh
