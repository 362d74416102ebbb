"""Cross-document consistency: the certificate against the invoice, the packing list and the bill of lading.

Tolerances follow Art. 3.26: slight discrepancies, typing errors and abbreviations are `warn`, not `fail`.
Like is compared with like: FOB values are not compared with CIF totals, gross weight not with net.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from checkers.names import mentions, name_similarity
from checkers.registry import CheckContext, check, iso_date, result, unless_unsure
from pipeline.model import Case, CheckResult

CO = "certificate_of_origin"


def _key(s: str | None) -> str:
    return re.sub(r"[^A-Z0-9]", "", (s or "").upper())



# characters one is typed or read for the other ('INV-LI25O018' for 'INV-LI250018')
CONFUSABLE = str.maketrans("OQDILZSBG", "001112586")


def _typing_difference(a: str, b: str) -> bool:
    """Two invoice numbers that differ only as typing makes them differ - a character typed or read for one like it,
    one character dropped or doubled ('INV-LI25001' for 'INV-LI250001') - name the same invoice. Any other
    difference, however small, names another ('...255601' is not '...255018')."""
    fa, fb = _key(a).translate(CONFUSABLE), _key(b).translate(CONFUSABLE)
    return fa == fb or (abs(len(fa) - len(fb)) == 1 and Indel.distance(fa, fb) == 1)


@check("consistency.invoice")
def invoice(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first(CO)
    inv = case.first("commercial_invoice")
    if co is None or inv is None:
        return [result("consistency.invoice", "skip", "needs a certificate and an invoice")]
    out: list[CheckResult] = []
    inv_no, inv_date = inv.value("invoice_number"), iso_date(inv.value("invoice_date"))
    inv_items = inv.item_values()
    co_items = co.item_values()
    # what the certificate states but the invoice gave no reading of cannot be compared: that is no agreement
    # (an invoice in a form extraction does not know reads as empty, and its defects would pass unseen)
    unread = [what for what, cited, got in (
        ("number", any(it.get("invoice_number") for it in co_items), inv_no),
        ("date", any(it.get("invoice_date") for it in co_items), inv_date),
        ("goods", bool(co_items), inv_items)) if cited and not got]
    if unread:
        out.append(not_read("consistency.invoice", "the invoice", unread, inv))
    for i, item in enumerate(co_items):
        cited = item.get("invoice_number")
        if cited and inv_no:
            if _key(cited) == _key(inv_no):
                pass
            elif _typing_difference(cited, inv_no):
                out.append(result("consistency.invoice", "warn",
                                  f"item {i + 1}: Box 13 cites invoice {cited}, the invoice is numbered {inv_no} "
                                  f"(a typing difference)", co, field=f"items[{i}].invoice_number", item=i))
            else:
                out.append(unless_unsure(
                    result("consistency.invoice", "fail",
                           f"item {i + 1}: Box 13 cites invoice {cited}, but the invoice submitted is {inv_no}", co,
                           field=f"items[{i}].invoice_number", item=i, invoice_number=inv_no),
                    ctx, ("certificate", co.confidence("invoice_number", i)),
                    ("invoice", inv.confidence("invoice_number"))))
        cdate = iso_date(item.get("invoice_date"))
        if cdate and inv_date and cdate != inv_date:
            days = abs((cdate - inv_date).days)
            status = "warn" if days <= ctx.settings.date_tolerance_days else "fail"
            out.append(result("consistency.invoice", status,
                              f"item {i + 1}: Box 13 dates the invoice {cdate}, the invoice is dated {inv_date}", co,
                              field=f"items[{i}].invoice_date", item=i))
        match = _match_item(item, inv_items)
        if match is None:
            if inv_items:
                out.append(result("consistency.invoice", "fail",
                                  f"item {i + 1}: {item.get('description')} ({item.get('hs_code')}) is not on the "
                                  f"invoice", co, field=f"items[{i}].description", item=i))
            continue
        inv_item, j = match
        if item.get("hs_code") and inv_item.get("hs_code") and item["hs_code"] != inv_item["hs_code"]:
            out.append(result("consistency.invoice", "warn",
                              f"item {i + 1}: HS {item['hs_code']} on the certificate, {inv_item['hs_code']} on the "
                              f"invoice", co, field=f"items[{i}].hs_code", item=i))
        q1, q2 = item.get("quantity"), inv_item.get("quantity")
        u1, u2 = item.get("quantity_unit"), inv_item.get("quantity_unit")
        if q1 and q2 and (not u1 or not u2 or u1 == u2):
            rel = abs(q1 - q2) / max(q1, q2)
            if rel > ctx.settings.quantity_tolerance and _thousandfold(q1, q2):
                # '8,720' read as '8.72': a thousands separator taken for a decimal point, on one side or the other
                out.append(result("consistency.invoice", "skip",
                                  f"item {i + 1}: quantity {q1:g} {u1 or ''} on the certificate, {q2:g} {u2 or ''} on "
                                  f"the invoice: a factor of 1000, as where a thousands separator is read as a "
                                  f"decimal point; compare the documents by eye", co, field=f"items[{i}].quantity",
                                  item=i, blocking=True))
            elif rel > ctx.settings.quantity_tolerance and co.text_source in ("ocr", "mixed") and \
                    one_figure_misread(q1, q2):
                out.append(result("consistency.invoice", "skip",
                                  f"item {i + 1}: quantity {q1:g} {u1 or ''} on the scanned certificate, {q2:g} "
                                  f"{u2 or ''} on the invoice: one figure apart, as a scan misreads it ('0' and "
                                  f"'6'); compare the documents by eye", co, field=f"items[{i}].quantity", item=i,
                                  blocking=True))
            elif rel > ctx.settings.quantity_tolerance:
                out.append(unless_unsure(
                    result("consistency.invoice", "fail", f"item {i + 1}: quantity {q1:g} {u1 or ''} on the "
                                                          f"certificate, {q2:g} {u2 or ''} on the invoice", co,
                           field=f"items[{i}].quantity", item=i),
                    ctx, ("certificate", co.confidence("quantity", i)), ("invoice", inv.confidence("quantity", j))))
    fails = [r for r in out if r.status == "fail"]
    if not out:
        return [result("consistency.invoice", "pass",
                       f"invoice {inv_no}: number, date, goods and quantities agree with the certificate", co)]
    return out if fails or unread else out + [result("consistency.invoice", "pass", "goods and quantities agree", co)]


def _match_item(item: dict, inv_items: list[dict]) -> tuple[dict, int] | None:
    """The invoice line of a certificate item (by description, or the same HS code), and its index."""
    best, best_score = None, 0.0
    for j, it in enumerate(inv_items):
        score = fuzz.token_set_ratio((item.get("description") or "").upper(), (it.get("description") or "").upper())
        if item.get("hs_code") and item.get("hs_code") == it.get("hs_code"):
            score = max(score, 90.0)
        if score > best_score:
            best, best_score = j, score
    return (inv_items[best], best) if best is not None and best_score >= 70 else None


# figures OCR takes for one another (a dotted or slashed zero, a closed 4, a flat-topped 1)
_LOOK_ALIKE = {frozenset(p) for p in ("06", "08", "09", "03", "68", "38", "14", "17", "56", "89")}


def one_figure_misread(a: float, b: float) -> bool:
    """Two quantities printed with the same number of figures that differ in one, by a pair OCR confuses."""
    x, y = f"{a:g}", f"{b:g}"
    if len(x) != len(y):
        return False
    diff = [(c, d) for c, d in zip(x, y) if c != d]
    return len(diff) == 1 and frozenset(diff[0]) in _LOOK_ALIKE


def _thousandfold(a: float, b: float) -> bool:
    big, small = max(a, b), min(a, b)
    return small > 0 and abs(big / small - 1000) < 1e-6 * 1000


def _compare(role: str, a: str | None, b: str | None, where: str, field: str, doc, ctx: CheckContext,
             other=None, other_field: str | None = None) -> CheckResult | None:
    """`other`, `other_field`: the document and field `b` was read from, so that a difference resting on an
    unsure reading of either side asks a reviewer instead of being a finding."""
    if not a or not b:
        return None
    sim = name_similarity(a, b)
    if sim >= ctx.settings.name_match_pass:
        return None
    if sim >= ctx.settings.name_match_warn:
        return result("consistency.parties", "warn", f"{role}: '{a}' on the certificate, '{b}' on the {where} "
                                                     f"(a minor difference, Art. 3.26)", doc, field=field,
                      similarity=sim)
    finding = result("consistency.parties", "fail", f"{role}: '{a}' on the certificate, '{b}' on the {where}", doc,
                     field=field, similarity=sim)
    readings = [(f"{role} on the certificate", doc.confidence(field))]
    if other is not None and other_field:
        readings.append((f"{role} on the {where}", other.confidence(other_field)))
    return unless_unsure(finding, ctx, *readings)


def not_read(check_id: str, where: str, facts: list[str], doc) -> CheckResult:
    """A blocking skip: facts the certificate states that another document, though submitted, gave no reading of
    (a reviewer compares them by eye)."""
    return result(check_id, "skip", f"no {', '.join(facts)} could be read from {where} ({doc.file}) to compare "
                                    f"with the certificate: compare the documents by eye", doc, blocking=True,
                  unread=facts)


def _field_unread(doc, name: str) -> bool:
    f = doc.fields.get(name)
    return bool(f is not None and f.unread)


@check("consistency.parties")
def parties(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first(CO)
    if co is None:
        return [result("consistency.parties", "skip", "no certificate of origin")]
    exporter, importer = co.value("exporter_name"), co.value("importer_name")
    tpi = bool(co.value("third_party_invoicing"))
    remarks = co.value("remarks")
    out: list[CheckResult | None] = []
    inv = case.first("commercial_invoice")
    if inv:
        seller = inv.value("seller_name")
        if seller and exporter and name_similarity(exporter, seller) < ctx.settings.name_match_warn:
            if tpi and mentions(remarks, seller):
                out.append(result("consistency.parties", "pass",
                                  f"invoiced by {seller}: third-party invoicing ticked in Box 17 and named in Box 14 "
                                  f"(Art. 3.20)", co, field="third_party_invoicing"))
            elif tpi:
                out.append(result("consistency.parties", "warn",
                                  f"invoiced by {seller}: third-party invoicing is ticked but Box 14 does not name "
                                  f"the invoicing company", co, field="remarks"))
            elif mentions(remarks, seller) and re.search(r"THIRD[- ]PARTY", (remarks or "").upper()):
                # declared in Box 14 but the tick in Box 17 was not read (a scanned checkbox): worth a look only
                out.append(result("consistency.parties", "warn",
                                  f"invoiced by {seller}: Box 14 declares third-party invoicing, but no tick was read "
                                  f"in Box 17", co, field="third_party_invoicing"))
            elif _field_unread(co, "third_party_invoicing"):
                # Box 17 answers in words and its answer could not be read off the scan: no finding either way
                out.append(result("consistency.parties", "skip",
                                  f"invoiced by {seller}, not the exporter {exporter}: Box 17's answer on "
                                  f"third-party invoicing could not be read off the scan; a reviewer reads it", co,
                                  field="third_party_invoicing", blocking=True))
            else:
                out.append(result("consistency.parties", "fail",
                                  f"the invoice is issued by {seller}, not the exporter {exporter}, and third-party "
                                  f"invoicing is not declared in Box 17", co, field="exporter_name"))
        else:
            out.append(_compare("exporter", exporter, seller, "invoice", "exporter_name", co, ctx, inv, "seller_name"))
        out.append(_compare("importer", importer, inv.value("buyer_name"), "invoice", "importer_name", co, ctx, inv,
                             "buyer_name"))
    pl = case.first("packing_list")
    if pl:
        out.append(_compare("exporter", exporter, pl.value("shipper_name"), "packing list", "exporter_name", co, ctx,
                             pl, "shipper_name"))
        out.append(_compare("importer", importer, pl.value("consignee_name"), "packing list", "importer_name", co, ctx,
                             pl, "consignee_name"))
    bl = case.first("bill_of_lading")
    if bl:
        out.append(_compare("exporter", exporter, bl.value("shipper_name"), "bill of lading", "exporter_name", co, ctx,
                             bl, "shipper_name"))
        consignee = bl.value("consignee_name") or ""
        if re.fullmatch(r"(TO\s+)?ORDER(\s+OF\s+.*)?", consignee.strip().upper()):
            # a negotiable bill names no consignee; the notify party often is the importer
            notify = bl.value("notify_party")
            if notify and not re.search(r"SAME AS", notify.upper()):
                out.append(_compare("importer", importer, notify, "bill of lading (notify party)", "importer_name",
                                    co, ctx, bl, "notify_party"))
        else:
            out.append(_compare("importer", importer, consignee, "bill of lading", "importer_name", co, ctx, bl,
                             "consignee_name"))
    for doc, where, facts in ((inv, "the invoice", (("seller", exporter, "seller_name"), ("buyer", importer, "buyer_name"))),
                              (pl, "the packing list", (("shipper", exporter, "shipper_name"),
                                                        ("consignee", importer, "consignee_name"))),
                              (bl, "the bill of lading", (("shipper", exporter, "shipper_name"),))):
        missing = [role for role, ours, key in facts if doc is not None and ours and not doc.value(key)]
        if missing:
            out.append(not_read("consistency.parties", where, missing, doc))
    found = [r for r in out if r is not None]
    if any(r.status == "fail" or r.status == "skip" and r.blocking for r in found):
        return found
    if inv is None and pl is None and bl is None:
        return [result("consistency.parties", "skip", "no invoice, packing list or bill of lading to compare with")]
    return found + [result("consistency.parties", "pass", "exporter and importer agree across the documents", co)]


@check("consistency.transport")
def transport(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = case.first(CO)
    bl = case.first("bill_of_lading")
    if co is None or bl is None:
        return [result("consistency.transport", "skip", "needs a certificate and a bill of lading")]
    out = []
    means, vessel, voyage = co.value("transport"), bl.value("vessel"), bl.value("voyage")
    if means and vessel:
        if fuzz.partial_ratio(_key(vessel), _key(means)) < 90:
            out.append(result("consistency.transport", "fail",
                              f"Box 4 names '{means}', the bill of lading vessel '{vessel}'"
                              + (f" voyage {voyage}" if voyage else ""), co, field="transport"))
    d1, d2 = iso_date(co.value("departure_date")), iso_date(bl.value("on_board_date"))
    if d1 and d2 and d1 != d2:
        days = abs((d1 - d2).days)
        out.append(result("consistency.transport", "warn" if days <= ctx.settings.date_tolerance_days else "fail",
                          f"departure {d1} in Box 4, shipped on board {d2} on the bill of lading", co,
                          field="departure_date"))
    p1, p2 = co.value("port_of_discharge"), bl.value("port_of_discharge")
    if p1 and p2 and fuzz.token_set_ratio(p1.upper(), p2.upper()) < 80:
        out.append(result("consistency.transport", "fail", f"port of discharge {p1} in Box 4, {p2} on the bill of "
                                                           f"lading", co, field="port_of_discharge"))
    if any(r.status == "fail" for r in out):
        return out
    # Box 4 is filled in 'if known'; but off a scan, a fact the bill of lading states that the certificate gave no
    # reading of may be print left unread: no agreement (a vessel that differs would pass unseen)
    unread = [what for what, theirs, ours in (("vessel", vessel, means), ("departure date", d2, d1),
                                              ("port of discharge", p2, p1)) if theirs and not ours]
    if unread and co.text_source != "text_layer":
        return out + [result("consistency.transport", "skip",
                             f"no {', '.join(unread)} could be read from the certificate's Box 4 ({co.file}) to "
                             f"compare with the bill of lading: compare the documents by eye", co, blocking=True,
                             unread=unread)]
    if len(unread) == 3:
        return out + [result("consistency.transport", "skip", "Box 4 of the certificate names no vessel, departure "
                                                              "date or port to compare with the bill of lading", co)]
    return out + [result("consistency.transport", "pass", "vessel, departure date and port agree with the bill of "
                                                          "lading" if not unread else
                         f"what Box 4 states agrees with the bill of lading (it names no {', '.join(unread)})", co)]
