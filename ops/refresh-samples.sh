#!/usr/bin/env bash
# Re-renders the samples kept in reports/samples/ from the demo (ops/demo.sh: October and November 2026):
# three statements, each as its PDF and a PNG of its first page, and the first two pages of November's
# close summary. Run it after changing a report template or what a statement or summary shows, and look
# at the PNGs before committing.
#   - statement-2026-10-R006: a rep who changed plan mid-month;
#   - statement-2026-11-R001: accelerator above quota, a SPIFF and a clawback;
#   - statement-2026-11-M001: a manager paid on the team's roll-up, in two currencies.
#
#   ops/refresh-samples.sh
#
# Needs Java 17 and Maven; pdftoppm (Debian package poppler-utils) for the PNGs.
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
echo "wrote reports/samples/: $(ls reports/samples | tr '\n' ' ')"
