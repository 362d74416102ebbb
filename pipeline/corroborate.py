"""Agreement between readings: a certificate field read unsurely off a scan is trusted when another reading says
exactly the same, on a document read surely (the invoice's number, the seller on the invoice, packing list or
bill of lading), or when the knowledge base and the checks confirm it (a criterion the product-specific rule
allows, an HS code of the edition that the goods description fits).

Misreadings rarely land exactly on the value another document gives, or on a valid code consistent with the
rest; so agreement raises the field's confidence to `AGREED`, and the field notes what it agrees with. A reading
with a word one or two letters off the same word on a sure reading of the same fact is a misreading: its
confidence drops to `NEAR_MISS` (the field notes what it differs from), and the case goes to a reviewer.
`corroborate` runs after the checks (which judge the readings as read) and before routing. `reconcile` runs
before the checks: a scanned certificate's reading that differs from a sure text-layer reading of the same fact
only by look-alike characters ('INV-L1250001' / 'INV-LI250001', 'HANOII' / 'HANOI') takes that reading, keeping
the OCR text as `raw`.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from rapidfuzz.distance import Levenshtein

from pipeline.model import Case, CheckResult, Document, ExtractedField

AGREED = 0.97
SURE = 0.85  # the other reading must itself be this sure
NEAR_MISS = 0.6  # a reading a letter off a sure reading of the same fact: left to a reviewer

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


INVOICE_NUMBER = [("commercial_invoice", "invoice_number"), ("packing_list", "invoice_number")]


def _fields_of(docs: list[Document], pairs: list[tuple[str, str]]) -> list[tuple[str, ExtractedField | None]]:
    """(where, field) of every reading of the same fact on the other documents: 'invoice.pdf:buyer_name'."""
    return [(f"{d.file}:{name}", d.fields.get(name)) for doc_type, name in pairs for d in docs if d.doc_type == doc_type]


def _items_of(docs: list[Document], pairs: list[tuple[str, str]]) -> list[tuple[str, ExtractedField | None]]:
    return [(f"{d.file}:items[{i}].{name}", item.get(name)) for doc_type, name in pairs for d in docs
            if d.doc_type == doc_type for i, item in enumerate(d.items)]


def _agree(f: ExtractedField | None, sources: Iterable[tuple[str, ExtractedField | None]],
           printed: frozenset[str] = frozenset()) -> None:
    """`printed`: the files read from a text layer, not by OCR."""
    if f is None or f.value is None or f.confidence >= AGREED:
        return
    sure = [(where, o) for where, o in sources if o is not None and o.value is not None and o.confidence >= SURE]
    for where, other in sure:
        if _same(f.value, other.value):
            f.confidence = AGREED
            f.agrees_with = where
            return
    # a word one or two letters off the same word on a sure reading of the same fact is a misreading
    # ('LINYII' for 'LINYI', 'IIQF' for 'IQF'): the field is not trusted as read, whatever OCR said. Only a
    # text layer can say so: of two OCR readings a letter apart, either may be the misread one
    for where, other in sure:
        if where.split(":", 1)[0] in printed and _near_miss(f.value, other.value):
            f.confidence = min(f.confidence, NEAR_MISS)
            f.differs_from = where
            return


def _near_miss(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        # a quantity one look-alike figure off the invoice's (936 for 930), even within the tolerance that lets
        # consistency.invoice pass it, was misread
        from checkers.consistency import one_figure_misread

        return one_figure_misread(float(a), float(b))
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    return _near_miss_text(a, b)


def _near_miss_text(a: str, b: str) -> bool:
    """The two say nearly the same, and some word of `a` is not in `b` but is a letter or a few away from one
    that is (and is not in `a`). Spelling variants of a whole word ('CO.' / 'COMPANY') are far apart and do not count;
    nor do two different addresses that happen to share a near word ('HAI PHONG' / 'HONG KONG')."""
    words = lambda t: [w for w in (re.sub(r"[^A-Z0-9]", "", x) for x in t.upper().split()) if len(w) >= 3]
    mine, theirs = words(a), set(words(b))
    if len(mine) >= 3 and 2 * sum(w in theirs for w in mine) < len(mine):
        return False  # not the same fact written twice: most words would be the same
    for w in mine:
        if w not in theirs and any(u not in mine and 0 < Levenshtein.distance(w, u) <= _slack(w, u) for u in theirs):
            return True
    return False


def corroborate(case: Case, checks: list[CheckResult]) -> None:
    co = case.first("certificate_of_origin")
    if co is None:
        return
    others = [d for d in case.documents if d is not co and d.error is None]

    printed = frozenset(d.file for d in others if d.text_source == "text_layer")

    for name, pairs in HEADER.items():
        _agree(co.fields.get(name), _fields_of(others, pairs), printed)
    # a number the certificate's applicant typed into the portal is a reading of its own
    declared = case.metadata.declared.get("certificate_number") if case.metadata.declared else None
    if declared:
        _agree(co.fields.get("certificate_number"),
               [("declared:certificate_number", ExtractedField(value=str(declared).strip(), confidence=1.0))])
    passed = _passed(checks)
    for i, item in enumerate(co.items):
        for name, pairs in ITEM.items():
            _agree(item.get(name), _items_of(others, pairs), printed)
        _agree(item.get("invoice_number"), _fields_of(others, INVOICE_NUMBER), printed)
        # the country of origin agrees with the country the certificate was issued in or the exporter's country,
        # read from other boxes (goods of a third Party's origin are left as read)
        _agree(item.get("country_of_origin"), [(f"{co.file}:{n}", co.fields.get(n)) for n in ("issued_in", "exporter_country")])
        # what the knowledge base confirms: the criterion is one the product-specific rule allows for the code;
        # the code is one of the edition's and the goods description fits it
        if ("origin.criterion", i) in passed:
            _confirm(item.get("origin_criterion"), "check:origin.criterion")
        if ("hs.invalid", i) in passed and ("hs.description", i) in passed:
            _confirm(item.get("hs_code"), "check:hs.description")


def _slack(a: str, b: str) -> int:
    """How many letters a misreading may get wrong in a word: one in a short word, up to 40% of a long one
    ('BEING' and 'BELHNG' for 'BEIJING')."""
    return max(1, round(0.4 * max(len(a), len(b)))) if min(len(a), len(b)) >= 5 else 1


# what OCR mistakes for what: figures for letters they resemble, a letter read twice ('LINYII')
LOOK_ALIKE = str.maketrans({"0": "O", "1": "I", "L": "I", "|": "I", "5": "S", "8": "B", "2": "Z"})


def _look_alike(a: str, b: str) -> bool:
    """The same text but for look-alike characters or a doubled letter: 'INV-L1250001' and 'INV-LI250001',
    'HANOII' and 'HANOI'."""
    def bare(t: str) -> str:
        return re.sub(r"[^0-9A-Z|]", "", t.upper())

    def canon(t: str) -> str:
        return re.sub(r"(.)\1+", r"\1", bare(t).translate(LOOK_ALIKE))
    # letters or figures must differ: a company's 'PTY. LTD.' and another document's 'PTY LTD' are both as printed
    return bare(a) != bare(b) and canon(a) == canon(b)


def reconcile(case: Case) -> None:
    """Before the checks: a certificate field read off a scan that differs from a sure text-layer reading of the
    same fact only by look-alike characters takes that reading (the OCR text is kept as `raw`, the field notes
    where its value comes from). Real differences (another number, another name) are left for the checks."""
    co = case.first("certificate_of_origin")
    if co is None or co.text_source == "text_layer":
        return
    printed = [d for d in case.documents if d is not co and d.error is None and d.text_source == "text_layer"]

    def fix(f: ExtractedField | None, sources: list[tuple[str, ExtractedField | None]]) -> None:
        if f is None or not isinstance(f.value, str) or f.confidence >= AGREED:
            return
        for where, other in sources:
            if other is not None and isinstance(other.value, str) and other.confidence >= SURE and \
                    _look_alike(f.value, other.value):
                f.raw = f.raw or f.value
                f.value = other.value
                f.confidence = min(AGREED, other.confidence)
                f.agrees_with = f"{where} (read '{f.raw}': look-alike characters)"
                return

    for name, pairs in HEADER.items():
        fix(co.fields.get(name), _fields_of(printed, pairs))
    for item in co.items:
        for name, pairs in ITEM.items():
            fix(item.get(name), _items_of(printed, pairs))
        fix(item.get("invoice_number"), _fields_of(printed, INVOICE_NUMBER))


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
    """Which fields of a document agree with another reading (or differ by a letter from a sure one), named as in
    results.jsonl."""
    def note(f: ExtractedField) -> str | None:
        return f.agrees_with or (f"differs from {f.differs_from}" if f.differs_from else None)

    out = {k: n for k, f in doc.fields.items() if (n := note(f))}
    for i, item in enumerate(doc.items):
        out.update({f"items[{i}].{k}": n for k, f in item.items() if (n := note(f))})
    return out
