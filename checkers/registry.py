"""Checks are registered under their catalogue id; each is a plain function of the case and its context
returning one or more results. `run_checks` runs them all and turns a crash of one check into a `skip` that
blocks approval, so a bug never approves a case nor stops a batch."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable

from checkers.kb import KnowledgeBase
from pipeline.model import Case, CheckResult, Document
from pipeline.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class CheckContext:
    kb: KnowledgeBase
    settings: Settings
    reference_date: dt.date
    # certificate number -> earlier submissions that used it: (case_id, submitted_at)
    earlier_uses: Callable[[str, Case], list[tuple[str, str | None]]] = lambda number, case: []
    exporter_registry: "ExporterRegistry | None" = None  # noqa: F821 (checkers.exporters)
    extra: dict = field(default_factory=dict)


CheckFn = Callable[[Case, CheckContext], Iterable[CheckResult]]
CHECKS: dict[str, CheckFn] = {}


def check(check_id: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id} registered twice")
        CHECKS[check_id] = fn
        fn.check_id = check_id  # type: ignore[attr-defined]
        return fn
    return register


def iso_date(value: str | None) -> dt.date | None:
    """A contract date field (ISO) as a date; None when absent or malformed."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def result(check_id: str, status: str, message: str, doc: Document | str | None = None, field: str | None = None,
           item: int | None = None, blocking: bool = False, **evidence) -> CheckResult:
    """A check result; `doc` is the document (or its file name) the finding is about."""
    name = doc.file if isinstance(doc, Document) else doc
    return CheckResult(id=check_id, status=status, message=message, document=name, field=field,
                       item=item, blocking=blocking, evidence=evidence)


def run_checks(case: Case, ctx: CheckContext, only: Iterable[str] | None = None) -> list[CheckResult]:
    _load_all()
    out: list[CheckResult] = []
    for check_id, fn in CHECKS.items():
        if only is not None and check_id not in only:
            continue
        try:
            out.extend(fn(case, ctx))
        except Exception as e:  # a check's bug becomes a blocking skip on the case, not a crash
            log.exception("check %s crashed on %s", check_id, case.case_id)
            out.append(result(check_id, "skip", f"the check could not run ({type(e).__name__}: {e})", blocking=True))
    return out


def _load_all() -> None:
    # importing the modules registers their checks
    from checkers import certificate, consistency, documents, exporters  # noqa: F401


def unless_unsure(finding: CheckResult, ctx: CheckContext, *readings: tuple[str, float],
                  then: str = "compare the documents by eye") -> CheckResult:
    """A finding that rests on an unsure reading (`Settings.unsure_reading_below`) is not a finding yet: it is a
    blocking skip that asks a reviewer to look (a '1' read as '4', 'CTC' read 'CRE', is no false declaration)."""
    unsure = [(where, c) for where, c in readings if c < ctx.settings.unsure_reading_below]
    if not unsure:
        return finding
    where, c = min(unsure, key=lambda t: t[1])
    finding.status = "skip"
    finding.blocking = True
    finding.message += f"; but the {where} was read unsurely (confidence {c:.2f}): {then}"
    return finding
