#!/usr/bin/env bash
# Installs everything Folio needs to build and test, on a fresh Debian machine.
# Idempotent: each tool is checked first and installed only when missing or at
# the wrong version, so a second run takes seconds. Nothing is downloaded from
# outside the package registries: Trunk is told never to fetch its own tools.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_CRATE_VERSION=0.116.1   # binaryen 116; Debian's wasm-opt 108 emits a WASM file that fails at start-up
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

# --build-only: just what `folio build` needs (no browser, no test tools), e.g. in a deploy job.
BUILD_ONLY=false
[ "${1:-}" = "--build-only" ] && BUILD_ONLY=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must match the library version Cargo.lock resolved.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WASM_BINDGEN_VERSION=$(wasm_bindgen_version)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails on a transitive version missing from the registry; unlocked resolves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION (the version in Cargo.lock)" >&2
  exit 1
fi

if ! wasm-opt --version 2>/dev/null | grep -q 'version 116'; then
  say "building wasm-opt (binaryen 116) from source (about 9 minutes, once)"
  cargo install wasm-opt --version "$WASM_OPT_CRATE_VERSION" --locked
fi

if [ "$BUILD_ONLY" = true ]; then
  cargo fetch --quiet
  say "build tools ready"
  exit 0
fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing the browser-test dependencies (playwright-core drives Debian's chromium; no browser download)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# Trunk builds offline, so every crate must already be in the local registry.
cargo fetch --quiet
say "set-up complete"
