"""A nightly batch killed mid-way (SIGKILL: no clean-up, no atexit) and run again finishes the rest: every
submission gets exactly one result line and one stored case, nothing read twice that was already stored."""
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES

CLI = str(Path(sys.executable).parent / "origin-review")
TEXT_CASES = ["case-0001", "case-0005", "case-0006", "case-0007", "case-0008", "case-0011", "case-0013", "case-0015"]


def _count(db: Path, sql: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not made yet, or its tables not yet


def _batch(inp: Path, out: Path, db: Path, env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([CLI, "batch", str(inp), "--out", str(out), "--db", f"sqlite:///{db}",
                             "--reference-date", "2025-06-30", "--workers", "2", *extra],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.mark.slow
@pytest.mark.parametrize("kill_when", ["reading", "reviewing"])
def test_killed_batch_run_again_gives_every_case_exactly_once(tmp_path, kill_when):
    inp = tmp_path / "in"
    for cid in TEXT_CASES:
        shutil.copytree(SAMPLES / "submissions" / cid, inp / cid)
    db = tmp_path / "cases.db"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    proc = _batch(inp, tmp_path / "out1", db, env)
    # kill it once part of the work is stored: some documents read (reading), or some cases saved (reviewing)
    sql = ("SELECT count(*) FROM extractions" if kill_when == "reading" else
           "SELECT count(*) FROM cases WHERE status IS NOT NULL")
    want = 3 if kill_when == "reading" else 1
    deadline = time.time() + 240
    while proc.poll() is None and time.time() < deadline and _count(db, sql) < want:
        time.sleep(0.02)
    assert proc.poll() is None, "the batch ended before it could be killed mid-way"
    # the whole process group, as a machine's job control would: the batch and the engine's server it started
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_before = _count(db, "SELECT count(*) FROM cases")
    read_before = _count(db, "SELECT count(*) FROM extractions")
    assert stored_before < len(TEXT_CASES)
    assert not (tmp_path / "out1" / "results.jsonl").exists()

    again = _batch(inp, tmp_path / "out2", db, env)
    assert again.wait(timeout=600) == 0
    lines = [json.loads(x) for x in (tmp_path / "out2" / "results.jsonl").read_text().splitlines()]
    assert sorted(x["case_id"] for x in lines) == sorted(TEXT_CASES)  # one line each, none lost, none twice
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT case_id) FROM cases").fetchone() == (8, 8)
    # each case received, read, checked and routed once: the killed run's saved cases were not reviewed again
    per_case = con.execute("SELECT case_id, kind, count(*) FROM events GROUP BY case_id, kind").fetchall()
    assert all(n == 1 for _c, _k, n in per_case) and len({c for c, _k, _n in per_case}) == 8
    # documents read before the kill were not read again; every document is stored once
    files = {hashlib.sha256(p.read_bytes()).hexdigest() for p in inp.rglob("*") if p.is_file() and p.name != "case.json"}
    assert con.execute("SELECT count(*) FROM extractions").fetchone()[0] == len(files)
    assert read_before >= (want if kill_when == "reading" else 0)
    assert not any(x["decision"] == "approve" and x["queue"] for x in lines)
    if kill_when == "reviewing":
        # reviewed anew on request (after a knowledge base or policy change): from the stored readings
        assert _batch(inp, tmp_path / "out3", db, env, "--again").wait(timeout=600) == 0
        con = sqlite3.connect(db)
        assert con.execute("SELECT count(*) FROM extractions").fetchone()[0] == len(files)
        assert con.execute("SELECT count(*) FROM events WHERE kind = 'checked'").fetchone()[0] == 16
        assert len((tmp_path / "out3" / "results.jsonl").read_text().splitlines()) == 8
