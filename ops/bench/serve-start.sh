#!/usr/bin/env bash
# How long `serve` takes to start: from the process start to /actuator/health answering 200, the median of 5
# starts (target: under 10 s on the project's machine). A benchmark, never a test: it prints figures only.
#
#   ops/bench/serve-start.sh                  on the embedded database, in a scratch output folder
#   ops/bench/serve-start.sh -n 9 --port 18181
#   BENCH_JAVA_OPTS=-Xlog:class+load:file=/tmp/cl.txt ops/bench/serve-start.sh -n 1    JVM options for each start
#
# The first start of a new output folder also creates the database (every Liquibase changeset) and the console's
# users: it is timed apart. The catalog is the repository's jobs/catalog; no scheduled job fires in the seconds
# a start takes unless its cron says so. Each start's log is kept in $work/serve-start-N.log.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work=/tmp/compclose-bench port=18181 starts=5
while [ $# -gt 0 ]; do
  case "$1" in
    -n) shift; starts=$1 ;;
    --port) shift; port=$1 ;;
    --work) shift; work=$1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve-start.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
jar="${COMPCLOSE_JAR:-$root/target/compclose.jar}"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
out="$work/serve-start-out"
rm -rf "$out"
mkdir -p "$out"

# one start: prints the seconds from the process start to health 200
start_once() {
  local log=$1 began pid
  for _ in $(seq 1 100); do  # the last start's server gone from the port, so that it never answers for this one
    curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health" || break
    sleep 0.2
  done
  began=$(date +%s.%N)
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --jobs="$root/jobs/catalog" --out="$out" --server.port="$port" \
    --server.address=127.0.0.1 >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "serve-start.sh: serve stopped; see $log" >&2; exit 1; }
    sleep 0.05
  done
  # wall seconds, and the CPU seconds the JVM used meanwhile (all threads): on a busy machine the wall time
  # grows with the load, the CPU time much less
  awk -v a="$began" -v b="$(date +%s.%N)" -v tick="$(getconf CLK_TCK)" -v cpu="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")" \
    'BEGIN { printf "%.2f %.2f\n", b - a, cpu / tick }'
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "== serve start: process start -> /actuator/health 200 ($jar, load average $(cut -d' ' -f1-3 /proc/loadavg))"
read -r wall cpu < <(start_once "$work/serve-start-0.log")
printf 'first start (creates the database): %s s (%s s of CPU)\n' "$wall" "$cpu"
times=() cpus=()
for i in $(seq 1 "$starts"); do
  read -r wall cpu < <(start_once "$work/serve-start-$i.log")
  printf 'start %d: %s s (%s s of CPU)\n' "$i" "$wall" "$cpu"
  times+=("$wall") cpus+=("$cpu")
done
printf '%s\n' "${cpus[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "CPU seconds, median: %.2f on %d cores\n", t[int((NR + 1) / 2)], '"$(nproc)"' }'
printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END {
  m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
  printf "median of %d: %.2f s (min %.2f, max %.2f); target under 10 s: %s\n", NR, m, t[1], t[NR],
    (m < 10 ? "met" : "missed") }'
grep -h "Started CompCloseApplication" "$work/serve-start-$starts.log" "$out/logs/compclose.log" 2>/dev/null | tail -1 || true
