#!/usr/bin/env bash
# A test for the tests: runs the browser suite against sites whose WASM is
# replaced by a file that fails to instantiate. Every test named `[app] …`
# must then fail (it would otherwise pass on the prerendered copy alone), and
# every `[static] …` test (JavaScript off) must still pass. Exits 0 only then.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if [ ! -f target/folio-app/index.html ]; then
  scripts/build-app.sh
fi
cargo build --quiet -p folio-cli
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '\033[1m==> %s\033[0m\n' "browser suite with a broken app (expect every [app] test to fail)"
(
  cd tests/e2e
  FOLIO_BREAK_APP=1 FOLIO_BIN="$PWD/../../target/debug/folio" FOLIO_APP_DIR="$PWD/../../target/folio-app" \
    node --test --test-concurrency=1 --test-reporter=tap specs/ >"$log" 2>&1 || true
)
node tests/e2e/judge-broken-run.mjs "$log"
