#!/usr/bin/env bash
# Installs what building and testing Claimscope needs, and only what is
# missing, so a second run takes seconds. Meant for a fresh Debian machine
# where only the package registries (crates.io, npm, apt, PyPI) are reachable:
# no step may let a tool download binaries of its own.
#
#   bash scripts/setup.sh [--browser]      install
#   source scripts/setup.sh [--browser]    install and keep the PATH it sets
#
# --browser (or CLAIMSCOPE_BROWSER=1) also installs Debian's chromium and
# chromium-driver, which only the tests need; serving the page does not.
#
# Versions: wasm-pack 0.15.1; wasm-bindgen-cli equal to the wasm-bindgen crate
# in Cargo.lock (wasm-pack downloads its own otherwise, which fails here);
# wasm-opt from the npm package binaryen, first on PATH (wasm-pack takes the
# first wasm-opt it finds, and Debian's binaryen 108 builds a broken .wasm).
#
# The page's .wasm is built by a pinned nightly (CLAIMSCOPE_WASM_TOOLCHAIN,
# exported here; minimal profile plus rust-src, ~12 s to install) that
# rebuilds std with panic=immediate-abort: a panic in the browser was already
# a bare trap, but std's panic machinery (message formatting, locations) was
# still linked in, ~13 KB gzipped. Everything else (tests, clippy, the CLI,
# the wasm tests) uses stable. CLAIMSCOPE_WASM_TOOLCHAIN=stable opts out.

_claimscope_setup() {
    local root browser=${CLAIMSCOPE_BROWSER:-0} arg
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    for arg in "$@"; do
        case $arg in
            --browser) browser=1 ;;
            *) echo "setup.sh: unknown argument $arg" >&2; return 2 ;;
        esac
    done

    local wasm_pack_version=0.15.1
    export CLAIMSCOPE_WASM_TOOLCHAIN=${CLAIMSCOPE_WASM_TOOLCHAIN:-nightly-2026-05-20}
    export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        echo "setup: adding rust target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown || return
    fi
    if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
        echo "setup: adding rustfmt and clippy"
        rustup component add rustfmt clippy || return
    fi

    # Also true when the toolchain itself is missing.
    if [ "$CLAIMSCOPE_WASM_TOOLCHAIN" != stable ] &&
        ! rustup component list --toolchain "$CLAIMSCOPE_WASM_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
        echo "setup: installing $CLAIMSCOPE_WASM_TOOLCHAIN with rust-src (for the .wasm build; about 15 s)"
        rustup toolchain install "$CLAIMSCOPE_WASM_TOOLCHAIN" --profile minimal --component rust-src || return
    fi

    if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $wasm_pack_version" ]; then
        echo "setup: installing wasm-pack $wasm_pack_version (about 4 min)"
        cargo install wasm-pack --version "$wasm_pack_version" --locked || return
    fi

    # The CLI must be the exact version of the crate in Cargo.lock.
    local wbg
    wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/^version = "|"$/, ""); print; exit }' "$root/Cargo.lock")
    if [ -z "$wbg" ]; then
        echo "setup: no wasm-bindgen entry in Cargo.lock" >&2
        return 1
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
        echo "setup: installing wasm-bindgen-cli $wbg (about 4 min)"
        # No --locked: its lockfile pins a crate version the registry no longer serves.
        cargo install wasm-bindgen-cli --version "=$wbg" || return
    fi

    if [ "$browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
        echo "setup: installing Debian chromium and chromium-driver (about 70 s)"
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq || return
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver || return
    fi

    # npm records its last install in node_modules/.package-lock.json.
    if [ -f "$root/package.json" ]; then
        local marker="$root/node_modules/.package-lock.json"
        if [ ! -d "$root/node_modules" ] || [ ! -f "$marker" ] ||
            [ "$root/package.json" -nt "$marker" ] ||
            { [ -f "$root/package-lock.json" ] && [ "$root/package-lock.json" -nt "$marker" ]; }; then
            if [ -f "$root/package-lock.json" ]; then
                echo "setup: npm ci"
                (cd "$root" && npm ci --no-audit --no-fund) || return
            else
                echo "setup: npm install (no package-lock.json)"
                (cd "$root" && npm install --no-audit --no-fund) || return
            fi
        fi
    fi

    # The wasm-opt in node_modules must be the one wasm-pack finds.
    case "$(command -v wasm-opt || true)" in
        "$root/node_modules/.bin/wasm-opt") ;;
        *) echo "setup: wasm-opt from npm's binaryen is not first on PATH" >&2; return 1 ;;
    esac
}

# Sourced: return keeps the caller's shell (and its `set -e`) alive.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    _claimscope_setup "$@"
else
    set -euo pipefail
    _claimscope_setup "$@"
fi
