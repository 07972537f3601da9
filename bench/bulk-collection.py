#!/usr/bin/env python3
"""Writes a collection of N specimens with 3N events in the CSV layout `menagerie sample load --from` reads.

The sample collection (samples/collection) is copied as many times as it takes, each copy's specimen keys and
identifiers given the copy's suffix (MOS-00001 becomes MOS-00001-C007, transponder 643… becomes 643…-C007), so
every copy has the sample's mix: births naming parents, acquisitions, groups, deaths, dispositions to other zoos,
identifiers added later, weighings and measurements. The last copy takes the sample's first specimens only (a
specimen's parents always come before it there, so no birth names a parent left out). Weighings of animals still
held, dated after the sample's last event, make up the events to 3N. Countries, institutions and taxa are the
sample's; transfers are left out.

Usage: bench/bulk-collection.py SPECIMENS FOLDER
"""
import csv
import os
import random
import sys

specimens_wanted = int(sys.argv[1])
folder = sys.argv[2]
sample = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "collection")
os.makedirs(folder, exist_ok=True)
random.seed(1)

for name in ("countries.csv", "institutions.csv", "taxa.csv"):
    with open(os.path.join(sample, name), newline="") as src, open(os.path.join(folder, name), "w", newline="") as dst:
        dst.write(src.read())

with open(os.path.join(sample, "specimens.csv"), newline="") as f:
    specimen_reader = csv.DictReader(f)
    specimen_columns = specimen_reader.fieldnames
    specimens = list(specimen_reader)
with open(os.path.join(sample, "events.csv"), newline="") as f:
    event_reader = csv.DictReader(f)
    event_columns = event_reader.fieldnames
    events = list(event_reader)

events_of = {}
for e in events:
    events_of.setdefault(e["specimen"], []).append(e)
# Animals alive and at their zoo at the end of the sample: individuals never dead nor sent away.
still_held = [s["key"] for s in specimens if s["kind"] == "individual"
              and not any(e["type"] in ("death", "disposition") for e in events_of.get(s["key"], []))]


def renamed(key, copy):
    return f"{key}-C{copy:03d}" if key else key


def identifiers(text, copy):
    return ";".join(f"{item.split(':', 1)[0]}:{renamed(item.split(':', 1)[1], copy)}" for item in text.split(";") if item)


events_wanted = 3 * specimens_wanted
written_specimens = written_events = 0
held = []
with open(os.path.join(folder, "specimens.csv"), "w", newline="") as sf, open(os.path.join(folder, "events.csv"), "w", newline="") as ef:
    specimen_writer = csv.DictWriter(sf, specimen_columns)
    event_writer = csv.DictWriter(ef, event_columns)
    specimen_writer.writeheader()
    event_writer.writeheader()
    copy = 0
    while written_specimens < specimens_wanted:
        taken = specimens[: specimens_wanted - written_specimens]
        keys = {s["key"] for s in taken}
        for s in taken:
            specimen_writer.writerow({**s, "key": renamed(s["key"], copy), "identifiers": identifiers(s["identifiers"], copy)})
        for e in events:
            if e["specimen"] in keys:
                event_writer.writerow({**e, "specimen": renamed(e["specimen"], copy), "sire": renamed(e["sire"], copy),
                                       "dam": renamed(e["dam"], copy), "value": renamed(e["value"], copy) if e["type"] == "identifier" else e["value"]})
                written_events += 1
        held += [renamed(k, copy) for k in still_held if k in keys]
        written_specimens += len(taken)
        copy += 1
    missing = events_wanted - written_events
    if missing < 0:
        sys.exit(f"The sample's copies already have {written_events} events, more than {events_wanted}.")
    for i in range(missing):
        day = 11 + i // len(held)
        if day > 30:
            sys.exit(f"{missing} weighings would take more than 20 a held animal.")
        event_writer.writerow({"specimen": held[i % len(held)], "type": "weight", "date": f"2026-11-{day:02d}",
                               "weight_kg": f"{random.uniform(0.5, 300):.1f}"})
    written_events += missing

print(f"{written_specimens} specimens with {written_events} events in {folder} ({copy} copies of the sample)")
