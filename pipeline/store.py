"""The case store: every reviewed case and the certificate numbers it used, so duplicates are found across
batches. SQLAlchemy 2; SQLite (WAL) in the user's data folder by default, any SQLAlchemy URL otherwise.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import (Column, DateTime, Float, MetaData, String, Table, Text, create_engine, event, select)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from pipeline.errors import StoreError

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
)

certificates = Table(
    "certificates", metadata,
    Column("certificate_number", String(100), primary_key=True),
    Column("case_id", String(200), primary_key=True),
    Column("submitted_at", String(40)),
)


class CaseStore:
    def __init__(self, url: str):
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            metadata.create_all(self.engine)
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"the case store {url} cannot be opened: {e}") from e

    def uses_of(self, certificate_number: str) -> list[tuple[str, str | None]]:
        with self.engine.connect() as c:
            rows = c.execute(select(certificates.c.case_id, certificates.c.submitted_at)
                             .where(certificates.c.certificate_number == certificate_number)).all()
        return [(r[0], r[1]) for r in rows]

    def save(self, result: dict, submitted_at: str | None, certificate_number: str | None) -> None:
        """Insert or replace the case (a rerun of the same submission updates it, never duplicates it)."""
        try:
            with self.engine.begin() as c:
                c.execute(cases.delete().where(cases.c.case_id == result["case_id"]))
                c.execute(cases.insert().values(
                    case_id=result["case_id"], submitted_at=submitted_at, decision=result["decision"],
                    queue=result["queue"], confidence=result["confidence"], result_json=json.dumps(result),
                    reviewed_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
                c.execute(certificates.delete().where(certificates.c.case_id == result["case_id"]))
                if certificate_number:
                    c.execute(certificates.insert().values(certificate_number=certificate_number,
                                                           case_id=result["case_id"], submitted_at=submitted_at))
        except SQLAlchemyError as e:
            raise StoreError(f"case {result['case_id']} could not be saved: {e}") from e

    def result(self, case_id: str) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(cases.c.result_json).where(cases.c.case_id == case_id)).first()
        return json.loads(row[0]) if row else None

    def count(self) -> int:
        with self.engine.connect() as c:
            return len(c.execute(select(cases.c.case_id)).all())


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
