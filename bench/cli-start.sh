#!/usr/bin/env bash
# Times the command line's database commands against their floor, `menagerie --help`, each a whole process on
# the sample collection (SQLite), built as the README tells users to install it: published for linux-x64,
# self-contained, the application and .NET compiled ahead of time into one ReadyToRun composite image. The
# commands take turns, N rounds; prints each one's median and its ratio to the median of --help (issue 17's
# target: <= 3).
#
# Usage: bench/cli-start.sh [rounds]   (default 10)
#   BEFORE=DIR   also time an earlier published build (DIR/menagerie) in the same rounds, on its own database
# Each build reads a new SQLite file in a temporary folder, whatever the shell's Menagerie settings say.
set -euo pipefail
export LC_ALL=C
unset ConnectionStrings__Menagerie Menagerie__Database__Provider
cd "$(dirname "$0")/.."
rounds=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/publish-cli.sh
builds=("$PWD/artifacts/bench/cli-install")
[ -n "${BEFORE:-}" ] && builds+=("$(cd "$BEFORE" && pwd)")

# Each build reads a database it migrated itself: an older one is refused as not up to date, which is not the command.
for b in "${!builds[@]}"; do
  mkdir -p "$work/$b"
  (cd "$work/$b" && "${builds[$b]}/menagerie" db migrate >/dev/null && "${builds[$b]}/menagerie" sample load >/dev/null)
done

commands=("--help" "institution list" "census show MOSCOW" "specimen show EEP-PLE-3117")
for ((r = 0; r < rounds; r++)); do
  for b in "${!builds[@]}"; do
    for c in "${!commands[@]}"; do
      start=$(date +%s%N)
      # shellcheck disable=SC2086 # each command is its words
      (cd "$work/$b" && "${builds[$b]}/menagerie" ${commands[$c]} >/dev/null)
      echo $(($(date +%s%N) - start)) >>"$work/times-$b-$c"
    done
  done
done

# The median of a file of nanoseconds, in seconds.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print ((NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1e9 }'; }
echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(dotnet --version); load $(cut -d' ' -f1-3 /proc/loadavg)"
for b in "${!builds[@]}"; do
  echo "${builds[$b]}"
  floor=$(median "$work/times-$b-0")
  for c in "${!commands[@]}"; do
    m=$(median "$work/times-$b-$c")
    printf '  %-30s %6.3f s %6.1f×\n' "${commands[$c]}" "$m" "$(awk -v m="$m" -v f="$floor" 'BEGIN { print m / f }')"
  done
done
echo "median of $rounds; target: each database command <= 3× --help"
