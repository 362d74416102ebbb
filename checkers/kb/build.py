"""Rebuild the knowledge base's data files from the reference folder (`../shared/kb`).

    python -m checkers.kb.build [--shared ../shared/kb]

Facts are restated in the project's own format (codes, dates and rules only; no description texts), each
file with a header naming its source. The generated files are committed; the reference folder itself is
not, and the project runs without it.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _header(fh, source: str) -> None:
    fh.write(f"# restated by checkers/kb/build.py on {dt.date.today().isoformat()} from {source}\n")


def build_parties(shared: Path) -> None:
    rows = list(csv.DictReader(open(shared / "parties.csv", newline="")))
    with open(DATA / "parties.csv", "w", newline="") as fh:
        _header(fh, "shared/kb/parties.csv (RCEP entry into force per Party; Myanmar disputed)")
        w = csv.writer(fh)
        w.writerow(["party", "entry_into_force", "status"])
        for r in rows:
            status = "disputed" if r["iso2"] == "MM" else "in_force"
            w.writerow([r["iso2"], r["eif_date"], status])


def build_psr(shared: Path) -> None:
    rows = list(csv.DictReader(open(shared / "psr_annex3a_verified.csv", newline="")))
    with open(DATA / "psr_hs2012.csv", "w", newline="") as fh:
        _header(fh, "shared/kb/psr_annex3a_verified.csv (RCEP Annex 3A rows read from the Agreement text, HS 2012)")
        w = csv.writer(fh)
        w.writerow(["hs", "level", "rule", "confidence", "annex_page"])
        for r in rows:
            w.writerow([r["hs_code"].replace(".", ""), r["level"], r["rule"], r["confidence"], r["annex_page"]])


def build_hs(shared: Path) -> None:
    codes = [r["code"] for r in csv.DictReader(open(shared / "hs" / "hs2012_descriptions_concordance.csv", newline=""))
             if r["level"] == "subheading" and r["code"] != "999999"]
    with open(DATA / "hs2012_subheadings.txt", "w") as fh:
        _header(fh, "shared/kb/hs/hs2012_descriptions_concordance.csv (HS 2012 six-digit codes only)")
        fh.write("\n".join(sorted(codes)) + "\n")
    with open(DATA / "hs2022_to_hs2012.csv", "w", newline="") as fh:
        _header(fh, "shared/kb/hs/unsd_correlation_hs2022_to_hs2012.csv (UNSD correlation, codes only)")
        w = csv.writer(fh)
        w.writerow(["hs2022", "hs2012", "relationship"])
        for r in csv.DictReader(open(shared / "hs" / "unsd_correlation_hs2022_to_hs2012.csv", newline="")):
            w.writerow([r["hs2022"], r["hs2012"], r["relationship"]])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "kb")
    a = ap.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    build_parties(a.shared)
    build_psr(a.shared)
    build_hs(a.shared)
    print(f"knowledge base data written to {DATA}")


if __name__ == "__main__":
    main()
