"""The output contract (`shared/spec/README.md`) as pydantic models: one line of `results.jsonl`.

Every line the batch writes is validated against these models, and `origin-review schema` prints their JSON
schema. A test holds it against `shared/spec/results.schema.json`: same required keys, same enumerations,
every contract field name present. Systems may add keys; these models allow extra ones.
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ALPHA2 = r"^[A-Z]{2}$"
HS6 = r"^\d{6}$"


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class CertificateItem(_Open):
    item_number: int | str | None = None
    marks: str | None = None
    packages: str | None = None
    description: str | None = None
    hs_code: str | None = Field(None, pattern=HS6)
    origin_criterion: str | None = None
    country_of_origin: str | None = Field(None, pattern=ALPHA2)
    quantity: float | None = None
    quantity_unit: str | None = None
    fob_value: float | None = None
    fob_currency: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = Field(None, pattern=ISO_DATE)


class CertificateFields(_Open):
    certificate_number: str | None = None
    issued_in: str | None = Field(None, pattern=ALPHA2)
    exporter_name: str | None = None
    exporter_address: str | None = None
    exporter_country: str | None = Field(None, pattern=ALPHA2)
    importer_name: str | None = None
    importer_address: str | None = None
    importer_country: str | None = Field(None, pattern=ALPHA2)
    producer_name: str | None = None
    departure_date: str | None = Field(None, pattern=ISO_DATE)
    transport: str | None = None
    port_of_discharge: str | None = None
    items: list[CertificateItem] = Field(default_factory=list)
    remarks: str | None = None
    declaration_place: str | None = None
    declaration_date: str | None = Field(None, pattern=ISO_DATE)
    importing_country: str | None = Field(None, pattern=ALPHA2)
    issue_place: str | None = None
    issue_date: str | None = Field(None, pattern=ISO_DATE)
    issuing_authority: str | None = None
    back_to_back: bool | None = None
    third_party_invoicing: bool | None = None
    issued_retroactively: bool | None = None


class InvoiceItem(_Open):
    description: str | None = None
    hs_code: str | None = Field(None, pattern=HS6)
    quantity: float | None = None
    quantity_unit: str | None = None
    unit_price: float | None = None
    amount: float | None = None


class InvoiceFields(_Open):
    invoice_number: str | None = None
    invoice_date: str | None = Field(None, pattern=ISO_DATE)
    seller_name: str | None = None
    seller_address: str | None = None
    seller_country: str | None = Field(None, pattern=ALPHA2)
    buyer_name: str | None = None
    buyer_address: str | None = None
    buyer_country: str | None = Field(None, pattern=ALPHA2)
    currency: str | None = None
    incoterm: str | None = None
    total_amount: float | None = None
    items: list[InvoiceItem] = Field(default_factory=list)


class PackingListItem(_Open):
    description: str | None = None
    quantity: float | None = None
    quantity_unit: str | None = None
    packages: float | None = None
    net_weight: float | None = None
    gross_weight: float | None = None


class PackingListFields(_Open):
    invoice_number: str | None = None
    date: str | None = Field(None, pattern=ISO_DATE)
    shipper_name: str | None = None
    consignee_name: str | None = None
    total_packages: float | None = None
    total_net_weight: float | None = None
    total_gross_weight: float | None = None
    weight_unit: str | None = None
    items: list[PackingListItem] = Field(default_factory=list)


class BillOfLadingFields(_Open):
    bl_number: str | None = None
    shipper_name: str | None = None
    consignee_name: str | None = None
    notify_party: str | None = None
    vessel: str | None = None
    voyage: str | None = None
    port_of_loading: str | None = None
    port_of_discharge: str | None = None
    on_board_date: str | None = Field(None, pattern=ISO_DATE)
    total_packages: float | None = None
    gross_weight: float | None = None
    weight_unit: str | None = None


FIELDS_OF: dict[str, type[BaseModel]] = {
    "certificate_of_origin": CertificateFields, "commercial_invoice": InvoiceFields,
    "packing_list": PackingListFields, "bill_of_lading": BillOfLadingFields,
}


class CheckLine(_Open):
    id: str
    status: Literal["pass", "fail", "warn", "skip"]
    message: str
    document: str | None = None
    field: str | None = None
    item: int | None = None


class DocumentLine(_Open):
    file: str
    sha256: str | None = None
    doc_type: Literal["certificate_of_origin", "commercial_invoice", "packing_list", "bill_of_lading", "unknown"]
    pages: int | None = None
    text_source: Literal["text_layer", "ocr", "mixed"] | None = None
    ocr_confidence: float | None = Field(None, ge=0, le=1)
    fields: Union[CertificateFields, InvoiceFields, PackingListFields, BillOfLadingFields, dict[str, Any]]
    field_confidence: dict[str, float] = Field(default_factory=dict)


class ErrorLine(_Open):
    file: str
    code: str
    message: str


class ResultLine(_Open):
    """One line of results.jsonl: one submission's review result."""

    case_id: str = Field(min_length=1)
    decision: Literal["approve", "manual"]
    queue: Literal["legibility", "completeness", "origin", "classification", "consistency", "fraud", "qa_sample"] | None
    suggested_outcome: Literal["approve", "reject"] | None
    confidence: float = Field(ge=0, le=1)
    checks: list[CheckLine]
    documents: list[DocumentLine]
    errors: list[ErrorLine]


def validate_line(line: dict[str, Any]) -> dict[str, Any]:
    """Raise ValueError if `line` breaks the contract; the fields of each document are checked against the
    model of its type."""
    ResultLine.model_validate(line)
    for d in line["documents"]:
        model = FIELDS_OF.get(d["doc_type"])
        if model is not None:
            model.model_validate(d["fields"])
    return line


def json_schema() -> dict[str, Any]:
    return ResultLine.model_json_schema()
