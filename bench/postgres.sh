# A throwaway PostgreSQL cluster for a benchmark, from Debian's binaries, on loopback, in a folder of the run.
# Sourced by the bench scripts: `start_postgres WORK PORT [setting …]` starts it (each setting as `-c name=value`),
# `stop_postgres` stops it if it was started (call it from the script's EXIT trap).
pgbin=
pgdata=

start_postgres() {
  local work=$1 port=$2 settings="" setting
  shift 2
  for setting in "$@"; do settings+=" -c $setting"; done
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pgdata="$work/pg"
  mkdir -p "$pgdata" && chown postgres:postgres "$work" "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata$settings" start >/dev/null
}

stop_postgres() {
  [ -n "$pgdata" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
}
