#!/usr/bin/env bash
# How faithfully Folio reads exported blogs: for each content folder (a folder
# of posts, or a Hugo, Jekyll, Zola, Gatsby or Next.js site), how many posts
# were read, published and dropped (with reasons), and how many rendered posts
# still show template syntax, HTML as text or raw TeX.
#
#   scripts/bench-exports.sh [FOLDER…]    (default: the bundled demo and generator fixtures)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if [ $# -eq 0 ]; then
  set -- demo/content tests/fixtures/sites/*/
fi
cargo run --release --quiet -p folio-cli --example export_report -- "$@"
