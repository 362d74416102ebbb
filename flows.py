"""Prefect flows: thin shells over the plain stage functions.

`nightly_batch` reviews a folder of submissions (the contract's batch command): one task per document stage
(load, classify, extract), then one review task per case (checks and routing), then the outputs. Every stage
is a plain function in `extractors/` and `pipeline/`, callable and testable without Prefect; tests call task
bodies with `.fn()`.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# the temporary server prints tracebacks while it shuts down after a flow; they are noise for a user
os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from checkers.registry import CheckContext  # noqa: E402
from extractors.read import classify_document, extract_document, load  # noqa: E402
from pipeline.model import Case, CaseResult, Document  # noqa: E402
from pipeline.report import write_outputs  # noqa: E402
from pipeline.review import DuplicateIndex, certificate_number, make_context, review_case  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store import CaseStore  # noqa: E402
from pipeline.submissions import Submission, assemble_case, discover, read_metadata  # noqa: E402

# Listeners told of progress ("document", case_id, file) / ("case", case_id, decision): the CLI's progress bar.
PROGRESS: list[Callable[..., None]] = []


def _notify(*event) -> None:
    for listener in PROGRESS:
        listener(*event)


@task(name="load document", cache_policy=NONE)
def load_task(path: Path, name: str) -> Document:
    return load(path, name)


# Cases (thousands of words) and the context (the knowledge base) are passed to tasks wrapped in `quote`, so
# the engine does not walk them looking for futures: that walk cost more than the reviewing itself. The engine
# hands the task the unwrapped value.


@task(name="classify document", cache_policy=NONE)
def classify_task(doc: Document) -> Document:
    return classify_document(doc)


@task(name="extract fields", cache_policy=NONE)
def extract_task(doc: Document, case_id: str) -> Document:
    doc = extract_document(doc)
    _notify("document", case_id, doc.file)
    return doc


@task(name="review case", cache_policy=NONE)
def review_task(case: Case, ctx: CheckContext) -> CaseResult:
    result = review_case(case, ctx)
    _notify("case", case.case_id, result.decision.decision)
    return result


def read_cases(subs: list[Submission], settings: Settings) -> list[Case]:
    """Submit every document of every submission through the three document stages, then assemble cases."""
    futures: dict[str, list] = {}
    for sub in subs:
        futures[sub.case_id] = []
        for rel in sub.files:
            loaded = load_task.submit(sub.root / rel, str(rel))
            classified = classify_task.submit(loaded)
            futures[sub.case_id].append(extract_task.submit(classified, sub.case_id))
    # futures are resolved by the engine (it waits for load before classify); their results are not walked
    cases = []
    for sub in subs:
        docs = [f.result() for f in futures[sub.case_id]]
        meta, meta_errors = read_metadata(sub, settings.reference_date)
        cases.append(assemble_case(sub, docs, meta, meta_errors))
    return cases


@flow(name="nightly-batch")
def nightly_batch(input_dir: str, out_dir: str, db_url: str | None = None, reference_date: dt.date | None = None,
                  qa_sample_rate: float | None = None, workers: int | None = None,
                  exporter_registry: str | None = None) -> dict:
    """Review every submission under `input_dir`; write results.jsonl, report.csv and report.html to `out_dir`."""
    settings = Settings.from_env(db_url=db_url, reference_date=reference_date, qa_sample_rate=qa_sample_rate,
                                 workers=workers,
                                 exporter_registry=Path(exporter_registry) if exporter_registry else None)
    store = CaseStore(settings.db_url)
    subs = discover(Path(input_dir))
    cases = read_cases(subs, settings)
    ctx = make_context(settings, settings.reference_date or dt.date.today(), DuplicateIndex(cases, store))
    reviewed = [f.result() for f in [review_task.submit(quote(c), quote(ctx)) for c in cases]]
    lines = []
    for r in reviewed:
        line = r.to_contract()
        store.save(line, line_submitted_at(r.case), certificate_number(r.case))
        lines.append(line)
    paths = write_outputs(lines, Path(out_dir))
    return {"cases": len(lines), "approved": sum(1 for x in lines if x["decision"] == "approve"),
            **{k: str(v) for k, v in paths.items()}}


def line_submitted_at(case: Case) -> str | None:
    return case.metadata.submitted_at.isoformat() if case.metadata.submitted_at else None


def run_nightly_batch(input_dir: Path, out_dir: Path, *, workers: int = 2, **kwargs) -> dict:
    """Run the flow. `workers` tesseract processes run at once; the engine gets more threads than that so its
    own bookkeeping for one task overlaps the work of others."""
    from extractors.ocr import set_ocr_workers

    set_ocr_workers(workers)
    runner = ThreadPoolTaskRunner(max_workers=max(4, 4 * workers))
    return nightly_batch.with_options(task_runner=runner)(str(input_dir), str(out_dir), workers=workers, **kwargs)
