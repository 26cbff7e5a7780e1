#!/usr/bin/env bash
# Backup and restore, tested end to end on a PostgreSQL server (docs/operations.md):
#   1. a fresh database gets the schema, the organisation and demo data; Voordeur serves it and a user
#      works in it (so the access log has entries);
#   2. pg_dump (custom format) backs it up, pg_restore restores it into a NEW database;
#   3. on the restored database `voordeur audit verify` must find every access-log chain intact and
#      reaching the signed anchor written right before the dump (with the same VOORDEUR_AUDIT_KEY and
#      anchor directory), and every table must hold as many rows as the original.
# Usage: scripts/ops/backup-restore-check.sh postgres://user@host:5432/postgres   (an admin URL; it creates
# and drops two databases vd_backup_src_* and vd_backup_dst_*).
set -euo pipefail
cd "$(dirname "$0")/../.."
ADMIN_URL="${1:?usage: $0 postgres://user@host:5432/postgres}"
suffix="$(date +%s)_$$"
SRC="vd_backup_src_$suffix"
DST="vd_backup_dst_$suffix"
url_for() { node -e 'const u=new URL(process.argv[1]); u.pathname="/"+process.argv[2]; console.log(u.toString())' "$ADMIN_URL" "$1"; }
SRC_URL="$(url_for "$SRC")"
DST_URL="$(url_for "$DST")"
PORT="${BACKUP_CHECK_PORT:-3297}"
KEY="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))')"
AUDIT_KEY="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))')"
DUMP="$(mktemp -d)/voordeur.dump"
ANCHORS="$(mktemp -d)/audit-anchors"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  psql "$ADMIN_URL" -qc "drop database if exists $SRC with (force)" >/dev/null 2>&1 || true
  psql "$ADMIN_URL" -qc "drop database if exists $DST with (force)" >/dev/null 2>&1 || true
  rm -f "$DUMP"
  rm -rf "$ANCHORS"
}
trap cleanup EXIT

psql "$ADMIN_URL" -qc "create database $SRC"
export VOORDEUR_DATA_KEY="$KEY" VOORDEUR_AUDIT_KEY="$AUDIT_KEY" VOORDEUR_AUDIT_ANCHOR_DIR="$ANCHORS" VOORDEUR_DEMO=true LOG_LEVEL=warn

echo "1. schema, organisation and demo data in $SRC; a user works in it"
DATABASE_URL="$SRC_URL" PORT="$PORT" HOST=127.0.0.1 node node_modules/tsx/dist/cli.mjs packages/server/src/cli/main.ts serve >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
jar="$(mktemp)"
login() {
  curl -sf -c "$jar" -b "$jar" -H 'content-type: application/json' \
    -d "{\"gebruikersnaam\":\"$1\",\"wachtwoord\":\"Voordeur-demo-2026\"}" "http://127.0.0.1:$PORT/api/sessie" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).csrfToken))'
}
csrf="$(login beleid)"
for path in /api/rapportage/halfjaar /api/rapportage/monitoring /api/referentie /api/account; do
  curl -sf -b "$jar" -H "x-csrf-token: $csrf" "http://127.0.0.1:$PORT$path" >/dev/null
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo "2. a signed anchor of the access log's heads, pg_dump $SRC, pg_restore into $DST"
DATABASE_URL="$SRC_URL" npm run --silent voordeur -- audit anchor
pg_dump --format=custom --no-owner --file="$DUMP" "$SRC_URL"
psql "$ADMIN_URL" -qc "create database $DST"
pg_restore --no-owner --exit-on-error --dbname="$DST_URL" "$DUMP"

echo "3. the restored database: access-log chains (against the signed anchor) and row counts"
DATABASE_URL="$DST_URL" npm run --silent voordeur -- audit verify
counts() {
  psql "$1" -qAt -c "select string_agg(format('select %L as t, count(*) as n from %I', tablename, tablename), ' union all ' order by tablename) from pg_tables where schemaname = 'public'" |
    psql "$1" -qAt -F ' ' 
}
a="$(counts "$SRC_URL")"
b="$(counts "$DST_URL")"
entries="$(echo "$a" | awk '$1 == "access_log" { print $2 }')"
tables="$(echo "$a" | wc -l)"
if [ "$a" != "$b" ]; then
  echo "row counts differ between the backup's source and the restored database:"
  diff <(echo "$a") <(echo "$b") || true
  exit 1
fi
if [ "${entries:-0}" -lt 1 ]; then echo "the access log is empty: nothing was checked"; exit 1; fi
echo "backup and restore: $tables tables with equal row counts, $entries access-log entries, chains intact up to the signed anchor"
