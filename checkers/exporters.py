"""The exporter registry a customs office keeps: registered exporters of the issuing office and blocked ones,
loaded from CSV (`exporter_name,country,status[,note]`) and matched fuzzily by normalised name."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from checkers.names import name_similarity
from checkers.registry import CheckContext, check, result
from pipeline.model import Case, CheckResult

MATCH = 92.0


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    country: str
    status: str  # registered | blocked
    note: str = ""


@dataclass
class ExporterRegistry:
    entries: list[RegistryEntry]
    source: str

    @classmethod
    def from_csv(cls, path: Path) -> "ExporterRegistry":
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = [RegistryEntry(r["exporter_name"].strip(), (r.get("country") or "").strip().upper(),
                                  (r.get("status") or "registered").strip().lower(), (r.get("note") or "").strip())
                    for r in csv.DictReader(fh) if r.get("exporter_name")]
        return cls(rows, str(path))

    def find(self, name: str, country: str | None = None) -> tuple[RegistryEntry, float] | None:
        best = None
        for e in self.entries:
            if country and e.country and e.country != country:
                continue
            s = name_similarity(name, e.name)
            if s >= MATCH and (best is None or s > best[1]):
                best = (e, s)
        return best


@check("exporter.registry")
def exporter_registry(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first("certificate_of_origin")
    reg = ctx.exporter_registry
    if reg is None:
        return [result("exporter.registry", "skip", "no exporter registry is configured")]
    name = co.value("exporter_name") if co else None
    if not name:
        return [result("exporter.registry", "skip", "no exporter name to look up", co)]
    hit = reg.find(name, co.value("exporter_country") if co else None)
    if hit and hit[0].status == "blocked":
        e, s = hit
        return [result("exporter.registry", "fail", f"exporter '{name}' matches blocked exporter '{e.name}'"
                                                    + (f": {e.note}" if e.note else ""), co, field="exporter_name",
                       similarity=s)]
    if hit:
        return [result("exporter.registry", "pass", f"'{name}' is a registered exporter", co, field="exporter_name")]
    if case.metadata.direction == "export":
        return [result("exporter.registry", "fail", f"'{name}' is not a registered exporter of this office", co,
                       field="exporter_name")]
    return [result("exporter.registry", "warn", f"'{name}' is not in the registry (a foreign exporter)", co,
                   field="exporter_name")]
