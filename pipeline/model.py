"""The data every stage shares: documents read into pages of words, fields extracted with their source,
cases with their metadata, check results and decisions.

Coordinates: boxes are in PDF points (1/72 inch) from the page's top-left corner, whether the words came from
a PDF text layer or from OCR of a raster (OCR pixel boxes are scaled by 72/dpi). Confidences are 0..1.

`CaseResult.to_contract()` turns a reviewed case into one line of `results.jsonl` as the contract
(`shared/spec/README.md`) describes it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

DocType = Literal["certificate_of_origin", "commercial_invoice", "packing_list", "bill_of_lading", "unknown"]
DOC_TYPES: tuple[str, ...] = ("certificate_of_origin", "commercial_invoice", "packing_list", "bill_of_lading", "unknown")
TextSource = Literal["text_layer", "ocr", "mixed"]
CheckStatus = Literal["pass", "fail", "warn", "skip"]
Queue = Literal["legibility", "completeness", "origin", "classification", "consistency", "fraud", "qa_sample"]
QUEUES: tuple[str, ...] = ("legibility", "completeness", "origin", "classification", "consistency", "fraud", "qa_sample")


class Box(BaseModel):
    """A rectangle on a page, in points from the top-left corner."""

    model_config = ConfigDict(frozen=True)
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: "Box") -> "Box":
        return Box(x0=min(self.x0, other.x0), top=min(self.top, other.top),
                   x1=max(self.x1, other.x1), bottom=max(self.bottom, other.bottom))

    def as_list(self) -> list[float]:
        return [round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1)]


class Word(BaseModel):
    """One word as read from the page, with where it stands and how sure the reading is."""

    text: str
    box: Box
    confidence: float = 1.0


class Page(BaseModel):
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = Field(default_factory=list)
    source: Literal["text_layer", "ocr"] = "text_layer"
    ocr_confidence: float | None = None  # mean word confidence where OCR was used
    rotation: int = 0  # degrees the page was turned to read upright
    ocr_passes: int = 0  # tesseract readings it took (1 normally; 2 for a page first read the wrong way up)
    # the prepared image OCR read, kept only while fields are extracted (for second readings of single cells)
    _image: Any = PrivateAttr(default=None)
    _owed: Any = PrivateAttr(default=None)  # second readings the page still owes (extractors.ocr.reread_many)
    _readings: Any = PrivateAttr(default=None)  # second readings of regions made so far: [(pixel box, result)]
    _wanted: Any = PrivateAttr(default=None)  # regions asked for, to read with the next second readings
    # a text page's short slanted strokes (a cross or tick drawn in a checkbox), as boxes in points
    _strokes: Any = PrivateAttr(default=None)


class Source(BaseModel):
    """Where a value was read: file, page and box."""

    file: str
    page: int | None = None
    box: Box | None = None


class ExtractedField(BaseModel):
    """A value read from a document, with its confidence and source. `value is None` means absent."""

    value: Any = None
    confidence: float = 0.0
    source: Source | None = None
    raw: str | None = None  # the text as printed, before normalisation
    unread: bool = False  # absent, but the box holds print the reading of a scan made nothing of
    # another reading that says the same: 'commercial_invoice.pdf:invoice_number', 'check:origin.criterion'
    agrees_with: str | None = None
    differs_from: str | None = None  # a sure reading of the same fact this one is a letter or two off

    @classmethod
    def absent(cls) -> "ExtractedField":
        return cls(value=None, confidence=1.0)


class DocumentError(BaseModel):
    """A reason a file could not be read. `code` is a check id of the catalogue."""

    file: str
    code: str
    message: str


class Document(BaseModel):
    file: str  # path relative to the submission folder
    sha256: str
    size: int = 0
    media_type: str | None = None  # decided from content
    pages: list[Page] = Field(default_factory=list)
    doc_type: DocType = "unknown"
    doc_type_confidence: float = 0.0
    fields: dict[str, ExtractedField] = Field(default_factory=dict)
    items: list[dict[str, ExtractedField]] = Field(default_factory=list)
    error: DocumentError | None = None

    @property
    def text_source(self) -> TextSource | None:
        sources = {p.source for p in self.pages}
        if not sources:
            return None
        if len(sources) > 1:
            return "mixed"
        return sources.pop()  # type: ignore[return-value]

    @property
    def ocr_confidence(self) -> float | None:
        confs = [p.ocr_confidence for p in self.pages if p.source == "ocr" and p.ocr_confidence is not None]
        return round(sum(confs) / len(confs), 4) if confs else None

    def value(self, name: str) -> Any:
        f = self.fields.get(name)
        return f.value if f else None

    def field_confidences(self) -> dict[str, float]:
        """Every field's confidence, items flattened as results.jsonl names them ('items[0].hs_code')."""
        out = {k: round(f.confidence, 4) for k, f in self.fields.items()}
        for i, item in enumerate(self.items):
            for k, f in item.items():
                out[f"items[{i}].{k}"] = round(f.confidence, 4)
        return out

    def item_values(self) -> list[dict[str, Any]]:
        return [{k: f.value for k, f in item.items()} for item in self.items]

    def confidence(self, name: str, item: int | None = None) -> float:
        """How surely a field (or an item's field) was read; 0 when it was not read at all."""
        f = self.fields.get(name) if item is None else (self.items[item].get(name) if item < len(self.items) else None)
        return f.confidence if f is not None else 0.0


class CaseMetadata(BaseModel):
    """`case.json` of the contract; every key optional."""

    model_config = ConfigDict(extra="allow")
    submitted_at: dt.datetime | None = None
    reference_date: dt.date | None = None
    direction: Literal["export", "import"] = "import"
    declared: dict[str, Any] = Field(default_factory=dict)
    # added to the contract's keys: goods the operator marks express or perishable are due in 6 hours, others in 48
    handling: Literal["express", "perishable", "standard"] = "standard"


class Case(BaseModel):
    case_id: str
    metadata: CaseMetadata = Field(default_factory=CaseMetadata)
    documents: list[Document] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)

    def documents_of(self, doc_type: str) -> list[Document]:
        return [d for d in self.documents if d.doc_type == doc_type and d.error is None]

    def first(self, doc_type: str) -> Document | None:
        docs = self.documents_of(doc_type)
        return docs[0] if docs else None


class CheckResult(BaseModel):
    id: str
    status: CheckStatus
    message: str
    document: str | None = None
    field: str | None = None
    item: int | None = None
    blocking: bool = False  # for a skip: does it stop automatic approval?
    evidence: dict[str, Any] = Field(default_factory=dict)


class Decision(BaseModel):
    decision: Literal["approve", "manual"]
    queue: Queue | None = None
    suggested_outcome: Literal["approve", "reject"] | None = None
    confidence: float
    reasons: list[str] = Field(default_factory=list)


class CaseResult(BaseModel):
    case: Case
    checks: list[CheckResult]
    decision: Decision
    kb_version: str | None = None
    model_versions: dict[str, str] = Field(default_factory=dict)  # the learned components that judged the case

    def to_contract(self) -> dict[str, Any]:
        """One line of results.jsonl, validated against the contract. Keys beyond it are additions it allows."""
        from pipeline.contract import validate_line

        return validate_line(self._contract_dict())

    def _contract_dict(self) -> dict[str, Any]:
        from pipeline.corroborate import agreements

        docs = []
        for d in self.case.documents:
            if d.error is not None and not d.pages:
                continue  # unreadable files are reported in `errors`
            fields: dict[str, Any] = {k: f.value for k, f in d.fields.items()}
            confidence = d.field_confidences()
            sources: dict[str, Any] = {k: _source_json(f) for k, f in d.fields.items() if f.source}
            if d.doc_type != "unknown":
                fields["items"] = d.item_values()
                for i, item in enumerate(d.items):
                    for k, f in item.items():
                        if f.source:
                            sources[f"items[{i}].{k}"] = _source_json(f)
            else:
                confidence = {k: v for k, v in confidence.items() if not k.startswith("items[")}
            docs.append({
                "file": d.file,
                "sha256": d.sha256,
                "doc_type": d.doc_type,
                "doc_type_confidence": round(d.doc_type_confidence, 4),
                "pages": len(d.pages),
                "text_source": d.text_source,
                "ocr_confidence": d.ocr_confidence,
                "fields": fields,
                "field_confidence": confidence,
                "field_sources": sources,
                # an addition to the contract: fields trusted because another reading says the same
                "field_agreement": agreements(d),
            })
        return {
            "case_id": self.case.case_id,
            "decision": self.decision.decision,
            "queue": self.decision.queue,
            "suggested_outcome": self.decision.suggested_outcome,
            "confidence": round(self.decision.confidence, 4),
            "checks": [c.model_dump(include={"id", "status", "message", "document", "field", "item", "blocking"})
                       for c in self.checks],
            "documents": docs,
            "errors": [e.model_dump() for e in self.case.errors],
            "kb_version": self.kb_version,
            "model_versions": self.model_versions,
            "reasons": self.decision.reasons,  # an addition to the contract: why the case went where it went
        }


def _source_json(f: ExtractedField) -> dict[str, Any]:
    assert f.source is not None
    return {"page": f.source.page, "box": f.source.box.as_list() if f.source.box else None}
