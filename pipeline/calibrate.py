"""Choosing the routing thresholds on data: which case confidence and which weakest-field confidence an
automatic approval needs, for a target precision.

An automatic approval is right when the submission had no defect *and* every field the approval rests on was
read right (every letter and figure; punctuation aside): approving a clean case on a misread HS code or invoice number records wrong evidence. Precision is
the share of automatic approvals that are right; the policy takes the loosest thresholds whose precision on
the labelled results reaches the target (ties: the stricter thresholds), and never one that approves a
defective submission.

Routing thresholds do not change what the checks say (`Settings.unsure_reading_below` is apart), so the
labelled batch results can be routed again under any thresholds without reading the documents again.

    origin-review routing calibrate OUT/results.jsonl SET/truth.json [...] --target 0.99 --write
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from pipeline.evaluate import same
from pipeline.routing import confidence_of, decision_confidences
from pipeline.settings import POLICY_FILE

GRID = [round(x / 100, 2) for x in range(0, 101, 5)]


@dataclass(frozen=True)
class CaseEvidence:
    case_id: str
    defective: bool
    held: bool  # a failed check or a blocking skip: never approved, whatever the thresholds
    weakest: float  # confidence of the least sure field the approval rests on
    confidence: float  # case confidence
    evidence_right: bool  # every field the approval rests on was read as the truth has it


@dataclass(frozen=True)
class Point:
    required_field_confidence: float
    auto_approve_threshold: float
    approved: int
    right: int
    defective_approved: int
    clean_approved: int
    clean: int

    @property
    def precision(self) -> float:
        return self.right / self.approved if self.approved else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean_approved / self.clean if self.clean else 0.0

    def as_dict(self) -> dict[str, Any]:
        lo, hi = wilson(self.right, self.approved)
        return {**asdict(self), "precision": round(self.precision, 4), "precision_95": [round(lo, 4), round(hi, 4)],
                "clean_approved_rate": round(self.clean_rate, 4)}


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% interval of a proportion k/n (Wilson): how much a precision measured on n approvals can be trusted."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def evidence(results: dict[str, dict[str, Any]], truth: dict[str, Any]) -> list[CaseEvidence]:
    """One row per labelled case: what routing sees, and whether approving it would be right."""
    out = []
    for case_id, t in truth["cases"].items():
        r = results.get(case_id)
        if r is None:
            continue
        held = any(c["status"] == "fail" or (c["status"] == "skip" and c.get("blocking")) for c in r["checks"])
        co = next((d for d in r["documents"] if d["doc_type"] == "certificate_of_origin"), None)
        if co is None:
            out.append(CaseEvidence(case_id, t["defect"] is not None, True, 0.0, 0.0, False))
            continue
        decision = decision_confidences(co["field_confidence"])
        true_co = t["documents"].get(co["file"], {}).get("fields") or {}
        out.append(CaseEvidence(case_id, t["defect"] is not None, held, min(decision.values(), default=0.0),
                                confidence_of(decision, co.get("doc_type_confidence", 1.0)),
                                _evidence_right(co["fields"], true_co, decision)))
    return out


def _right(got: Any, want: Any) -> bool:
    """Every letter and figure read right; a stray full stop or comma ('BEIJING. ROAD') does not make an
    approval wrong."""
    if isinstance(got, str) and isinstance(want, str):
        return re.sub(r"[^0-9A-Z]", "", got.upper()) == re.sub(r"[^0-9A-Z]", "", want.upper())
    return same(got, want)


def _evidence_right(got: dict[str, Any], want: dict[str, Any], decision: dict[str, float]) -> bool:
    if not want:
        return False
    for name in decision:
        if name.startswith("items["):
            i, key = int(name[6:name.index("]")]), name.split(".", 1)[1]
            g = (got.get("items") or [])[i] if i < len(got.get("items") or []) else {}
            w = (want.get("items") or [])[i] if i < len(want.get("items") or []) else {}
            if key in w and not _right(g.get(key), w[key]):
                return False
        elif name in want and not _right(got.get(name), want[name]):
            return False
    return True


def sweep(rows: list[CaseEvidence], grid: Iterable[float] = GRID) -> list[Point]:
    grid = list(grid)
    points = []
    for f in grid:
        for c in grid:
            approved = [r for r in rows if not r.held and r.weakest >= f and r.confidence >= c]
            points.append(Point(f, c, len(approved), sum(1 for r in approved if not r.defective and r.evidence_right),
                                sum(1 for r in approved if r.defective), sum(1 for r in approved if not r.defective),
                                sum(1 for r in rows if not r.defective)))
    return points


def choose(points: list[Point], target: float) -> Point | None:
    """The most clean approvals at the target precision with no defective approval; ties: stricter thresholds."""
    ok = [p for p in points if p.precision >= target and p.defective_approved == 0 and p.approved]
    if not ok:
        return None
    return max(ok, key=lambda p: (p.clean_approved, p.required_field_confidence, p.auto_approve_threshold))


def calibrate(sets: list[tuple[Path, Path]], target: float) -> dict[str, Any]:
    from pipeline.evaluate import load_results

    rows: list[CaseEvidence] = []
    names = []
    for results_path, truth_path in sets:
        truth = json.loads(Path(truth_path).read_text())
        rows += evidence(load_results(Path(results_path)), truth)
        gen = truth.get("generator", {})
        names.append(f"{truth_path} (seed {gen.get('seed')}, layouts {gen.get('layouts')}, {len(truth['cases'])} cases)")
    points = sweep(rows)
    best = choose(points, target)
    if best is None:
        raise ValueError(f"no thresholds reach precision {target} without approving a defective submission")
    return {
        "auto_approve_threshold": best.auto_approve_threshold,
        "required_field_confidence": best.required_field_confidence,
        "chosen": f"origin-review routing calibrate, {dt.date.today().isoformat()}",
        "target_precision": target,
        "measured": best.as_dict(),
        "data": names,
        "cases": len(rows),
        "held_by_checks": sum(1 for r in rows if r.held),
    }


def write_policy(policy: dict[str, Any], path: Path = POLICY_FILE) -> Path:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(policy, indent=2) + "\n")
    tmp.replace(path)
    return path


def describe(policy: dict[str, Any]) -> str:
    """The policy in words, for a supervisor."""
    lines = [f"Automatic approval needs: no failed check, no blocking skip, every field an approval rests on read "
             f"with confidence >= {policy['required_field_confidence']:.2f}, and a case confidence >= "
             f"{policy['auto_approve_threshold']:.2f}.", f"Chosen: {policy.get('chosen', '?')}."]
    m = policy.get("measured")
    if m:
        lines.append(f"Target precision {policy['target_precision']:.3f}; measured on {policy['cases']} labelled cases: "
                     f"{m['right']}/{m['approved']} automatic approvals right (precision {m['precision']:.4f}, 95% "
                     f"interval {m['precision_95'][0]:.3f}-{m['precision_95'][1]:.3f}), defective approved "
                     f"{m['defective_approved']}, clean submissions approved {m['clean_approved']}/{m['clean']} "
                     f"({100 * m['clean_approved_rate']:.1f}%).")
        lines += [f"  data: {d}" for d in policy.get("data", [])]
    return "\n".join(lines)
