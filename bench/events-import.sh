#!/usr/bin/env bash
# Times `menagerie specimen import-events` end to end (process start included) on 10,000 rows:
# weighings spread over the sample collection's held individuals (about 28 rows an animal), and one
# weighing each of 10,000 animals of a generated collection. Beside them, in the same run: the
# floor (`menagerie --help`), one `specimen record`, and `sample load` of the 10,000 animals (the
# other bulk write through the ledger). Each import starts from a fresh copy of its database.
# Needs python3 (with its sqlite3 module) to write the files. Usage: bench/events-import.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
dotnet publish src/Menagerie.Cli -c Release -o artifacts/bench/cli --nologo -v quiet
cli="dotnet artifacts/bench/cli/menagerie.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$cli db migrate --database "$work/sample.db" >/dev/null
$cli sample load --database "$work/sample.db" >/dev/null
$cli db migrate --database "$work/big.db" >/dev/null
python3 - "$work" <<'EOF'
import csv, os, random, sqlite3, sys
work = sys.argv[1]
random.seed(1)
db = sqlite3.connect(os.path.join(work, "sample.db"))
held = [r[0] for r in db.execute(
    "SELECT Id FROM Specimens WHERE Status = 'Held' AND OnTransfer IS NULL AND Kind = 'Individual' ORDER BY Id")]
with open(os.path.join(work, "held.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["specimen", "type", "date", "at", "weight_kg"])
    for i in range(10000):
        minute = i // len(held)
        w.writerow([held[i % len(held)], "weight", "2026-12-01", f"2026-12-01T{8 + minute // 60:02d}:{minute % 60:02d}:00Z", f"{random.uniform(2, 300):.1f}"])
big = os.path.join(work, "big")
os.makedirs(big)
for name in ("countries.csv", "institutions.csv", "taxa.csv"):
    with open(os.path.join("samples", "collection", name)) as src, open(os.path.join(big, name), "w") as dst:
        dst.write(src.read())
with open(os.path.join(big, "specimens.csv"), "w", newline="") as s, open(os.path.join(big, "events.csv"), "w", newline="") as e, \
        open(os.path.join(work, "distinct.csv"), "w", newline="") as d:
    s.write("key,kind,taxon,sex,name,identifiers\n")
    e.write("specimen,type,date,institution\n")
    d.write("specimen,type,date,at,weight_kg\n")
    for i in range(10000):
        key = f"BIG-{i:05d}"
        s.write(f"{key},individual,Panthera leo,{'male' if i % 2 else 'female'},,local:{key}\n")
        e.write(f"{key},birth,2020-01-01,PRAGUE\n")
        d.write(f"{key},weight,2026-12-01,2026-12-01T09:00:00Z,{random.uniform(50, 250):.1f}\n")
print(f"{len(held)} held individuals in the sample")
EOF

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # best wall time of $runs runs, the CPU time of that run, and the peak memory of the last; $1 the label, $2 a database to copy first (or -)
  local label=$1 template=$2; shift 2
  local best="" cpu=""
  for _ in $(seq "$runs"); do
    [ "$template" = - ] || cp "$template" "$work/run.db"
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { echo "$label: failed: $(head -3 "$work/err")"; return; }
    read -r secs user sys kb < "$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; cpu=$(awk "BEGIN{print $user + $sys}"); fi
  done
  printf '%-58s best of %s: %6.2f s (CPU %6.2f s), peak %4d MB\n' "$label" "$runs" "$best" "$cpu" "$((kb / 1024))"
}
measure "menagerie --help (floor)" - $cli --help
measure "specimen record, one weight" "$work/sample.db" $cli specimen record MOS-00023 --type weight --date 2026-12-01 --weight-kg 126.4 --database "$work/run.db"
measure "import-events, 10,000 rows over the sample's held animals" "$work/sample.db" $cli specimen import-events "$work/held.csv" --database "$work/run.db"
measure "sample load --from, 10,000 animals with 20,000 events" "$work/big.db" $cli sample load --from "$work/big" --database "$work/run.db"
cp "$work/big.db" "$work/run.db" && $cli sample load --from "$work/big" --database "$work/run.db" >/dev/null && cp "$work/run.db" "$work/big-loaded.db"
measure "import-events, 10,000 rows, one for each of 10,000 animals" "$work/big-loaded.db" $cli specimen import-events "$work/distinct.csv" --database "$work/run.db"
