"""The case store keeps results and certificate numbers; a rerun replaces, never duplicates."""
from pipeline.store import CaseStore


def line(case_id, decision="approve"):
    return {"case_id": case_id, "decision": decision, "queue": None, "confidence": 0.97, "checks": [],
            "documents": [], "errors": [], "suggested_outcome": "approve"}


def test_save_and_look_up(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    store.save(line("a"), "2025-03-01T09:00:00", "R25CN1")
    store.save(line("b"), "2025-03-02T09:00:00", "R25CN1")
    assert sorted(store.uses_of("R25CN1")) == [("a", "2025-03-01T09:00:00"), ("b", "2025-03-02T09:00:00")]
    store.save(line("a", "manual"), "2025-03-01T09:00:00", "R25CN1")  # rerun of the same case
    assert store.count() == 2 and store.result("a")["decision"] == "manual"
    assert len(store.uses_of("R25CN1")) == 2


def test_sqlite_runs_in_wal_mode(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
