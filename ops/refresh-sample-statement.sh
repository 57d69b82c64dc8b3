#!/usr/bin/env bash
# Re-renders the sample statement kept in reports/samples/ from the demo close, as a PDF and a PNG
# of its first page. Run it after changing reports/statement.jrxml or what a statement shows, and
# look at the PNG before committing.
#
#   ops/refresh-sample-statement.sh [REP_ID]     (default R006: a rep who changed plan mid-month)
#
# Needs Java 17 and Maven; pdftoppm (Debian package poppler-utils) for the PNG.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rep="${1:-R006}"
cd "$root"
mvn -B -q package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
java -jar target/compclose.jar close --period=2026-10 --inbox=jobs/samples/inbox/2026-10 --out="$out" \
  --compclose.progress=false >"$out/close.txt" 2>&1 || { cat "$out/close.txt" >&2; exit 1; }
pdf="$out/statements/2026-10/$rep.pdf"
[ -f "$pdf" ] || { echo "refresh-sample-statement: the demo close has no statement for $rep" >&2; exit 2; }
mkdir -p reports/samples
cp "$pdf" "reports/samples/statement-2026-10-$rep.pdf"
if command -v pdftoppm >/dev/null; then
  pdftoppm -r 80 -png -singlefile -f 1 -l 1 "$pdf" "reports/samples/statement-2026-10-$rep"
  echo "wrote reports/samples/statement-2026-10-$rep.pdf and .png"
else
  echo "wrote reports/samples/statement-2026-10-$rep.pdf (no pdftoppm: apt-get install poppler-utils for the PNG)"
fi
