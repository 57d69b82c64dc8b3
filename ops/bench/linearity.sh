#!/usr/bin/env bash
# Linear growth (issue 8): the whole close with a tenth of the usage rows, then with all of them, every
# other input equal, and the ratio of each usage-dependent step's time and of the whole close's.
# The target: 10 x the usage rows costs at most 11 x the time.
#
#   ops/bench/linearity.sh [run.sh options]             500,000 then 5,000,000 usage rows, --full
#   ops/bench/linearity.sh --compare SMALL.tsv LARGE.tsv   only compare two runs' results files
#
# Any options go to both runs of run.sh (--work, --reps, --bookings, --xmx ...), except --usage and
# --scale, which this script sets. Each run takes as long as a full benchmark.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
small_usage=500000 large_usage=5000000

compare() {  # small.tsv large.tsv
  echo
  echo "== linearity: $(basename "$1") against $(basename "$2") (target: ratio <= 11 for 10 x the usage rows)"
  printf '%-36s %10s %10s %8s\n' step small_s large_s ratio
  awk -F'\t' -v OFS='\t' '
    NR == FNR { small[$1] = $2; next }
    { large[$1] = $2 }
    END {
      n = split("loadUsage summariseUsage reconcile calculateEarnings close", names, " ")
      for (i = 1; i <= n; i++) {
        s = small[names[i]]; l = large[names[i]]
        label = names[i] == "close" ? "whole close (wall time)" : names[i]
        if (s > 0 && l > 0) printf "%-36s %10.2f %10.2f %8.2f  %s\n", label, s, l, l / s, (l / s <= 11 ? "linear" : "above 11")
        else printf "%-36s %10s %10s %8s\n", label, s, l, "-"
      }
      s = small["loadUsage"] + small["summariseUsage"]; l = large["loadUsage"] + large["summariseUsage"]
      if (s > 0 && l > 0) printf "%-36s %10.2f %10.2f %8.2f  %s\n", "loadUsage + summariseUsage", s, l, l / s,
        (l / s <= 11 ? "linear" : "above 11")
    }' "$1" "$2"
}

if [ "${1:-}" = --compare ]; then
  compare "$2" "$3"
  exit 0
fi

args=() work=/tmp/compclose-bench reps=2000 bookings=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --usage|--scale) echo "linearity.sh: $1 is set by this script" >&2; exit 2 ;;
    --work) work=$2; args+=("$1" "$2"); shift ;;
    --reps) reps=$2; args+=("$1" "$2"); shift ;;
    --bookings) bookings=$2; args+=("$1" "$2"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
for usage in $small_usage $large_usage; do
  "$here/run.sh" --full --usage "$usage" ${args[@]+"${args[@]}"}
done
compare "$work/results-r$reps-b$bookings-u$small_usage.tsv" "$work/results-r$reps-b$bookings-u$large_usage.tsv"
