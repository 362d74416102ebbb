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
from extractors.read import classify_document, extract_document, extractor_version, load  # noqa: E402
from pipeline.model import Case, CaseResult, Document  # noqa: E402
from pipeline.report import write_outputs  # noqa: E402
from pipeline.review import DuplicateIndex, make_context, record, review_case  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.originals import Originals  # noqa: E402
from pipeline.store import CaseStore, submission_key  # noqa: E402
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


def read_cases(subs: list[Submission], settings: Settings, store: CaseStore | None = None,
               kept: dict[str, dict[str, dict]] | None = None) -> list[Case]:
    """Submit every document of every submission through the three document stages, then assemble cases.
    A document the store has already read (same content, same extractor) is taken from the store; `kept`
    (case id -> file -> {"sha256", ...}, from keeping the originals) gives the files' hashes."""
    version = extractor_version()
    futures: dict[str, list] = {}
    for sub in subs:
        futures[sub.case_id] = []
        for rel in sub.files:
            sha = ((kept or {}).get(sub.case_id) or {}).get(str(rel), {}).get("sha256")
            cached = _stored_reading(store, str(rel), version, sha)
            if cached is not None:
                futures[sub.case_id].append(cached)  # a Document, not a future: nothing to wait for
                continue
            loaded = load_task.submit(sub.root / rel, str(rel))
            classified = classify_task.submit(loaded)
            futures[sub.case_id].append(extract_task.submit(classified, sub.case_id))
    # futures are resolved by the engine (it waits for load before classify); their results are not walked
    cases = []
    for sub in subs:
        docs = []
        for f in futures[sub.case_id]:
            if isinstance(f, Document):
                docs.append(f)
                continue
            d = f.result()
            if store is not None:  # kept as soon as read: a batch killed later does not read it again
                store.cache_document(d.sha256, version, d.model_dump_json().encode())
            docs.append(d)
        meta, meta_errors = read_metadata(sub, settings.reference_date)
        cases.append(assemble_case(sub, docs, meta, meta_errors))
    return cases


def _stored_reading(store: CaseStore | None, name: str, version: str, sha: str | None) -> Document | None:
    if store is None or sha is None:
        return None
    raw = store.cached_document(sha, version)
    if raw is None:
        return None
    doc = Document.model_validate_json(raw)
    doc.file = name
    return doc


@flow(name="nightly-batch")
def nightly_batch(input_dir: str, out_dir: str, db_url: str | None = None, reference_date: dt.date | None = None,
                  qa_sample_rate: float | None = None, workers: int | None = None,
                  exporter_registry: str | None = None, again: bool = False) -> dict:
    """Review every submission under `input_dir`; write results.jsonl, report.csv and report.html to `out_dir`.

    Run again over the same input (after a crash or a kill), it finishes the rest: a submission already reviewed
    from the same files is not reviewed again, documents already read are not read again, and every case is
    stored once. With `again`, every submission is reviewed anew from the readings already stored."""
    settings = Settings.from_env(db_url=db_url, reference_date=reference_date, qa_sample_rate=qa_sample_rate,
                                 workers=workers,
                                 exporter_registry=Path(exporter_registry) if exporter_registry else None)
    store = CaseStore(settings.db_url)
    originals = Originals(settings.originals_dir)
    subs = discover(Path(input_dir))
    kept = {sub.case_id: keep_originals(sub, originals) for sub in subs}
    keys = {cid: submission_key(v["sha256"] for v in files.values()) for cid, files in kept.items()}
    # `again`: every submission reviewed anew (a knowledge base, model or policy change), readings still reused
    done = {} if again else {sub.case_id: r for sub in subs
                             if (r := store.reviewed(sub.case_id, keys[sub.case_id])) is not None}
    todo = [sub for sub in subs if sub.case_id not in done]
    cases = read_cases(todo, settings, store, kept)
    index = DuplicateIndex(cases, store, also=[(cid, _number_of_line(r), _submitted_of_line(store, cid))
                                               for cid, r in done.items()])
    ctx = make_context(settings, settings.reference_date or dt.date.today(), index)
    futures = [review_task.submit(quote(c), quote(ctx)) for c in cases]
    new = {}
    for f in futures:
        r = f.result()
        new[r.case.case_id] = record(store, settings, r, submission_key=keys[r.case.case_id],
                                     originals=kept[r.case.case_id])
    lines = [done.get(sub.case_id) or new[sub.case_id] for sub in subs]
    paths = write_outputs(lines, Path(out_dir))
    return {"cases": len(lines), "approved": sum(1 for x in lines if x["decision"] == "approve"),
            "resumed": len(done), **{k: str(v) for k, v in paths.items()}}


def keep_originals(sub: Submission, originals: Originals) -> dict[str, dict]:
    """Every file of the submission stored by content before anything else happens to it."""
    out = {}
    for rel in sub.files:
        try:
            sha, path, size = originals.put_file(sub.root / rel)
        except OSError:
            continue  # an unreadable file is reported by loading; there is nothing to keep
        out[str(rel)] = {"sha256": sha, "original": str(path), "size": size}
    return out


def _number_of_line(line: dict) -> str | None:
    co = next((d for d in line.get("documents", []) if d["doc_type"] == "certificate_of_origin"), None)
    n = (co or {}).get("fields", {}).get("certificate_number")
    return n.strip().upper() if n else None


def _submitted_of_line(store: CaseStore, case_id: str) -> str | None:
    row = store.case(case_id)
    return row["submitted_at"] if row else None


def run_nightly_batch(input_dir: Path, out_dir: Path, *, workers: int = 2, **kwargs) -> dict:
    """Run the flow. `workers` tesseract processes run at once; the engine gets more threads than that so its
    own bookkeeping for one task overlaps the work of others."""
    from extractors.ocr import set_ocr_workers

    set_ocr_workers(workers)
    runner = ThreadPoolTaskRunner(max_workers=max(4, 4 * workers))
    return nightly_batch.with_options(task_runner=runner)(str(input_dir), str(out_dir), workers=workers, **kwargs)
