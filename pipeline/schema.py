"""The case store's tables (SQLAlchemy Core). Alembic migrations in `pipeline/migrations/` create and change
them; this module is what the code reads and writes through.

Derived data (documents as read, fields, check results) is replaced when a case is reviewed again; the
originals on disk, reviewers' decisions and the audit log (`events`) are only ever added to.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table,
                        Text)

metadata = MetaData()

cases = Table(
    "cases", metadata,
    Column("case_id", String(200), primary_key=True),
    Column("submitted_at", String(40)),
    Column("decision", String(20), nullable=False),
    Column("queue", String(40)),
    Column("confidence", Float),
    Column("result_json", Text, nullable=False),
    Column("reviewed_at", DateTime, nullable=False),
    # added by migration 0002
    Column("submission_key", String(64), index=True),  # sha256 over the sorted sha256s of the files
    Column("status", String(20)),  # received | read | checked | queued | approved | rejected
    Column("suggested_outcome", String(20)),
    Column("handling", String(20)),  # express | perishable | standard
    Column("received_at", DateTime),
    Column("deadline", DateTime),
    Column("kb_version", String(80)),
    Column("model_versions", Text),
    Column("direction", String(10)),
    Column("claimed_by", String(120)),
)

certificates = Table(
    "certificates", metadata,
    Column("certificate_number", String(100), primary_key=True),
    Column("case_id", String(200), primary_key=True),
    Column("submitted_at", String(40)),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), ForeignKey("cases.case_id"), nullable=False, index=True),
    Column("file", String(500), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("original", String(500)),  # where the original is kept (content-addressed path)
    Column("size", Integer),
    Column("doc_type", String(40)),
    Column("doc_type_confidence", Float),
    Column("pages", Integer),
    Column("text_source", String(20)),
    Column("ocr_confidence", Float),
)

fields = Table(
    "fields", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("value_json", Text),
    Column("confidence", Float),
    Column("page", Integer),
    Column("box_json", String(200)),
)

check_results = Table(
    "check_results", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), ForeignKey("cases.case_id"), nullable=False, index=True),
    Column("check_id", String(60), nullable=False),
    Column("status", String(10), nullable=False),
    Column("blocking", Boolean, nullable=False, default=False),
    Column("message", Text),
    Column("document", String(500)),
    Column("field", String(120)),
    Column("item", Integer),
)

reviewers = Table(
    "reviewers", metadata,
    Column("reviewer_id", String(120), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(40), nullable=False, default="reviewer"),
    Column("created_at", DateTime, nullable=False),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), ForeignKey("cases.case_id"), nullable=False, index=True),
    Column("reviewer_id", String(120), ForeignKey("reviewers.reviewer_id"), nullable=False),
    Column("outcome", String(20), nullable=False),  # approve | reject
    Column("note", Text),
    Column("at", DateTime, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("kind", String(40), nullable=False),  # received | read | checked | routed | claimed | edited | decided | ...
    Column("actor", String(120), nullable=False),  # 'system' or a reviewer id
    Column("detail", Text),  # JSON
    Column("kb_version", String(80)),
    Column("model_versions", Text),  # JSON
)

issued_certificates = Table(
    "issued_certificates", metadata,
    Column("code", String(40), primary_key=True),  # the verification code printed on the certificate
    Column("case_id", String(200), ForeignKey("cases.case_id"), nullable=False, unique=True),
    Column("certificate_number", String(100)),
    Column("issued_at", DateTime, nullable=False),
)

extractions = Table(
    "extractions", metadata,
    # a document as read, by content and extractor version: a batch run again does not read it again
    Column("sha256", String(64), primary_key=True),
    Column("extractor", String(40), primary_key=True),
    Column("document", LargeBinary, nullable=False),  # zlib-compressed JSON of the Document
    Column("at", DateTime, nullable=False),
)

APPEND_ONLY = ("events", "decisions")
