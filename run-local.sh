#!/usr/bin/env bash
# Builds (without running tests) and starts the whole POS system in one JVM on the embedded default:
# an Apache Kafka broker (KRaft), a MongoDB-wire server (mongo-java-server on H2) and the three services.
# The API listens on http://localhost:8080. Data is kept in ./data (POS_DATA_DIR); Ctrl-C stops, data stays.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw --quiet --batch-mode -DskipTests install
# a fixed 512 MB heap and two malloc arenas keep the stack's RSS under 1 GiB, overload included; the heap starts at
# its full size because G1, growing it under a sudden load, began marking too late and fell back to a full
# collection (docs/benchmarks.md, "Heap under overload"). run-benchmark.sh starts the stack the same way
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java ${JAVA_OPTS:--Xms512m -Xmx512m} -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
