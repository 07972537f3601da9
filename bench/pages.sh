#!/usr/bin/env bash
# Server time of every page of the web app at the sample size, against a Release build on the embedded
# SQLite database: one client on loopback, keep-alive, each page asked 20 times to warm up and then
# $requests times in a row. The floor, measured in the same run: /language for nobody (the pipeline, a
# page and its layout, no records). Target (issue 14): p95 <= 50 ms for every page.
# Usage: bench/pages.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
port=5093

dotnet publish src/Menagerie.Web -c Release -o artifacts/bench/web --nologo -v quiet
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
  exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
cli="dotnet artifacts/bench/cli/menagerie.dll --database $work/menagerie.db"
# Pages read a personal token as they read a sign-in cookie: the same person, the same access rules.
token() { $cli user token create "$1" --name bench | grep -o 'mng_[A-Za-z0-9_-]*'; }
registrar=$(token registrar@MOSCOW)
curator=$(token curator@MOSCOW)
prague=$(token registrar@PRAGUE)
admin=$(token admin)
november=$($cli transfer list --status accepted --format json | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["sender"]=="MOSCOW"][0])')
loan=$($cli transfer list --status dispatched --format json | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["sender"]=="BERLIN"][0])')

measure() { # name token path
  local config="$work/curl.cfg" url="http://127.0.0.1:$port$3"
  : >"$config"
  for _ in $(seq 1 $((requests + 20))); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$config"; done
  local auth=()
  [ -n "$2" ] && auth=(-H "Authorization: Bearer $2")
  curl -s "${auth[@]}" -w '%{http_code} %{time_total}\n' --config "$config" | tail -n "$requests" | python3 -c '
import sys
rows = [line.split() for line in sys.stdin]
codes = {r[0] for r in rows}
ms = sorted(float(r[1]) * 1000 for r in rows)
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
status = "/".join(sorted(codes))
print(f"| {sys.argv[1]} | {status} | {p(0.5):.1f} | {p(0.95):.1f} | {ms[-1]:.1f} |")' "$1"
}

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $requests requests a page"
echo "| page | status | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|---|"
measure "floor: /language, nobody" "" "/language"
measure "/ (start page), registrar" "$registrar" "/"
measure "/search?q=lask" "$registrar" "/search?q=lask"
measure "/institutions/MOSCOW" "$registrar" "/institutions/MOSCOW"
measure "/institutions/MOSCOW/census?on=2024-11-15" "$registrar" "/institutions/MOSCOW/census?on=2024-11-15"
measure "/specimens?holder=MOSCOW (50 of 200)" "$registrar" "/specimens?holder=MOSCOW"
measure "/specimens/EEP-PLE-3117" "$registrar" "/specimens/EEP-PLE-3117?on=2024-11-20"
measure "/specimens/EEP-PLE-3117/record" "$registrar" "/specimens/EEP-PLE-3117/record"
measure "/specimens/EEP-PLE-3117/edit" "$registrar" "/specimens/EEP-PLE-3117/edit"
measure "/specimens/MOS-G0003/groups" "$registrar" "/specimens/MOS-G0003/groups"
measure "/specimens/new" "$registrar" "/specimens/new"
measure "/specimens/EEP-PLE-3117/availability, curator" "$curator" "/specimens/EEP-PLE-3117/availability"
measure "/transfers, curator" "$curator" "/transfers"
measure "/transfers/new (the animals to offer), curator" "$curator" "/transfers/new"
measure "/transfers/ID (75 animals, requirements), curator" "$curator" "/transfers/$november"
measure "/transfers/ID/documents/new" "$registrar" "/transfers/$november/documents/new"
measure "/transfers/ID/transport (19 crates, the drawing), curator" "$curator" "/transfers/$november/transport"
measure "/transfers/ID/welfare (Prague)" "$prague" "/transfers/$loan/welfare"
measure "/transfers/ID/ledger, curator" "$curator" "/transfers/$november/ledger"
measure "/specimens/EEP-PLE-3117/ledger" "$registrar" "/specimens/EEP-PLE-3117/ledger"
measure "/checklist?name=Panthera leo" "$registrar" "/checklist?name=Panthera%20leo"
measure "/compliance/check, curator" "$curator" "/compliance/check"
measure "/transfers/ID/receive (Prague)" "$prague" "/transfers/$loan/receive"
measure "/account" "$registrar" "/account"
measure "/admin, administrator" "$admin" "/admin"
measure "/admin/users (30 users)" "$admin" "/admin/users"
measure "/admin/users/registrar@MOSCOW" "$admin" "/admin/users/registrar@MOSCOW"
measure "/admin/institutions" "$admin" "/admin/institutions"
measure "/admin/countries" "$admin" "/admin/countries"
measure "/admin/ledger" "$admin" "/admin/ledger"
