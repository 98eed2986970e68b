#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg (gitignored) for the page, which
# imports ./pkg/claimscope.js, then regenerates the page's examples when the
# page provides a generator. Installs missing tools first (no browser).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# test.sh has already run setup (with the browser) in this process tree.
if [ "${CLAIMSCOPE_SETUP_DONE:-0}" != 1 ]; then
    # Sourcing would pass our arguments on; setup takes none here.
    args=("$@")
    set --
    source scripts/setup.sh
    set -- "${args[@]}"
fi

# wasm-opt (npm's binaryen runs as JS) takes ~10 s: skip the whole build when
# no input changed since the last successful one, by the same toolchain.
# --force rebuilds anyway.
toolchain=${CLAIMSCOPE_WASM_TOOLCHAIN:-stable}
stamp=www/pkg/.built
inputs=(src docs Cargo.toml Cargo.lock package-lock.json scripts/build.sh)
[ -e build.rs ] && inputs+=(build.rs)
if [ "${1:-}" != --force ] && [ -f "$stamp" ] && [ -f www/pkg/claimscope_bg.wasm ] &&
    [ "$(cat "$stamp")" = "$toolchain" ] &&
    [ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    echo "www/pkg is up to date (scripts/build.sh --force rebuilds)"
else
    # Stamped with the start time, so an edit made during the build counts,
    # and holding the toolchain's name, so a switch of toolchain rebuilds.
    mkdir -p target && echo "$toolchain" >target/.wasm-build-start
    if [ "$toolchain" = stable ]; then
        wasm-pack build --target web --release --out-dir www/pkg
    else
        # std rebuilt with panic=immediate-abort (see scripts/setup.sh); the
        # flags reach only the wasm32 target, not build.rs.
        RUSTUP_TOOLCHAIN=$toolchain \
            RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
            wasm-pack build --target web --release --out-dir www/pkg . -Zbuild-std=std,panic_abort
    fi
    mv target/.wasm-build-start "$stamp"
fi

if [ -f scripts/gen-examples.mjs ]; then
    node scripts/gen-examples.mjs
fi

# The page's modules as one file (www/app.bundle.js, gitignored): index.html
# loads it instead of ten separate modules, each of them a request (and on a
# revalidating host a round trip) and a compile before the first result.
# The analyser's glue and the examples stay separate files: the worker imports
# the same glue, and the page tests swap it for a stand-in core.
# ~30 ms: always rebuilt, so an edit to www/*.js shows on the next build.
esbuild www/app.js --bundle --format=esm --target=es2022 --minify --sourcemap --log-level=warning \
    --external:./pkg/claimscope.js --external:./examples.js --outfile=www/app.bundle.js

gz() { gzip -9 -c "$1" | wc -c; }
for f in www/pkg/claimscope_bg.wasm www/pkg/claimscope.js www/app.bundle.js; do
    printf 'size: %-28s %8d bytes, %8d bytes gzipped\n' "$f" "$(wc -c <"$f")" "$(gz "$f")"
done
