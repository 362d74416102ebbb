"""Checks on the submission's files: can they be read, can their text be trusted, are the documents there,
is the certificate complete (Annex 3B minimum information)."""
from __future__ import annotations

import re

from checkers.registry import CheckContext, check, result
from pipeline.model import Case, CheckResult, Document

CO = "certificate_of_origin"


@check("document.unreadable")
def unreadable(case: Case, ctx: CheckContext) -> list[CheckResult]:
    bad = [e for e in case.errors if e.code == "document.unreadable"]
    if not bad:
        return [result("document.unreadable", "pass", f"all {len(case.documents)} files could be opened")]
    return [result("document.unreadable", "fail", f"{e.file}: {e.message}", e.file) for e in bad]


@check("document.illegible")
def illegible(case: Case, ctx: CheckContext) -> list[CheckResult]:
    out = []
    for d in case.documents:
        for p in d.pages:
            if p.source == "ocr" and (p.ocr_confidence or 0.0) < ctx.settings.illegible_below:
                out.append(result("document.illegible", "fail",
                                  f"page {p.number} of {d.file} was read with a mean confidence of "
                                  f"{(p.ocr_confidence or 0):.0%} (below {ctx.settings.illegible_below:.0%}): "
                                  f"the fields read from it cannot be trusted", d, page=p.number,
                                  ocr_confidence=p.ocr_confidence))
    if out:
        return out
    scanned = [d for d in case.documents if any(p.source == "ocr" for p in d.pages)]
    if not scanned:
        return [result("document.illegible", "pass", "every document has a text layer")]
    return [result("document.illegible", "pass",
                   f"{len(scanned)} scanned document(s) read with confidence at or above "
                   f"{ctx.settings.illegible_below:.0%}")]


@check("case.missing_document")
def missing_document(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first(CO)
    if co is None:
        return [result("case.missing_document", "fail", "no certificate of origin was found in the submission")]
    cited = sorted({i.get("invoice_number") for i in co.item_values() if i.get("invoice_number")})
    invoices = case.documents_of("commercial_invoice")
    if cited and not invoices:
        return [result("case.missing_document", "fail",
                       f"Box 13 cites invoice {', '.join(cited)} but no commercial invoice is in the submission", co,
                       field="items[0].invoice_number")]
    have = [d.doc_type for d in case.documents if d.error is None]
    return [result("case.missing_document", "pass",
                   "certificate of origin present" + (", with its invoice" if invoices else "")
                   + ("" if "bill_of_lading" in have else "; no bill of lading (not required)"))]


# Annex 3B minimum information, as fields of the certificate and of each item.
REQUIRED = [("certificate_number", "certificate number"), ("exporter_name", "exporter's name (Box 1)"),
            ("exporter_address", "exporter's address (Box 1)"), ("importer_name", "importer's or consignee's name (Box 2)"),
            ("issue_date", "date of issue (Box 16)")]
REQUIRED_ITEM = [("description", "description of goods (Box 8)"), ("hs_code", "HS code (Box 9)"),
                 ("origin_criterion", "origin conferring criterion (Box 10)"),
                 ("country_of_origin", "RCEP country of origin (Box 11)"), ("quantity", "quantity (Box 12)"),
                 ("invoice_number", "invoice number (Box 13)")]


def _unread_on_scan(co: Document, name: str, item: int | None) -> bool:
    """A required box that came out empty but was not read as empty: the extractor saw print in it that no
    reading made anything of (`ExtractedField.unread`), or, on a scan, the box's caption was never found, so the
    box was never read. A reviewer reads it; it is no finding against the certificate."""
    if item is not None:
        f = co.items[item].get(name) if item < len(co.items) else None
        return bool(f is not None and f.unread)
    f = co.fields.get(name)
    if f is not None and f.unread:
        return True
    return co.text_source in ("ocr", "mixed") and (f is None or f.source is None)


@check("co.incomplete")
def incomplete(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first(CO)
    if co is None:
        return [result("co.incomplete", "skip", "no certificate of origin to check")]
    out = []

    def missing(what: str, field: str, item: int | None = None) -> CheckResult:
        name = field.split(".")[-1]
        if _unread_on_scan(co, name, item):
            # print is there but the reading of the scan made nothing of it: not a box left empty
            return result("co.incomplete", "skip", f"{what} holds print that could not be read off the scan: "
                                                   f"a reviewer reads it", co, field=field, item=item, blocking=True)
        return result("co.incomplete", "fail", f"{what} is missing", co, field=field, item=item)

    for name, what in REQUIRED:
        if not co.value(name):
            out.append(missing(f"the {what}", name))
    if not co.items:
        out.append(result("co.incomplete", "fail", "no goods could be read from Boxes 6-13", co, field="items"))
    for i, item in enumerate(co.item_values()):
        for name, what in REQUIRED_ITEM:
            if item.get(name) in (None, ""):
                out.append(missing(f"item {i + 1}: the {what}", f"items[{i}].{name}", i))
        crit = (item.get("origin_criterion") or "").upper()
        if re.search(r"\bRVC\b", crit) and item.get("fob_value") is None:
            out.append(result("co.incomplete", "fail",
                              f"item {i + 1}: RVC is claimed but no FOB value is given in Box 12", co,
                              field=f"items[{i}].fob_value", item=i))
    if out:
        return out
    return [result("co.incomplete", "pass", "every field Annex 3B requires is present", co)]
