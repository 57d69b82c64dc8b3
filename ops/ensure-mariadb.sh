#!/usr/bin/env bash
# Makes sure a MariaDB server answers at 127.0.0.1:3306 (root, no password), as the tests expect.
# On this project's machines it is already running; on a fresh Debian machine this installs and
# starts it (there is no systemd, so it is started directly).
set -euo pipefail

up() { mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 \
       || mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }

if up; then
  echo "MariaDB is up at 127.0.0.1:3306"
  exit 0
fi
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  echo "Installing mariadb-server ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
fi
echo "Starting MariaDB ..."
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
for _ in $(seq 1 60); do
  if up; then
    echo "MariaDB is up at 127.0.0.1:3306"
    exit 0
  fi
  sleep 1
done
echo "MariaDB did not come up within 60 s; the MariaDB tests will start an embedded one instead" >&2
