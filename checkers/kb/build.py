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
import re
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


def build_hs2017(shared: Path) -> None:
    hs = shared / "hs"
    codes = sorted({r["hs2017"] for r in csv.DictReader(open(hs / "unsd_conversion_hs2017_to_hs2012.csv", newline=""))}
                   - {"999999"})  # the statistical 'not specified' code is no subheading
    with open(DATA / "hs2017_subheadings.txt", "w") as fh:
        _header(fh, "shared/kb/hs/unsd_conversion_hs2017_to_hs2012.csv (every HS 2017 six-digit code, UNSD)")
        fh.write("\n".join(codes) + "\n")
    for src, a, b in (("unsd_correlation_hs2017_to_hs2012.csv", "hs2017", "hs2012"),
                      ("unsd_correlation_hs2022_to_hs2017.csv", "hs2022", "hs2017")):
        with open(DATA / f"{a}_to_{b}.csv", "w", newline="") as fh:
            _header(fh, f"shared/kb/hs/{src} (UNSD correlation, codes only)")
            w = csv.writer(fh)
            w.writerow([a, b, "relationship"])
            for r in csv.DictReader(open(hs / src, newline="")):
                w.writerow([r[a], r[b], r["relationship"]])


def _rate(raw: str) -> str:
    """A schedule cell as printed: ad valorem rates are stored as fractions (0.05 = 5%), others as text."""
    raw = raw.strip()
    try:
        return f"{float(raw) * 100:g}%"
    except ValueError:
        return re.sub(r"\s+", " ", raw)


def _runs(rates: list[str]) -> str:
    """'5%,4.5%,4%,0%*17': the staging of a line, runs of equal years compressed."""
    out: list[list] = []
    for r in rates:
        if out and out[-1][0] == r:
            out[-1][1] += 1
        else:
            out.append([r, 1])
    return ",".join(r if n == 1 else f"{r}*{n}" for r, n in out)


def build_tariffs(shared: Path) -> None:
    """Annex I schedules (Australia; China for ASEAN) as national tariff lines with the base rate and the rate
    of every year; Japan's applied tariff with its general and RCEP columns. Codes and rates only."""
    t = shared / "tariff"
    for src, party, scope in (("rcep_annexI_schedule_australia.csv", "AU", "all"),
                              ("rcep_annexI_schedule_china_for_asean.csv", "CN", "ASEAN")):
        with open(DATA / f"tariff_{party.lower()}_{scope.lower()}.csv", "w", newline="") as fh:
            _header(fh, f"shared/kb/tariff/{src} (RCEP Annex I schedule of {party} for {scope}; HS 2012 lines)")
            w = csv.writer(fh)
            w.writerow(["line", "base_rate", "staging"])
            for r in csv.DictReader(open(t / src, newline="")):
                code = r["HS Code"].strip()
                if not re.fullmatch(r"\d{4}\.\d{2}\.\d{2,4}", code) or not r["Base Rate"].strip():
                    continue
                years = [v for k, v in r.items() if k and k.startswith("Year")]
                w.writerow([code.replace(".", ""), _rate(r["Base Rate"]), _runs([_rate(v) for v in years])])
    src = "japan_applied_tariff_rcep_rates_2026_07_09.csv"
    with open(DATA / "tariff_jp_applied.csv", "w", newline="") as fh:
        _header(fh, f"shared/kb/tariff/{src} (Japan's applied tariff 2026-07-09, general and RCEP columns; "
                    "empty = no rate on this node)")
        w = csv.writer(fh)
        w.writerow(["hs6", "suffix", "basic", "temporary", "wto", "rcep_asean_au_nz", "rcep_china", "rcep_korea"])
        for r in csv.DictReader(open(t / src, newline="")):
            cols = [r[k].strip().replace("無税", "free") for k in
                    ("basic", "temporary", "wto", "rcep_asean_au_nz", "rcep_china", "rcep_korea")]
            if any(cols) and re.fullmatch(r"\d{4}\.\d{2}", r["stat_code"].strip()):
                w.writerow([r["stat_code"].replace(".", ""), r["stat_suffix"].strip(), *cols])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "kb")
    a = ap.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    build_parties(a.shared)
    build_psr(a.shared)
    build_hs(a.shared)
    build_hs2017(a.shared)
    build_tariffs(a.shared)
    print(f"knowledge base data written to {DATA}")


if __name__ == "__main__":
    main()
