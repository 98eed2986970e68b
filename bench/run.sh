#!/usr/bin/env bash
# Issue 6's figures in one run: the native core, the WebAssembly build in Node
# and in headless Chromium, compromise and wink-nlp on the same text in the
# same process kinds, per-article latency, gzipped sizes, page load to first
# result, `claimscope batch` throughput, memory against input size, and an
# instruction-count profile. Prints one table (also saved as
# target/bench/report.md; every raw figure is in target/bench/*.json).
#
#   bash bench/run.sh [--quick] [--no-profile]
#
# --quick: a few seconds per engine, to check the harness (not a measurement).
# --no-profile: skip the callgrind profile (its own build takes minutes).
# Installs what is missing first (scripts/setup.sh --browser): the wasm tools,
# the npm packages (the baselines are devDependencies), Debian's chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=0
profile=1
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        --no-profile) profile=0 ;;
        -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done

step() { printf '\n=== %s\n' "$*" >&2; }

step "setup"
set --
source scripts/setup.sh --browser
export CLAIMSCOPE_SETUP_DONE=1

# The default target dir unless CARGO_TARGET_DIR says otherwise.
tdir=${CARGO_TARGET_DIR:-target}
out=target/bench
mkdir -p "$out"
rm -f "$out"/*.json "$out"/report.md
node -e '
const os = require("os");
console.log(JSON.stringify({ cpu: os.cpus()[0]?.model, cores: os.availableParallelism(),
  loadavg_start: os.loadavg(), started: new Date().toISOString(), quick: process.argv[1] === "1",
  commit: process.argv[2] }));
' "$quick" "$(git describe --always --dirty 2>/dev/null || echo unknown)" >"$out/machine.json"

if [ "$quick" = 1 ]; then
    export BENCH_QUICK=1
    native_args=(--mb 1 --runs 2 --rounds 20)
    page_args=(--cold 2 --warm 2)
    extra_args=(--runs 1)
else
    native_args=(--mb 10 --runs 7 --rounds 200)
    page_args=(--cold 7 --warm 7)
    extra_args=(--runs 3)
fi

step "cargo build --release (CLI and examples/bench.rs)"
cargo build --release --bin claimscope --example bench

step "wasm build (scripts/build.sh: wasm-pack --release, wasm-opt -O3)"
bash scripts/build.sh

step "native: $tdir/release/examples/bench ${native_args[*]}"
"$tdir/release/examples/bench" "${native_args[@]}" --json "$out/native.json"

for runtime in node chromium; do
    for engine in claimscope wink compromise; do
        step "$runtime: node bench/$runtime.mjs $engine"
        node "bench/$runtime.mjs" "$engine" --out "$out/$runtime-$engine.json"
    done
done

step "page load to first result: node bench/pageload.mjs ${page_args[*]}"
node bench/pageload.mjs "${page_args[@]}" --out "$out/pageload.json"

step "CLI batch and memory: node bench/native-extra.mjs ${extra_args[*]}"
node bench/native-extra.mjs --bin "$tdir/release/claimscope" "${extra_args[@]}" --out "$out/extra.json"

if [ "$profile" = 1 ]; then
    step "profile: bash bench/profile.sh"
    bash bench/profile.sh 1
fi

step "report"
node bench/report.mjs "$out" | tee "$out/report.md"
