"""Reviewing a case: the checks of the catalogue, then routing. Plain functions over plain data; the flow,
the CLI and (later) the web app call these."""
from __future__ import annotations

import datetime as dt

from checkers.exporters import ExporterRegistry
from checkers.kb import KnowledgeBase, load_kb
from checkers.registry import CheckContext, run_checks
from pipeline.corroborate import corroborate, reconcile
from pipeline.model import Case, CaseResult
from pipeline.routing import route
from pipeline.settings import Settings


class DuplicateIndex:
    """Who used a certificate number first: earlier cases in the store, and earlier submissions in this batch
    (by `submitted_at`, then by case id when times are missing). The later submission is the reuse."""

    def __init__(self, batch: list[Case], store=None, also: list[tuple[str, str | None, str | None]] = ()):
        """`also`: (case id, certificate number, submitted at) of this batch's submissions reviewed by an earlier
        run of it (a batch run again after a kill), so that ordering, not the store, decides between them."""
        self.store = store
        self.batch: dict[str, list[tuple[str, str | None]]] = {}
        for c in batch:
            number = _number(c)
            if number:
                self.batch.setdefault(number, []).append((c.case_id, _submitted(c)))
        for case_id, number, submitted in also:
            if number:
                self.batch.setdefault(number, []).append((case_id, submitted))

    def earlier_uses(self, number: str, case: Case) -> list[tuple[str, str | None]]:
        mine = (_submitted(case) or "", case.case_id)
        out = []
        in_batch = {cid for cid, _ in self.batch.get(number, [])}
        for cid, at in self.batch.get(number, []):
            if cid != case.case_id and ((at or ""), cid) < mine:
                out.append((cid, at))
        if self.store is not None:
            for cid, at in self.store.uses_of(number):
                # a case stored by an earlier run counts unless it is part of this batch (then ordering decides)
                if cid != case.case_id and cid not in in_batch:
                    out.append((cid, at))
        return out


def _number(case: Case) -> str | None:
    co = case.first("certificate_of_origin")
    n = co.value("certificate_number") if co else None
    return n.strip().upper() if n else None


def _submitted(case: Case) -> str | None:
    return case.metadata.submitted_at.isoformat() if case.metadata.submitted_at else None


def make_context(settings: Settings, reference_date: dt.date, duplicates: DuplicateIndex | None = None,
                 kb: KnowledgeBase | None = None) -> CheckContext:
    registry = ExporterRegistry.from_csv(settings.exporter_registry) if settings.exporter_registry else None
    from models.hs_description import load as load_goods_classifier

    ctx = CheckContext(kb=kb or load_kb(), settings=settings, reference_date=reference_date,
                       exporter_registry=registry)
    ctx.extra["goods_classifier"] = load_goods_classifier()
    if duplicates is not None:
        ctx.earlier_uses = duplicates.earlier_uses
    return ctx


def review_case(case: Case, ctx: CheckContext) -> CaseResult:
    if case.metadata.reference_date:
        ctx = CheckContext(**{**ctx.__dict__, "reference_date": case.metadata.reference_date})
    reconcile(case)  # look-alike misreadings of a scan, set right from a text layer stating the same fact
    checks = run_checks(case, ctx)
    corroborate(case, checks)  # the checks judge readings as read; routing weighs them with what agrees with them
    models = {"hs_description": ctx.extra["goods_classifier"][1]} if "goods_classifier" in ctx.extra else {}
    return CaseResult(case=case, checks=checks, decision=route(case, checks, ctx.settings), kb_version=ctx.kb.version,
                      model_versions=models)


def certificate_number(case: Case) -> str | None:
    return _number(case)


def record(store, settings: Settings, result: CaseResult, *, submission_key: str, originals: dict[str, dict],
           received_at: dt.datetime | None = None) -> dict:
    """The result line of a reviewed case, with its service clock, saved to the store with everything it rests
    on. `received_at`: when the submission arrived (default: its `submitted_at`, else now)."""
    from pipeline.store import now

    meta = result.case.metadata
    if received_at is None:
        at = meta.submitted_at
        received_at = (at.astimezone(dt.timezone.utc).replace(tzinfo=None) if at and at.tzinfo else at) or now()
    deadline = settings.deadline(received_at, meta.handling)
    line = result.to_contract()
    line.update(received_at=received_at.isoformat(), deadline=deadline.isoformat(), handling=meta.handling)
    # the contract's submitted_at (ordering for duplicates) stays unknown where case.json gives none
    store.save(line, meta.submitted_at.isoformat() if meta.submitted_at else None,
               certificate_number(result.case), submission_key=submission_key, handling=meta.handling,
               received_at=received_at, deadline=deadline, direction=meta.direction, originals=originals)
    return line

