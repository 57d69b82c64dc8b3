#!/usr/bin/env bash
# Creates the production database and the account CompClose connects with, on MySQL 8 or MariaDB.
# The password comes from the environment (never the command line, so it stays out of `ps`):
#   COMPCLOSE_DB_PASSWORD=... ops/setup-mysql.sh [admin client options, e.g. -h db.internal -uadmin -p]
# Identifiers are compared case-sensitively (utf8mb4_bin): booking "b-1" and "B-1" are different deals.
set -euo pipefail
: "${COMPCLOSE_DB_PASSWORD:?set COMPCLOSE_DB_PASSWORD in the environment}"
DB="${COMPCLOSE_DB_NAME:-compclose}"
USER_NAME="${COMPCLOSE_DB_USER:-compclose}"
CLIENT=$(command -v mariadb || command -v mysql)
"$CLIENT" "$@" <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '${USER_NAME}'@'%' IDENTIFIED BY '${COMPCLOSE_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`${DB}\`.* TO '${USER_NAME}'@'%';
SQL
echo "Database ${DB} and user ${USER_NAME} are ready. Run the close with:"
echo "  SPRING_DATASOURCE_URL='jdbc:mysql://HOST:3306/${DB}?rewriteBatchedStatements=true' \\"
echo "  SPRING_DATASOURCE_USERNAME=${USER_NAME} SPRING_DATASOURCE_PASSWORD=... java -jar target/compclose.jar close ..."
