#!/usr/bin/env bash
# Installs everything Folio needs to build and test, on a fresh Debian machine.
# Idempotent: each tool is checked first and installed only when missing or at
# the wrong version, so a second run takes seconds. Nothing is downloaded from
# outside the package registries: Trunk is told never to fetch its own tools.
#
# Independent installs run side by side and each step prints how long it took.
# Tools come prebuilt where a registry offers them (wasm-opt from npm's
# binaryen); only trunk and wasm-bindgen-cli are compiled, once.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

# --build-only: just what `folio build` needs (no browser, no test tools), e.g. in a deploy job.
BUILD_ONLY=false
[ "${1:-}" = "--build-only" ] && BUILD_ONLY=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"
started=$SECONDS
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Runs a step in the background with its output in a log; `finish` waits for it.
declare -A step_pid step_start
# Each step notes when it ended, so its time is its own, not when it was collected.
start() {
  local name=$1; shift
  say "$name"
  step_start[$name]=$(date +%s)
  ( "$@"; status=$?; date +%s >"$logs/$name.end"; exit $status ) >"$logs/$name.log" 2>&1 &
  step_pid[$name]=$!
}
finish() {
  local name=$1
  if ! wait "${step_pid[$name]}"; then
    cat "$logs/$name.log" >&2
    echo "set-up step failed: $name" >&2
    exit 1
  fi
  printf '    %-44s %4ss\n' "$name" "$(( $(cat "$logs/$name.end") - ${step_start[$name]} ))"
}

# The wasm-bindgen CLI must match the library version Cargo.lock resolved.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
WASM_BINDGEN_VERSION=$(wasm_bindgen_version)
if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION (the version in Cargo.lock)" >&2
  exit 1
fi

pending=()
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  start "wasm32 target" rustup target add wasm32-unknown-unknown
  pending+=("wasm32 target")
fi

# wasm-opt: binaryen's own build from npm (a WebAssembly build run by Node),
# instead of compiling binaryen from source (about 10 minutes on 2 cores).
# Debian's binaryen 108 is too old: it emits a WASM file that fails at start-up.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  start "wasm-opt (binaryen from npm)" sh -c 'cd tools && npm ci --no-audit --no-fund --loglevel=error'
  pending+=("wasm-opt (binaryen from npm)")
fi

# The two tools only crates.io has. Each `cargo install` builds in its own
# folder, so they can run at the same time. `--debug` builds them without
# optimisation, in about a third of the time (trunk: 4 instead of 8-19
# minutes on 2 cores): their work is running cargo and reading one small
# WASM file, which an unoptimised build does just as well.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  start "trunk $TRUNK_VERSION (compiled once)" cargo install trunk --version "$TRUNK_VERSION" --locked --debug
  pending+=("trunk $TRUNK_VERSION (compiled once)")
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # --locked fails on a transitive version missing from the registry; unlocked resolves.
  start "wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiled once)" \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --debug
  pending+=("wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiled once)")
fi

if [ "$BUILD_ONLY" = false ]; then
  missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    start "Debian packages: ${missing[*]}" sh -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${missing[*]}"
    pending+=("Debian packages: ${missing[*]}")
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    # playwright-core drives Debian's chromium; it downloads no browser.
    start "browser-test dependencies (npm)" sh -c 'cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error'
    pending+=("browser-test dependencies (npm)")
  fi
fi

# Trunk builds offline, so every crate must already be in the local registry.
start "crates for the build (cargo fetch)" cargo fetch --quiet
pending+=("crates for the build (cargo fetch)")

for name in "${pending[@]}"; do
  finish "$name"
done

# A wasm-opt that runs but is too old would break the app at start-up.
if ! PATH="$PWD/tools/node_modules/.bin:$PATH" wasm-opt --version | grep -q "version_$(awk -F'"' '/^wasm_opt/ { sub("version_", "", $2); print $2 }' Trunk.toml)"; then
  echo "tools/node_modules/.bin/wasm-opt is not the version Trunk.toml names" >&2
  exit 1
fi
say "set-up complete in $((SECONDS - started))s"
