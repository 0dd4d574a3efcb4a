# Sourced by ./run-local.sh and ./run-benchmark.sh: how the local stack's JVM is started, in one place.
# A fixed 512 MB heap and two malloc arenas keep the stack's RSS under 1 GiB, overload included. The heap starts at
# its full size because G1, growing it under a sudden load, began marking too late and fell back to a full
# collection (docs/benchmarks.md, "Heap under overload").
# shellcheck shell=bash
STACK_JAR=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
STACK_DEFAULT_JAVA_OPTS="-Xms512m -Xmx512m"
# glibc keeps what the JVM, RocksDB and Netty free in its arenas; handing it back every 10 s took the stack's RSS
# 30-35 MB lower under load (docs/benchmarks.md, "Memory under 1 GiB"). Experimental in JDK 17 (17.0.9 and later),
# so it is added only where the JVM accepts it.
STACK_NATIVE_TRIM="-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000"
# shellcheck disable=SC2086
if java $STACK_NATIVE_TRIM -version >/dev/null 2>&1; then
    STACK_DEFAULT_JAVA_OPTS="$STACK_DEFAULT_JAVA_OPTS $STACK_NATIVE_TRIM"
fi
# set for the stack alone, not for the builds or the load generator beside it
STACK_MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Class-data sharing, with POS_CDS=on: the JVM loads about 23,000 classes to start the stack, most of the time it
# takes. Once per build the jar is extracted and one start-up is recorded into an archive of those classes, parsed
# and verified; every later start maps it instead. Ready in 13-14 s instead of 23-26 s, but placements fell behind at
# 200/s in both benchmark runs with it and in none without (docs/benchmarks.md, "A class-data archive"), so it is
# off by default. Absolute paths: the archive is valid only for the class path it was recorded with.
STACK_EXTRACTED_DIR="$PWD/local-stack/target/stack"
STACK_EXTRACTED_JAR="$STACK_EXTRACTED_DIR/$(basename "$STACK_JAR")"
STACK_CDS_ARCHIVE="$STACK_EXTRACTED_DIR/stack.jsa"
# what the archive was recorded from: the jar's checksum (builds are reproducible) and the JDK
STACK_CDS_SOURCE="$STACK_EXTRACTED_DIR/recorded-from"

# Sets STACK_LAUNCH to the java arguments after the options that start the stack: the extracted jar with its archive
# (recorded first when the jar or the JDK changed) with POS_CDS=on, else (or when no archive can be made) the jar.
prepare_stack_launch() {
    STACK_LAUNCH=(-jar "$STACK_JAR")
    [[ "${POS_CDS:-off}" == on ]] || return 0
    local source
    source="$(cksum <"$STACK_JAR") $(java -version 2>&1 | tr '\n' ' ')"
    if [[ -s "$STACK_CDS_ARCHIVE" && -f "$STACK_CDS_SOURCE" && "$(cat "$STACK_CDS_SOURCE")" == "$source" ]]; then
        STACK_LAUNCH=(-XX:SharedArchiveFile="$STACK_CDS_ARCHIVE" -jar "$STACK_EXTRACTED_JAR")
        return 0
    fi
    echo "Recording the stack's class-data archive (once per build: later starts take about 40 % less time)..."
    rm -rf "$STACK_EXTRACTED_DIR"
    if ! java -Djarmode=tools -jar "$STACK_JAR" extract --destination "$STACK_EXTRACTED_DIR" >/dev/null; then
        echo "Extracting $STACK_JAR failed: starting without a class-data archive" >&2
        return 0
    fi
    if record_stack_archive; then
        echo "$source" >"$STACK_CDS_SOURCE"
        STACK_LAUNCH=(-XX:SharedArchiveFile="$STACK_CDS_ARCHIVE" -jar "$STACK_EXTRACTED_JAR")
    else
        rm -f "$STACK_CDS_ARCHIVE"
        echo "Recording the class-data archive failed (log kept in $STACK_EXTRACTED_DIR): starting without it" >&2
    fi
}

# Starts the extracted stack on a throw-away data directory and free ports, answers one request, stops it: the JVM
# writes the classes it loaded into the archive as it exits.
record_stack_archive() {
    local work base pid status=1 deadline
    work=$(mktemp -d "$STACK_EXTRACTED_DIR/recording.XXXXXX")
    base=$(free_port_base) || return 1
    (
        export_stack_ports "$base"
        export POS_DATA_DIR="$work/data"
        unset POS_BARE_BASELINE_PORT
        # shellcheck disable=SC2086
        MALLOC_ARENA_MAX="$STACK_MALLOC_ARENA_MAX" exec java $STACK_DEFAULT_JAVA_OPTS \
            -XX:ArchiveClassesAtExit="$STACK_CDS_ARCHIVE" -jar "$STACK_EXTRACTED_JAR"
    ) >"$work/stack.log" 2>&1 &
    pid=$!
    deadline=$((SECONDS + 300))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        if grep -q "POS local stack ready" "$work/stack.log"; then
            # the request path's classes too
            if command -v curl >/dev/null; then curl -s -o /dev/null "http://localhost:$base/health" || true; fi
            status=0
            break
        fi
        sleep 1
    done
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [[ $status -eq 0 && -s "$STACK_CDS_ARCHIVE" ]]; then
        rm -rf "$work"
        return 0
    fi
    mv "$work/stack.log" "$STACK_EXTRACTED_DIR/recording.log" 2>/dev/null
    rm -rf "$work"
    return 1
}

# The stack's six ports from a base: API, Kafka, Kafka's controller, MongoDB, order-processor, inventory-processor.
export_stack_ports() {
    export API_PORT=$1 KAFKA_PORT=$(($1 + 1)) KAFKA_CONTROLLER_PORT=$(($1 + 2)) MONGO_PORT=$(($1 + 3))
    export ORDER_PROCESSOR_PORT=$(($1 + 4)) INVENTORY_PROCESSOR_PORT=$(($1 + 5))
}

# Six consecutive free ports from a random base below Linux's ephemeral range, so a stack already running is left alone.
free_port_base() {
    local base port
    for _ in $(seq 1 50); do
        base=$((20000 + RANDOM % 12000))
        for port in $(seq "$base" $((base + 5))); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue 2
        done
        echo "$base"
        return 0
    done
    return 1
}
