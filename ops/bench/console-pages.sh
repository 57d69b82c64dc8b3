#!/usr/bin/env bash
# The console's pages over the reference month: the time the server takes to answer each page, as a signed-in
# finance user sees it. A benchmark, never a test: it prints figures and asserts nothing.
#
#   ops/bench/console-pages.sh                 the reference month (2,000 reps, 200,000 bookings, 5,000,000 usage)
#   ops/bench/console-pages.sh --scale 5       a fifth of it
#   ops/bench/console-pages.sh -n 50           50 requests a page (default 20)
#
# Options:
#   --work DIR     scratch folder (default /tmp/compclose-bench): the inbox (generated as run.sh does, or reused),
#                  the closed month's output folder console-out-r…-b…-u… (closed once, then reused), logs
#   --period YYYY-MM   (default 2026-10)
#   --port N       the console's port (default 18080)
#   -n N           requests per page
#
# The close runs on MariaDB at 127.0.0.1:3306 (the BENCH_DB_* variables of run.sh) in its own database,
# compclose_bench_console (BENCH_CONSOLE_DB_NAME), dropped and re-created only when the month is closed anew.
# Server time is curl's time_total on loopback: from the request sent to the last byte of the page (a page is
# rendered as it is sent, so its first byte says little).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
period=2026-10 reps=2000 bookings=200000 usage=5000000 bad=2000
work=/tmp/compclose-bench port=18080 requests=20
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) shift; reps=$((2000 / $1)); bookings=$((200000 / $1)); usage=$((5000000 / $1)); bad=$((2000 / $1)) ;;
    --work) shift; work=$1 ;;
    --period) shift; period=$1 ;;
    --port) shift; port=$1 ;;
    -n) shift; requests=$1 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "console-pages.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

host=${BENCH_DB_HOST:-127.0.0.1} db_port=${BENCH_DB_PORT:-3306}
user=${BENCH_DB_USER:-root} password=${BENCH_DB_PASSWORD:-}
db=${BENCH_CONSOLE_DB_NAME:-compclose_bench_console}
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "console-pages.sh: database name '$db': letters, digits and _ only" >&2; exit 2; }
client=$(command -v mariadb || command -v mysql) || { echo "console-pages.sh: no mariadb/mysql client" >&2; exit 2; }
sql() { MYSQL_PWD="$password" "$client" -h"$host" -P"$db_port" -u"$user" --batch --skip-column-names "$@"; }
url="jdbc:mysql://$host:$db_port/$db?rewriteBatchedStatements=true"
export SPRING_DATASOURCE_PASSWORD="$password"  # CompClose refuses a password on its command line

jar="${COMPCLOSE_JAR:-$root/target/compclose.jar}"  # COMPCLOSE_JAR: another build, e.g. a copy while you rebuild
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

# the reference month and, for the rejects page to page through, 2,000 bookings.csv rows with no number for acv
inbox="$work/inbox-r$reps-b$bookings-u$usage-x$bad/$period"
if [ ! -f "$inbox/.complete" ]; then
  echo "== generating $inbox"
  rm -rf "$inbox"
  python3 "$here/generate-month.py" --out "$inbox" --period "$period" --reps "$reps" --bookings "$bookings" \
    --usage "$usage" --bad-bookings "$bad"
  touch "$inbox/.complete"
fi

# --- the closed month ----------------------------------------------------------------------------
out="$work/console-out-r$reps-b$bookings-u$usage-x$bad"
compclose() { java -jar "$jar" "$@" --out="$out" --spring.datasource.url="$url" --spring.datasource.username="$user"; }
if [ -f "$out/.closed-$period" ]; then
  echo "== reusing the closed month in $out"
else
  echo "== closing $period into $out (database $db; log $work/console-close.log)"
  rm -rf "$out"
  mkdir -p "$out"
  sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  start=$(date +%s)
  rc=0
  compclose close --period="$period" --inbox="$inbox" --compclose.progress=false >"$work/console-close.log" 2>&1 || rc=$?
  if [ "$rc" -eq 3 ]; then  # stopped for review: approved as the bench, then continued
    compclose approve --period="$period" --by=bench --note="console bench" >>"$work/console-close.log" 2>&1
    rc=0
    compclose close --period="$period" --inbox="$inbox" --compclose.progress=false >>"$work/console-close.log" 2>&1 || rc=$?
  fi
  [ "$rc" -eq 0 ] || { echo "console-pages.sh: the close ended with exit code $rc:" >&2; tail -20 "$work/console-close.log" >&2; exit 1; }
  echo "   closed in $(( $(date +%s) - start )) s"
  touch "$out/.closed-$period"
fi

# --- the console ---------------------------------------------------------------------------------
base="http://127.0.0.1:$port"
echo "== console on $base (log $work/console.log)"
compclose console --server.port="$port" --server.address=127.0.0.1 >"$work/console.log" 2>&1 &
console_pid=$!
trap 'kill "$console_pid" 2>/dev/null || true; wait "$console_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health")" = 200 ] && break
  kill -0 "$console_pid" 2>/dev/null || { echo "console-pages.sh: the console stopped:" >&2; tail -20 "$work/console.log" >&2; exit 1; }
  sleep 0.5
done

# sign in as finance: the form's CSRF token, then the form
cookies="$work/console-cookies.txt"
rm -f "$cookies"
secret=$(awk '$1 == "finance" { print $2 }' "$out/console/initial-passwords.txt")
csrf=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -b "$cookies" --data-urlencode "username=finance" \
  --data-urlencode "password=$secret" --data-urlencode "_csrf=$csrf" "$base/login")
[ "$code" = 302 ] || { echo "console-pages.sh: signing in answered $code" >&2; exit 1; }

rep=$(sed -n '2s/,.*//p' "$inbox/reps.csv")
pages=("/periods" "/periods/$period/rejects?page=2" "/periods/$period/rejects?page=20&file=bookings.csv"
  "/periods/$period/reps" "/periods/$period/reps/$rep" "/periods/$period/reps/$rep/ytd" "/periods/$period/review"
  "/periods/$period/reconciliation" "/periods/$period/statements" "/periods/$period/close" "/audit" "/inquiries")

echo
echo "== server time per page, $requests requests each after one warm-up (curl time_total on loopback, ms)"
printf '%-40s %6s %8s %8s %8s\n' page status median max bytes
for page in "${pages[@]}"; do
  curl -s -o /dev/null -b "$cookies" "$base$page"  # warm-up: the first request compiles the template
  times=()
  status="" size=""
  for _ in $(seq 1 "$requests"); do
    read -r status secs size < <(curl -s -o /dev/null -b "$cookies" -w '%{http_code} %{time_total} %{size_download}\n' "$base$page")
    times+=("$secs")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v p="$page" -v s="$status" -v b="$size" '
    { t[NR] = $1 * 1000 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%-40s %6s %8.1f %8.1f %8s%s\n", p, s, m, t[NR], b, (s == 200 ? "" : "  (not 200: no such page?)") }'
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
