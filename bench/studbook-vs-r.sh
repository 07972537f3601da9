#!/usr/bin/env bash
# Times the whole `menagerie studbook analyze FILE --format json` process against its floor, R's pedigreemm
# reading the same CSV and computing inbreeding F (read.csv, pedigree(sire, dam, label), inbreeding()), on
# studbooks of 300,000 and 1,000,000 animals made by `menagerie studbook generate --seed 7`. Best of N runs
# each, R and Menagerie taking turns so that both meet the same load; prints R / Menagerie (target >= 5).
# R's time counts reading and F only, not starting R and loading lme4; Menagerie's is the whole process.
#
# Usage: bench/studbook-vs-r.sh [runs]   (default 3)
#   PEDIGREEMM_SOURCE=DIR   pedigreemm 0.3-5's source, a folder or a git repository, installed into
#                           artifacts/bench/R when R cannot load pedigreemm yet
#   BEFORE=DIR              also time an earlier published build (DIR/menagerie.dll) in the same turns
#
# Setting R up on Debian 12 (as root; R 4.2.2, Matrix 1.5-3, lme4 1.1-31):
#   apt-get install -y r-base-core r-cran-matrix r-cran-lme4
# pedigreemm itself is not packaged by Debian: it is built from its source, the public cran/pedigreemm
# repository (CRAN's read-only mirror) at its tag 0.3-5, commit c5f4e00. With a clone of it in ~/pedigreemm:
#   PEDIGREEMM_SOURCE=~/pedigreemm bench/studbook-vs-r.sh
# which runs `R CMD INSTALL -l artifacts/bench/R` on the tag's files (a C compiler is needed; gcc is here).
# The benchmark is not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
rlib=$PWD/artifacts/bench/R
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v Rscript >/dev/null || { echo "Rscript not found: apt-get install -y r-base-core r-cran-matrix r-cran-lme4" >&2; exit 2; }
mkdir -p "$rlib"
if ! R_LIBS="$rlib" Rscript -e 'stopifnot(packageVersion("pedigreemm") == "0.3.5")' >/dev/null 2>&1; then
  src=${PEDIGREEMM_SOURCE:?pedigreemm 0.3-5 is not installed: set PEDIGREEMM_SOURCE to its source (see the header of this script)}
  if [ ! -f "$src/DESCRIPTION" ]; then # a git repository: take the files of tag 0.3-5
    gitdir=$src; [ -d "$src/.git" ] && gitdir=$src/.git
    git --git-dir="$gitdir" archive --format=tar --prefix=pedigreemm/ 0.3-5 | tar -x -C "$work"
    src=$work/pedigreemm
  fi
  grep -q '^Version: 0.3-5$' "$src/DESCRIPTION" || { echo "$src is not pedigreemm 0.3-5" >&2; exit 2; }
  R CMD INSTALL -l "$rlib" "$src" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 2; }
fi

bench/publish-cli.sh
cli=artifacts/bench/cli-install/menagerie
before=${BEFORE:+dotnet $BEFORE/menagerie.dll}

cat >"$work/f.R" <<'R'
# Reading plus F: what a studbook keeper does in R to get every animal's inbreeding from the file.
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(pedigreemm))
start <- proc.time()[["elapsed"]]
d <- read.csv(args[1], colClasses = "character", na.strings = c("", "NA"))
ped <- pedigree(sire = d$sire, dam = d$dam, label = d$id)
F <- inbreeding(ped)
cat(sprintf("%.3f %.17g\n", proc.time()[["elapsed"]] - start, mean(F)))
R

echo "$(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;" \
  "$(R --version | head -1 | cut -d' ' -f1-3), pedigreemm 0.3-5; .NET $(dotnet --list-runtimes | awk '/NETCore.App/{v=$2} END{print v}'); load $(cut -d' ' -f1-3 /proc/loadavg)"

min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a == "" || b < a) ? b : a}'; }
wall() { # the whole process's wall time in seconds
  /usr/bin/time -f "%e" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/t"
}

printf '%-10s %10s %12s %10s %16s %s\n' animals "R read+F" "menagerie" "R / it" "" "mean F (R | menagerie)"
for size in 300000 1000000; do
  csv=$work/studbook-$size.csv
  $cli studbook generate --size "$size" --seed 7 --out "$csv" >/dev/null
  r="" m="" b="" rmean=""
  for _ in $(seq "$runs"); do
    read -r secs rmean < <(R_LIBS="$rlib" Rscript "$work/f.R" "$csv")
    r=$(min "$r" "$secs")
    m=$(min "$m" "$(wall $cli studbook analyze "$csv" --format json)")
    [ -n "$before" ] && b=$(min "$b" "$(wall $before studbook analyze "$csv" --format json)")
  done
  mmean=$($cli studbook analyze "$csv" --format json 2>/dev/null | head -c 400 | grep -o '"meanInbreeding":[^,}]*' | cut -d: -f2 || true)
  extra=""
  [ -n "$before" ] && extra=$(awk -v r="$r" -v b="$b" 'BEGIN{printf "before %.2f s (%.1f×)", b, r / b}')
  printf '%-10s %8.2f s %10.2f s %9.1f× %16s %s | %s\n' "$size" "$r" "$m" "$(awk -v r="$r" -v m="$m" 'BEGIN{print r / m}')" "$extra" "$rmean" "$mmean"
done
echo "best of $runs; target: R / menagerie >= 5 at both sizes. Load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
