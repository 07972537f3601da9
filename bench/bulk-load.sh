#!/usr/bin/env bash
# Times `menagerie sample load --from` end to end (process start included) on a collection of N specimens with 3N
# events written by bench/bulk-collection.py from the sample collection, on SQLite and on a PostgreSQL cluster
# started for the run on loopback. Beside it, in the same run, the floor: the sample collection's own load
# (samples/collection, 724 specimens). Each load starts from a freshly migrated database; after the last one,
# `audit verify` reads the whole ledger back and compares it with the records.
# Usage: bench/bulk-load.sh [specimens] [sqlite|postgresql|both] [runs]
# BENCH_CLI=path/to/menagerie.dll measures that build instead of publishing this checkout (e.g. an earlier commit).
set -euo pipefail
cd "$(dirname "$0")/.."
specimens=${1:-100000}
which=${2:-both}
runs=${3:-1}
if [ -z "${BENCH_CLI:-}" ]; then
  dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
  BENCH_CLI=artifacts/bench/cli/menagerie.dll
fi
cli="dotnet $BENCH_CLI"
work=$(mktemp -d)
. bench/postgres.sh
cleanup() {
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 1" INT TERM

python3 bench/bulk-collection.py "$specimens" "$work/bulk"
echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

fresh() { # a migrated, empty database for the next load: $1 the provider, $2 a name for it
  if [ "$1" = sqlite ]; then
    rm -f "$work/$2.db"*
    export Menagerie__Database__Provider=Sqlite ConnectionStrings__Menagerie="Data Source=$work/$2.db"
  else
    export Menagerie__Database__Provider=PostgreSQL ConnectionStrings__Menagerie="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$2"
    runuser -u postgres -- "$pgbin/dropdb" -h 127.0.0.1 -p "$pgport" --if-exists "$2"
  fi
  $cli db migrate >/dev/null
}

measure() { # best wall time of $runs runs, the CPU time and peak memory of that run; $1 provider, $2 label, $3 folder
  local provider=$1 label=$2 folder=$3 best="" cpu="" peak=""
  for run in $(seq "$runs"); do
    fresh "$provider" "load$run"
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" $cli sample load --from "$folder" >"$work/out" 2>"$work/err" \
      || { echo "$provider, $label: failed: $(grep -m3 -v '^ *at ' "$work/err")"; return; }
    read -r secs user sys kb < "$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; cpu=$(awk "BEGIN{print $user + $sys}"); peak=$((kb / 1024)); fi
  done
  printf '%-10s %-44s best of %s: %7.2f s (CPU %7.2f s), peak %5d MB   %s\n' "$provider" "$label" "$runs" "$best" "$cpu" "$peak" "$(head -1 "$work/out")"
}

bench() {
  local provider=$1
  measure "$provider" "sample collection (floor)" samples/collection
  measure "$provider" "$specimens specimens, $((3 * specimens)) events" "$work/bulk"
  echo "$provider: audit verify after the last load: $($cli audit verify 2>&1 | head -1)"
}

if [ "$which" = sqlite ] || [ "$which" = both ]; then
  bench sqlite
fi
if [ "$which" = postgresql ] || [ "$which" = both ]; then
  pgport=5495
  start_postgres "$work" "$pgport"
  bench postgresql
fi
