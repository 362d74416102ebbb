"""The case store: every case, its documents (originals kept by content), the fields read with their sources,
check results, routing, reviewers' decisions, the certificates issued, and an append-only audit log of every
event with the knowledge base and model versions in force.

SQLAlchemy 2 over the tables of `pipeline/schema.py`, created and changed by the Alembic migrations in
`pipeline/migrations/` when the store is opened. SQLite in WAL mode in the user's data folder by default;
PostgreSQL (or any SQLAlchemy URL) for several workers and users.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import zlib
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pipeline.errors import StoreError
from pipeline.schema import (cases, certificates, check_results, decisions, documents, events, extractions, fields,
                             issued_certificates, reviewers)

MIGRATIONS = Path(__file__).with_name("migrations")
TERMINAL = ("approved", "rejected")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def submission_key(sha256s: Iterable[str]) -> str:
    """The identity of a submission by content: the same files (in any order, under any names) give the same key."""
    return hashlib.sha256("\n".join(sorted(sha256s)).encode()).hexdigest()


class CaseStore:
    def __init__(self, url: str):
        self.url = url
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"the case store {url} cannot be opened: {e}") from e

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            names = set(inspect(conn).get_table_names())
            if "cases" in names and "alembic_version" not in names:
                command.stamp(cfg, "0001")  # a store made before migrations existed has the first schema
            command.upgrade(cfg, "head")

    # ------------------------------------------------------------ duplicates
    def uses_of(self, certificate_number: str) -> list[tuple[str, str | None]]:
        with self.engine.connect() as c:
            rows = c.execute(select(certificates.c.case_id, certificates.c.submitted_at)
                             .where(certificates.c.certificate_number == certificate_number)).all()
        return [(r[0], r[1]) for r in rows]

    # ------------------------------------------------------------ cases
    def save(self, result: dict, submitted_at: str | None, certificate_number: str | None, **case: Any) -> None:
        """Insert or replace a reviewed case with its documents, fields and check results, and log the steps.
        A rerun of the same submission replaces what was derived from it, never duplicates it; the log and the
        decisions stay."""
        case_id = result["case_id"]
        try:
            with self.engine.begin() as c:
                before = c.execute(select(cases.c.submission_key, cases.c.status)
                                   .where(cases.c.case_id == case_id)).first()
                _write_case(c, result, submitted_at, certificate_number, case)
                versions = result.get("model_versions") or {}
                kb = result.get("kb_version")
                if before is None and not case.get("received_logged"):
                    _event(c, case_id, "received", detail={"files": [d["file"] for d in result["documents"]]
                                                           + [e["file"] for e in result.get("errors", [])]},
                           at=case.get("received_at"))
                elif before is not None and before[0] != case.get("submission_key"):
                    _event(c, case_id, "resubmitted", detail={"submission_key": case.get("submission_key")})
                _event(c, case_id, "read", detail={"documents": [
                    {"file": d["file"], "doc_type": d["doc_type"], "text_source": d["text_source"],
                     "ocr_confidence": d["ocr_confidence"]} for d in result["documents"]],
                    "errors": result.get("errors", [])}, kb=kb, models=versions)
                fails = [ch["id"] for ch in result["checks"] if ch["status"] == "fail"]
                _event(c, case_id, "checked", detail={"failed": fails, "checks": len(result["checks"])}, kb=kb,
                       models=versions)
                _event(c, case_id, "approved" if result["decision"] == "approve" else "queued",
                       detail={"decision": result["decision"], "queue": result["queue"],
                               "suggested_outcome": result["suggested_outcome"], "confidence": result["confidence"],
                               "reasons": result.get("reasons", [])}, kb=kb, models=versions)
        except SQLAlchemyError as e:
            raise StoreError(f"case {case_id} could not be saved: {e}") from e

    def receive(self, case_id: str, *, submission_key: str, files: list[dict], received_at: dt.datetime,
                deadline: dt.datetime, handling: str, direction: str | None = None, actor: str = "upload") -> str:
        """A submission that has arrived but is not read yet (uploads): its case exists from now on, so the trader
        sees it. Returns the case id; the same files again return the case they made first."""
        try:
            with self.engine.begin() as c:
                existing = c.execute(select(cases.c.case_id).where(cases.c.submission_key == submission_key)).first()
                if existing:
                    return existing[0]
                c.execute(cases.insert().values(
                    case_id=case_id, submitted_at=received_at.isoformat(), decision="manual", queue=None, confidence=None,
                    result_json="{}", reviewed_at=received_at, submission_key=submission_key, status="received",
                    handling=handling, received_at=received_at, deadline=deadline, direction=direction))
                for f in files:
                    c.execute(documents.insert().values(case_id=case_id, file=f["file"], sha256=f["sha256"],
                                                        original=f.get("original"), size=f.get("size")))
                _event(c, case_id, "received", actor=actor, detail={"files": [f["file"] for f in files]}, at=received_at)
            return case_id
        except IntegrityError as e:
            raise StoreError(f"case {case_id} exists already") from e

    def find_by_key(self, key: str) -> str | None:
        with self.engine.connect() as c:
            row = c.execute(select(cases.c.case_id).where(cases.c.submission_key == key)
                            .order_by(cases.c.received_at)).first()
        return row[0] if row else None

    def reviewed(self, case_id: str, key: str) -> dict | None:
        """The stored result of a case already reviewed from exactly these files (a batch run again skips it)."""
        with self.engine.connect() as c:
            row = c.execute(select(cases.c.result_json, cases.c.status).where(
                (cases.c.case_id == case_id) & (cases.c.submission_key == key))).first()
        if row is None or row[1] in (None, "received", "read"):
            return None
        return json.loads(row[0])

    def result(self, case_id: str) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(cases.c.result_json, cases.c.status).where(cases.c.case_id == case_id)).first()
        return json.loads(row[0]) if row and row[1] not in ("received",) else None

    def case(self, case_id: str) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(cases).where(cases.c.case_id == case_id)).mappings().first()
        return dict(row) if row else None

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(select(func.count()).select_from(cases)).scalar_one()

    def case_ids(self) -> list[str]:
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(select(cases.c.case_id).order_by(cases.c.case_id))]

    def documents_of(self, case_id: str) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(select(documents).where(documents.c.case_id == case_id)
                                               .order_by(documents.c.id)).mappings()]

    def fields_of(self, case_id: str) -> list[dict]:
        with self.engine.connect() as c:
            q = select(documents.c.file, fields).join(fields, fields.c.document_id == documents.c.id) \
                .where(documents.c.case_id == case_id).order_by(fields.c.id)
            return [dict(r) for r in c.execute(q).mappings()]

    def checks_of(self, case_id: str) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(select(check_results).where(check_results.c.case_id == case_id)
                                               .order_by(check_results.c.id)).mappings()]

    # ------------------------------------------------------------ queues and clocks
    def queue(self, name: str | None = None, at: dt.datetime | None = None) -> list[dict]:
        """Cases waiting for a reviewer, the least time left first (overdue ones at the top)."""
        at = at or now()
        q = select(cases.c.case_id, cases.c.queue, cases.c.handling, cases.c.received_at, cases.c.deadline,
                   cases.c.suggested_outcome, cases.c.confidence, cases.c.claimed_by) \
            .where(cases.c.status == "queued")
        if name:
            q = q.where(cases.c.queue == name)
        with self.engine.connect() as c:
            rows = [dict(r) for r in c.execute(q).mappings()]
        for r in rows:
            r["time_left_hours"] = round((r["deadline"] - at).total_seconds() / 3600, 2) if r["deadline"] else None
        rows.sort(key=lambda r: (r["deadline"] is None, r["deadline"] or at, r["case_id"]))
        return rows

    # ------------------------------------------------------------ reviewers and decisions
    def add_reviewer(self, reviewer_id: str, name: str, role: str = "reviewer") -> None:
        with self.engine.begin() as c:
            if c.execute(select(reviewers.c.reviewer_id).where(reviewers.c.reviewer_id == reviewer_id)).first():
                return
            c.execute(reviewers.insert().values(reviewer_id=reviewer_id, name=name, role=role, created_at=now()))

    def claim(self, case_id: str, reviewer_id: str) -> None:
        with self.engine.begin() as c:
            row = c.execute(select(cases.c.status, cases.c.claimed_by).where(cases.c.case_id == case_id)).first()
            if row is None or row[0] != "queued":
                raise StoreError(f"case {case_id} is not waiting for a reviewer")
            if row[1] and row[1] != reviewer_id:
                raise StoreError(f"case {case_id} is claimed by {row[1]}")
            c.execute(cases.update().where(cases.c.case_id == case_id).values(claimed_by=reviewer_id))
            _event(c, case_id, "claimed", actor=reviewer_id)

    def edit_field(self, case_id: str, reviewer_id: str, file: str, name: str, value: Any, note: str = "") -> None:
        """A reviewer corrects a reading; the reading before stays in the log."""
        with self.engine.begin() as c:
            doc = c.execute(select(documents.c.id).where((documents.c.case_id == case_id) & (documents.c.file == file))).first()
            if doc is None:
                raise StoreError(f"case {case_id} has no document {file}")
            old = c.execute(select(fields.c.id, fields.c.value_json).where(
                (fields.c.document_id == doc[0]) & (fields.c.name == name))).first()
            if old:
                c.execute(fields.update().where(fields.c.id == old[0]).values(value_json=json.dumps(value), confidence=1.0))
            else:
                c.execute(fields.insert().values(document_id=doc[0], name=name, value_json=json.dumps(value), confidence=1.0))
            _event(c, case_id, "edited", actor=reviewer_id, detail={
                "file": file, "field": name, "before": json.loads(old[1]) if old and old[1] else None, "after": value,
                "note": note})

    def decide(self, case_id: str, reviewer_id: str, outcome: str, note: str = "") -> None:
        if outcome not in ("approve", "reject"):
            raise StoreError(f"a decision is approve or reject, not {outcome!r}")
        with self.engine.begin() as c:
            row = c.execute(select(cases.c.status).where(cases.c.case_id == case_id)).first()
            if row is None or row[0] != "queued":
                raise StoreError(f"case {case_id} is not waiting for a reviewer")
            c.execute(decisions.insert().values(case_id=case_id, reviewer_id=reviewer_id, outcome=outcome, note=note,
                                                at=now()))
            c.execute(cases.update().where(cases.c.case_id == case_id)
                      .values(status="approved" if outcome == "approve" else "rejected"))
            _event(c, case_id, "decided", actor=reviewer_id, detail={"outcome": outcome, "note": note})

    def decisions_of(self, case_id: str) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(select(decisions).where(decisions.c.case_id == case_id)
                                               .order_by(decisions.c.id)).mappings()]

    # ------------------------------------------------------------ timeline
    def timeline(self, case_id: str) -> list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(events).where(events.c.case_id == case_id).order_by(events.c.id)).mappings()
            out = []
            for r in rows:
                d = dict(r)
                d["detail"] = json.loads(d["detail"]) if d["detail"] else {}
                d["model_versions"] = json.loads(d["model_versions"]) if d["model_versions"] else {}
                out.append(d)
        return out

    def log(self, case_id: str, kind: str, actor: str = "system", detail: dict | None = None) -> None:
        with self.engine.begin() as c:
            _event(c, case_id, kind, actor=actor, detail=detail)

    # ------------------------------------------------------------ certificates for self-printing
    def issue_certificate(self, case_id: str) -> str:
        """The verification code of an approved case's certificate (made once; the same code every time)."""
        with self.engine.begin() as c:
            row = c.execute(select(issued_certificates.c.code).where(issued_certificates.c.case_id == case_id)).first()
            if row:
                return row[0]
            st = c.execute(select(cases.c.status, cases.c.result_json).where(cases.c.case_id == case_id)).first()
            if st is None or st[0] != "approved":
                raise StoreError(f"case {case_id} is not approved")
            number = _certificate_number(json.loads(st[1]))
            code = _verification_code()
            c.execute(issued_certificates.insert().values(code=code, case_id=case_id, certificate_number=number,
                                                          issued_at=now()))
            _event(c, case_id, "certificate_issued", detail={"code": code, "certificate_number": number})
            return code

    def verify(self, code: str) -> dict | None:
        code = code.strip().upper()
        with self.engine.connect() as c:
            row = c.execute(select(issued_certificates, cases.c.status, cases.c.result_json)
                            .join(cases, cases.c.case_id == issued_certificates.c.case_id)
                            .where(issued_certificates.c.code == code)).mappings().first()
        return dict(row) if row else None

    # ------------------------------------------------------------ readings kept by content
    def cached_document(self, sha256: str, extractor: str) -> bytes | None:
        with self.engine.connect() as c:
            row = c.execute(select(extractions.c.document).where(
                (extractions.c.sha256 == sha256) & (extractions.c.extractor == extractor))).first()
        return zlib.decompress(row[0]) if row else None

    def cache_document(self, sha256: str, extractor: str, document_json: bytes) -> None:
        try:
            with self.engine.begin() as c:
                c.execute(extractions.delete().where((extractions.c.sha256 == sha256) & (extractions.c.extractor == extractor)))
                c.execute(extractions.insert().values(sha256=sha256, extractor=extractor, at=now(),
                                                      document=zlib.compress(document_json, 6)))
        except SQLAlchemyError:
            pass  # a cache that cannot be written costs a second reading later, nothing more


def _write_case(c: Connection, result: dict, submitted_at: str | None, certificate_number: str | None,
                case: dict[str, Any]) -> None:
    case_id = result["case_id"]
    status = "approved" if result["decision"] == "approve" else "queued"
    row = dict(submitted_at=submitted_at, decision=result["decision"], queue=result["queue"],
               confidence=result["confidence"], result_json=json.dumps(result, ensure_ascii=False), reviewed_at=now(),
               submission_key=case.get("submission_key"), status=status,
               suggested_outcome=result.get("suggested_outcome"), handling=case.get("handling"),
               received_at=case.get("received_at"), deadline=case.get("deadline"),
               kb_version=result.get("kb_version"), model_versions=json.dumps(result.get("model_versions") or {}),
               direction=case.get("direction"), claimed_by=None)
    if c.execute(select(cases.c.case_id).where(cases.c.case_id == case_id)).first():
        c.execute(cases.update().where(cases.c.case_id == case_id).values(**row))
    else:
        c.execute(cases.insert().values(case_id=case_id, **row))
    # what was derived from the documents is replaced; where the originals are kept is carried over
    kept = {r[0]: (r[1], r[2]) for r in c.execute(select(documents.c.sha256, documents.c.original, documents.c.size)
                                                  .where(documents.c.case_id == case_id))}
    ids = [r[0] for r in c.execute(select(documents.c.id).where(documents.c.case_id == case_id))]
    if ids:
        c.execute(fields.delete().where(fields.c.document_id.in_(ids)))
    c.execute(documents.delete().where(documents.c.case_id == case_id))
    c.execute(check_results.delete().where(check_results.c.case_id == case_id))
    originals = case.get("originals") or {}  # file name -> {"sha256", "original", "size"}
    for d in result["documents"]:
        o = originals.get(d["file"]) or {}
        original, size = (o.get("original"), o.get("size")) if o else kept.get(d["sha256"], (None, None))
        doc_id = c.execute(documents.insert().values(
            case_id=case_id, file=d["file"], sha256=d["sha256"], original=original, size=size, doc_type=d["doc_type"],
            doc_type_confidence=d.get("doc_type_confidence"), pages=d["pages"], text_source=d["text_source"],
            ocr_confidence=d["ocr_confidence"])).inserted_primary_key[0]
        rows = []
        for name, value in _flat_fields(d["fields"]):
            src = (d.get("field_sources") or {}).get(name) or {}
            rows.append(dict(document_id=doc_id, name=name, value_json=json.dumps(value, ensure_ascii=False),
                             confidence=(d.get("field_confidence") or {}).get(name), page=src.get("page"),
                             box_json=json.dumps(src.get("box")) if src.get("box") else None))
        if rows:
            c.execute(fields.insert(), rows)
    for e in result.get("errors", []):
        # an unreadable file is kept and listed with the case too: nothing is dropped
        o = originals.get(e["file"]) or {}
        sha = o.get("sha256")
        original, size = (o.get("original"), o.get("size")) if o else (None, None)
        c.execute(documents.insert().values(case_id=case_id, file=e["file"], sha256=sha or "", original=original,
                                            size=size, doc_type="unknown", pages=0))
    if result["checks"]:
        c.execute(check_results.insert(), [dict(case_id=case_id, check_id=ch["id"], status=ch["status"],
                                                blocking=bool(ch.get("blocking")), message=ch["message"],
                                                document=ch.get("document"), field=ch.get("field"), item=ch.get("item"))
                                           for ch in result["checks"]])
    c.execute(certificates.delete().where(certificates.c.case_id == case_id))
    if certificate_number:
        c.execute(certificates.insert().values(certificate_number=certificate_number, case_id=case_id,
                                               submitted_at=submitted_at))


def _flat_fields(values: dict[str, Any]) -> Iterable[tuple[str, Any]]:
    for k, v in values.items():
        if k == "items" and isinstance(v, list):
            for i, item in enumerate(v):
                for kk, vv in item.items():
                    yield f"items[{i}].{kk}", vv
        else:
            yield k, v


def _event(c: Connection, case_id: str, kind: str, *, actor: str = "system", detail: dict | None = None,
           kb: str | None = None, models: dict | None = None, at: dt.datetime | None = None) -> None:
    if kb is None:
        row = c.execute(select(cases.c.kb_version, cases.c.model_versions).where(cases.c.case_id == case_id)).first()
        if row:
            kb, models = row[0], models if models is not None else (json.loads(row[1]) if row[1] else None)
    c.execute(events.insert().values(case_id=case_id, at=at or now(), kind=kind, actor=actor,
                                     detail=json.dumps(detail or {}, ensure_ascii=False, default=str), kb_version=kb,
                                     model_versions=json.dumps(models or {})))


def _certificate_number(result: dict) -> str | None:
    co = next((d for d in result.get("documents", []) if d["doc_type"] == "certificate_of_origin"), None)
    return (co or {}).get("fields", {}).get("certificate_number")


def _verification_code() -> str:
    """12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), in groups of four: unguessable
    (about 60 bits) and easy to type from paper."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
