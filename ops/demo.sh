#!/usr/bin/env bash
# The README's demo: closes the two sample months of jobs/samples/inbox with the packaged jar, on the
# embedded database under OUT, as finance would. October stops at the review gate (exit 3), finance
# approves it, the same close continues to payroll and statements; then November, which reads
# October's credits and ledger (true-up, clawback) and uses every input file, closes.
#
#   mvn -B -q package -DskipTests && ops/demo.sh [OUT]      (default OUT: out/demo; it must not exist)
#
# Builds nothing: it runs target/compclose.jar.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="${1:-out/demo}"
jar=target/compclose.jar
[ -f "$jar" ] || { echo "demo: no $jar; build it first: mvn -B -q package -DskipTests" >&2; exit 1; }
[ ! -e "$out" ] || { echo "demo: $out exists (a closed month is never closed twice); remove it or name another folder" >&2; exit 1; }

# Runs one command of the demo, printing it first; fails the demo on an exit code other than the expected one.
run() {
  local expected=$1; shift
  echo "\$ java -jar $jar $(printf '%q ' "$@")"
  java -jar "$jar" "$@"
  local code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "demo: exit code $code, expected $expected; stopping" >&2
    exit 1
  fi
  echo
}

echo "== October 2026: 100 bookings with deliberate mistakes; the review gate stops the close (exit 3)"
run 3 close --period=2026-10 --inbox=jobs/samples/inbox/2026-10 --out="$out"
echo "== Finance reviews the exceptions and approves; the same close continues"
run 0 approve --period=2026-10 --by="Fiona Finance" --note="R010 and R999 are not on the roster: not paid" --out="$out"
run 0 close --period=2026-10 --inbox=jobs/samples/inbox/2026-10 --out="$out"
echo "== November 2026: every input file; the true-up over the year to date pays what November adds"
run 0 close --period=2026-11 --inbox=jobs/samples/inbox/2026-11 --out="$out"

echo "Closed October and November 2026 into $out:"
for period in 2026-10 2026-11; do
  echo "  $period  payroll $out/payroll/payroll-$period.csv, $(ls "$out/statements/$period" | wc -l) statements in" \
    "$out/statements/$period, close summary $out/reports/close-summary-$period.pdf"
done
echo "November's payroll file:"
sed 's/^/  /' "$out/payroll/payroll-2026-11.csv"
echo "Earning codes paid in the two months: $(tail -q -n +2 "$out"/payroll/payroll-2026-1[01].csv | cut -d, -f4 | sort -u | tr '\n' ' ')"
