"""The batch input: a folder of submissions (contract layout) into cases.

`INPUT/<case_id>/` holds one submission (documents plus an optional `case.json`); a file directly under
INPUT is a submission of its own. Nothing is dropped: a file that cannot be read, or a `case.json` that is
not valid, becomes an error on its case.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputFolderError
from pipeline.model import Case, CaseMetadata, Document, DocumentError


@dataclass
class Submission:
    case_id: str
    root: Path  # the folder (or, for a loose file, the INPUT folder)
    files: list[Path]  # documents, relative to root
    metadata_file: Path | None = None
    errors: list[DocumentError] = field(default_factory=list)


def discover(input_dir: Path) -> list[Submission]:
    if not input_dir.exists():
        raise InputFolderError(f"the input folder {input_dir} does not exist")
    if not input_dir.is_dir():
        raise InputFolderError(f"the input {input_dir} is not a folder")
    try:
        entries = sorted(input_dir.iterdir())
    except OSError as e:
        raise InputFolderError(f"the input folder {input_dir} cannot be read: {e.strerror}") from e
    subs = []
    for entry in entries:
        if entry.name.startswith("."):
            continue  # system files (.DS_Store), not uploads
        if entry.is_dir():
            files = sorted(p.relative_to(entry) for p in entry.rglob("*")
                           if p.is_file() and p.name != "case.json" and not any(s.startswith(".") for s in p.relative_to(entry).parts))
            meta = entry / "case.json"
            subs.append(Submission(entry.name, entry, files, meta if meta.is_file() else None))
        elif entry.is_file():
            subs.append(Submission(entry.stem, input_dir, [Path(entry.name)]))
    return subs


def read_metadata(sub: Submission, default_reference: dt.date | None) -> tuple[CaseMetadata, list[DocumentError]]:
    errors = []
    meta = CaseMetadata()
    if sub.metadata_file is not None:
        try:
            raw = json.loads(sub.metadata_file.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("case.json must hold a JSON object")
            meta = CaseMetadata.model_validate(raw)
        except (ValueError, OSError) as e:
            errors.append(DocumentError(file="case.json", code="case.metadata",
                                        message=f"case.json cannot be used ({str(e).splitlines()[0]}); defaults apply"))
    if meta.reference_date is None:
        meta.reference_date = default_reference or dt.date.today()
    return meta, errors


def assemble_case(sub: Submission, documents: list[Document], metadata: CaseMetadata,
                  metadata_errors: list[DocumentError]) -> Case:
    """A case from its read documents: unreadable ones move to the case's errors."""
    errors = list(metadata_errors) + list(sub.errors)
    readable = []
    for d in documents:
        if d.error is not None:
            errors.append(d.error)
        if d.error is None or d.pages:
            readable.append(d)
    return Case(case_id=sub.case_id, metadata=metadata, documents=readable, errors=errors)
