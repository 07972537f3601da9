#!/usr/bin/env bash
# Times the studbook command end to end (process start included) on generated studbooks:
# import with validation of 100,000 rows (target <= 2 s) and a full analysis (F, MK, GD, FGE, FE)
# of 100,000 and 1,000,000 animals. Usage: bench/studbook.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
cli="dotnet artifacts/bench/cli/menagerie.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$cli studbook generate --size 100000 --seed 1 --out "$work/100k.csv" >/dev/null
$cli studbook generate --size 1000000 --seed 1 --out "$work/1m.csv" >/dev/null
echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
best() { # best wall time of $runs runs, and peak memory of the last
  local label=$1; shift
  local best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || { echo "$label: failed"; return; }
    read -r secs kb < "$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
  done
  printf '%-44s best of %s: %6.2f s, peak %5d MB\n' "$label" "$runs" "$best" "$((kb / 1024))"
}
best "studbook validate, 100,000 rows" $cli studbook validate "$work/100k.csv"
best "studbook analyze --format json, 100,000" $cli studbook analyze "$work/100k.csv" --format json
best "studbook analyze --format json, 1,000,000" $cli studbook analyze "$work/1m.csv" --format json
