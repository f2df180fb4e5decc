#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 10), one after the other,
# on one core. Fails on the first crash, hang (-timeout), leak or memory blow-up; the input
# that did it is left in $AGENDA_FUZZ_OUT/artifacts/ (default .build-fuzz/fuzz/artifacts/).
#
#   Fuzz/run.sh [SECONDS] [TARGET...]        targets: xml json ics cacie loader sanitizer snapshot index
#
# Environment:
#   AGENDA_BUILD_LOCK   a lock file every swift command is run under with flock (shared machines)
#   AGENDA_FUZZ_SCRATCH scratch path of the fuzz build (default .build-fuzz)
#   AGENDA_FUZZ_OUT     where the grown corpora, artifacts and logs go (default $SCRATCH/fuzz)
#   AGENDA_FUZZ_SAN     extra sanitizer besides fuzzer: address (default) or none
#   AGENDA_SHARED_SCHEDULES  real schedules whose first 64 KB seed the readers (default ../shared/schedules)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(xml json ics cacie loader sanitizer snapshot index)

scratch="${AGENDA_FUZZ_SCRATCH:-.build-fuzz}"
out="${AGENDA_FUZZ_OUT:-$scratch/fuzz}"
shared="${AGENDA_SHARED_SCHEDULES:-../shared/schedules}"
lock=()
[ -n "${AGENDA_BUILD_LOCK:-}" ] && lock=(flock "$AGENDA_BUILD_LOCK")
# SwiftPM turns `--sanitize=fuzzer --sanitize=address` into two separate `-sanitize=` flags per
# compile, in no fixed order, and the compiler keeps only the last: a build got coverage or
# AddressSanitizer, at random, module by module. One combined flag gives both.
sanitizers=(--sanitize=fuzzer)
[ "${AGENDA_FUZZ_SAN:-address}" = address ] && sanitizers+=(-Xswiftc -sanitize=fuzzer,address)

export AGENDA_FUZZ=1 SWIFT_BACKTRACE=enable=no
# LeakSanitizer stays on: the readers must not leak. Swift's runtime keeps its caches reachable.
export ASAN_OPTIONS="${ASAN_OPTIONS:-allocator_may_return_null=1:detect_stack_use_after_return=0}"

started=$(date +%s)
for target in "${targets[@]}"; do
    echo "fuzz: building fuzz-$target"
    # The linker warns about every ASan helper it cannot export: noise, not news.
    "${lock[@]}" swift build -c debug "${sanitizers[@]}" --product "fuzz-$target" --scratch-path "$scratch" 2>&1 \
        | { grep -v -e "Cannot export local symbol '__asan" -e '^\[[0-9]*/[0-9]*\]' || true; }
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build of fuzz-$target failed" >&2; exit 1; }
done
bin="$("${lock[@]}" swift build -c debug "${sanitizers[@]}" --scratch-path "$scratch" --show-bin-path)"
built=$(date +%s)
echo "fuzz: built in $((built - started)) s"

mkdir -p "$out/artifacts" "$out/logs"
failed=()
for target in "${targets[@]}"; do
    corpus="$out/corpus/$target"
    seeds=(Fuzz/corpus/"$target")
    mkdir -p "$corpus"
    # The shared real schedules, cut to the fuzzer's length limit, as extra read-only seeds.
    case "$target" in
        xml) patterns=("*.xml") ;; json) patterns=("*.json") ;; ics) patterns=("*.ics") ;;
        loader) patterns=("*.xml" "*.json" "*.ics") ;; *) patterns=() ;;
    esac
    if [ ${#patterns[@]} -gt 0 ] && [ -d "$shared" ]; then
        mkdir -p "$out/shared/$target"
        for pattern in "${patterns[@]}"; do
            for file in "$shared"/$pattern; do
                [ -f "$file" ] && head -c 65536 "$file" > "$out/shared/$target/$(basename "$file")"
            done
        done
        seeds+=("$out/shared/$target")
    fi
    dict=()
    [ -f "Fuzz/dict/$target.dict" ] && dict=("-dict=Fuzz/dict/$target.dict")
    [ "$target" = loader ] && dict=("-dict=Fuzz/dict/xml.dict")
    log="$out/logs/$target.log"
    echo "fuzz: fuzz-$target for $seconds s"
    if "$bin/fuzz-$target" "$corpus" "${seeds[@]}" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" >"$log" 2>&1 \
        && grep -q "^INFO: Loaded 1 modules" "$log"; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "fuzz: fuzz-$target ok: $runs runs, $cov, corpus $(ls "$corpus" | wc -l) inputs"
    else
        grep -q "^INFO: Loaded 1 modules" "$log" || echo "fuzz: fuzz-$target has no coverage counters: not built with -sanitize=fuzzer?" >&2
        echo "fuzz: fuzz-$target FAILED; the end of $log:" >&2
        grep -v "^#" "$log" | tail -40 >&2
        ls "$out/artifacts/$target-"* >&2 2>/dev/null || true
        failed+=("$target")
    fi
done
echo "fuzz: done in $(( $(date +%s) - started )) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failures in ${failed[*]}" >&2
    exit 1
fi
