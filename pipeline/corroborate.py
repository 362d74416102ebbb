"""Agreement between readings: a certificate field read unsurely off a scan is trusted when another reading says
exactly the same, on a document read surely (the invoice's number, the seller on the invoice, packing list or
bill of lading), or when the knowledge base and the checks confirm it (a criterion the product-specific rule
allows, an HS code of the edition that the goods description fits).

Misreadings rarely land exactly on the value another document gives, or on a valid code consistent with the
rest; so agreement raises the field's confidence to `AGREED`, and the field notes what it agrees with. Readings
that differ, even by one letter, gain nothing: the routing policy then leaves the case to a reviewer.
Runs after the checks (which judge the readings as read) and before routing.
"""
from __future__ import annotations

from typing import Any, Iterable

from pipeline.model import Case, CheckResult, Document, ExtractedField

AGREED = 0.97
SURE = 0.85  # the other reading must itself be this sure

# certificate field -> (document type, field) that state the same fact
HEADER = {
    "exporter_name": [("commercial_invoice", "seller_name"), ("packing_list", "shipper_name"),
                      ("bill_of_lading", "shipper_name")],
    "exporter_address": [("commercial_invoice", "seller_address")],
    "importer_name": [("commercial_invoice", "buyer_name"), ("packing_list", "consignee_name"),
                      ("bill_of_lading", "consignee_name"), ("bill_of_lading", "notify_party")],
}
ITEM = {
    "description": [("commercial_invoice", "description"), ("packing_list", "description")],
    "hs_code": [("commercial_invoice", "hs_code")],
    "quantity": [("commercial_invoice", "quantity"), ("packing_list", "quantity")],
}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 0.005
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.upper().split()) == " ".join(b.upper().split())
    return False


def _agree(f: ExtractedField | None, sources: Iterable[tuple[str, ExtractedField | None]]) -> None:
    if f is None or f.value is None or f.confidence >= AGREED:
        return
    for where, other in sources:
        if other is not None and other.value is not None and other.confidence >= SURE and _same(f.value, other.value):
            f.confidence = AGREED
            f.agrees_with = where
            return


def corroborate(case: Case, checks: list[CheckResult]) -> None:
    co = case.first("certificate_of_origin")
    if co is None:
        return
    others = [d for d in case.documents if d is not co and d.error is None]

    def fields_of(doc_type: str, name: str) -> list[tuple[str, ExtractedField | None]]:
        return [(f"{d.file}:{name}", d.fields.get(name)) for d in others if d.doc_type == doc_type]

    def items_of(doc_type: str, name: str) -> list[tuple[str, ExtractedField | None]]:
        return [(f"{d.file}:items[{i}].{name}", item.get(name)) for d in others if d.doc_type == doc_type
                for i, item in enumerate(d.items)]

    for name, pairs in HEADER.items():
        _agree(co.fields.get(name), [s for dt_, n in pairs for s in fields_of(dt_, n)])
    # a number the certificate's applicant typed into the portal is a reading of its own
    declared = case.metadata.declared.get("certificate_number") if case.metadata.declared else None
    if declared:
        _agree(co.fields.get("certificate_number"),
               [("declared:certificate_number", ExtractedField(value=str(declared).strip(), confidence=1.0))])
    passed = _passed(checks)
    for i, item in enumerate(co.items):
        for name, pairs in ITEM.items():
            _agree(item.get(name), [s for dt_, n in pairs for s in items_of(dt_, n)])
        _agree(item.get("invoice_number"), fields_of("commercial_invoice", "invoice_number")
               + fields_of("packing_list", "invoice_number"))
        # what the knowledge base confirms: the criterion is one the product-specific rule allows for the code;
        # the code is one of the edition's and the goods description fits it
        if ("origin.criterion", i) in passed:
            _confirm(item.get("origin_criterion"), "check:origin.criterion")
        if ("hs.invalid", i) in passed and ("hs.description", i) in passed:
            _confirm(item.get("hs_code"), "check:hs.description")


def _passed(checks: list[CheckResult]) -> set[tuple[str, int | None]]:
    """(check id, item) of checks that passed, unless the same check failed, warned or skipped for that item."""
    seen: dict[tuple[str, int | None], set[str]] = {}
    for c in checks:
        seen.setdefault((c.id, c.item), set()).add(c.status)
    return {k for k, st in seen.items() if st == {"pass"}}


def _confirm(f: ExtractedField | None, where: str) -> None:
    if f is not None and f.value is not None and f.confidence < AGREED:
        f.confidence = AGREED
        f.agrees_with = where


def agreements(doc: Document) -> dict[str, str]:
    """Which fields of a document agree with another reading, named as in results.jsonl."""
    out = {k: f.agrees_with for k, f in doc.fields.items() if f.agrees_with}
    for i, item in enumerate(doc.items):
        out.update({f"items[{i}].{k}": f.agrees_with for k, f in item.items() if f.agrees_with})
    return out
