#!/usr/bin/env bash
# Times the README's first command as a newcomer meets it: a fresh clone, no
# trunk or wasm-bindgen-cli, empty cargo and npm caches (a throwaway HOME),
# until the demo blog answers; then the same command again, warm. Debian
# packages are system-wide and stay installed, so their download is not in
# the figure. Prints the set-up's own step times and the totals.
#
#   scripts/measure-setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

work=$(mktemp -d)
port=$((8400 + RANDOM % 400))
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# Only rustup's proxies (cargo, rustc…) from the real toolchain; every tool
# `cargo install` made lives in the real CARGO_HOME and is left out.
mkdir -p "$work/bin" "$work/home" "$work/npm"
for tool in cargo rustc rustdoc rustup rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -s "$(command -v "$tool")" "$work/bin/$tool"
done
rustup_home=$(rustup show home)
git clone --quiet "$PWD" "$work/repo"

# Runs the first command in the cold environment until the demo answers; prints the seconds.
serve_demo() {
  local log=$1 started=$SECONDS
  (
    cd "$work/repo"
    env -i HOME="$work/home" CARGO_HOME="$work/home/.cargo" RUSTUP_HOME="$rustup_home" \
      npm_config_cache="$work/npm" PATH="$work/bin:$(dirname "$(command -v node)"):/usr/local/bin:/usr/bin:/bin" \
      PORT="$port" scripts/serve-demo.sh
  ) >"$log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null; then
      cat "$log" >&2
      echo "the demo did not start" >&2
      exit 1
    fi
    sleep 1
  done
  echo $((SECONDS - started))
  pkill -P "$server" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

cold=$(serve_demo "$work/cold.log")
echo "Cold (empty cargo and npm caches, no tools):"
grep -E '^    .* [0-9]+s$' "$work/cold.log" | grep -v Finished | sed 's/^/  /'
grep -E 'set-up complete' "$work/cold.log" | sed 's/.*==> /  /; s/\x1b\[0m//'
echo "  demo served after ${cold} s"
warm=$(serve_demo "$work/warm.log")
echo "Warm (the same command again):"
grep -E 'set-up complete' "$work/warm.log" | sed 's/.*==> /  /; s/\x1b\[0m//'
echo "  demo served after ${warm} s"
