#!/bin/sh
# A PostgreSQL server for the tests: Debian's package, a throwaway cluster listening on loopback only, trust
# authentication for local connections. Prints the SQLAlchemy URL the tests use. Idempotent: a running test
# server is reused.
set -e
PORT=${ORIGIN_REVIEW_PG_PORT:-55432}
DIR=${ORIGIN_REVIEW_PG_DIR:-/tmp/origin-review-pg}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
# the server refuses to run as root: run it as the postgres user Debian's package made
RUN=""; [ "$(id -u)" = 0 ] && RUN="runuser -u postgres --"
if ! $RUN "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    $RUN "$BIN/initdb" -D "$DIR" -A trust -U postgres >/dev/null
  fi
  $RUN "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
fi
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='origin_review_test'" \
  | grep -q 1 || "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres origin_review_test
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/origin_review_test"
