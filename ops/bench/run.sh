#!/usr/bin/env bash
# The close on MariaDB, step by step, beside the machine's limits measured in the same run on the same
# rows: raw batched INSERT, LOAD DATA LOCAL INFILE, Commons CSV parse, JasperReports fill + export.
# A benchmark, never a test: it prints figures and asserts nothing.
#
#   ops/bench/run.sh                      the reference month: 2,000 reps, 200,000 bookings, 5,000,000 usage
#   ops/bench/run.sh --scale 5            a fifth of it (400 / 40,000 / 1,000,000)
#   ops/bench/run.sh --reps 50 --bookings 2000 --usage 20000     a smoke run
#
# Options:
#   --full         let the close run to the end (later steps can be slow at this scale) and report
#                  every step; by default the close is stopped once creditBookings has completed
#   --diagnose     also run RawInsert with the product's secondary indexes, and with intake's upsert
#   --work DIR     scratch folder (default /tmp/compclose-bench): inboxes, close output, logs
#   --period YYYY-MM  (default 2026-10)
#   --xmx SIZE     the close's maximum heap, e.g. 256m (default: the JVM's, a quarter of memory)
#   --chunk-size N     pass --compclose.intake-chunk-size=N to the close (default: the product's, 10000)
#
# Needs MariaDB at 127.0.0.1:3306 (root, empty password; override with BENCH_DB_HOST, BENCH_DB_PORT,
# BENCH_DB_USER, BENCH_DB_PASSWORD). It drops and re-creates the databases compclose_bench and
# compclose_bench_raw (BENCH_DB_NAME, BENCH_RAW_DB_NAME: others, so that two runs can share a server),
# and touches nothing else. Each run leaves its figures in $work/results-r<reps>-b<bookings>-u<usage>.tsv
# (linearity.sh compares two of them). BENCH_JAVA_OPTS adds JVM options to the close, e.g. a flight recording.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
period=2026-10
reps=2000 bookings=200000 usage=5000000
full=false diagnose=false chunk_args=() heap_args=()
work=/tmp/compclose-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=true ;;
    --diagnose) diagnose=true ;;
    --scale) shift; reps=$((2000 / $1)); bookings=$((200000 / $1)); usage=$((5000000 / $1)) ;;
    --reps) shift; reps=$1 ;;
    --bookings) shift; bookings=$1 ;;
    --usage) shift; usage=$1 ;;
    --work) shift; work=$1 ;;
    --period) shift; period=$1 ;;
    --xmx) shift; heap_args=(-Xmx"$1") ;;
    --chunk-size) shift; chunk_args=(--compclose.intake-chunk-size="$1") ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

host=${BENCH_DB_HOST:-127.0.0.1} port=${BENCH_DB_PORT:-3306}
user=${BENCH_DB_USER:-root} password=${BENCH_DB_PASSWORD:-}
db=${BENCH_DB_NAME:-compclose_bench} raw_db=${BENCH_RAW_DB_NAME:-compclose_bench_raw}
for name in "$db" "$raw_db"; do
  [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || { echo "run.sh: database name '$name': letters, digits and _ only" >&2; exit 2; }
done
client=$(command -v mariadb || command -v mysql) || { echo "run.sh: no mariadb/mysql client" >&2; exit 2; }
sql() { MYSQL_PWD="$password" "$client" -h"$host" -P"$port" -u"$user" --batch --skip-column-names "$@"; }

# --- the jar and the driver's classpath ----------------------------------------------------------
jar="$root/target/compclose.jar"
if [ ! -f "$jar" ]; then
  echo "== building $jar"
  (cd "$root" && mvn -B -q package -DskipTests)
fi
cp_file="$root/target/cp.txt"
if [ ! -s "$cp_file" ]; then
  mvn -q -f "$root/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
fi

# --- the month ---------------------------------------------------------------------------------
inbox="$work/inbox-r$reps-b$bookings-u$usage/$period"
if [ -f "$inbox/.complete" ]; then
  echo "== inbox $inbox (already generated)"
else
  echo "== generating $inbox"
  rm -rf "$inbox"
  start=$(date +%s)
  python3 "$here/generate-month.py" --out "$inbox" --period "$period" \
    --reps "$reps" --bookings "$bookings" --usage "$usage"
  touch "$inbox/.complete"
  echo "   generated in $(( $(date +%s) - start )) s"
fi

# --- machine facts -----------------------------------------------------------------------------
echo
echo "== machine"
echo "cores (nproc)          $(nproc)"
echo "memory                 $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "java                   $(java -version 2>&1 | head -1)"
echo "MariaDB                $(sql -e 'SELECT VERSION()')"
echo "innodb_buffer_pool     $(( $(sql -e 'SELECT @@innodb_buffer_pool_size') / 1048576 )) MiB"
echo "innodb_flush_log_at_trx_commit  $(sql -e 'SELECT @@innodb_flush_log_at_trx_commit')"
echo "load average           $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date                   $(date -u +%FT%TZ)"

# InnoDB writes a big load's pages out for minutes after it: each measurement starts once the
# server has settled, so neither the ceiling nor the close pays for the other's writes
settle() {
  local pages limit dirty
  pages=$(sql -e "SELECT @@innodb_buffer_pool_size DIV @@innodb_page_size")
  limit=$(( pages / 10 ))  # InnoDB keeps some pages dirty even when idle
  for _ in $(seq 1 60); do
    dirty=$(sql -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
                    WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")
    [ "${dirty:-0}" -lt "$limit" ] && return 0
    sleep 2
  done
  echo "   (the server still had $dirty of $pages pages dirty after 2 minutes; figures may be low)"
}

# --- the ceiling -------------------------------------------------------------------------------
# the last run's database goes first: dropping gigabytes of tables is I/O no measurement should share
sql -e "DROP DATABASE IF EXISTS $db"
settle
echo
echo "== raw batched INSERT of the same rows (RawInsert.java: rewriteBatchedStatements, batch 1000, commit per batch)"
raw_args=(--inbox "$inbox" --period "$period" --url "jdbc:mysql://$host:$port" --user "$user" --password "$password"
  --database "$raw_db")
raw=$(java -cp "$(cat "$cp_file")" "$here/RawInsert.java" "${raw_args[@]}")
echo "$raw"
if [ "$diagnose" = true ]; then
  java -cp "$(cat "$cp_file")" "$here/RawInsert.java" "${raw_args[@]}" --index
  java -cp "$(cat "$cp_file")" "$here/RawInsert.java" "${raw_args[@]}" --index --upsert
fi
settle
echo
echo "== LOAD DATA LOCAL INFILE of the same files, each whole in one statement (RawInsert.java --load-data)"
raw_load=$(java -cp "$(cat "$cp_file")" "$here/RawInsert.java" "${raw_args[@]}" --load-data)
echo "$raw_load"
echo
echo "== Commons CSV parse + conversion to typed values of the same files (RawParse.java, 1 thread, no database)"
raw_parse=$(java -cp "$(cat "$cp_file")" "$here/RawParse.java" --inbox "$inbox")
echo "$raw_parse"
settle

# --- the close ---------------------------------------------------------------------------------
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
out="$work/out"
rm -rf "$out"
mkdir -p "$out"
log="$work/close.log"
echo
echo "== close of $period on $host:$port/$db ${chunk_args[*]:-} (stdout/stderr in $log)"
# the GC log gives the peak heap: the most used just before any collection
# the password goes in the environment: CompClose refuses one on its command line
SPRING_DATASOURCE_PASSWORD="$password" \
java ${heap_args[@]+"${heap_args[@]}"} ${BENCH_JAVA_OPTS:-} -Xlog:gc:file="$work/gc.log" -jar "$jar" close --period="$period" --inbox="$inbox" --out="$out" --compclose.progress=false \
  --spring.datasource.url="jdbc:mysql://$host:$port/$db?rewriteBatchedStatements=true" \
  --spring.datasource.username="$user" ${chunk_args[@]+"${chunk_args[@]}"} \
  >"$log" 2>&1 &
close_pid=$!
stop_close() { kill "$close_pid" 2>/dev/null || true; }
trap stop_close EXIT

step_status() {
  sql "$db" -e "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '$1' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1" \
    2>/dev/null || true
}
started=$(date +%s.%N)
while :; do
  if ! kill -0 "$close_pid" 2>/dev/null; then
    wait "$close_pid" && rc=0 || rc=$?
    if [ "$(step_status creditBookings)" != COMPLETED ]; then
      echo "run.sh: the close ended (exit $rc) before creditBookings completed:" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    close_secs=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    echo "   the close ended with exit code $rc after $close_secs s (wall time, JVM start to exit)"
    break
  fi
  if [ "$full" = false ] && [ "$(step_status creditBookings)" = COMPLETED ]; then
    echo "   creditBookings completed after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }') s; stopping the close (--full runs it to the end)"
    for _ in 1 2 3 4 5 6 7 8 9 10; do  # let the step's "executed in" line reach the log first
      grep -q 'Step: \[creditBookings\] executed in' "$out/logs/compclose.log" 2>/dev/null && break
      sleep 0.5
    done
    stop_close
    wait "$close_pid" 2>/dev/null || true
    break
  fi
  sleep 2
done
trap - EXIT

echo
echo "== steps (BATCH_STEP_EXECUTION: rows = READ_COUNT, seconds = END_TIME - START_TIME)"
# Connector/J stores START_TIME and END_TIME in whole seconds on MariaDB 10.x (it sees the server as
# "5.5.5-10.x" and drops fractional seconds), so where Spring Batch's own "Step: [x] executed in
# 1m2s345ms" log line exists, its millisecond duration is used instead.
durations=$(sed -n 's/.*Step: \[\([A-Za-z]*\)\] executed in \([0-9hms]*\).*/\1 \2/p' "$out/logs/compclose.log" |
  awk '{ d = $2; t = 0
         if (match(d, /[0-9]+h/))  t += 3600 * substr(d, RSTART, RLENGTH - 1)
         if (match(d, /[0-9]+m[^s]/) || match(d, /[0-9]+m$/)) t += 60 * (substr(d, RSTART, RLENGTH) + 0)
         if (match(d, /[0-9]+s/))  t += substr(d, RSTART, RLENGTH - 1)
         if (match(d, /[0-9]+ms/)) t += substr(d, RSTART, RLENGTH - 2) / 1000
         printf "%s\t%.3f\n", $1, t }')
steps=$(sql "$db" -e "
  SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT,
         TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) / 1e6
  FROM BATCH_STEP_EXECUTION WHERE END_TIME IS NOT NULL ORDER BY STEP_EXECUTION_ID" |
  awk -F'\t' -v OFS='\t' 'NR == FNR { d[$1] = $2; next } { if ($1 in d) $5 = d[$1]; print }' \
    <(echo "$durations") -)
rejects=$(sql "$db" -e "SELECT source_file, COUNT(*) FROM intake_reject GROUP BY source_file" 2>/dev/null || true)
printf '%-20s %-10s %10s %10s %9s %12s\n' step status rows written seconds rows/s
echo "$steps" | while IFS=$'\t' read -r name status read write secs; do
  rate=$(awk -v r="$read" -v s="$secs" 'BEGIN { if (r > 0 && s > 0) printf "%.0f", r / s; else print "-" }')
  printf '%-20s %-10s %10s %10s %9.3f %12s\n' "$name" "$status" "$read" "$write" "$secs" "$rate"
done
echo "rejected rows: $( [ -z "$rejects" ] && echo 0 || echo "$rejects" | tr '\t\n' ' ;')"
peak_heap=$(sed -n 's/.* \([0-9]*\)M->[0-9]*M(\([0-9]*\)M).*/\1/p' "$work/gc.log" | awk '$1 > p { p = $1 } END { print p + 0 }')
echo "peak heap used (GC log): $(sed -n 's/.* \([0-9]*\)M->[0-9]*M(\([0-9]*\)M).*/\1 \2/p' "$work/gc.log" |
  awk '$1 > p { p = $1 } $2 > c { c = $2 } END { printf "%d MiB (heap at most %d MiB)", p, c }')${heap_args[*]:+ with ${heap_args[*]}}"
rate_of() {
  echo "$steps" | awk -F'\t' -v n="$1" '$1 == n && $3 > 0 && $5 > 0 { printf "%.0f", $3 / $5 }'
}

raw_rate() { echo "$raw" | awk -v f="$1" '$2 == f { sub("rows_per_s=", "", $5); print $5 }'; }

echo
echo "== intake against the ceiling (target: intake >= 60 % of raw)"
printf '%-30s %12s %12s %8s  %s\n' file intake/s raw/s ratio verdict
secs_of() { echo "$steps" | awk -F'\t' -v n="$1" '$1 == n { print $5 }'; }
rows_of() { echo "$steps" | awk -F'\t' -v n="$1" '$1 == n { print $3 }'; }
compare() {  # label, intake rows/s, raw rows/s
  if [ -n "$2" ] && [ -n "$3" ]; then
    awk -v f="$1" -v i="$2" -v r="$3" 'BEGIN { q = i / r;
      printf "%-30s %12.0f %12.0f %7.0f%%  %s\n", f, i, r, 100 * q, (q >= 0.6 ? "meets 60 %" : "below 60 %") }'
  else
    printf '%-30s %12s %12s %8s  %s\n' "$1" "${2:--}" "${3:--}" - "no figure"
  fi
}
compare bookings.csv "$(rate_of loadBookings)" "$(raw_rate bookings.csv)"
compare usage.csv "$(rate_of loadUsage)" "$(raw_rate usage.csv)"
# the usage summary is what the product does instead of a secondary index: count it with the load
usage_with_summary=$(awk -v r="$(rows_of loadUsage)" -v a="$(secs_of loadUsage)" -v b="$(secs_of summariseUsage)" \
  'BEGIN { if (r > 0 && a + b > 0) printf "%.0f", r / (a + b) }')
compare "usage.csv + summariseUsage" "$usage_with_summary" "$(raw_rate usage.csv)"
if [ "$full" = true ]; then
  # statements: the step against JasperReports fill + export alone, same template, same documents
  threads=$(nproc)
  echo
  echo "== JasperReports fill + PDF export of the same statements (RawStatements.java, $threads threads)"
  raw_pdf=$(java -cp "$root/target/classes:$(cat "$cp_file")" "$here/RawStatements.java" \
    --url "jdbc:mysql://$host:$port/$db" --user "$user" --password "$password" --period "$period" \
    --plans "$inbox/plans" --threads "$threads" 2>/dev/null | grep '^raw statements')
  echo "$raw_pdf"
  step_pdf=$(rate_of renderStatements)
  for pass in cold warm; do
    r=$(echo "$raw_pdf" | awk -v p="$pass" -v t="$threads" '$3 == p && $4 == "threads=" t {
      sub("pdfs_per_s=", "", $7); print $7; exit }')
    awk -v p="$pass" -v i="$step_pdf" -v r="$r" 'BEGIN { if (i > 0 && r > 0)
      printf "renderStatements %s / raw %s = %.1f%%  (target: 70 %%)\n", i, r " (" p ")", 100 * i / r }'
    [ "$pass" = warm ] && warm_raw=$r
  done
  # the step once its JIT has warmed up: each chunk's statements carry the time they were recorded, so
  # the chunks after the first, over the time from the first chunk's end to the last one's
  steady=$(sql "$db" -e "SELECT UNIX_TIMESTAMP(rendered_at), COUNT(*) FROM statement WHERE pay_period = '$period'
    GROUP BY rendered_at ORDER BY rendered_at" | awk 'NR == 1 { t0 = $1; next } { n += $2; t = $1 }
    END { if (t > t0) printf "%.1f", n / (t - t0) }')
  awk -v s="$steady" -v r="${warm_raw:-0}" 'BEGIN { if (s > 0 && r > 0)
    printf "renderStatements after its first chunk %s / raw %s (warm) = %.1f%%  (target: 70 %%)\n", s, r, 100 * s / r }'
fi

# --- the whole close against the sum of the limits (issue 8) -----------------------------------
# seconds summed over the lines of one measurement, e.g. seconds_in "$raw_parse"
seconds_in() { echo "$1" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^seconds=/) { sub("seconds=", "", $i); t += $i } }
  END { printf "%.2f", t }'; }
parse_secs=$(seconds_in "$raw_parse")
load_secs=$(seconds_in "$raw_load")
pdf_secs=$(echo "${raw_pdf:-}" | awk '$3 == "cold" { sub("seconds=", "", $6); print $6; exit }')
echo
echo "== the close against the limits of the same rows (target: whole close <= 2 x their sum, peak heap <= 1 GiB)"
printf '%-58s %9s\n' limit seconds
printf '%-58s %9s\n' "Commons CSV parse + convert, bookings.csv + usage.csv" "$parse_secs"
printf '%-58s %9s\n' "LOAD DATA LOCAL INFILE, bookings.csv + usage.csv" "$load_secs"
printf '%-58s %9s\n' "JasperReports fill + PDF export, cold JVM, $(nproc) threads" "${pdf_secs:-- (--full)}"
sum=$(awk -v a="$parse_secs" -v b="$load_secs" -v c="${pdf_secs:-0}" 'BEGIN { printf "%.1f", a + b + c }')
printf '%-58s %9s\n' "sum of the limits$([ -n "${pdf_secs:-}" ] || echo ' (without statements)')" "$sum"
printf '%-58s %9s\n' "target: 2 x the sum" "$(awk -v s="$sum" 'BEGIN { printf "%.1f", 2 * s }')"
if [ "$full" = true ] && [ -n "${close_secs:-}" ]; then
  awk -v w="$close_secs" -v s="$sum" 'BEGIN { printf "%-58s %9.1f  = %.2f x the sum: %s\n", "whole close (wall time)", w, w / s,
    (w <= 2 * s ? "meets the target" : "misses the target") }'
else
  printf '%-58s %9s\n' "whole close (wall time)" "- (--full)"
fi
awk -v h="$peak_heap" 'BEGIN { printf "%-58s %9s  %s\n", "peak heap used (MiB)", h, (h <= 1024 ? "within 1 GiB" : "above 1 GiB") }'

# the figures of this run, for linearity.sh: one "name<TAB>seconds" line each
results="$work/results-r$reps-b$bookings-u$usage.tsv"
{
  echo "$steps" | awk -F'\t' -v OFS='\t' '{ print $1, $5 }'
  echo -e "close\t${close_secs:-}"
  echo -e "peak_heap_mib\t$peak_heap"
  echo -e "limit_parse\t$parse_secs"
  echo -e "limit_load_data\t$load_secs"
  echo -e "limit_statements\t${pdf_secs:-}"
} >"$results"
echo "(figures kept in $results)"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the box skews every figure)"
