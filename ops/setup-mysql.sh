#!/usr/bin/env bash
# Creates the database CompClose uses and its two accounts, on MySQL 8 or MariaDB:
#   - the migration account owns the schema (creates and alters tables, indexes, triggers) and is used
#     only by Liquibase, at start-up (spring.liquibase.user / SPRING_LIQUIBASE_PASSWORD);
#   - the application account reads and writes rows of that schema and nothing else: SELECT, INSERT,
#     UPDATE, DELETE; no DDL, no FILE, no GRANT, nothing on any other schema. Its audit_event table is
#     append-only: triggers refuse every UPDATE and DELETE, and it cannot drop them.
# Passwords come from the environment or from files, never the command line (so they stay out of `ps`
# and the shell history); a file wins over the variable:
#   COMPCLOSE_DB_PASSWORD or COMPCLOSE_DB_PASSWORD_FILE                       the application account's
#   COMPCLOSE_DB_MIGRATION_PASSWORD or COMPCLOSE_DB_MIGRATION_PASSWORD_FILE   the migration account's
# Names (letters, digits and _ only): COMPCLOSE_DB_NAME (compclose), COMPCLOSE_DB_USER (compclose),
# COMPCLOSE_DB_MIGRATION_USER (compclose_migration); COMPCLOSE_DB_HOST is the hosts they may connect
# from (%, any). Any arguments go to the admin client:
#   COMPCLOSE_DB_PASSWORD_FILE=... COMPCLOSE_DB_MIGRATION_PASSWORD_FILE=... ops/setup-mysql.sh -h db.internal -uadmin -p
# Running it again sets both accounts' passwords and privileges to exactly these.
# Identifiers are compared case-sensitively (utf8mb4_bin): booking "b-1" and "B-1" are different deals.
set -euo pipefail

secret() { # secret NAME: the value of $NAME_FILE's file (without its final newline), else of $NAME
  local file_var="$1_FILE"
  if [ -n "${!file_var:-}" ]; then
    [ -r "${!file_var}" ] || { echo "setup-mysql: cannot read ${file_var} (${!file_var})" >&2; exit 2; }
    local value
    value=$(cat "${!file_var}")
    printf '%s' "$value"
  elif [ -n "${!1:-}" ]; then
    printf '%s' "${!1}"
  else
    echo "setup-mysql: set $1 or ${file_var} in the environment" >&2
    exit 2
  fi
}

identifier() { # identifier NAME VALUE: refuses anything that could change the SQL it is written into
  if [[ ! "$2" =~ ^[A-Za-z0-9_]{1,32}$ ]]; then
    echo "setup-mysql: $1 must be 1 to 32 letters, digits or _, was '$2'" >&2
    exit 2
  fi
  printf '%s' "$2"
}

quoted() { # quoted VALUE: a SQL string literal (backslash and quote doubled)
  local value="${1//\\/\\\\}"
  printf "'%s'" "${value//\'/\'\'}"
}

DB=$(identifier COMPCLOSE_DB_NAME "${COMPCLOSE_DB_NAME:-compclose}")
APP=$(identifier COMPCLOSE_DB_USER "${COMPCLOSE_DB_USER:-compclose}")
MIGRATION=$(identifier COMPCLOSE_DB_MIGRATION_USER "${COMPCLOSE_DB_MIGRATION_USER:-compclose_migration}")
HOST="${COMPCLOSE_DB_HOST:-%}"
[[ "$HOST" =~ ^[A-Za-z0-9_.%:-]+$ ]] || { echo "setup-mysql: COMPCLOSE_DB_HOST '$HOST' is not a host pattern" >&2; exit 2; }
[ "$APP" != "$MIGRATION" ] || { echo "setup-mysql: the application and migration accounts must differ" >&2; exit 2; }
APP_SECRET=$(secret COMPCLOSE_DB_PASSWORD)
MIGRATION_SECRET=$(secret COMPCLOSE_DB_MIGRATION_PASSWORD)
APP_PASSWORD=$(quoted "$APP_SECRET")
MIGRATION_PASSWORD=$(quoted "$MIGRATION_SECRET")
CLIENT=$(command -v mariadb || command -v mysql) || { echo "setup-mysql: no mariadb or mysql client" >&2; exit 2; }

# The SQL goes to the client on stdin: the passwords never appear in its arguments.
CHECKS=$("$CLIENT" "$@" -N -B <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE USER IF NOT EXISTS '${MIGRATION}'@'${HOST}' IDENTIFIED BY ${MIGRATION_PASSWORD};
ALTER USER '${MIGRATION}'@'${HOST}' IDENTIFIED BY ${MIGRATION_PASSWORD};
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '${MIGRATION}'@'${HOST}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, TRIGGER, CREATE VIEW, SHOW VIEW
  ON \`${DB}\`.* TO '${MIGRATION}'@'${HOST}';

CREATE USER IF NOT EXISTS '${APP}'@'${HOST}' IDENTIFIED BY ${APP_PASSWORD};
ALTER USER '${APP}'@'${HOST}' IDENTIFIED BY ${APP_PASSWORD};
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '${APP}'@'${HOST}';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${DB}\`.* TO '${APP}'@'${HOST}';

-- MySQL with binary logging lets an account without SUPER create triggers only with this setting.
SELECT IF(@@log_bin AND NOT @@log_bin_trust_function_creators, 'binlog-needs-trust', 'ok');
SQL
)
if [ "$CHECKS" = "binlog-needs-trust" ]; then
  echo "setup-mysql: binary logging is on: set log_bin_trust_function_creators=1 (my.cnf) so that the migration" >&2
  echo "             account can create audit_event's append-only triggers" >&2
fi

echo "Database ${DB}: ${MIGRATION} migrates it (DDL), ${APP} reads and writes its rows. Run CompClose with:"
echo "  SPRING_DATASOURCE_URL='jdbc:mysql://HOST:3306/${DB}?rewriteBatchedStatements=true'"
echo "  SPRING_DATASOURCE_USERNAME=${APP}        SPRING_DATASOURCE_PASSWORD=... (or a configtree file)"
echo "  SPRING_LIQUIBASE_USER=${MIGRATION}  SPRING_LIQUIBASE_PASSWORD=..."
