"""The case store, on SQLite and on a real PostgreSQL server (`make test` starts one on loopback: see
scripts/test-postgres.sh): migrations, idempotent saves, the append-only audit log, reviewers' work, service
clocks and queues, certificates for self-printing."""
import datetime as dt
import os
import sqlite3
import uuid

import pytest
from sqlalchemy import create_engine, text

from pipeline.errors import StoreError
from pipeline.originals import Originals
from pipeline.store import CaseStore, submission_key

PG = os.environ.get("ORIGIN_REVIEW_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cases.db'}"
        return
    if not PG:
        if os.environ.get("CI"):
            pytest.fail("CI runs the store tests on PostgreSQL: ORIGIN_REVIEW_TEST_PG is not set (make test sets it)")
        pytest.skip("no PostgreSQL test server (make test starts one)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    yield PG.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def line(case_id, decision="approve", number="R25CN1", queue=None):
    return {"case_id": case_id, "decision": decision, "queue": queue, "confidence": 0.97,
            "suggested_outcome": "approve", "kb_version": "kb-1", "model_versions": {"hs_description": "m1"},
            "checks": [{"id": "co.validity", "status": "pass", "message": "valid", "document": "co.pdf", "field": None,
                        "item": None, "blocking": False}],
            "documents": [{"file": "co.pdf", "sha256": "a" * 64, "doc_type": "certificate_of_origin",
                           "doc_type_confidence": 0.99, "pages": 1, "text_source": "text_layer", "ocr_confidence": None,
                           "fields": {"certificate_number": number, "items": [{"hs_code": "070320"}]},
                           "field_confidence": {"certificate_number": 0.99, "items[0].hs_code": 0.98},
                           "field_sources": {"certificate_number": {"page": 1, "box": [1, 2, 3, 4]}}}],
            "errors": []}


def test_save_and_look_up(url):
    store = CaseStore(url)
    store.save(line("a"), "2025-03-01T09:00:00", "R25CN1")
    store.save(line("b"), "2025-03-02T09:00:00", "R25CN1")
    assert sorted(store.uses_of("R25CN1")) == [("a", "2025-03-01T09:00:00"), ("b", "2025-03-02T09:00:00")]
    store.save(line("a", "manual", queue="origin"), "2025-03-01T09:00:00", "R25CN1")  # rerun of the same case
    assert store.count() == 2 and store.result("a")["decision"] == "manual"
    assert len(store.uses_of("R25CN1")) == 2
    # what was read, with sources, and what was checked, as rows a workbench can query
    f = {r["name"]: r for r in store.fields_of("a")}
    assert f["certificate_number"]["page"] == 1 and f["items[0].hs_code"]["confidence"] == 0.98
    assert len(store.documents_of("a")) == 1 and [c["check_id"] for c in store.checks_of("a")] == ["co.validity"]


def test_every_step_is_logged_once_with_versions(url):
    store = CaseStore(url)
    store.save(line("a"), None, "R25CN1", submission_key="k1")
    kinds = [e["kind"] for e in store.timeline("a")]
    assert kinds == ["received", "read", "checked", "approved"]
    assert all(e["kb_version"] == "kb-1" for e in store.timeline("a")[1:])
    assert store.timeline("a")[-1]["model_versions"] == {"hs_description": "m1"}
    store.save(line("a"), None, "R25CN1", submission_key="k2")  # other files under the same case id
    assert [e["kind"] for e in store.timeline("a")][4] == "resubmitted"


def test_audit_log_and_decisions_are_append_only(url):
    store = CaseStore(url)
    store.save(line("a", "manual", queue="origin"), None, "R25CN1")
    store.add_reviewer("r1", "Li Wei")
    store.decide("a", "r1", "reject", "criterion not allowed")
    with pytest.raises(Exception):
        with store.engine.begin() as c:
            c.execute(text("UPDATE events SET kind = 'x'"))
    with pytest.raises(Exception):
        with store.engine.begin() as c:
            c.execute(text("DELETE FROM decisions"))
    assert len(store.timeline("a")) == 5 and len(store.decisions_of("a")) == 1


def test_reviewer_claims_edits_and_decides(url):
    store = CaseStore(url)
    store.save(line("a", "manual", queue="consistency"), None, "R25CN1")
    store.add_reviewer("r1", "Li Wei")
    store.add_reviewer("r2", "Tan Mei")
    store.claim("a", "r1")
    with pytest.raises(StoreError):
        store.claim("a", "r2")  # one reviewer works a case at a time
    store.edit_field("a", "r1", "co.pdf", "items[0].hs_code", "070310", "read 070320 off a blurred scan")
    assert {r["name"]: r["value_json"] for r in store.fields_of("a")}["items[0].hs_code"] == '"070310"'
    store.decide("a", "r1", "approve")
    assert store.case("a")["status"] == "approved"
    kinds = [(e["kind"], e["actor"]) for e in store.timeline("a")]
    assert ("claimed", "r1") in kinds and ("edited", "r1") in kinds and kinds[-1] == ("decided", "r1")
    edited = next(e for e in store.timeline("a") if e["kind"] == "edited")
    assert edited["detail"]["before"] == "070320" and edited["detail"]["after"] == "070310"
    with pytest.raises(StoreError):
        store.decide("a", "r1", "reject")  # decided cases are not decided again


def test_queues_sort_by_time_left(url):
    store = CaseStore(url)
    t0 = dt.datetime(2025, 3, 1, 8, 0)
    for cid, hours, handling in (("slow", 48, "standard"), ("fresh-fish", 6, "perishable"), ("older", 48, "standard")):
        received = t0 - dt.timedelta(hours=10) if cid == "older" else t0
        store.save(line(cid, "manual", number=cid, queue="origin"), None, cid, received_at=received,
                   deadline=received + dt.timedelta(hours=hours), handling=handling)
    q = store.queue("origin", at=t0 + dt.timedelta(hours=1))
    assert [r["case_id"] for r in q] == ["fresh-fish", "older", "slow"]
    assert q[0]["time_left_hours"] == 5.0 and q[1]["time_left_hours"] == 37.0
    assert store.queue("fraud") == []


def test_same_files_find_the_same_case(url, tmp_path):
    store = CaseStore(url)
    originals = Originals(tmp_path / "originals")
    files = []
    for name, data in (("co.pdf", b"%PDF-1.4 certificate"), ("inv.pdf", b"%PDF-1.4 invoice")):
        sha, path = originals.put(data)
        files.append({"file": name, "sha256": sha, "original": str(path), "size": len(data)})
    key = submission_key(f["sha256"] for f in files)
    assert key == submission_key(reversed([f["sha256"] for f in files]))  # order and names do not matter
    t = dt.datetime(2025, 3, 1, 9, 0)
    first = store.receive("up-1", submission_key=key, files=files, received_at=t, deadline=t, handling="standard")
    again = store.receive("up-2", submission_key=key, files=files, received_at=t, deadline=t, handling="standard")
    assert first == again == "up-1" and store.count() == 1
    assert originals.get(files[0]["sha256"]) == b"%PDF-1.4 certificate"
    assert store.documents_of("up-1")[0]["original"] == files[0]["original"]


def test_certificate_codes_for_approved_cases_only(url):
    store = CaseStore(url)
    store.save(line("ok"), None, "R25CN1")
    store.save(line("held", "manual", number="R25CN2", queue="origin"), None, "R25CN2")
    code = store.issue_certificate("ok")
    assert code == store.issue_certificate("ok") and len(code) == 14
    assert store.verify(code.lower())["certificate_number"] == "R25CN1"
    assert store.verify("ABCD-EFGH-JKMN") is None
    with pytest.raises(StoreError):
        store.issue_certificate("held")


def test_sqlite_runs_in_wal_mode(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_store_made_before_migrations_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE cases (case_id VARCHAR(200) PRIMARY KEY, submitted_at VARCHAR(40), decision VARCHAR(20) NOT NULL,
            queue VARCHAR(40), confidence FLOAT, result_json TEXT NOT NULL, reviewed_at DATETIME NOT NULL);
        CREATE TABLE certificates (certificate_number VARCHAR(100), case_id VARCHAR(200), submitted_at VARCHAR(40),
            PRIMARY KEY (certificate_number, case_id));
        INSERT INTO cases VALUES ('old', NULL, 'approve', NULL, 0.9, '{"case_id": "old"}', '2025-01-01 00:00:00');
        INSERT INTO certificates VALUES ('R24CN9', 'old', NULL);
    """)
    con.commit()
    con.close()
    store = CaseStore(f"sqlite:///{path}")
    assert store.uses_of("R24CN9") == [("old", None)] and store.count() == 1
    store.save(line("new"), None, "R25CN1")
    assert store.timeline("new")[0]["kind"] == "received"
