#!/usr/bin/env bash
# Measures the census at scale against its floor, in one run: the census of Moscow Zoo through the HTTP API
# (today, and a date in the past) on the sample collection, then on a collection of SPECIMENS specimens
# (bench/bulk-collection.py: copies of the sample, loaded by `sample load --from`), both on SQLite. wrk and the
# server share the machine, so the ratio sample / large is what is compared across runs. Beside it, the server
# time (curl's total on loopback, median of 20) of the census and of a page of 100 of the institution's specimens.
# Targets (issue #17): the census at 100,000 specimens within 2x the cost of the sample's; the census and a
# specimen list page of that institution <= 300 ms.
# Usage: bench/census.sh [specimens] [connections] [seconds]   (installs Debian's wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
specimens=${1:-100000}
connections=${2:-8}
seconds=${3:-10}
port=5093

command -v wrk >/dev/null || { apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; }
dotnet publish src/Menagerie.Web -c Release -o artifacts/bench/web --nologo -v quiet
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
cli="dotnet artifacts/bench/cli/menagerie.dll"
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
export Menagerie__Database__Provider=Sqlite
ConnectionStrings__Menagerie="Data Source=$work/sample.db" $cli db migrate >/dev/null
ConnectionStrings__Menagerie="Data Source=$work/sample.db" $cli sample load >/dev/null
python3 bench/bulk-collection.py "$specimens" "$work/bulk" >/dev/null
ConnectionStrings__Menagerie="Data Source=$work/large.db" $cli db migrate >/dev/null
/usr/bin/time -f "%e s, %M KB" -o "$work/load-time" env ConnectionStrings__Menagerie="Data Source=$work/large.db" $cli sample load --from "$work/bulk" >/dev/null
echo "loading $specimens specimens: $(cat "$work/load-time")"

# wrk's requests/s.
rate() {
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" "$@")
  if echo "$out" | grep -qE "Non-2xx|Socket errors"; then echo "FAILED: $*" >&2; echo "$out" >&2; return 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}

# Median of 20 curl totals, in ms.
millis() {
  for _ in $(seq 1 20); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] * 1000}'
}

declare -A results
run() {
  local name=$1 file=$2
  (cd "$work" && ConnectionStrings__Menagerie="Data Source=$file" Menagerie__Sample__Load=false Logging__LogLevel__Default=Warning \
    Urls="http://127.0.0.1:$port" exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server-$name.log" 2>&1) &
  server=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  export ConnectionStrings__Menagerie="Data Source=$file"
  $cli user add "bench@MOSCOW" --role registrar@MOSCOW >/dev/null
  local token base="http://127.0.0.1:$port/api/v1"
  token=$($cli user token create "bench@MOSCOW" --name bench | grep -o 'mng_[A-Za-z0-9_-]*')
  local auth="Authorization: Bearer $token"
  local today="$base/institutions/MOSCOW/census" past="$base/institutions/MOSCOW/census?on=2024-11-30"
  local page="$base/specimens?holder=MOSCOW&limit=100"
  local total
  total=$(curl -sf -H "$auth" "$today" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  wrk -t2 -c"$connections" -d3s -H "$auth" "$today" >/dev/null
  wrk -t2 -c"$connections" -d3s -H "$auth" "$past" >/dev/null
  results[$name-animals]=$total
  results[$name-today]=$(rate -H "$auth" "$today")
  results[$name-past]=$(rate -H "$auth" "$past")
  results[$name-census-ms]=$(millis -H "$auth" "$past")
  results[$name-page-ms]=$(millis -H "$auth" "$page")
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

run sample "$work/sample.db"
run large "$work/large.db"
echo
echo "$connections connections, ${seconds}s each; Moscow Zoo's census through the API"
echo "| collection | animals at Moscow today | census today, req/s | census 2024-11-30, req/s | census, ms (median) | page of 100 specimens, ms (median) |"
echo "|---|---|---|---|---|---|"
for name in sample large; do
  echo "| $name | ${results[$name-animals]} | ${results[$name-today]} | ${results[$name-past]} | ${results[$name-census-ms]} | ${results[$name-page-ms]} |"
done
echo "cost at $specimens specimens / cost on the sample: today $(python3 -c "print(f'{${results[sample-today]} / ${results[large-today]}:.2f}')")×, 2024-11-30 $(python3 -c "print(f'{${results[sample-past]} / ${results[large-past]}:.2f}')")× (target <= 2)"
