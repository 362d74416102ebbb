"""The routing policy, in one place: automatic approval only when no check failed, no skip blocks, every
field the decision rests on was read with enough confidence and the case confidence clears the threshold;
otherwise the queue of the most serious finding, with a suggested outcome and a confidence.

A random but reproducible share of would-be approvals goes to `qa_sample` for a human check.
"""
from __future__ import annotations

import hashlib
import re
from typing import Mapping

from checkers.documents import REQUIRED, REQUIRED_ITEM
from pipeline.model import Case, CheckResult, Decision
from pipeline.settings import Settings

QUEUE_OF = {
    "document.unreadable": "legibility", "document.illegible": "legibility",
    "case.missing_document": "completeness", "co.incomplete": "completeness",
    "co.validity": "origin", "rcep.party": "origin", "hs.invalid": "origin", "origin.criterion": "origin",
    "hs.description": "classification",
    "consistency.invoice": "consistency", "consistency.parties": "consistency", "consistency.transport": "consistency",
    "co.duplicate": "fraud", "exporter.registry": "fraud",
    "tariff.preference": "origin",  # information only: it never fails
}
# Most serious first. Fraud suspicions outrank everything; an unreadable page comes next because every other
# finding may be an artefact of it; then findings that decide origin, then what a trader can correct.
SEVERITY = ["fraud", "legibility", "origin", "classification", "consistency", "completeness"]


def queue_of(check_id: str) -> str:
    return QUEUE_OF.get(check_id, "completeness")


DECISION_FIELDS = {name for name, _ in REQUIRED}
DECISION_ITEM_FIELDS = {name for name, _ in REQUIRED_ITEM}


def decision_confidences(field_confidence: Mapping[str, float]) -> dict[str, float]:
    """Of a certificate's field confidences (named as in results.jsonl: 'issue_date', 'items[0].hs_code'), those
    of the fields an approval rests on (Annex 3B minimum information)."""
    out = {}
    for name, conf in field_confidence.items():
        m = re.fullmatch(r"items\[\d+\]\.(\w+)", name)
        if (m[1] in DECISION_ITEM_FIELDS) if m else (name in DECISION_FIELDS):
            out[name] = conf
    return out


def confidence_of(decision: Mapping[str, float], doc_type_confidence: float) -> float:
    """The case confidence: the mean confidence of the decision fields, no higher than the certainty that the
    document is a certificate of origin at all."""
    if not decision:
        return 0.0
    mean = sum(decision.values()) / len(decision)
    return round(min(mean, max(doc_type_confidence, 0.0) ** 0.25), 4)


def decision_fields(case: Case) -> dict[str, float]:
    co = case.first("certificate_of_origin")
    return decision_confidences(co.field_confidences()) if co else {}


def case_confidence(case: Case) -> float:
    co = case.first("certificate_of_origin")
    return confidence_of(decision_fields(case), co.doc_type_confidence) if co else 0.0


def _qa_draw(case: Case) -> float:
    """A reproducible draw in [0, 1) from the case's identity and content."""
    key = case.case_id + "".join(sorted(d.sha256 for d in case.documents))
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16) / 16**12


def _field_confidence(case: Case, check: CheckResult) -> float | None:
    co = case.first("certificate_of_origin")
    if co is None or not check.field:
        return None
    m = re.fullmatch(r"items\[(\d+)\]\.(\w+)", check.field)
    if m:
        i = int(m[1])
        f = co.items[i].get(m[2]) if i < len(co.items) else None
    else:
        f = co.fields.get(check.field)
    return f.confidence if f else None


def route(case: Case, checks: list[CheckResult], settings: Settings) -> Decision:
    fails = [c for c in checks if c.status == "fail"]
    blocking = [c for c in checks if c.status == "skip" and c.blocking]
    confidence = case_confidence(case)
    if fails:
        queue = min((queue_of(c.id) for c in fails), key=SEVERITY.index)
        reasons = [f"{c.id}: {c.message}" for c in fails]
        if queue == "legibility":
            # what the documents say is not known well enough to recommend anything; the confidence is then
            # that of the readings the reviewer will start from
            return Decision(decision="manual", queue="legibility", suggested_outcome=None,
                            confidence=confidence, reasons=reasons)
        # as sure of a rejection as of the fields the failing checks read
        confs = [x for x in (_field_confidence(case, c) for c in fails) if x is not None]
        sure = max(confs) if confs else 0.9
        return Decision(decision="manual", queue=queue, suggested_outcome="reject", confidence=round(sure * 0.98, 4),
                        reasons=reasons)
    if blocking:
        queue = min((queue_of(c.id) for c in blocking), key=SEVERITY.index)
        return Decision(decision="manual", queue=queue, suggested_outcome="approve",
                        confidence=round(confidence * 0.7, 4), reasons=[f"{c.id}: {c.message}" for c in blocking])
    weak = {k: v for k, v in decision_fields(case).items() if v < settings.required_field_confidence}
    if weak or confidence < settings.auto_approve_threshold:
        reasons = [f"{k} read with confidence {v:.2f}" for k, v in sorted(weak.items())] or \
                  [f"case confidence {confidence:.2f} below {settings.auto_approve_threshold:.2f}"]
        return Decision(decision="manual", queue="legibility", suggested_outcome="approve",
                        confidence=confidence, reasons=reasons)
    if settings.qa_sample_rate > 0 and _qa_draw(case) < settings.qa_sample_rate:
        return Decision(decision="manual", queue="qa_sample", suggested_outcome="approve", confidence=confidence,
                        reasons=["drawn for random quality control"])
    return Decision(decision="approve", queue=None, suggested_outcome="approve", confidence=confidence,
                    reasons=["no finding; every required field read with confidence"])
