"""The upload API as a trader uses it: post a submission, follow its timeline, print the approved certificate,
verify it publicly; the same files again find the same case; bad uploads are refused with clear errors."""
import json
import re

import pytest
from fastapi.testclient import TestClient

from conftest import SAMPLES, find_case
from pipeline.settings import Settings


@pytest.fixture
def client(tmp_path):
    from pipeline.api import create_app

    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cases.db'}", originals_dir=tmp_path / "originals",
                        qa_sample_rate=0, reference_date=None, upload_max_file_mb=5, upload_max_files=6,
                        public_url="https://origin.example.gov")
    with TestClient(create_app(settings)) as c:
        yield c


def _files(case_id):
    folder = SAMPLES / "submissions" / case_id
    return [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in sorted(folder.iterdir())
            if p.name != "case.json"]


def test_trader_uploads_follows_prints_and_anyone_verifies(client, truth):
    cid = find_case(truth, defect=None, render="text_pdf")
    meta = json.loads((SAMPLES / "submissions" / cid / "case.json").read_text())
    r = client.post("/api/submissions", files=_files(cid),
                    data={"handling": "perishable", "reference_date": meta.get("reference_date") or "2025-06-30"})
    assert r.status_code == 201, r.text
    case_id = r.json()["case_id"]
    status = client.get(f"/api/cases/{case_id}").json()
    assert status["status"] == "approved", status
    assert [s["step"] for s in status["timeline"]] == ["received", "read", "checked", "approved"]
    assert 5.9 < status["time_left_hours"] <= 6.0  # perishable goods: 6 hours
    pdf = client.get(status["certificate"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    code = re.search(r"Verification code: ([A-Z0-9-]{14})", text)[1]
    assert "https://origin.example.gov/verify/" + code in text
    page = client.get(f"/verify/{code}")
    assert page.status_code == 200 and "Genuine and approved" in page.text
    co = next(d for d in truth["cases"][cid]["documents"].values() if d["doc_type"] == "certificate_of_origin")
    assert co["fields"]["certificate_number"] in page.text
    assert client.get("/verify/AAAA-BBBB-CCCC").status_code == 404
    # printing again gives the same code; the step is on the timeline once
    again = _pdf_text(client.get(status["certificate"]).content)
    assert code in again
    steps = [s["step"] for s in client.get(f"/api/cases/{case_id}").json()["timeline"]]
    assert steps.count("certificate_issued") == 1


def test_same_files_again_find_the_same_case(client, truth):
    cid = find_case(truth, defect=None, render="text_pdf")
    first = client.post("/api/submissions", files=_files(cid), data={"reference_date": "2025-06-30"})
    again = client.post("/api/submissions", files=list(reversed(_files(cid))), data={"reference_date": "2025-06-30"})
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == {**again.json(), "case_id": first.json()["case_id"], "existing": True}
    assert client.app.state.store.count() == 1


def test_a_case_waiting_for_review_offers_no_certificate(client, truth):
    cid = find_case(truth, defect="co.validity")
    r = client.post("/api/submissions", files=_files(cid), data={"reference_date": "2025-06-30"})
    case_id = r.json()["case_id"]
    status = client.get(f"/api/cases/{case_id}").json()
    assert status["status"] == "queued" and "certificate" not in status
    assert status["timeline"][-1]["text"] == "Waiting for a customs reviewer"
    refused = client.get(f"/api/cases/{case_id}/certificate.pdf")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "case.not_approved"


def test_bad_uploads_are_refused_clearly(client):
    r = client.post("/api/submissions", files=[("files", ("notes.txt", b"hello", "text/plain"))])
    assert r.status_code == 415 and r.json()["error"]["code"] == "upload.unsupported_type"
    big = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024)
    r = client.post("/api/submissions", files=[("files", ("big.pdf", big, "application/pdf"))])
    assert r.status_code == 413 and r.json()["error"]["code"] == "upload.too_large"
    r = client.post("/api/submissions", files=[("files", (f"{i}.pdf", b"%PDF-1.4 x", "application/pdf")) for i in range(7)])
    assert r.status_code == 413 and r.json()["error"]["code"] == "upload.too_many_files"
    r = client.post("/api/submissions", files=[("files", ("a.pdf", b"%PDF-1.4 x", "application/pdf"))],
                    data={"handling": "urgent"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "upload.bad_metadata"
    assert client.get("/api/cases/nope").status_code == 404
    assert client.app.state.store.count() == 0  # nothing refused was kept as a case


def test_an_unreadable_upload_becomes_a_finding_not_a_crash(client):
    r = client.post("/api/submissions", files=[("files", ("co.pdf", b"%PDF-1.4\n1 0 obj <<", "application/pdf"))])
    case_id = r.json()["case_id"]
    st = client.get(f"/api/cases/{case_id}").json()
    assert st["status"] == "queued"
    checks = {c["check_id"]: c["status"] for c in client.app.state.store.checks_of(case_id)}
    assert checks["document.unreadable"] == "fail"
    assert client.app.state.store.documents_of(case_id)[0]["original"]  # kept, never dropped


def _pdf_text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)
