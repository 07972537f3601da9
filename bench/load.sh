#!/usr/bin/env bash
# Holds 64 concurrent API clients reading and writing for 60 s against the web app on the sample collection, on
# SQLite and then on a PostgreSQL cluster started for the run, and fails unless every answer was a success.
# Three requests in four read an animal; one in four registers a newborn lion (a write through the ledger). Writes
# go to new animals: notes on one animal from 64 clients at once would be answered 409, as two writers on one record are.
# Usage: bench/load.sh [connections] [seconds] [sqlite|postgresql|both]   (installs Debian's wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64}
seconds=${2:-60}
which=${3:-both}
port=5093

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

cat >"$work/mix.lua" <<'LUA'
-- Three reads, then one note, per connection, round and round; any answer but 200 or 201 is an error.
local n = 0
request = function()
  n = n + 1
  if n % 4 == 0 then
    local body = '{"kind":"individual","taxon":"Panthera leo","sex":"female","first":{"type":"birth","date":"' .. os.date("!%Y-%m-%d", os.time() - 86400) .. '","institution":"MOSCOW"}}'
    -- Headers given here replace wrk's own, so the token from -H is carried over.
    local headers = {["Content-Type"] = "application/json"}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    return wrk.format("POST", "/api/v1/specimens", headers, body)
  end
  return wrk.format("GET", "/api/v1/specimens/EEP-PLE-3117")
end
local failed = 0
response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end
LUA

run() {
  local provider=$1 connection=$2
  export Menagerie__Database__Provider=$provider ConnectionStrings__Menagerie=$connection
  (cd "$work" && Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
    exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server-$provider.log" 2>&1) &
  server=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  local cli="dotnet artifacts/bench/cli/menagerie.dll"
  $cli user add "load-$provider@MOSCOW" --role registrar@MOSCOW >/dev/null
  local token
  token=$($cli user token create "load-$provider@MOSCOW" --name load | grep -o 'mng_[A-Za-z0-9_-]*')
  wrk -t2 -c"$connections" -d5s -s "$work/mix.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port" >/dev/null   # warm-up
  echo "== $provider: $connections connections, ${seconds}s, 3 reads to 1 write"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$work/mix.lua" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port" | tee "$work/wrk-$provider.txt"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  if grep -qE "Non-2xx|Socket errors" "$work/wrk-$provider.txt"; then
    echo "FAILED on $provider: some requests did not succeed" >&2
    return 1
  fi
  local verified
  verified=$($cli audit verify 2>&1 || true)
  echo "$verified" | head -3
}

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ "$which" = sqlite ] || [ "$which" = both ]; then
  run Sqlite "Data Source=$work/menagerie.db"
fi
if [ "$which" = postgresql ] || [ "$which" = both ]; then
  pgport=5494
  start_postgres "$work" "$pgport" max_connections=200
  run PostgreSQL "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=menagerie;Maximum Pool Size=100"
fi
