"""Tariff rates where the data exists, so that a reviewer sees what a preference is worth: the RCEP rate of the
importing Party for the goods' origin against its general rate.

- Australia: RCEP Annex I schedule (one schedule for all Parties), HS 2012 national lines; base rate and the
  rate of every year, Year 1 from entry into force (1 January 2022), later years each 1 January.
- China, for goods of ASEAN Member States: RCEP Annex I schedule, Section A, the same way. China's sections for
  Australia, Japan, Korea and New Zealand are not in the data.
- Japan: the applied tariff of 9 July 2026 (HS 2022 lines): general rate (WTO rate where it applies, else the
  temporary, else the basic rate) and the RCEP columns for ASEAN / Australia / New Zealand, China and Korea.

Schedules state base rates (the MFN rate when the Agreement was signed); they are shown as the general rate
with that caveat. Everything else is "no tariff data", never a guess.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

ASEAN = frozenset({"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"})
SCHEDULE_START = {"AU": dt.date(2022, 1, 1), "CN": dt.date(2022, 1, 1)}  # Year 1 of the Annex I schedules
SCHEDULES = (("AU", None, "tariff_au_all.csv", "RCEP Annex I schedule of Australia"),
             ("CN", ASEAN, "tariff_cn_asean.csv", "RCEP Annex I schedule of China, Section A (ASEAN)"))
JAPAN_GROUPS = (("rcep_asean_au_nz", "ASEAN, Australia, New Zealand"), ("rcep_china", "China"),
                ("rcep_korea", "Korea"))


@dataclass(frozen=True)
class Tariff:
    importing: str  # the Party whose tariff this is
    origin: str  # whose goods the preferential rate is for
    source: str
    line: str  # national tariff line
    general: str
    preferential: str | None  # None: no RCEP commitment on this line for these goods
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


TABLES: dict[Path, dict[str, list[dict[str, str]]]] = {}  # parsed tariff files (filled from the kb cache too)


def table(path: Path) -> dict[str, list[dict[str, str]]]:
    """A tariff file's lines grouped by six-digit subheading."""
    if path not in TABLES:
        by6: dict[str, list[dict[str, str]]] = {}
        with open(path, newline="") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                by6.setdefault(r["line"][:6] if "line" in r else r["hs6"], []).append(r)
        TABLES[path] = by6
    return TABLES[path]


def _staging(text: str) -> list[str]:
    """'5%,4.5%,0%*18' back into the rate of every year."""
    out: list[str] = []
    for part in text.split(","):
        rate, star, n = part.rpartition("*")
        out += [rate] * int(n) if star else [part]
    return out


def year_of(party: str, date: dt.date) -> int:
    """Year of a Party's schedule at `date` (Year 1 from entry into force; each 1 January the next)."""
    return max(1, date.year - SCHEDULE_START[party].year + 1)


def tariffs_for(data: Path, hs2012: Iterable[str], hs2022: Iterable[str], date: dt.date | None = None,
                importing: str | None = None, origin: str | None = None) -> list[Tariff]:
    """Tariff lines for goods of one six-digit subheading (given in HS 2012 for the Annex I schedules and in
    HS 2022 for Japan's applied tariff), at `date` (default today), optionally for one importing Party and one
    origin."""
    date = date or dt.date.today()
    out: list[Tariff] = []
    for party, scope, file, label in SCHEDULES:
        path = data / file
        if importing not in (None, party) or (origin and scope is not None and origin not in scope) or not path.exists():
            continue
        year = year_of(party, date)
        for code in dict.fromkeys(hs2012):
            for r in table(path).get(code, []):
                stages = _staging(r["staging"])
                out.append(Tariff(party, origin or ("ASEAN" if scope else "any RCEP Party"), label, r["line"],
                                  r["base_rate"], stages[min(year, len(stages)) - 1],
                                  f"Year {year} of the schedule; the general rate shown is the schedule's base rate"))
    path = data / "tariff_jp_applied.csv"
    if importing in (None, "JP") and origin != "JP" and path.exists():
        groups = JAPAN_GROUPS
        if origin:
            groups = ((({"CN": "rcep_china", "KR": "rcep_korea"}.get(origin, "rcep_asean_au_nz")), origin),)
        for code in dict.fromkeys(hs2022):
            for r in table(path).get(code, []):
                general = r["wto"] if r["wto"] and not r["wto"].startswith("(") else (r["temporary"] or r["basic"])
                for column, who in groups:
                    out.append(Tariff("JP", who, "Japan's applied tariff (2026-07-09)", f"{code}.{r['suffix'] or '000'}",
                                      general or "-", r[column] or None,
                                      "" if r[column] else "no RCEP rate on this line: the general rate applies"))
    return out
