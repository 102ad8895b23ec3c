#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run_fuzz.sh FUZZER SEED_DIR WORK_DIR [libFuzzer options...]
# Fuzzes from the seed corpus (read only) into WORK_DIR/corpus (what the run found, kept between
# runs) and writes a crashing input to WORK_DIR/crash-*. Exit status: the fuzzer's (0 = nothing
# found). ctest (label fuzz) and docs/testing.md's long runs both use it.
set -eu
fuzzer=$1 seeds=$2 work=$3
shift 3
mkdir -p "$work/corpus"
exec "$fuzzer" -artifact_prefix="$work/" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
  "$@" "$work/corpus" "$seeds"
