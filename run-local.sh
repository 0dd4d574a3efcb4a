#!/usr/bin/env bash
# Builds (without running tests) and starts the whole POS system in one JVM on the embedded default:
# an Apache Kafka broker (KRaft), a MongoDB-wire server (mongo-java-server on H2) and the three services.
# The API listens on http://localhost:8080. Data is kept in ./data (POS_DATA_DIR); Ctrl-C stops, data stays.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw --quiet --batch-mode -DskipTests install
source local-stack/stack-jvm.sh
prepare_stack_launch
# shellcheck disable=SC2086
MALLOC_ARENA_MAX="$STACK_MALLOC_ARENA_MAX" exec java ${JAVA_OPTS:-$STACK_DEFAULT_JAVA_OPTS} "${STACK_LAUNCH[@]}"
