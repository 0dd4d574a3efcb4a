#!/usr/bin/env bash
# Benchmarks the POS system with the load generator (load-generator module). By default it builds what is out of
# date (no tests), starts the local stack on its own data directory and non-default ports, waits until it is ready,
# runs the generator against it, prints the results and stops the stack. With --api-url it loads that API instead
# and starts nothing. See docs/benchmarks.md.
#
#   ./run-benchmark.sh [--api-url URL] [--jfr FILE] [--no-build] [--keep-data] [generator options...]
#
#   --jfr FILE     record the stack's JVM with Java Flight Recorder (profile settings) for the whole run into FILE
#   --no-build     use the jars as they are
#   --keep-data    restart on the data the previous run left (its preload, say) instead of deleting it: measures
#                  the restart's time to ready and the rates with that data stored
#   generator options: ./run-benchmark.sh --help  (e.g. --scenarios orders --rates 200,400 --duration 30s)
#
# Environment: SUT_JAVA_OPTS (stack JVM, default -Xms512m -Xmx512m, local-stack/stack-jvm.sh), POS_CDS=on (start
# the stack from a class-data archive), GENERATOR_JAVA_OPTS (default -Xmx512m), BENCH_DIR (logs and data, default
# target/benchmark; its data is deleted at start unless --keep-data), the stack's usual variables
# (POS_COMMIT_INTERVAL_MS, POS_TOPIC_PARTITIONS, ...) and its ports (defaults here: API 18080, Kafka 19092/19093,
# MongoDB 28017, processors 18081/18082, the bare Spring MVC baseline 18090).
set -euo pipefail
cd "$(dirname "$0")"

source local-stack/stack-jvm.sh
GENERATOR_JAR=load-generator/target/load-generator-0.1.0-SNAPSHOT-exec.jar
BENCH_DIR=${BENCH_DIR:-target/benchmark}

api_url=""
jfr_file=""
build=yes
keep_data=no
generator_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --api-url) api_url="$2"; shift 2 ;;
        --api-url=*) api_url="${1#*=}"; shift ;;
        --jfr) jfr_file="$2"; shift 2 ;;
        --jfr=*) jfr_file="${1#*=}"; shift ;;
        --no-build) build=no; shift ;;
        --keep-data) keep_data=yes; shift ;;
        --help|-h) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; echo; generator_args=(--help); build=no; api_url=none; shift ;;
        *) generator_args+=("$1"); shift ;;
    esac
done

out_of_date() {
    [[ ! -f "$STACK_JAR" || ! -f "$GENERATOR_JAR" ]] && return 0
    [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$GENERATOR_JAR" -print -quit 2>/dev/null)" ]] && return 0
    [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$STACK_JAR" -print -quit 2>/dev/null)" ]]
}
if [[ "$build" == yes ]] && out_of_date; then
    echo "Building (no tests)..."
    ./mvnw --quiet --batch-mode -DskipTests install
fi

if [[ "$api_url" == none ]]; then
    exec java -jar "$GENERATOR_JAR" --help
fi

run_generator() {
    # shellcheck disable=SC2086
    java ${GENERATOR_JAVA_OPTS:--Xmx512m} -jar "$GENERATOR_JAR" "$@"
}

if [[ -n "$api_url" ]]; then
    run_generator --api-url "$api_url" "${generator_args[@]}"
    exit $?
fi

export API_PORT=${API_PORT:-18080}
export KAFKA_PORT=${KAFKA_PORT:-19092}
export KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19093}
export MONGO_PORT=${MONGO_PORT:-28017}
export ORDER_PROCESSOR_PORT=${ORDER_PROCESSOR_PORT:-18081}
export INVENTORY_PROCESSOR_PORT=${INVENTORY_PROCESSOR_PORT:-18082}
# the bare Spring MVC endpoint in the stack's JVM: the bare scenario's same-run baseline
export POS_BARE_BASELINE_PORT=${POS_BARE_BASELINE_PORT:-18090}
export POS_DATA_DIR="$BENCH_DIR/data"
if [[ "$keep_data" == no ]]; then
    rm -rf "$POS_DATA_DIR"
elif [[ ! -d "$POS_DATA_DIR" ]]; then
    echo "--keep-data: no data in $POS_DATA_DIR from an earlier run" >&2
    exit 1
fi
mkdir -p "$POS_DATA_DIR"
stack_log="$BENCH_DIR/stack.log"

jfr_option=()
if [[ -n "$jfr_file" ]]; then
    jfr_option=("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$jfr_file")
fi
prepare_stack_launch
# removed here, not by the background job's redirection, so the readiness check never reads a previous run's log
rm -f "$stack_log"
echo "Starting the local stack (API on port $API_PORT, data in $POS_DATA_DIR ($(du -sh "$POS_DATA_DIR" | cut -f1)), log in $stack_log)..."
started_at=$(date +%s.%N)
# shellcheck disable=SC2086
MALLOC_ARENA_MAX="$STACK_MALLOC_ARENA_MAX" java ${SUT_JAVA_OPTS:-$STACK_DEFAULT_JAVA_OPTS} "${jfr_option[@]}" "${STACK_LAUNCH[@]}" \
    >"$stack_log" 2>&1 &
stack_pid=$!
stop_stack() {
    if kill -0 "$stack_pid" 2>/dev/null; then
        echo "Stopping the local stack (pid $stack_pid)..."
        kill "$stack_pid"
        wait "$stack_pid" 2>/dev/null || true
    fi
}
trap stop_stack EXIT

ready_within=$([[ "$keep_data" == yes ]] && echo 900 || echo 300)
deadline=$((SECONDS + ready_within))
until grep -q "POS local stack ready" "$stack_log" 2>/dev/null; do
    if ! kill -0 "$stack_pid" 2>/dev/null; then
        echo "The local stack exited while starting; last lines of $stack_log:" >&2
        tail -40 "$stack_log" >&2
        exit 1
    fi
    if (( SECONDS > deadline )); then
        echo "The local stack was not ready within $ready_within s; see $stack_log" >&2
        exit 1
    fi
    sleep 0.2
done
echo "Local stack ready (pid $stack_pid) in $(awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s."

run_generator --api-url "http://localhost:$API_PORT" --bare-url "http://127.0.0.1:$POS_BARE_BASELINE_PORT" \
    --sut-pid "$stack_pid" "${generator_args[@]}"
