#!/usr/bin/env bash
# Summarises CPU samples of a JFR recording: the hottest top frames, the hottest frames anywhere in the stack
# (inclusive), and the threads that were sampled most. Usage: load-generator/jfr-top.sh FILE.jfr [N]
set -eu  # no pipefail: head closing its pipe early is expected
file="$1"; n="${2:-25}"
samples=$(mktemp); trap 'rm -f "$samples"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" > "$samples"
total=$(grep -c "jdk.ExecutionSample" "$samples" || true)
echo "CPU samples: $total"
echo; echo "Top frames (self):"
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$samples" \
    | sort | uniq -c | sort -rn | head -"$n"
echo; echo "Frames anywhere in the stack (inclusive, by package prefix):"
awk '/stackTrace = \[/{inside=1; delete seen; next} inside && /^[ \t]*\]/{inside=0; next}
     inside { line=$0; sub(/^[ \t]+/, "", line); sub(/\(.*/, "", line); n=split(line, parts, ".");
              key=parts[1]; for (i = 2; i <= 3 && i < n; i++) key = key "." parts[i];
              if (!(key in seen)) { seen[key]=1; count[key]++ } }
     END { for (k in count) print count[k], k }' "$samples" | sort -rn | head -"$n"
echo; echo "Threads:"
grep -oE 'sampledThread = "[^"]+"' "$samples" | sed -E 's/sampledThread = "//; s/"$//; s/-[0-9]+$/-N/; s/[0-9a-f]{8}-[0-9a-f-]{27}/UUID/g' \
    | sort | uniq -c | sort -rn | head -"$n"
