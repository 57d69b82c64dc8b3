#!/usr/bin/env bash
# The README's test command: makes sure what the tests use is on this machine, then runs them all.
# - MariaDB at 127.0.0.1:3306 (ops/ensure-mariadb.sh);
# - pdfinfo (Debian's poppler-utils): a test reads the encryption of a statement as poppler reports it;
# - chromium and chromedriver (Debian's): the console's browser tests drive them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/ensure-mariadb.sh
missing=()
[ -x /usr/bin/pdfinfo ] || missing+=(poppler-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mvn -B -ntp verify "$@"
