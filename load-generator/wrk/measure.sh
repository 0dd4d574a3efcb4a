#!/usr/bin/env bash
# Runs wrk and prints requests per second, non-2xx answers and the stack's CPU per request (utime + stime of PID
# from /proc, in 10 ms ticks, before and after, divided by the requests).
#   load-generator/wrk/measure.sh PID DURATION CONNECTIONS WHAT [ARGS...]
#   WHAT: a .lua script (given DIR and ARGS), a path on the API (/health), or a URL (the bare endpoint)
set -euo pipefail
PID=$1 DURATION=$2 CONNECTIONS=$3 WHAT=$4
shift 4
DIR=${WRK_DIR:-target/wrk}
set -a; . "$DIR/env"; set +a
before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
case $WHAT in
  *.lua) out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WHAT" -H "Authorization: Bearer $TILL" "$API" -- "$DIR" "$@") ;;
  http*) out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$WHAT") ;;
  *) out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TILL" "$API$WHAT") ;;
esac
after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
requests=$(echo "$out" | awk '/requests in/{print $1}')
echo "$WHAT $*: $(echo "$out" | awk '/Requests\/sec/{print $2}') req/s, $requests requests," \
  "non-2xx $(echo "$out" | awk '/Non-2xx/{print $NF}' | grep . || echo 0)," \
  "latency avg/max $(echo "$out" | awk '/Latency/{print $2 "/" $4}')," \
  "stack CPU $(echo "scale=3; ($after - $before) * 10 / $requests" | bc) ms a request," \
  "RSS $(awk '/VmRSS/{print int($2 / 1024)}' "/proc/$PID/status") MiB"
