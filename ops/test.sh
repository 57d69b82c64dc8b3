#!/usr/bin/env bash
# The README's test command: makes sure what the tests use is on this machine, then runs them all.
# - MariaDB at 127.0.0.1:3306 (ops/ensure-mariadb.sh);
# - pdfinfo (Debian's poppler-utils): a test reads the encryption of a statement as poppler reports it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/ensure-mariadb.sh
if [ ! -x /usr/bin/pdfinfo ]; then
  echo "Installing poppler-utils (pdfinfo) ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
mvn -B -ntp verify "$@"
