#!/usr/bin/env bash
# Measures reads of one specimen through the HTTP API on the embedded SQLite database, with
# concurrent clients on loopback (wrk), against a Release build loaded with the sample collection.
# The target (DESIGN.md): >= 3,000 requests/s with p99 <= 20 ms.
# Usage: bench/api-read.sh [connections] [seconds]     (installs Debian's wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-32}
seconds=${2:-20}
port=5091

command -v wrk >/dev/null || { apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; }
dotnet publish src/Menagerie.Web -c Release -o artifacts/bench/web --nologo -v quiet
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
  exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
# Reads are made as Moscow Zoo's registrar, with a personal token, as an API client would.
cli="dotnet artifacts/bench/cli/menagerie.dll --database $work/menagerie.db"
$cli user add bench@MOSCOW --role registrar@MOSCOW >/dev/null
token=$($cli user token create bench@MOSCOW --name bench | grep -o 'mng_[A-Za-z0-9_-]*')
url="http://127.0.0.1:$port/api/v1/specimens/EEP-PLE-3117"
curl -sf -H "Authorization: Bearer $token" "$url" >/dev/null
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up: JIT, pools, page cache
echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url"
