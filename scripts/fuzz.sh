#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a given time.
#
#   scripts/fuzz.sh 600              # 10 minutes per target
#   scripts/fuzz.sh --smoke          # 15 s per target (what `make test` runs)
#   scripts/fuzz.sh 60 FuzzGateway   # only the named targets
#   scripts/fuzz.sh --write-seeds    # rewrite Fuzz/Corpus/FuzzGateway from Fuzz/FuzzGateway/GatewaySeeds.swift
#
# The targets exist only with MINDSPHERE_FAKE_FUZZ=1 and build in .build-fuzz, so the normal build never sees
# them. New corpus entries go to .fuzz/corpus/TARGET, crashes, hangs and leaks to .fuzz/findings/TARGET (both
# git-ignored); the committed seeds in Fuzz/Corpus are only read. Prints one line per target and a last line
# "N passed, N failed"; exits 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(FuzzGateway FuzzJSONParser FuzzFilterParser FuzzScenarioLoader FuzzRecordScanner)
seconds=""
write_seeds=0
targets=()
for argument in "$@"; do
    case "$argument" in
        --smoke) seconds=15 ;;
        --write-seeds) write_seeds=1 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        ''|*[!0-9]*) targets+=("$argument") ;;
        *) seconds="$argument" ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
if [ -z "$seconds" ] && [ "$write_seeds" -eq 0 ]; then
    echo "usage: scripts/fuzz.sh SECONDS|--smoke|--write-seeds [TARGET...]" >&2
    exit 64
fi

./scripts/setup.sh
# Debug builds: they keep testability (the targets reach internal parsers through @testable import) and build
# fastest, which matters most in CI.
config=debug
build_flags=(--build-path .build-fuzz -c "$config" -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
mkdir -p .fuzz/logs
: > .fuzz/logs/build.log
build_start=$SECONDS
for target in "${targets[@]}"; do
    if ! MINDSPHERE_FAKE_FUZZ=1 swift build "${build_flags[@]}" --product "$target" >> .fuzz/logs/build.log 2>&1; then
        tail -40 .fuzz/logs/build.log >&2
        echo "fuzz: $target did not build (.fuzz/logs/build.log)" >&2
        exit 1
    fi
done
echo "fuzz: built ${#targets[@]} targets ($config) in $((SECONDS - build_start))s"

if [ "$write_seeds" -eq 1 ]; then
    rm -rf Fuzz/Corpus/FuzzGateway
    MINDSPHERE_FAKE_FUZZ_WRITE_SEEDS=Fuzz/Corpus/FuzzGateway ".build-fuzz/$config/FuzzGateway"
    echo "wrote $(ls Fuzz/Corpus/FuzzGateway | wc -l) seeds to Fuzz/Corpus/FuzzGateway"
    [ -z "$seconds" ] && exit 0
fi

# Swift's own crash backtracer would catch the trap before libFuzzer can save the input.
export SWIFT_BACKTRACE=enable=no
passed=0
failed=0
summaries=()
for target in "${targets[@]}"; do
    corpus=".fuzz/corpus/$target"
    findings=".fuzz/findings/$target"
    log=".fuzz/logs/$target.log"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=8192
             -print_final_stats=1 -artifact_prefix="$findings/")
    dictionary="Fuzz/Dictionaries/$target.dict"
    [ -f "$dictionary" ] && options+=(-dict="$dictionary")
    echo "fuzz: $target for ${seconds}s (log: $log)"
    status=0
    ".build-fuzz/$config/$target" "${options[@]}" "$corpus" "Fuzz/Corpus/$target" > "$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
    coverage=$(grep -Eo '(DONE|pulse|NEW|REDUCE|INITED) +cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 \
        | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+)/cov \1, ft \2/' || true)
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        summaries+=("$target: ok, ${runs:-0} runs in ${seconds}s, ${coverage:-no coverage line}, corpus $corpus_size")
    else
        failed=$((failed + 1))
        artifact=$(grep -o "Test unit written to .*" "$log" | tail -1 | sed 's/Test unit written to //' || true)
        kind=$(grep -Eo 'ERROR: libFuzzer: [a-z-]+|Fatal error: [^:]*' "$log" | head -1 || true)
        summaries+=("$target: FAILED (${kind:-exit $status}) after ${runs:-?} runs, input ${artifact:-none}, see $log")
        grep -E 'Fatal error|ERROR: libFuzzer' "$log" | head -3 >&2 || true
    fi
done
for line in "${summaries[@]}"; do echo "$line"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
