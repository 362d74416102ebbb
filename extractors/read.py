"""One file in, one Document out, in three stages a flow can run as separate tasks: load (text layer or OCR),
classify, extract fields. `read_document` runs all three.

A file that cannot be read comes back as a Document carrying its error, never as an exception, so a batch
goes on and the case gets a finding.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from extractors.certificate import extract_certificate
from extractors.classify import classify
from extractors.load import DEFAULT_LIMITS, Limits, load_document
from extractors.normalise import decimal_comma, prints_decimal_comma
from extractors.trade_documents import SPECS, extract_trade_document
from pipeline.errors import UnreadableDocument
from pipeline.model import Document, DocumentError

log = logging.getLogger(__name__)


def extractor_version() -> str:
    """Which reading a stored document came from: the extraction code and the settings that shape it. A stored
    reading is reused only by the same version."""
    from pipeline.settings import Settings

    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.read_bytes())
    st = Settings.from_env()
    h.update(f"{st.ocr_target_dpi}|{st.ocr_levelling}|{st.tesseract_config}".encode())
    return "x" + h.hexdigest()[:16]


def load(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    try:
        return load_document(path, name, limits)
    except UnreadableDocument as e:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        return Document(file=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                        error=DocumentError(file=name, code=e.code, message=e.message))


def classify_document(doc: Document) -> Document:
    if doc.pages:
        doc.doc_type, doc.doc_type_confidence = classify(doc)  # type: ignore[assignment]
    return doc


def _extract(doc: Document) -> None:
    # a document prints its figures one way throughout ('12.345,00' in Indonesia and Viet Nam): its figures say
    # which, and every figure on it is read so
    with decimal_comma(prints_decimal_comma(w.text for p in doc.pages for w in p.words)):
        if doc.doc_type == "certificate_of_origin":
            extract_certificate(doc)
        elif doc.doc_type in SPECS:
            extract_trade_document(doc)


def extract_document(doc: Document) -> Document:
    """Fields from a classified document, read once from its pages' final words (a scanned page has made its
    second readings when it was read: `extractors.ocr.ocr_page`)."""
    if doc.error is not None:
        return doc
    try:
        _extract(doc)
    except Exception as e:  # a bug in an extractor must not lose the document: it goes to a reviewer
        log.exception("extraction failed for %s", doc.file)
        doc.error = DocumentError(file=doc.file, code="extraction.failed",
                                  message=f"the fields could not be extracted ({type(e).__name__}: {e})")
    finally:
        for page in doc.pages:  # page images are large: kept only while fields are read
            page._image = None
    return doc


def read_document(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    return extract_document(classify_document(load(path, name, limits)))
