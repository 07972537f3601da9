#!/usr/bin/env python3
"""Writes src/Menagerie.App/Compliance/Reference/parties.csv: CITES Party status of states, each row with its source and as-of date.

Parties: the CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php) as copied in July 2015
into GitHub OHI-Science/ohiprep, globalprep/cites_signatories/raw/cites_member_countries_2015-07.csv (commit
49d12cb3a25c11cf25504be2e9b36d50201f09b7). That file's rows run together; its columns are Official name, ISO, Region,
Type, Date of joining, Entry into force, with dates as d/m/yy or dd/mm/yyyy. The European Union (a Party, not a
state) and rows without a date of entry into force are left out.

Non-Parties: the DPRK and the other states named as non-Parties in a 2012 list, as recorded in the compliance
reference (transfer-rules.md section 0). A state in the 2015 list of Parties is never written as a non-Party.

Usage: python3 samples/tools/make_parties.py path/to/cites_member_countries_2015-07.csv
"""
import csv
import os
import re
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Menagerie.App", "Compliance", "Reference", "parties.csv")
LIST_2015 = ("CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php), copy of July 2015 in "
             "OHI-Science/ohiprep globalprep/cites_signatories/raw/cites_member_countries_2015-07.csv")
AS_OF_2015 = "2015-07-01"

DATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
ROW = re.compile(r'\s*("[^"]*"|[^,]*),([A-Z]{2}),([^,]*),([^,]*),(' + DATE + r")?,(" + DATE + r")?")

KP_SOURCE = ("Absent from the CITES chronological list of Parties (copy of July 2015 in OHI-Science/ohiprep "
             "globalprep/cites_signatories); named among the states not party in a 2012 list "
             "(https://www.liquisearch.com/cites/ratifications) and as a non-signatory in a 2025 study of North Korean "
             "wildlife trade (https://www.htsyndication.com/down-to-earth/article/north-korea-s-hidden-wildlife-trade%3A-new-research-reveals-state-involvement/92934045); "
             "no accession recorded in any source consulted")
NON_PARTIES_2012 = [
    ("FM", "Micronesia (Federated States of)"),
    ("HT", "Haiti"),
    ("KI", "Kiribati"),
    ("MH", "Marshall Islands"),
    ("NR", "Nauru"),
    ("SS", "South Sudan"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TV", "Tuvalu"),
    ("AD", "Andorra"),
]
SOURCE_2012 = ("Named among the states not party to CITES in a 2012 list (https://www.liquisearch.com/cites/ratifications, "
               "a copy of Wikipedia); absent from the 2015 copy of the CITES list of Parties. VERIFY: some may have "
               "joined since (UNSOURCED)")
AS_OF_2012 = "2012-01-01"


def iso_date(text):
    day, month, year = text.split("/")
    year = int(year)
    if year < 100:
        year += 1900 if year >= 74 else 2000
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def parties_2015(text):
    text = text.replace("\r", "").replace("\n", "")
    header = "Official name,ISO,Region,Type,Date of joining,Entry into force"
    if not text.startswith(header):
        sys.exit("Not the expected file: the header is not " + header)
    position, rows = len(header), []
    while position < len(text):
        match = ROW.match(text, position)
        if not match or match.end() == position:
            sys.exit(f"Cannot read the list at character {position}: {text[position:position + 60]!r}")
        rows.append(match)
        position = match.end()
    for match in rows:
        name, code, region, kind, _joined, entry = match.groups()
        name = name.strip('"')
        if code == "EU" or entry is None:
            continue
        source = LIST_2015
        if code == "RU":
            source += "; continues the USSR's membership"
        if not region and not kind:
            source += "; listed in that copy without region or type of membership"
        yield (code, name, "true", iso_date(entry), AS_OF_2015, source)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = list(parties_2015(f.read()))
    parties = {row[0] for row in rows}
    rows.append(("KP", "Democratic People's Republic of Korea", "false", "", AS_OF_2015, KP_SOURCE))
    for code, name in NON_PARTIES_2012:
        if code not in parties:
            rows.append((code, name, "false", "", AS_OF_2012, SOURCE_2012))
    rows.sort(key=lambda r: r[0])
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["code", "name", "party", "entry_into_force", "as_of", "source"])
        out.writerows(rows)
    print(f"{len(rows)} states written to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
