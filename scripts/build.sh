#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg (gitignored) for the page, which
# imports ./pkg/claimscope.js, then regenerates the page's examples when the
# page provides a generator. Installs missing tools first (no browser).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# test.sh has already run setup (with the browser) in this process tree.
if [ "${CLAIMSCOPE_SETUP_DONE:-0}" != 1 ]; then
    set --  # sourcing passes our arguments on; setup takes none here
    source scripts/setup.sh
fi

wasm-pack build --target web --release --out-dir www/pkg

if [ -f scripts/gen-examples.mjs ]; then
    node scripts/gen-examples.mjs
fi

gz() { gzip -9 -c "$1" | wc -c; }
for f in www/pkg/claimscope_bg.wasm www/pkg/claimscope.js; do
    printf 'size: %-28s %8d bytes, %8d bytes gzipped\n' "$f" "$(wc -c <"$f")" "$(gz "$f")"
done
