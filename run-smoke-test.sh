#!/usr/bin/env bash
# Smoke test of a running POS system: walks the README's flow once (admin logs in and registers a cashier for a
# store, creates and stocks a product; the cashier places an order with an Idempotency-Key, replays it, moves it to
# completed; the stock and the order's events on pos.orders.events.v1 must show it). Prints ok or FAILED per step
# and 'smoke: N passed, M failed'; exits non-zero on a failure. The test is load-generator's SmokeTest.
#
#   POS_BOOTSTRAP_ADMIN_USERNAME=... POS_BOOTSTRAP_ADMIN_PASSWORD=... \
#     ./run-smoke-test.sh --api-url http://localhost:8080 --kafka localhost:9092 [--timeout 60s] [--no-build]
#
#   the local stack (./run-local.sh): --kafka localhost:9092 (KAFKA_PORT); docker compose: --kafka localhost:29092
#   --no-build    use the jar as it is (otherwise it is built when missing or older than the sources)
#   admin: --admin-user / --admin-password, or the variables above (preferred: a command line is visible to others)
set -euo pipefail
cd "$(dirname "$0")"

JAR=load-generator/target/load-generator-0.1.0-SNAPSHOT-smoke.jar

build=yes
args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=no ;;
        --help|-h) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$arg") ;;
    esac
done

if [[ "$build" == yes ]] && { [[ ! -f "$JAR" ]] \
        || [[ -n "$(find pom.xml load-generator/pom.xml load-generator/src/main -newer "$JAR" -print -quit)" ]]; }; then
    echo "Building the smoke test (load-generator, no tests)..."
    ./mvnw --quiet --batch-mode -DskipTests -pl load-generator package
fi

# shellcheck disable=SC2086
exec java ${SMOKE_JAVA_OPTS:--Xmx256m} -jar "$JAR" "${args[@]}"
