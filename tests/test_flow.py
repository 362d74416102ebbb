"""End to end: the Prefect flow's task bodies, and `origin-review batch` / `evaluate` as a user runs them."""
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, find_case
from pipeline.contract import validate_line

CLI = str(Path(sys.executable).parent / "origin-review")
TRUTH = json.loads((SAMPLES / "truth.json").read_text())


def test_task_bodies_run_without_the_engine(samples, truth):
    import flows
    from pipeline.review import make_context
    from pipeline.settings import Settings
    from pipeline.submissions import assemble_case, discover, read_metadata

    cid = find_case(truth, defect=None, render="text_pdf")
    sub = next(s for s in discover(samples / "submissions") if s.case_id == cid)
    docs = []
    for rel in sub.files:
        doc = flows.load_task.fn(sub.root / rel, str(rel))
        doc = flows.classify_task.fn(doc)
        docs.append(flows.extract_task.fn(doc, cid))
    assert sorted(d.doc_type for d in docs) == ["bill_of_lading", "certificate_of_origin", "commercial_invoice",
                                                "packing_list"]
    meta, errors = read_metadata(sub, None)
    case = assemble_case(sub, docs, meta, errors)
    result = flows.review_task.fn(case, make_context(Settings(qa_sample_rate=0), dt.date.today()))
    assert result.decision.decision == "approve", [c for c in result.checks if c.status == "fail"]


def _subset(tmp_path: Path) -> tuple[Path, list[str]]:
    """A small batch: clean text and scanned cases, broken files, a loose file, a duplicate and its original."""
    dup = find_case(TRUTH, variant="reused_number")
    number = next(d["fields"]["certificate_number"] for d in TRUTH["cases"][dup]["documents"].values()
                  if d["doc_type"] == "certificate_of_origin")
    original = next(cid for cid, c in TRUTH["cases"].items() if c["defect"] is None and any(
        d["doc_type"] == "certificate_of_origin" and d["fields"]["certificate_number"] == number
        for d in c["documents"].values()))
    picks = {original, dup, find_case(TRUTH, variant="corrupt_pdf"), find_case(TRUTH, variant="wrong_extension"),
             find_case(TRUTH, variant="certificate_alone"), find_case(TRUTH, defect=None, render="png")}
    inp = tmp_path / "in"
    inp.mkdir()
    for cid in sorted(picks):
        src = SAMPLES / "submissions" / cid
        if src.is_dir():
            shutil.copytree(src, inp / cid)
        else:
            shutil.copy(SAMPLES / "submissions" / f"{cid}.pdf", inp / f"{cid}.pdf")
    return inp, sorted(picks)


@pytest.mark.slow
def test_batch_command_end_to_end(tmp_path):
    inp, picks = _subset(tmp_path)
    out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'cases.db'}"
    run = subprocess.run([CLI, "batch", str(inp), "--out", str(out), "--db", db, "--workers", "2",
                          "--exporter-registry", str(SAMPLES / "exporter_registry.csv")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = [json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()]
    assert sorted(r["case_id"] for r in lines) == picks  # one line per submission, none lost
    shared = SAMPLES.parents[2] / "shared" / "spec" / "results.schema.json"
    for r in lines:
        validate_line(r)
        if shared.exists():
            import jsonschema
            jsonschema.validate(r, json.loads(shared.read_text()))
    by_id = {r["case_id"]: r for r in lines}
    for cid in picks:
        t = TRUTH["cases"][cid]
        r = by_id[cid]
        if t["defect"]:
            assert r["decision"] == "manual"
            assert t["defect"] in {c["id"] for c in r["checks"] if c["status"] == "fail"}, cid
        if t["variant"] in ("corrupt_pdf", "wrong_extension"):
            assert [e["code"] for e in r["errors"]] == ["document.unreadable"]
    assert (out / "report.html").read_text().count("<tr class=") == len(picks)
    assert len((out / "report.csv").read_text().splitlines()) == len(picks) + 1

    # evaluate prints its table
    ev = subprocess.run([CLI, "evaluate", str(out / "results.jsonl"), str(SAMPLES / "truth.json")],
                        capture_output=True, text=True, timeout=120)
    assert ev.returncode == 0 and "Field accuracy" in ev.stdout and "false approvals" in ev.stdout

    # the same batch again against the same store: the original is not its own duplicate
    rerun = subprocess.run([CLI, "batch", str(inp), "--out", str(tmp_path / "out2"), "--db", db],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    again = {json.loads(x)["case_id"]: json.loads(x) for x in (tmp_path / "out2" / "results.jsonl").read_text().splitlines()}
    dup = find_case(TRUTH, variant="reused_number")
    original = [cid for cid in picks if cid != dup and TRUTH["cases"][cid]["defect"] is None]
    for cid in original:
        assert "co.duplicate" not in {c["id"] for c in again[cid]["checks"] if c["status"] == "fail"}
    assert "co.duplicate" in {c["id"] for c in again[dup]["checks"] if c["status"] == "fail"}


def test_unreadable_input_folder_exits_non_zero(tmp_path):
    run = subprocess.run([CLI, "batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--db",
                          f"sqlite:///{tmp_path / 'c.db'}"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "does not exist" in run.stderr
