#!/usr/bin/env python3
"""Writes samples/collection/*.csv: the sample collection Menagerie loads on first start.

The 75 animals of the November 2024 Moscow Zoo -> Pyongyang shipment (as the news reports give them),
accepted and awaiting clearance; the birds that went in April 2024, received; a lion on breeding loan
from Berlin to Prague, in transit; a few hundred more animals across four zoos with births to
known parents, deaths and moves, so lists and censuses look like a real collection; and, at Moscow,
an Amur tiger, three red pandas and a group of mandarin ducks on no transfer, from which a new one can
be drafted. Seeded: running it again writes the same files.  Usage: python3 samples/tools/make_collection.py
"""
import csv
import datetime as dt
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "collection")
rng = random.Random(20241120)

countries = [
    # code, name, party, entry_into_force, as_of, source, authority_approval (Russia's ministry approved both 2024 shipments)
    ("RU", "Russian Federation", "true", "1992-01-01", "2015-07-01",
     "CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php), copy of July 2015 in OHI-Science/ohiprep globalprep/cites_signatories; continues the USSR's membership", "true"),
    ("KP", "Democratic People's Republic of Korea", "false", "", "2015-07-01",
     "Absent from the CITES chronological list of Parties (copy of July 2015 in OHI-Science/ohiprep); no accession recorded in any source consulted", "false"),
    ("CZ", "Czechia", "true", "1993-01-01", "2015-07-01",
     "CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php), copy of July 2015 in OHI-Science/ohiprep globalprep/cites_signatories", "false"),
    ("DE", "Germany", "true", "1976-06-20", "2015-07-01",
     "CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php), copy of July 2015 in OHI-Science/ohiprep globalprep/cites_signatories", "false"),
]
institutions = [
    # code, name, country, IANA time zone
    ("MOSCOW", "Moscow Zoo", "RU", "Europe/Moscow"),
    ("PYONGYANG", "Central Zoo, Pyongyang", "KP", "Asia/Pyongyang"),
    ("PRAGUE", "Prague Zoo", "CZ", "Europe/Prague"),
    ("BERLIN", "Zoologischer Garten Berlin", "DE", "Europe/Berlin"),
]
PREFIX = {"MOSCOW": "MOS", "PYONGYANG": "PYO", "PRAGUE": "PRG", "BERLIN": "BER"}
taxa = [
    ("Panthera leo", "African lion", "Species", "Mammalia", "Felidae"),
    ("Ursus arctos", "Brown bear", "Species", "Mammalia", "Ursidae"),
    ("Bos grunniens", "Domestic yak", "Species", "Mammalia", "Bovidae"),
    ("Cacatua alba", "White cockatoo", "Species", "Aves", "Cacatuidae"),
    ("Aix galericulata", "Mandarin duck", "Species", "Aves", "Anatidae"),
    ("Aquila chrysaetos", "Golden eagle", "Species", "Aves", "Accipitridae"),
    ("Grus japonensis", "Red-crowned crane", "Species", "Aves", "Gruidae"),
    ("Ara ararauna", "Blue-and-yellow macaw", "Species", "Aves", "Psittacidae"),
    ("Phasianidae", "Pheasants, species not identified", "Family", "Aves", "Phasianidae"),
    ("Chrysolophus pictus", "Golden pheasant", "Species", "Aves", "Phasianidae"),
    # Appendix I in the shipped 2013 checklist: Panthera tigris (all subspecies since 1987-10-22), Ailurus fulgens (since 1995-02-16).
    ("Panthera tigris altaica", "Amur tiger", "Subspecies", "Mammalia", "Felidae"),
    ("Ailurus fulgens", "Red panda", "Species", "Mammalia", "Ailuridae"),
]

specimens = []   # key, kind, taxon, sex, name, identifiers
events = []      # specimen, type, date, estimated, institution, from, from_name, to, to_name, counts, sire, dam, scheme, value, weight_kg, text,
                 # length_cm, elbow_height_cm, width_cm, height_cm
counter = {p: 0 for p in PREFIX.values()}
TODAY = dt.date(2026, 11, 1)


def local_id(inst):
    p = PREFIX[inst]
    counter[p] += 1
    return f"{p}-{counter[p]:05d}"


def ev(key, type_, date, **kw):
    row = {"specimen": key, "type": type_, "date": date.isoformat(), "estimated": "true" if kw.pop("estimated", False) else ""}
    row.update({k: ("" if v is None else str(v)) for k, v in kw.items()})
    events.append(row)


class Animal:
    def __init__(self, taxon, sex, inst, born, sire=None, dam=None, name="", wild=False, acquired=None, from_name="", transponder=True):
        self.key = local_id(inst)
        self.taxon, self.sex, self.inst, self.born, self.alive, self.end = taxon, sex, inst, born, True, None
        idents = [f"local:{self.key}"]
        if transponder:
            idents.append(f"transponder:643{rng.randrange(10**11, 10**12)}")
        specimens.append({"key": self.key, "kind": "individual", "taxon": taxon, "sex": sex, "name": name, "identifiers": ";".join(idents)})
        if wild:
            ev(self.key, "acquisition", acquired, institution=inst, from_name=from_name or "wild")
        else:
            ev(self.key, "birth", born, institution=inst, sire=sire.key if sire else "", dam=dam.key if dam else "")
        self.last = acquired or born

    def weigh(self, date, kg):
        ev(self.key, "weight", date, weight_kg=f"{kg:.1f}")

    def move(self, date, to):
        ev(self.key, "disposition", date, to=to, text="")
        self.inst, self.last = to, date

    def die(self, date, cause):
        ev(self.key, "death", date, text=cause)
        self.alive, self.last, self.end = False, date, date

    def breeding_at(self, inst, date):
        return self.inst == inst and self.born.year + 3 <= date.year and (self.end is None or self.end > date)


def add_days(d, n):
    return d + dt.timedelta(days=n)


OTHERS = ["MOSCOW", "PYONGYANG", "PRAGUE", "BERLIN"]


def population(taxon, inst, founders, start_year, litter, adult_kg, lifespan, capacity, names=()):
    """Founders, then a birth season each year with known parents while there is room; surplus young
    animals leave for other zoos or private keepers at two years; the old die."""
    males = [Animal(taxon, "male", inst, dt.date(start_year - 4, 6, 1), wild=True, acquired=dt.date(start_year, 3, 10 + i),
                    from_name="founder stock (private breeder)") for i in range(founders)]
    females = [Animal(taxon, "female", inst, dt.date(start_year - 3, 5, 1), wild=True, acquired=dt.date(start_year, 3, 12 + i),
                      from_name="founder stock (private breeder)") for i in range(founders)]
    animals = males + females
    names = list(names)
    for year in range(start_year + 1, 2025):
        here = [a for a in animals if a.alive and a.inst == inst]
        sires = [a for a in here if a.sex == "male" and a.born.year + 3 <= year]
        dams = [a for a in here if a.sex == "female" and a.born.year + 3 <= year]
        for _ in range(min(len(dams), 1 + len(dams) // 3) if sires else 0):
            sire, dam = rng.choice(sires), rng.choice(dams)
            born = dt.date(year, rng.randint(3, 7), rng.randint(1, 28))
            for _ in range(rng.randint(*litter)):
                name = names.pop(0) if names else ""
                young = Animal(taxon, rng.choice(["male", "female"]), inst, born, sire=sire, dam=dam, name=name)
                animals.append(young)
                if rng.random() < 0.15:
                    young.die(add_days(born, rng.randint(2, 60)), "neonatal death")
                else:
                    young.weigh(add_days(born, 365), adult_kg * rng.uniform(0.4, 0.6))
            dams.remove(dam)
        for a in animals:
            if not a.alive or a.last >= dt.date(year, 9, 1):
                continue
            age = year - a.born.year
            if age > lifespan * rng.uniform(0.7, 1.1):
                a.die(dt.date(year, rng.randint(9, 12), rng.randint(1, 28)), "old age")
            elif a.inst == inst and 2 <= age <= 4 and len([b for b in animals if b.alive and b.inst == inst]) > capacity:
                when = dt.date(year, rng.randint(9, 11), rng.randint(1, 28))
                if rng.random() < 0.6:
                    a.move(when, rng.choice([o for o in OTHERS if o != inst]))
                else:
                    ev(a.key, "disposition", when, to_name="private collection")
                    a.alive, a.end = False, when
    return animals


# --- Moscow: the animals of the November 2024 shipment and their relatives --------------------------
lions = population("Panthera leo", "MOSCOW", 2, 2008, (1, 3), 160, 17, 8, names=["Zara", "Amur", "Nala", "Simba", "Kira"])
lioness = Animal("Panthera leo", "female", "MOSCOW", dt.date(2021, 5, 14),
                 sire=next(a for a in lions if a.sex == "male" and a.breeding_at("MOSCOW", dt.date(2020, 9, 1))),
                 dam=next(a for a in lions if a.sex == "female" and a.breeding_at("MOSCOW", dt.date(2021, 5, 14))), name="Laska")
lioness.weigh(dt.date(2024, 10, 2), 126.5)
ev(lioness.key, "identifier", dt.date(2022, 1, 20), scheme="studbook", value="EEP-PLE-3117")

bears = population("Ursus arctos", "MOSCOW", 2, 2008, (1, 2), 300, 25, 6)
bear_sire = next(a for a in bears if a.sex == "male" and a.breeding_at("MOSCOW", dt.date(2021, 6, 1)))
bear_dam = next(a for a in bears if a.sex == "female" and a.breeding_at("MOSCOW", dt.date(2022, 1, 18)))
shipment_bears = [Animal("Ursus arctos", s, "MOSCOW", dt.date(2022, 1, 18), sire=bear_sire, dam=bear_dam, name=n)
                  for s, n in (("male", "Potap"), ("female", "Masha"))]
for b in shipment_bears:
    b.weigh(dt.date(2024, 9, 15), 180 if b.sex == "male" else 140)

yaks = [Animal("Bos grunniens", s, "PRAGUE", dt.date(2020, 4, d), name=n) for s, d, n in (("male", 9, "Tenzin"), ("female", 21, "Dolma"))]
for y in yaks:
    y.move(dt.date(2022, 6, 14), "MOSCOW")

cockatoos = []
for i in range(5):
    c = Animal("Cacatua alba", rng.choice(["male", "female"]), "MOSCOW", dt.date(2016 + i, 4, 3 + i), wild=True,
               acquired=dt.date(2019 + i % 3, 8, 1 + i), from_name="confiscation, Sheremetyevo customs" if i < 2 else "private breeder, Tula")
    ev(c.key, "identifier", dt.date(2019 + i % 3, 8, 2 + i), scheme="band", value=f"RU-CA-{1201 + i}")
    cockatoos.append(c)


def group(key, taxon, inst, name, first_date, counts, from_name, later=()):
    specimens.append({"key": key, "kind": "group", "taxon": taxon, "sex": "", "name": name, "identifiers": f"local:{key}"})
    ev(key, "acquisition", first_date, institution=inst, from_name=from_name, counts=counts)
    for type_, date, c, text in later:
        ev(key, type_, date, institution=inst if type_ == "birth" else "", counts=c, text=text)


group("MOS-G0001", "Phasianidae", "MOSCOW", "Pheasant aviary 3", dt.date(2023, 6, 10), "13.15.0", "private breeder, Kaluga region",
      [("death", dt.date(2023, 12, 2), "1.2.0", "avian pox"), ("note", dt.date(2024, 2, 1), None, "species of various kinds; not identified at intake")])
group("MOS-G0002", "Aix galericulata", "MOSCOW", "Mandarin ducks, pond 1", dt.date(2021, 5, 20), "10.10.0", "Moscow Zoo breeding centre, Volokolamsk",
      [("birth", dt.date(2022, 6, 3), "6.7.2", ""), ("death", dt.date(2022, 11, 8), "0.0.2", "predation"),
       ("birth", dt.date(2023, 6, 12), "5.4.0", ""), ("death", dt.date(2024, 1, 15), "1.1.0", "old age")])

# --- April 2024: birds that went from Moscow to Pyongyang ------------------------------------------
april_birds = []
for taxon, n in (("Aquila chrysaetos", 2), ("Grus japonensis", 2), ("Ara ararauna", 4)):
    for i in range(n):
        april_birds.append(Animal(taxon, "male" if i % 2 == 0 else "female", "MOSCOW", dt.date(2015 + i, 5, 2 + i), wild=taxon == "Ara ararauna",
                                  acquired=dt.date(2018, 9, 1 + i), from_name="Prague Zoo surplus" if taxon == "Ara ararauna" else ""))

# --- the other zoos ---------------------------------------------------------------------------------
berlin_lions = population("Panthera leo", "BERLIN", 3, 2000, (1, 3), 160, 17, 9)
population("Ursus arctos", "PRAGUE", 2, 2002, (1, 2), 300, 25, 7)
population("Bos grunniens", "PRAGUE", 4, 2004, (1, 1), 350, 18, 14)
population("Bos grunniens", "MOSCOW", 3, 2006, (1, 1), 350, 18, 10)
population("Grus japonensis", "BERLIN", 3, 2004, (1, 2), 8, 30, 10)
population("Grus japonensis", "MOSCOW", 2, 2006, (1, 2), 8, 30, 8)
population("Cacatua alba", "PYONGYANG", 3, 2005, (1, 2), 0.5, 40, 12)
population("Cacatua alba", "BERLIN", 2, 2008, (1, 2), 0.5, 40, 8)
population("Aquila chrysaetos", "BERLIN", 2, 2003, (1, 2), 5, 30, 8)
population("Aquila chrysaetos", "MOSCOW", 2, 2005, (1, 2), 5, 30, 8)
population("Ara ararauna", "PRAGUE", 3, 2006, (1, 3), 1.1, 40, 14)
population("Panthera leo", "PYONGYANG", 2, 2004, (1, 3), 160, 17, 7)
group("PRG-G0001", "Chrysolophus pictus", "PRAGUE", "Golden pheasants, aviary B", dt.date(2019, 4, 2), "4.8.0", "private breeder, Brno",
      [("birth", dt.date(2020, 5, 20), "3.2.4", ""), ("death", dt.date(2021, 2, 10), "1.1.0", "")])
group("PYO-G0001", "Aix galericulata", "PYONGYANG", "Mandarin ducks", dt.date(2018, 6, 1), "6.6.0", "wild, Taedong river",
      [("birth", dt.date(2019, 6, 10), "4.3.1", "")])

# --- transfers: April 2024 (received), November 2024 (accepted, awaiting clearance), a breeding loan in transit
transfers = [
    {"key": "APR-2024", "sender": "MOSCOW", "receiver": "PYONGYANG", "terms": "gift", "status": "received", "planned_departure": "2024-04-25",
     "cleared_because": "State gift approved by the Ministry of Natural Resources; CITES Article X comparable documentation for the DPRK",
     "dispatched_at": "2024-04-25T05:00:00Z", "received_at": "2024-04-26T09:30:00Z"},
    {"key": "NOV-2024", "sender": "MOSCOW", "receiver": "PYONGYANG", "terms": "gift", "status": "accepted", "planned_departure": "2024-11-20"},
    {"key": "LOAN-BER-PRG", "sender": "BERLIN", "receiver": "PRAGUE", "terms": "loan", "return_due": "2029-11-30", "status": "dispatched",
     "cleared_because": "EEP breeding recommendation; health certificate issued", "dispatched_at": "2026-11-24T07:00:00Z"},
]
transfer_lines = [{"transfer": "APR-2024", "specimen": b.key, "identifiers": f"local:PYO-24-{i + 1:03d}"} for i, b in enumerate(april_birds)]
transfer_lines += [{"transfer": "NOV-2024", "specimen": a.key} for a in [lioness, *shipment_bears, *yaks, *cockatoos]]
transfer_lines += [{"transfer": "NOV-2024", "specimen": "MOS-G0001", "counts": "12.13.0"},
                   {"transfer": "NOV-2024", "specimen": "MOS-G0002", "counts": "20.20.0"}]
# The reference shipments' documents, as registered at Moscow: those their files in samples/shipments hold (sample numbers).
transfer_documents = [
    {"transfer": "APR-2024", "type": "export-permit", "number": "RU-2024-EX-00417", "issuing_authority": "Rosprirodnadzor (CITES Management Authority of the Russian Federation)",
     "issuing_state": "RU", "issued_on": "2024-04-02", "valid_from": "2024-04-02", "valid_until": "2024-10-01", "lines": ""},
    {"transfer": "APR-2024", "type": "comparable-documentation", "number": "KP-CD-2024-031", "issuing_authority": "Competent authority of the DPRK for wildlife trade (comparable documentation, CITES Art. X)",
     "issuing_state": "KP", "issued_on": "2024-03-20", "valid_from": "2024-03-20", "valid_until": "2024-09-20", "lines": "3;4"},
    {"transfer": "APR-2024", "type": "veterinary-certificate", "number": "RU-VET-77-2024-1182", "issuing_authority": "Moscow City Veterinary Station",
     "issuing_state": "RU", "issued_on": "2024-04-23", "valid_from": "2024-04-23", "valid_until": "2024-04-27", "lines": ""},
    {"transfer": "APR-2024", "type": "ministry-approval", "number": "MNR-2024-15-1104", "issuing_authority": "Ministry of Natural Resources and Environment of the Russian Federation",
     "issuing_state": "RU", "issued_on": "2024-03-28", "valid_from": "", "valid_until": "", "lines": ""},
    # November: the export permit covers the lioness, the bears and the cockatoos (lines 1-3, 6-10); the yaks are domestic
    # and the pheasants and ducks need none.
    {"transfer": "NOV-2024", "type": "export-permit", "number": "RU-2024-EX-01893", "issuing_authority": "Rosprirodnadzor (CITES Management Authority of the Russian Federation)",
     "issuing_state": "RU", "issued_on": "2024-11-01", "valid_from": "", "valid_until": "2025-05-01", "lines": "1;2;3;6;7;8;9;10"},
    {"transfer": "NOV-2024", "type": "veterinary-certificate", "number": "RU-VET-77-2024-4410", "issuing_authority": "Moscow City Veterinary Station",
     "issuing_state": "RU", "issued_on": "2024-11-15", "valid_from": "", "valid_until": "2024-11-25", "lines": ""},
    {"transfer": "NOV-2024", "type": "ministry-approval", "number": "MNR-2024-15-3342", "issuing_authority": "Ministry of Natural Resources and Environment of the Russian Federation",
     "issuing_state": "RU", "issued_on": "2024-11-12", "valid_from": "", "valid_until": "", "lines": ""},
]
# Each animal of the reference shipments has the CITES source code its shipment file gives it: bred in captivity.
for key in [b.key for b in april_birds] + [a.key for a in [lioness, *shipment_bears, *yaks, *cockatoos]] + ["MOS-G0001", "MOS-G0002"]:
    next(s for s in specimens if s["key"] == key)["cites_source"] = "C"
# Measured at Moscow for their crates two weeks before the November flight (LAR: A body length nose to root of
# tail, B elbow height, C width across the shoulders, D standing height; a bird bill to tail tip); a group by a
# typical bird.
MEASURED = dt.date(2024, 11, 5)
for key, a, b, c, d, kg in [(lioness.key, 165, 52, 38, 105, 128), (shipment_bears[0].key, 190, 55, 52, 115, 240),
                            (shipment_bears[1].key, 165, 48, 44, 100, 160), (yaks[0].key, 235, None, 58, 160, 460),
                            (yaks[1].key, 205, None, 48, 135, 290)] + [(b.key, 46, None, 12, 34, 0.55) for b in cockatoos] + [
                            ("MOS-G0001", 70, None, 16, 40, 1.1), ("MOS-G0002", 44, None, 17, 30, 0.6)]:
    ev(key, "measurement", MEASURED, length_cm=a, elbow_height_cm=b, width_cm=c, height_cm=d, weight_kg=kg)

loan_lion = next(a for a in reversed(berlin_lions) if a.sex == "male" and a.alive and a.inst == "BERLIN")
transfer_lines.append({"transfer": "LOAN-BER-PRG", "specimen": loan_lion.key})
ev(loan_lion.key, "measurement", dt.date(2026, 11, 10), length_cm=190, elbow_height_cm=58, width_cm=42, height_cm=118, weight_kg=182)

# --- Moscow: animals on no transfer, from which a new one can be drafted ------------------------------
# Made last, so that the random numbers of everything above stay as they were.
tiger = Animal("Panthera tigris altaica", "male", "MOSCOW", dt.date(2019, 6, 12), wild=True, acquired=dt.date(2021, 3, 16),
               from_name="Novosibirsk Zoo (EEP transfer)", name="Taiga")
ev(tiger.key, "identifier", dt.date(2021, 3, 16), scheme="studbook", value="EEP-PTA-1412")
tiger.weigh(dt.date(2026, 10, 6), 192.5)
ev(tiger.key, "measurement", dt.date(2026, 10, 6), length_cm=185, elbow_height_cm=56, width_cm=44, height_cm=110, weight_kg=192.5)
red_panda_male = Animal("Ailurus fulgens", "male", "MOSCOW", dt.date(2018, 6, 20), wild=True, acquired=dt.date(2020, 4, 21),
                        from_name="Rotterdam Zoo (EEP transfer)", name="Ryzhik")
red_panda_female = Animal("Ailurus fulgens", "female", "MOSCOW", dt.date(2019, 7, 2), wild=True, acquired=dt.date(2020, 5, 12),
                          from_name="Zoo Zurich (EEP transfer)", name="Vishnya")
red_panda_cub = Animal("Ailurus fulgens", "female", "MOSCOW", dt.date(2023, 6, 24), sire=red_panda_male, dam=red_panda_female, name="Persik")
for panda, kg in ((red_panda_male, 5.4), (red_panda_female, 4.9), (red_panda_cub, 4.6)):
    panda.weigh(dt.date(2026, 9, 14), kg)
group("MOS-G0003", "Aix galericulata", "MOSCOW", "Mandarin ducks, pond 2", dt.date(2025, 4, 22), "6.6.0", "Moscow Zoo breeding centre, Volokolamsk",
      [("note", dt.date(2025, 4, 23), None, "ringed on arrival; pinioned, kept on the open pond")])


assert 300 < len(specimens) < 900, len(specimens)
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "countries.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "cites_party", "cites_entry_into_force", "status_as_of", "status_source", "authority_approval"])
    w.writerows(countries)
with open(os.path.join(OUT, "institutions.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "country", "time_zone"])
    w.writerows(institutions)
with open(os.path.join(OUT, "taxa.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["scientific_name", "common_name", "rank", "class", "family"])
    w.writerows(taxa)
with open(os.path.join(OUT, "specimens.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["key", "kind", "taxon", "sex", "name", "identifiers", "cites_source"], restval="")
    w.writeheader()
    w.writerows(specimens)
cols = ["specimen", "type", "date", "estimated", "institution", "from", "from_name", "to", "to_name", "counts", "sire", "dam",
        "scheme", "value", "weight_kg", "text", "length_cm", "elbow_height_cm", "width_cm", "height_cm"]
with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, cols, restval="")
    w.writeheader()
    w.writerows(events)
with open(os.path.join(OUT, "transfers.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["key", "sender", "receiver", "terms", "return_due", "planned_departure", "status", "cleared_because", "dispatched_at", "received_at"], restval="")
    w.writeheader()
    w.writerows(transfers)
with open(os.path.join(OUT, "transfer_lines.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["transfer", "specimen", "counts", "outcome", "identifiers"], restval="")
    w.writeheader()
    w.writerows(transfer_lines)
with open(os.path.join(OUT, "transfer_documents.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["transfer", "type", "number", "issuing_authority", "issuing_state", "issued_on", "valid_from", "valid_until", "lines"], restval="")
    w.writeheader()
    w.writerows(transfer_documents)
print(len(specimens), "specimens,", len(events), "events,", len(transfers), "transfers")
