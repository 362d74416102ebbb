"""The upload API for traders (FastAPI): a thin shell over the store and the review stages.

    POST /api/submissions                  files (multipart) + handling, direction, reference_date, declared
                                           -> {"case_id", "existing", "status", "deadline"}
    GET  /api/cases/{case_id}              status, deadline and the case's timeline, step by step
    GET  /api/cases/{case_id}/certificate.pdf   the approved certificate to print, with verification code and QR
    GET  /verify/{code}                    public page: is this certificate genuine and approved?

The same files posted again find the case they made first. A submission is read, checked and routed after the
upload has been answered (a background task here; a worker process could do the same from the store).

    origin-review serve --host 127.0.0.1 --port 8000
"""
from __future__ import annotations

import datetime as dt
import html
import json
import logging
from pathlib import Path
from typing import Annotated, Any

from fastapi import BackgroundTasks, FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response

from pipeline.errors import StoreError
from pipeline.originals import Originals
from pipeline.settings import Settings
from pipeline.store import CaseStore, now, submission_key

log = logging.getLogger(__name__)

# what a file must start with to be taken: PDF, PNG, JPEG, TIFF (both byte orders)
MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
         (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))
HANDLING = ("standard", "express", "perishable")
# what a trader sees of each step of the case
STEP_TEXT = {"received": "Submission received", "read": "Documents read", "checked": "Checks run",
             "queued": "Waiting for a customs reviewer", "approved": "Approved automatically",
             "decided": "Decided by a customs reviewer", "certificate_issued": "Certificate ready to print",
             "claimed": "A customs reviewer is working on it", "resubmitted": "Documents replaced"}


def error(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status_code=status, detail={"code": code, "message": message})


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    store = CaseStore(settings.db_url)
    originals = Originals(settings.originals_dir)
    app = FastAPI(title="origin-review", version="1")
    app.state.store = store

    @app.exception_handler(HTTPException)
    async def _errors(_request, exc: HTTPException):  # {"error": {"code", "message"}} for every refusal
        detail = exc.detail if isinstance(exc.detail, dict) else {"code": "http", "message": str(exc.detail)}
        return JSONResponse(status_code=exc.status_code, content={"error": detail})

    @app.post("/api/submissions", status_code=201)
    async def submit(background: BackgroundTasks, files: Annotated[list[UploadFile], File()] = None,
                     handling: Annotated[str, Form()] = "standard", direction: Annotated[str, Form()] = "import",
                     reference_date: Annotated[str | None, Form()] = None,
                     declared: Annotated[str | None, Form()] = None) -> Any:
        if not files:
            raise error(422, "upload.no_files", "a submission needs at least one document")
        if len(files) > settings.upload_max_files:
            raise error(413, "upload.too_many_files", f"at most {settings.upload_max_files} files in one submission")
        if handling not in HANDLING:
            raise error(422, "upload.bad_metadata", f"handling is one of {', '.join(HANDLING)}")
        if direction not in ("import", "export"):
            raise error(422, "upload.bad_metadata", "direction is import or export")
        meta: dict[str, Any] = {"handling": handling, "direction": direction}
        try:
            if reference_date:
                meta["reference_date"] = dt.date.fromisoformat(reference_date).isoformat()
            if declared:
                meta["declared"] = json.loads(declared)
                if not isinstance(meta["declared"], dict):
                    raise ValueError("declared must be a JSON object")
        except ValueError as e:
            raise error(422, "upload.bad_metadata", f"metadata cannot be used: {e}") from e
        received, total = [], 0
        for f in files:
            data = await _read_limited(f, settings.upload_max_file_mb * 1024 * 1024)
            total += len(data)
            if total > settings.upload_max_total_mb * 1024 * 1024:
                raise error(413, "upload.too_large", f"a submission may hold {settings.upload_max_total_mb} MB at most")
            if not any(data.startswith(m) for m, _ in MAGIC):
                raise error(415, "upload.unsupported_type",
                            f"{f.filename}: only PDF, PNG, JPEG and TIFF files are taken")
            received.append((Path(f.filename or "document").name, data))
        kept = []
        for name, data in received:
            sha, path = originals.put(data)
            kept.append({"file": name, "sha256": sha, "original": str(path), "size": len(data)})
        key = submission_key(k["sha256"] for k in kept)
        existing = store.find_by_key(key)
        if existing:
            row = store.case(existing)
            return JSONResponse(status_code=200, content={
                "case_id": existing, "existing": True, "status": row["status"],
                "deadline": row["deadline"].isoformat() if row["deadline"] else None})
        at = now()
        case_id = f"U{at:%Y%m%d}-{key[:10]}"
        deadline = settings.deadline(at, handling)
        case_id = store.receive(case_id, submission_key=key, files=kept, received_at=at, deadline=deadline,
                                handling=handling, direction=direction)
        store.log(case_id, "metadata", actor="upload", detail=meta)
        background.add_task(process_submission, store, settings, case_id)
        return {"case_id": case_id, "existing": False, "status": "received", "deadline": deadline.isoformat()}

    @app.get("/api/cases/{case_id}")
    def status(case_id: str) -> Any:
        row = store.case(case_id)
        if row is None:
            raise error(404, "case.not_found", f"no case {case_id}")
        steps = [{"step": e["kind"], "at": e["at"].isoformat(), "text": STEP_TEXT.get(e["kind"], e["kind"])}
                 for e in store.timeline(case_id) if e["kind"] in STEP_TEXT]
        left = (row["deadline"] - now()).total_seconds() / 3600 if row["deadline"] else None
        out = {"case_id": case_id, "status": row["status"], "handling": row["handling"],
               "received_at": row["received_at"].isoformat() if row["received_at"] else None,
               "deadline": row["deadline"].isoformat() if row["deadline"] else None,
               "time_left_hours": round(left, 2) if left is not None else None, "timeline": steps}
        if row["status"] == "approved":
            out["certificate"] = f"/api/cases/{case_id}/certificate.pdf"
        return out

    @app.get("/api/cases/{case_id}/certificate.pdf")
    def certificate(case_id: str) -> Response:
        row = store.case(case_id)
        if row is None:
            raise error(404, "case.not_found", f"no case {case_id}")
        if row["status"] != "approved":
            raise error(409, "case.not_approved", "the certificate can be printed once the case is approved")
        result = json.loads(row["result_json"])
        co = next((d for d in result.get("documents", []) if d["doc_type"] == "certificate_of_origin"), None)
        if co is None:
            raise error(409, "case.no_certificate", "the case holds no certificate of origin")
        code = store.issue_certificate(case_id)
        decided = [e for e in store.timeline(case_id) if e["kind"] in ("approved", "decided")]
        from pipeline.certificate_pdf import render_approved_certificate

        pdf = render_approved_certificate(
            co["fields"], case_id=case_id, code=code, verify_url=f"{settings.public_url.rstrip('/')}/verify/{code}",
            approved_at=decided[-1]["at"].strftime("%Y-%m-%d %H:%M UTC") if decided else "",
            approved_by="automatic review" if decided and decided[-1]["kind"] == "approved" else
            f"customs reviewer {decided[-1]['actor']}" if decided else "")
        return Response(pdf, media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="certificate-{case_id}.pdf"'})

    @app.get("/verify/{code}", response_class=HTMLResponse)
    def verify(code: str) -> HTMLResponse:
        found = store.verify(code)
        if found is None:
            return HTMLResponse(_page("Not found", "<p class=bad>No certificate carries this verification code. "
                                      "Check the code printed beside the QR code.</p>"), status_code=404)
        result = json.loads(found["result_json"])
        co = next((d for d in result.get("documents", []) if d["doc_type"] == "certificate_of_origin"), {})
        f = co.get("fields", {})
        rows = [("Certificate No.", f.get("certificate_number")), ("Exporter", f.get("exporter_name")),
                ("Importer", f.get("importer_name")), ("Issued", f"{f.get('issue_date') or ''} {f.get('issue_place') or ''}"),
                ("Goods", "; ".join(f"{i.get('description')} (HS {i.get('hs_code')})" for i in f.get("items") or [])),
                ("Approved", found["issued_at"].strftime("%Y-%m-%d"))]
        ok = found["status"] == "approved"
        body = (f"<p class={'ok' if ok else 'bad'}>{'Genuine and approved' if ok else 'No longer approved'}</p><table>"
                + "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v or '-'))}</td></tr>" for k, v in rows)
                + "</table>")
        return HTMLResponse(_page(f"Certificate {html.escape(found['code'])}", body))

    return app


async def _read_limited(f: UploadFile, limit: int) -> bytes:
    chunks, size = [], 0
    while chunk := await f.read(1024 * 1024):
        size += len(chunk)
        if size > limit:
            raise error(413, "upload.too_large", f"{f.filename}: a file may be {limit // (1024 * 1024)} MB at most")
        chunks.append(chunk)
    return b"".join(chunks)


def _page(title: str, body: str) -> str:
    return ("<!doctype html><html><head><meta charset=utf-8><title>origin-review: " + title + "</title><style>"
            "body{font:15px sans-serif;max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em}"
            ".ok{color:#060;font-weight:bold}.bad{color:#a00;font-weight:bold}</style></head><body>"
            f"<h1>{title}</h1>{body}</body></html>")


def process_submission(store: CaseStore, settings: Settings, case_id: str) -> None:
    """Read, check and route an uploaded case from its stored originals (plain stage functions, no engine)."""
    from extractors.read import classify_document, extract_document, load
    from pipeline.model import Case, CaseMetadata
    from pipeline.review import DuplicateIndex, make_context, record, review_case

    try:
        row = store.case(case_id)
        meta_event = next((e for e in store.timeline(case_id) if e["kind"] == "metadata"), None)
        meta = CaseMetadata.model_validate({**(meta_event["detail"] if meta_event else {}),
                                            "submitted_at": row["received_at"].isoformat()})
        docs, errors, originals = [], [], {}
        for d in store.documents_of(case_id):
            doc = extract_document(classify_document(load(Path(d["original"]), d["file"])))
            originals[d["file"]] = {"sha256": d["sha256"], "original": d["original"], "size": d["size"]}
            if doc.error is not None:
                errors.append(doc.error)
            if doc.error is None or doc.pages:
                docs.append(doc)
        case = Case(case_id=case_id, metadata=meta, documents=docs, errors=errors)
        reference = meta.reference_date or settings.reference_date or dt.date.today()
        ctx = make_context(settings, reference, DuplicateIndex([case], store))
        record(store, settings, review_case(case, ctx), submission_key=row["submission_key"], originals=originals,
               received_at=row["received_at"])
    except (StoreError, OSError, ValueError) as e:
        log.exception("case %s could not be processed", case_id)
        store.log(case_id, "processing_failed", detail={"message": str(e)})
