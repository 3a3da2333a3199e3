#!/bin/sh
# Starts PostgreSQL. The first start initialises the data directory; every start sets the
# superuser password to POSTGRES_PASSWORD, so the password Slipway keeps is always the one in force.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "Initialising a new database cluster in $PGDATA"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username=postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ -n "${POSTGRES_DB:-}" ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\";" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
fi

password=$(printf '%s' "$POSTGRES_PASSWORD" | sed "s/'/''/g")
echo "ALTER ROLE postgres PASSWORD '$password';" | postgres --single -D "$PGDATA" postgres >/dev/null

exec postgres -D "$PGDATA" -c listen_addresses='*'
