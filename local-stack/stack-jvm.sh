# Sourced by ./run-local.sh and ./run-benchmark.sh: how the local stack's JVM is started, in one place.
# A fixed 512 MB heap and two malloc arenas keep the stack's RSS under 1 GiB, overload included. The heap starts at
# its full size because G1, growing it under a sudden load, began marking too late and fell back to a full
# collection (docs/benchmarks.md, "Heap under overload").
# shellcheck shell=bash
STACK_JAR=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
STACK_DEFAULT_JAVA_OPTS="-Xms512m -Xmx512m"
# set for the stack alone, not for the builds or the load generator beside it
STACK_MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
