#!/usr/bin/env python3
"""Builds Sources/ActsServer/Resources/belfiore.tsv from the ANPR archives in ../shared/specs/istat.

Columns: code, name, province (EE for foreign States), valid-from, valid-to (ISO dates; empty = open).
Each row is one denomination period; a code may appear on several rows (renamed comuni).
Run again when ANPR publishes a new archive.
"""
import csv, json, sys
from pathlib import Path

src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/specs/istat")
out = Path(sys.argv[2] if len(sys.argv) > 2 else "Sources/ActsServer/Resources/belfiore.tsv")
rows = set()

def iso(d):
    d = d.strip()
    if not d or d.startswith("9999"):
        return ""
    if "/" in d:
        dd, mm, yy = d.split("/")
        d = f"{yy}-{mm}-{dd}"
        return "" if yy == "9999" else d
    return d[:10]

with open(src / "ANPR_archivio_comuni.csv", encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        code = r["CODCATASTALE"].strip()
        if len(code) == 4:
            rows.add((code, r["DENOMINAZIONE_IT"].strip(), r["SIGLAPROVINCIA"].strip(), iso(r["DATAISTITUZIONE"]), iso(r["DATACESSAZIONE"])))

with open(src / "ANPR_tab_Stati_Esteri.csv", encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        code = (r.get("CODAT") or "").strip()
        if len(code) == 4 and code.startswith("Z"):
            rows.add((code, r["DENOMINAZIONE"].strip(), "EE", iso(r["DATAINIZIOVALIDITA"]), iso(r["DATAFINEVALIDITA"])))

known = {r[0] for r in rows}
for name in ["codicefiscale-deleted-countries.json", "codicefiscale-countries-patch.json", "codicefiscale-countries.json"]:
    for c in json.load(open(src / name, encoding="utf-8")):
        code = c["code"].strip()
        if code in known or len(code) != 4:
            continue
        known.add(code)
        rows.add((code, c["name"].strip().upper(), "EE", iso(c["date_created"] or ""), iso(c["date_deleted"] or "")))

out.parent.mkdir(parents=True, exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    f.write("# Codici catastali (Belfiore) di comuni e Stati esteri. Fonte: ANPR (CC BY 4.0). Generato da scripts/gen-belfiore.py\n")
    for r in sorted(rows):
        f.write("\t".join(r) + "\n")
print(f"{len(rows)} rows, {len(known)} codes -> {out}")
