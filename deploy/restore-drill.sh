#!/usr/bin/env bash
# Restore drill: prove last night's backup can be restored, before you need it.
#
#   deploy/restore-drill.sh [DUMP_FILE]
#
# Without DUMP_FILE it first dumps the live database (pg_dump -Fc of DATABASE_URL). Then it restores
# the dump into a fresh, throw-away database on the same server, runs `voordeur check` against it
# (settings valid, database reachable, migrations at head), compares the row counts of the tables
# that matter with the source, and drops the throw-away database again. Exit 0 only if all of that
# held. Needs pg_dump, pg_restore, createdb, dropdb, psql (PostgreSQL client tools) and `voordeur`.
#
# DATABASE_URL is the app's own (postgresql+psycopg://...); the driver suffix is dropped for libpq.
# VOORDEUR (default: voordeur on PATH) names the command, e.g. ".venv/bin/voordeur".
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to drill (the same value the app uses)}"
VOORDEUR=${VOORDEUR:-voordeur}
source_url=${DATABASE_URL/postgresql+psycopg:/postgresql:}
base=${source_url%%\?*}
query=""
[[ "$source_url" == *\?* ]] && query="?${source_url#*\?}"
server=${base%/*}
drill_db="voordeur_restore_drill_$(date +%Y%m%d%H%M%S)_$$"
drill_url="${server}/${drill_db}${query}"
work=$(mktemp -d)

cleanup() {
  dropdb --if-exists --maintenance-db="${server}/postgres${query}" "$drill_db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dump=${1:-}
if [[ -z "$dump" ]]; then
  dump="$work/voordeur.dump"
  echo "restore drill: dumping the live database"
  pg_dump --format=custom --no-owner --file="$dump" "$source_url"
fi
echo "restore drill: restoring $(du -h "$dump" | cut -f1) into a fresh database $drill_db"
createdb --maintenance-db="${server}/postgres${query}" "$drill_db"
pg_restore --no-owner --exit-on-error --dbname="$drill_url" "$dump"

echo "restore drill: voordeur check against the restored copy"
DATABASE_URL="${drill_url/postgresql:/postgresql+psycopg:}" "$VOORDEUR" check

status=0
for table in people identities inbound_messages outbox help_requests consents staff_accounts; do
  restored=$(psql --no-psqlrc -Atqc "SELECT count(*) FROM $table" "$drill_url")
  if [[ -z "${1:-}" ]]; then
    live=$(psql --no-psqlrc -Atqc "SELECT count(*) FROM $table" "$source_url")
    # The live database keeps working during the drill: it may only have grown.
    if (( restored > live )); then
      echo "restore drill: $table has $restored rows restored but $live live" >&2
      status=1
    fi
  fi
  echo "restore drill: $table: $restored rows"
done
if (( status == 0 )); then echo "restore drill: ok"; fi
exit $status
