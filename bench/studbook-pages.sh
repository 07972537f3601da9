#!/usr/bin/env bash
# Server time of the studbook pages, against a Release build on the embedded SQLite database: the sample
# studbook (3,694 animals, 332 living) page by page as bench/pages.sh measures pages, and a generated
# 100,000-animal studbook's summary page on its first view (the analysis made) and then unchanged (the
# analysis kept). The floor, measured in the same run: /language for nobody.
# Targets (issue 15): the sample's page <= 100 ms; the 100,000-animal summary <= 2 s first, <= 100 ms after.
# Usage: bench/studbook-pages.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100}
port=5094

dotnet publish src/Menagerie.Web -c Release -o artifacts/bench/web --nologo -v quiet
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
  exec dotnet "$OLDPWD/artifacts/bench/web/Menagerie.Web.dll" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
cli="dotnet artifacts/bench/cli/menagerie.dll --database $work/menagerie.db"
keeper=$($cli user token create studbook-keeper@MOSCOW --name bench | grep -o 'mng_[A-Za-z0-9_-]*')
sample=$(curl -s -H "Authorization: Bearer $keeper" "http://127.0.0.1:$port/api/v1/studbooks" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
$cli studbook generate --size 100000 --seed 7 --out "$work/large.csv" >/dev/null
$cli studbook import "$work/large.csv" --name "Generated, 100,000 animals" --as studbook-keeper@MOSCOW --format json >"$work/large.json"
large=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["studbook"]["id"])' "$work/large.json")

measure() { # name path
  local config="$work/curl.cfg" url="http://127.0.0.1:$port$2"
  : >"$config"
  for _ in $(seq 1 $((requests + 20))); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$config"; done
  curl -s -H "Authorization: Bearer $keeper" -w '%{http_code} %{time_total}\n' --config "$config" | tail -n "$requests" | python3 -c '
import sys
rows = [line.split() for line in sys.stdin]
ms = sorted(float(r[1]) * 1000 for r in rows)
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
status = "/".join(sorted({r[0] for r in rows}))
print(f"| {sys.argv[1]} | {status} | {p(0.5):.1f} | {p(0.95):.1f} | {ms[-1]:.1f} |")' "$1"
}

once() { # name path: one request, and whether the page had its summary or was still analysing
  curl -s -H "Authorization: Bearer $keeper" -o "$work/once.html" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$2" | python3 -c '
import sys
code, seconds = sys.stdin.read().split()
page = open(sys.argv[2], encoding="utf-8").read()
shown = "the summary" if "id=\"summary\"" in page else "still analysing" if "data-progress" in page else "neither"
print(f"| {sys.argv[1]} | {code} | {float(seconds) * 1000:.0f} ms, one request: {shown} |")' "$1" "$work/once.html"
}

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $requests requests a page"
echo "| page | status | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|---|"
measure "floor: /language, nobody" "/language"
measure "/studbooks" "/studbooks"
measure "/studbooks/ID (sample: summary, plots' links)" "/studbooks/$sample"
measure "/studbooks/ID/individuals?sort=mk (sample)" "/studbooks/$sample/individuals?sort=mk&dir=desc"
measure "/studbooks/ID/pairs (sample, the best 20)" "/studbooks/$sample/pairs"
measure "/studbooks/ID/plots/mean-kinship.svg (sample)" "/studbooks/$sample/plots/mean-kinship.svg"
measure "/studbooks/ID/plots/age-sex-pyramid.png (sample)" "/studbooks/$sample/plots/age-sex-pyramid.png"
echo
echo "| 100,000 animals | status | time |"
echo "|---|---|---|"
once "/studbooks/ID, first view" "/studbooks/$large"
sleep 5
once "/studbooks/ID, the next view" "/studbooks/$large"
echo
echo "| page | status | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|---|"
measure "/studbooks/ID (100,000 animals, unchanged since)" "/studbooks/$large"
measure "/studbooks/ID/individuals?sort=mk (100,000 animals)" "/studbooks/$large/individuals?sort=mk"
