"""Compare batch results with ground truth: how well fields were read, and how good the decisions were.

- Field accuracy per document type and per text/scan, and per field: a field counts as right when the
  value read equals the truth (text compared with whitespace collapsed, numbers within half a cent).
- Decisions: automation rate on clean cases (approved automatically), false approvals (defective cases
  approved), and defects caught by the right check id (that id reported `fail`).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCAN_RENDERS = {"scan_pdf", "png", "jpeg", "tiff", "rotated_jpeg", "heavy_scan", "photo"}


def same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 0.005
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()) == " ".join(b.split())
    return a == b


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Evaluation:
    by_group: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_field: dict[tuple[str, str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    doc_type: Tally = field(default_factory=Tally)
    clean_cases: int = 0
    clean_approved: int = 0
    defective_cases: int = 0
    false_approvals: list[str] = field(default_factory=list)
    caught: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    missed: list[tuple[str, str]] = field(default_factory=list)
    clean_failures: list[tuple[str, str]] = field(default_factory=list)
    missing_results: list[str] = field(default_factory=list)
    mistakes: list[tuple[str, str, str, Any, Any]] = field(default_factory=list)

    @property
    def automation_rate(self) -> float:
        return self.clean_approved / self.clean_cases if self.clean_cases else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "fields": {f"{dt}/{mode}": {"right": t.right, "total": t.total, "accuracy": round(t.rate, 4)}
                       for (dt, mode), t in sorted(self.by_group.items())},
            "per_field": {f"{dt}/{mode}/{name}": round(t.rate, 4) for (dt, mode, name), t in sorted(self.by_field.items())},
            "doc_type_accuracy": round(self.doc_type.rate, 4),
            "clean_cases": self.clean_cases, "clean_approved": self.clean_approved,
            "automation_rate": round(self.automation_rate, 4),
            "defective_cases": self.defective_cases, "false_approvals": self.false_approvals,
            "defects_caught": {k: {"caught": t.right, "total": t.total} for k, t in sorted(self.caught.items())},
            "missed": self.missed, "clean_failures": self.clean_failures, "missing_results": self.missing_results,
        }


def load_results(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with open(path) as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                out[r["case_id"]] = r
    return out


def evaluate(results: dict[str, dict[str, Any]], truth: dict[str, Any]) -> Evaluation:
    ev = Evaluation()
    for case_id, t in truth["cases"].items():
        r = results.get(case_id)
        if r is None:
            ev.missing_results.append(case_id)
            continue
        docs = {d["file"]: d for d in r.get("documents", [])}
        for fname, td in t["documents"].items():
            if td.get("broken") or td["fields"] is None:
                continue
            # documents made illegible on purpose are reported apart: they test document.illegible, not reading
            mode = "illegible" if td["render"] == "heavy_scan" else "scan" if td["render"] in SCAN_RENDERS else "text"
            got = docs.get(fname)
            ev.doc_type.add(bool(got) and got["doc_type"] == td["doc_type"])
            gf = got["fields"] if got else {}
            for name, want in td["fields"].items():
                if name == "items":
                    gitems = gf.get("items") or []
                    for i, titem in enumerate(want):
                        gitem = gitems[i] if i < len(gitems) else {}
                        for k, v in titem.items():
                            ok = same(gitem.get(k), v)
                            ev.by_group[(td["doc_type"], mode)].add(ok)
                            ev.by_field[(td["doc_type"], mode, f"items.{k}")].add(ok)
                            if not ok:
                                ev.mistakes.append((case_id, fname, f"items[{i}].{k}", v, gitem.get(k)))
                    continue
                ok = same(gf.get(name), want)
                ev.by_group[(td["doc_type"], mode)].add(ok)
                ev.by_field[(td["doc_type"], mode, name)].add(ok)
                if not ok:
                    ev.mistakes.append((case_id, fname, name, want, gf.get(name)))
        failed = {c["id"] for c in r.get("checks", []) if c["status"] == "fail"}
        if t["defect"] is None:
            ev.clean_cases += 1
            ev.clean_approved += int(r["decision"] == "approve")
            for cid in sorted(failed):
                ev.clean_failures.append((case_id, cid))
        else:
            ev.defective_cases += 1
            if r["decision"] == "approve":
                ev.false_approvals.append(case_id)
            ok = t["defect"] in failed
            ev.caught[t["defect"]].add(ok)
            if not ok:
                ev.missed.append((case_id, f"{t['defect']} ({t['variant']})"))
    return ev


def render_table(ev: Evaluation) -> str:
    """A plain-text report for the terminal."""
    out = ["Field accuracy", f"  {'document type':<24}{'source':<8}{'right':>7}{'total':>7}{'accuracy':>10}"]
    for (dt, mode), t in sorted(ev.by_group.items()):
        out.append(f"  {dt:<24}{mode:<8}{t.right:>7}{t.total:>7}{t.rate:>10.1%}")
    out.append(f"  document type classified right: {ev.doc_type.right}/{ev.doc_type.total} ({ev.doc_type.rate:.1%})")
    weak = [(k, t) for k, t in sorted(ev.by_field.items()) if t.rate < 1.0 and k[1] != "illegible"]
    if weak:
        out.append("  fields below 100%:")
        for (dt, mode, name), t in weak:
            out.append(f"    {dt}/{mode}/{name}: {t.right}/{t.total} ({t.rate:.1%})")
    out.append("")
    out.append("Decisions")
    out.append(f"  clean cases approved automatically: {ev.clean_approved}/{ev.clean_cases} ({ev.automation_rate:.1%})")
    out.append(f"  false approvals (defective cases approved): {len(ev.false_approvals)}/{ev.defective_cases}"
               + (f"  {', '.join(ev.false_approvals)}" if ev.false_approvals else ""))
    out.append("  defects caught by the right check id:")
    for k, t in sorted(ev.caught.items()):
        out.append(f"    {k:<24}{t.right}/{t.total}")
    tot_right = sum(t.right for t in ev.caught.values())
    tot = sum(t.total for t in ev.caught.values())
    out.append(f"    {'all':<24}{tot_right}/{tot}")
    if ev.clean_failures:
        out.append("  checks failing on clean cases: " + ", ".join(f"{c}:{i}" for c, i in ev.clean_failures))
    if ev.missing_results:
        out.append(f"  cases with no result: {', '.join(ev.missing_results)}")
    return "\n".join(out)
