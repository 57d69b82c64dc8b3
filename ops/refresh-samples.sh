#!/usr/bin/env bash
# Re-renders the samples kept in reports/samples/ from the demo (ops/demo.sh: October and November 2026):
# three statements, each as its PDF and a PNG of its first page, and the first two pages of November's
# close summary. Run it after changing a report template or what a statement or summary shows, and look
# at the PNGs before committing.
#   - statement-2026-10-R006: a rep who changed plan mid-month;
#   - statement-2026-11-R001: accelerator above quota, a SPIFF and a clawback;
#   - statement-2026-11-M001: a manager paid on the team's roll-up, in two currencies;
#   - console-periods: the console's periods page after the two closes, as finance sees it;
#   - console-drilldown: finance's drill-down of R001's November pay, payout to pay lines to earning lines.
#
#   ops/refresh-samples.sh
#
# Needs Java 17 and Maven; pdftoppm (Debian package poppler-utils) and chromium for the PNGs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v pdftoppm >/dev/null || { echo "refresh-samples: needs pdftoppm (apt-get install poppler-utils)" >&2; exit 1; }
mvn -B -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ops/demo.sh "$work/out" >"$work/demo.txt" 2>&1 || { cat "$work/demo.txt" >&2; exit 1; }
mkdir -p reports/samples
for statement in 2026-10/R006 2026-11/R001 2026-11/M001; do
  name="statement-${statement%/*}-${statement#*/}"
  cp "$work/out/statements/$statement.pdf" "reports/samples/$name.pdf"
  pdftoppm -r 80 -png -singlefile -f 1 -l 1 "reports/samples/$name.pdf" "reports/samples/$name"
done
cp "$work/out/reports/close-summary-2026-11.pdf" reports/samples/close-summary-2026-11.pdf
pdftoppm -r 80 -png -f 1 -l 2 reports/samples/close-summary-2026-11.pdf reports/samples/close-summary-2026-11

# the console: sign in as finance, save the periods page beside its stylesheet, and let chromium draw it
java -jar target/compclose.jar console --out="$work/out" --server.port=18099 >"$work/console.txt" 2>&1 &
console=$!
trap 'kill $console 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do grep -q '^Console:' "$work/console.txt" && break; sleep 1; done
site=http://127.0.0.1:18099
password=$(awk '$1 == "finance" {print $2}' "$work/out/console/initial-passwords.txt")
token=$(curl -s -c "$work/jar" -b "$work/jar" "$site/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
curl -s -c "$work/jar" -b "$work/jar" -o /dev/null --data-urlencode "username=finance" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$site/login"
curl -s -b "$work/jar" "$site/periods" | sed 's|href="/console.css"|href="console.css"|' >"$work/periods.html"
curl -s "$site/console.css" >"$work/console.css"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,380 \
  --screenshot="$root/reports/samples/console-periods.png" "file://$work/periods.html" 2>/dev/null
curl -s -b "$work/jar" "$site/periods/2026-11/reps/R001" | sed 's|href="/console.css"|href="console.css"|' >"$work/drilldown.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,900 \
  --screenshot="$root/reports/samples/console-drilldown.png" "file://$work/drilldown.html" 2>/dev/null
echo "wrote reports/samples/: $(ls reports/samples | tr '\n' ' ')"
