#!/usr/bin/env bash
# Measures token-authenticated reads through the HTTP API against their floor, in one run: the same pipeline's
# 401 answer to the same URL without a token. wrk and the server share the machine, so only the ratio
# floor / read is compared across runs. Reads, as Moscow Zoo's registrar with a personal token: one specimen,
# one institution, one transfer, and a page of 100 specimens. The sample collection on SQLite, then on a
# PostgreSQL cluster started for the run.
# Targets (issue #17): a single-resource read at >= 1/5 of the floor's rate with p99 <= 10 ms at 32 connections
# on SQLite, >= 1/8 on PostgreSQL; a page of 100 at >= 1/20.
# Usage: bench/api-read.sh [connections] [seconds] [sqlite|postgresql|both]   (installs Debian's wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-32}
seconds=${2:-15}
which=${3:-both}
port=5091

command -v wrk >/dev/null || { apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; }
dotnet publish src/Menagerie.Web -c Release -o artifacts/bench/web --nologo -v quiet
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
work=$(mktemp -d)
server=
. bench/postgres.sh
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# wrk's summary as "requests/s p99-ms".
measure() {
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  if echo "$out" | grep -qE "Non-2xx|Socket errors" && [ "${expect_401:-}" != 1 ]; then
    echo "FAILED: $*" >&2; echo "$out" >&2; return 1
  fi
  local rate p99
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rate $p99"
}

run() {
  local provider=$1 connection=$2
  export Menagerie__Database__Provider=$provider ConnectionStrings__Menagerie=$connection
  (cd "$work" && Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
    exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server-$provider.log" 2>&1) &
  server=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  local cli="dotnet artifacts/bench/cli/menagerie.dll"
  $cli user add "bench-$provider@MOSCOW" --role registrar@MOSCOW >/dev/null
  local token base="http://127.0.0.1:$port/api/v1"
  token=$($cli user token create "bench-$provider@MOSCOW" --name bench | grep -o 'mng_[A-Za-z0-9_-]*')
  local auth="Authorization: Bearer $token"
  local transfer
  transfer=$(curl -sf -H "$auth" "$base/transfers" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  local -a names=("401 without a token (floor)" "specimen" "institution" "transfer" "page of 100 specimens")
  local -a urls=("$base/specimens/EEP-PLE-3117" "$base/specimens/EEP-PLE-3117" "$base/institutions/MOSCOW" "$base/transfers/$transfer" "$base/specimens?holder=MOSCOW&limit=100")
  for url in "${urls[@]:1}"; do curl -sf -H "$auth" "$url" >/dev/null; done
  # Warm-up: JIT, pools, page cache.
  expect_401=1 wrk -t2 -c"$connections" -d3s "${urls[0]}" >/dev/null
  for url in "${urls[@]:1}"; do wrk -t2 -c"$connections" -d3s -H "$auth" "$url" >/dev/null; done

  echo
  echo "== $provider: $connections connections, ${seconds}s each"
  echo "| | requests/s | p99 | floor / read |"
  echo "|---|---|---|---|"
  local floor
  read -r floor p99 < <(expect_401=1 measure "${urls[0]}")
  echo "| ${names[0]} | $floor | $p99 | 1 |"
  for i in 1 2 3 4; do
    read -r rate p99 < <(measure -H "$auth" "${urls[$i]}")
    echo "| ${names[$i]} | $rate | $p99 | $(python3 -c "print(f'{$floor / $rate:.1f}')") |"
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ "$which" = sqlite ] || [ "$which" = both ]; then
  run Sqlite "Data Source=$work/menagerie.db"
fi
if [ "$which" = postgresql ] || [ "$which" = both ]; then
  pgport=5495
  start_postgres "$work" "$pgport" max_connections=200
  run PostgreSQL "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=menagerie;Maximum Pool Size=100"
fi
