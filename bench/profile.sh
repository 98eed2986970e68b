#!/usr/bin/env bash
# Instruction-count profile of the native benchmark (stream mode, one pass
# over MB million bytes of the corpus) under valgrind's callgrind: repeatable
# where wall-clock timings on a shared machine are not.
#
#   bash bench/profile.sh [MB]      default 1; writes target/bench/callgrind.out
#                                   and target/bench/profile.json, prints the top 15
#
# Built with line tables (for function names and inlined source files) into
# its own target dir, so the plain release build is left alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mb=${1:-1}

if ! command -v valgrind >/dev/null; then
    echo "profile: installing valgrind"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind
fi

dir=${CARGO_TARGET_DIR:-target}/profiling
CARGO_TARGET_DIR=$dir CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
    cargo build --release --example bench
mkdir -p target/bench
valgrind --tool=callgrind --callgrind-out-file=target/bench/callgrind.out \
    "$dir/release/examples/bench" --mb "$mb" --runs 1 --only stream --no-warmup
node bench/callgrind-top.mjs target/bench/callgrind.out --top 15 --json target/bench/profile.json
echo "full profile: callgrind_annotate target/bench/callgrind.out (or kcachegrind)"
