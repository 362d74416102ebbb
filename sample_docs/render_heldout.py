"""A held-out layout family: documents as other issuing bodies and trading houses print them, kept apart so
that extraction is measured on layouts it was not developed on (`generate --layouts heldout`).

Differences from the development layouts: Times typefaces; the certificate's boxes stacked in one column with
the official box titles wrapped at other places, transport details as 'caption : value' lines, quantities
right-aligned and dates spelt out; letterheads instead of seller/shipper labels, 'Bill To' / 'Ship To'
parties, other column headings and orders; a bill of lading with a combined vessel / voyage cell, place of
receipt and delivery, and the on-board notation at the foot.
"""
from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4

from sample_docs.render import (CERTIFICATION, DECLARATION, Sheet, country_name, fmt_date, fmt_num, fmt_qty)

PAGE_W, PAGE_H = A4
T, TB = "Times-Roman", "Times-Bold"


def _title_case_country(code: str | None) -> str:
    return country_name(code).title().replace("Pdr", "PDR")


def render_certificate_c(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("RCEP Certificate of Origin")
    L, R = 36.0, 559.0
    ds = opts.get("date_style", "long")
    sz = 8.6
    sh.text(L, 30, "Form RCEP", 9, TB)
    sh.center(PAGE_W / 2, 30, "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 9, TB)
    sh.center(PAGE_W / 2, 44, "CERTIFICATE OF ORIGIN", 13, TB)
    sh.rect(400, 62, R, 104)
    sh.text(404, 65, "Certificate No.", 7.5, T)
    sh.text(410, 77, f.get("certificate_number") or "", 10, TB)
    sh.text(404, 92, "Issued in", 7.5, T)
    sh.text(448, 91, _title_case_country(f.get("issued_in")), sz, T)
    sh.rect(L, 110, R, 800)
    y = 114.0
    # boxes 1, 2, 3 stacked, full width
    for n, title, name, address in (
            (1, "Goods Consigned from (Exporter's name, address and country)", f.get("exporter_name"),
             f.get("exporter_address")),
            (2, "Goods Consigned to (Importer's/ Consignee's name, address, country)", f.get("importer_name"),
             f.get("importer_address")),
            (3, "Producer's name, address and country (if known)", f.get("producer_name"), None)):
        sh.text(L + 4, y, f"{n}. {title}", 7.5, T)
        yy = y + 12
        for line in ([name] if name else []) + (sh.wrap(address, R - L - 30, sz, T) if address else []):
            sh.text(L + 20, yy, line, sz, T)
            yy += sz * 1.25
        y = max(yy, y + 36) + 4
        sh.hline(L, R, y - 2)
    # box 4 (left) and box 5 (right)
    top4 = y
    sh.vline(330, top4 - 2, top4 + 64)
    sh.text(L + 4, y, "4. Means of transport and route (if known)", 7.5, T)
    sh.text(L + 14, y + 14, f"Departure Date : {fmt_date(f.get('departure_date'), ds)}", sz, T)
    sh.text(L + 14, y + 28, f"Vessel's name/Aircraft flight number, etc. : {f.get('transport') or ''}", sz, T)
    sh.text(L + 14, y + 42, f"Port of Discharge : {f.get('port_of_discharge') or ''}", sz, T)
    sh.text(334, y, "5. For Official Use", 7.5, T)
    sh.text(340, y + 14, "Preferential Treatment:  [ ] Given   [ ] Not Given", 7.5, T)
    sh.text(340, y + 44, "Signature of Authorised Signatory of the Customs Authority", 6.5, T)
    sh.text(340, y + 52, "of the Importing Country", 6.5, T)
    y = top4 + 64
    sh.hline(L, R, y)
    # goods: official titles, wrapped as this issuer sets them
    cols = [("item_number", L, 70), ("marks", 70, 128), ("description", 128, 290), ("hs_code", 290, 340),
            ("origin_criterion", 340, 392), ("country_of_origin", 392, 440), ("quantity", 440, 500), ("invoice", 500, R)]
    heads = {"item_number": ["6. Item", "number"], "marks": ["7. Marks and", "numbers on", "packages"],
             "description": ["8. Number and kind of packages; and", "description of goods"],
             "hs_code": ["9. HS Code of", "the goods (6 digit-", "level)"],
             "origin_criterion": ["10. Origin", "Conferring", "Criterion"],
             "country_of_origin": ["11. RCEP", "Country of", "Origin"],
             "quantity": ["12. Quantity", "(Gross weight or", "other measure-", "ment), and value", "(FOB) where RVC", "is applied"],
             "invoice": ["13. Invoice", "number(s) and", "date of", "invoice(s)"]}
    for key, x0, _x1 in cols:
        for k, line in enumerate(heads[key]):
            sh.text(x0 + 2, y + 3 + k * 7.5, line, 6.4, T)
    y += 52
    sh.hline(L, R, y)
    y += 6
    for item in f["items"]:
        used = 0.0
        qty = f"{fmt_qty(item['quantity'])} {item['quantity_unit']}" if item.get("quantity") is not None else ""
        cells = {
            "item_number": [str(item["item_number"])], "marks": sh.wrap(item.get("marks") or "", 52, 7.8, T),
            "description": ([item.get("packages") or ""] + sh.wrap(item.get("description") or "", 155, 7.8, T)),
            "hs_code": [item.get("hs_code") or ""], "origin_criterion": [item.get("origin_criterion") or ""],
            "country_of_origin": [_title_case_country(item.get("country_of_origin"))],
            "quantity": [qty] + ([f"FOB {item.get('fob_currency') or ''} {fmt_num(item['fob_value'])}"]
                                 if item.get("fob_value") is not None else []),
            "invoice": [item.get("invoice_number") or "", fmt_date(item.get("invoice_date"), "dot")],
        }
        for key, x0, x1 in cols:
            lines = [ln for ln in cells[key] if ln]
            for k, line in enumerate(lines):
                if key == "quantity":  # right-aligned figures
                    sh.text_right(x1 - 3, y + k * 10, line, 7.8, T)
                else:
                    sh.text(x0 + 3, y + k * 10, line, 7.8, T)
            used = max(used, len(lines) * 10)
        y += used + 8
    y = max(y, 560)
    sh.hline(L, R, y)
    sh.text(L + 4, y + 3, "14. Remarks", 7.5, T)
    sh.para(L + 20, y + 15, R - L - 30, f.get("remarks") or "", 8, T)
    y += 40
    sh.hline(L, R, y)
    sh.text(L + 4, y + 4, "17.", 7.5, T)
    sh.checkbox(L + 24, y + 4, bool(f.get("back_to_back")), "Back-to-back Certificate of Origin", 7.5)
    sh.checkbox(L + 200, y + 4, bool(f.get("third_party_invoicing")), "Third-party invoicing", 7.5)
    sh.checkbox(L + 340, y + 4, bool(f.get("issued_retroactively")), "ISSUED RETROACTIVELY", 7.5)
    y += 20
    sh.hline(L, R, y)
    mid = (L + R) / 2
    sh.vline(mid, y, 800)
    sh.text(L + 4, y + 3, "15. Declaration by the exporter or producer", 7.5, T)
    yy = sh.para(L + 10, y + 14, mid - L - 16, DECLARATION, 6.2, T)
    sh.text(L + 10, yy + 4, f"These goods are exported to: {_title_case_country(f.get('importing_country'))}", sz, T)
    sh.text(L + 10, yy + 15, "(Importing country)", 6.2, T)
    sh.text(L + 10, 772, f"{f.get('declaration_place') or ''}  {fmt_date(f.get('declaration_date'), ds)}", sz, T)
    sh.text(L + 10, 786, "Place and date, and signature of authorised signatory", 6.2, T)
    sh.text(mid + 4, y + 3, "16. Certification", 7.5, T)
    sh.para(mid + 10, y + 14, R - mid - 16, CERTIFICATION, 6.2, T)
    sh.para(mid + 10, 748, R - mid - 16, f.get("issuing_authority") or "", 7, T)
    sh.text(mid + 10, 772, f"{f.get('issue_place') or ''}  {fmt_date(f.get('issue_date'), ds)}", sz, T)
    sh.text(mid + 10, 786, "Place, date, and signature and stamp of the Authorised Body", 6.2, T)
    return sh.finish()


def _letterhead(sh: Sheet, name: str | None, address: str | None, L: float) -> float:
    sh.text(L, 30, name or "", 14, TB)
    y = 50.0
    for line in sh.wrap(address or "", 400, 8.5, T):
        sh.text(L, y, line, 8.5, T)
        y += 11
    sh.text(L, y, "TEL: +86 539 8123 4567   FAX: +86 539 8123 4568", 8, T)
    sh.text(L, y + 11, "E-MAIL: export@example-trading.cn", 8, T)
    sh.hline(L, 555, y + 26)
    return y + 34


def _party_and_terms(sh: Sheet, L: float, y: float, caption: str, name: str | None, address: str | None,
                     terms: list[tuple[str, str]]) -> float:
    """A party block under its caption at the left, 'caption: value' lines at the right; the y below both."""
    sh.text(L, y, caption, 9, TB)
    yy = y + 13
    for line in [name or ""] + sh.wrap(address or "", 250, 8.5, T):
        sh.text(L, yy, line, 8.5, T)
        yy += 11
    for k, (label, value) in enumerate(terms):
        sh.text(340, y + 15 * k, label, 9, TB)
        sh.text(420, y + 15 * k, value, 9, T)
    return max(yy, y + 15 * len(terms)) + 20


def _table(sh: Sheet, L: float, R: float, y: float, cols: list[tuple[str, str, float, float]],
           rows: list[dict[str, str]]) -> float:
    """Column headings, a rule, the rows (cells wrapped in their column), a closing rule; the y of that rule."""
    for _k, title, x0, _x1 in cols:
        sh.text(x0 + 2, y, title, 8.5, TB)
    sh.hline(L, R, y + 13)
    y += 19
    for cells in rows:
        used = 0.0
        for key, _t, x0, x1 in cols:
            lines = sh.wrap(cells[key], x1 - x0 - 4, 8.5, T)
            for k, line in enumerate(lines):
                sh.text(x0 + 2, y + k * 11, line, 8.5, T)
            used = max(used, len(lines) * 11)
        y += used + 6
    sh.hline(L, R, y)
    return y


def render_invoice_d(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    L, R = 40.0, 555.0
    ds = opts.get("date_style", "dmy")
    y = _letterhead(sh, f.get("seller_name"), f.get("seller_address"), L)
    sh.center(PAGE_W / 2, y + 4, "COMMERCIAL INVOICE", 14, TB)
    y += 34
    y = _party_and_terms(sh, L, y, "Bill To:", f.get("buyer_name"), f.get("buyer_address"), [
        ("Invoice #:", f.get("invoice_number") or ""), ("Date of Invoice:", fmt_date(f.get("invoice_date"), ds)),
        ("Terms of Sale:", opts.get("incoterm_text", f.get("incoterm") or "")), ("Currency:", f.get("currency") or "")])
    cols = [("sn", "S/N", L, 62), ("description", "Item Description", 62, 250), ("hs_code", "HS Code", 250, 300),
            ("quantity", "Qty", 300, 350), ("quantity_unit", "UOM", 350, 385), ("unit_price", "Unit Price", 385, 460),
            ("amount", "Total Price", 460, R)]
    rows = [{"sn": str(n), "description": item.get("description") or "", "hs_code": item.get("hs_code") or "",
             "quantity": fmt_qty(item.get("quantity")), "quantity_unit": item.get("quantity_unit") or "",
             "unit_price": fmt_num(item.get("unit_price")), "amount": fmt_num(item.get("amount"))}
            for n, item in enumerate(f["items"], 1)]
    y = _table(sh, L, R, y, cols, rows)
    sh.text(330, y + 8, "Total Invoice Value:", 9.5, TB)
    sh.text(440, y + 8, f"{f.get('currency') or ''} {fmt_num(f.get('total_amount'))}", 9.5, TB)
    sh.text(L, y + 60, "Authorized Signature", 8.5, T)
    return sh.finish()


def render_packing_list_b(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Packing List")
    L, R = 40.0, 555.0
    ds = opts.get("date_style", "long")
    y = _letterhead(sh, f.get("shipper_name"), opts.get("shipper_address"), L)
    sh.center(PAGE_W / 2, y + 4, "PACKING LIST", 14, TB)
    y += 34
    y = _party_and_terms(sh, L, y, "Ship To:", f.get("consignee_name"), opts.get("consignee_address"), [
        ("Invoice Ref.:", f.get("invoice_number") or ""), ("P/L Date:", fmt_date(f.get("date"), ds))])
    cols = [("cartons", "Carton Nos.", L, 95), ("description", "Goods Description", 95, 270), ("quantity", "Q'ty", 270, 320),
            ("quantity_unit", "Unit", 320, 355), ("packages", "Cartons", 355, 400), ("net_weight", "Net Wt. (KGS)", 400, 478),
            ("gross_weight", "Gross Wt. (KGS)", 478, R)]
    rows, start = [], 1
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        rows.append({"cartons": f"{start}-{start + n - 1}", "description": item.get("description") or "",
                     "quantity": fmt_qty(item.get("quantity")), "quantity_unit": item.get("quantity_unit") or "",
                     "packages": fmt_qty(item.get("packages")), "net_weight": fmt_num(item.get("net_weight")),
                     "gross_weight": fmt_num(item.get("gross_weight"))})
        start += n
    y = _table(sh, L, R, y, cols, rows)
    sh.text(L + 2, y + 6, "TOTALS", 8.5, TB)
    sh.text(357, y + 6, fmt_qty(f.get("total_packages")), 8.5, TB)
    sh.text(402, y + 6, fmt_num(f.get("total_net_weight")), 8.5, TB)
    sh.text(480, y + 6, fmt_num(f.get("total_gross_weight")), 8.5, TB)
    y += 34
    sh.text(L, y, f"Total Cartons: {fmt_qty(f.get('total_packages'))}", 9, T)
    sh.text(L, y + 14, f"Total Net Wt.: {fmt_num(f.get('total_net_weight'))} {f.get('weight_unit') or ''}", 9, T)
    sh.text(L, y + 28, f"Total Gross Wt.: {fmt_num(f.get('total_gross_weight'))} {f.get('weight_unit') or ''}", 9, T)
    return sh.finish()


def render_bill_of_lading_b(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 28.0, 567.0, 310.0
    ds = opts.get("date_style", "dMy2")
    sh.rect(L, 28, R, 780)
    sh.vline(MID, 28, 250)
    sh.text(L + 4, 32, "Shipper (Name and Address)", 7, T)
    y = 44.0
    for line in [f.get("shipper_name") or ""] + sh.wrap(opts.get("shipper_address") or "", MID - L - 14, 8, T):
        sh.text(L + 8, y, line, 8, T)
        y += 10
    sh.text(MID + 6, 34, "B/L No.", 8, T)
    sh.text(MID + 6, 46, f.get("bl_number") or "", 11, TB)
    sh.center((MID + R) / 2, 80, "BILL OF LADING", 16, TB)
    sh.center((MID + R) / 2, 100, "(NEGOTIABLE UNLESS CONSIGNED TO A NAMED PERSON)", 6.5, T)
    sh.hline(L, MID, 100)
    sh.text(L + 4, 104, "Consignee (Name and Address)", 7, T)
    y = 116.0
    for line in [f.get("consignee_name") or ""] + sh.wrap(opts.get("consignee_address") or "", MID - L - 14, 8, T):
        sh.text(L + 8, y, line, 8, T)
        y += 10
    sh.hline(L, MID, 170)
    sh.text(L + 4, 174, "Notify Party", 7, T)
    y = 186.0
    for line in [f.get("notify_party") or ""] + sh.wrap(opts.get("notify_address") or "", MID - L - 14, 8, T):
        sh.text(L + 8, y, line, 8, T)
        y += 10
    sh.hline(L, R, 250)
    grid = [("Place of Receipt", f.get("port_of_loading"), L, 250), ("Port of Loading", f.get("port_of_loading"), MID, 250),
            ("Vessel / Voy. No.", f"{f.get('vessel') or ''} / {f.get('voyage') or ''}", L, 280),
            ("Port of Discharge", f.get("port_of_discharge"), MID, 280),
            ("Place of Delivery", f.get("port_of_discharge"), L, 310)]
    for label, value, x0, top in grid:
        sh.text(x0 + 4, top + 3, label, 7, T)
        sh.text(x0 + 10, top + 15, value or "", 8.5, T)
    sh.hline(L, R, 280)
    sh.hline(L, R, 310)
    sh.hline(L, R, 340)
    heads = [("Container No. / Seal No.", L), ("No. of Pkgs.", 160), ("Description of Packages and Goods", 240),
             ("Gross Weight (KGS)", 420), ("Measurement (CBM)", 500)]
    for text, x in heads:
        sh.text(x + 4, 344, text, 7, T)
    sh.text(L + 6, 360, opts.get("container", "TGHU8837461 / SEAL 1162045"), 8, T)
    sh.text(166, 360, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8.5, T)
    y = 360.0
    for d in opts.get("descriptions", []):
        for line in sh.wrap(d, 170, 8, T):
            sh.text(246, y, line, 8, T)
            y += 10
    sh.text(426, 360, fmt_num(f.get("gross_weight")), 8.5, T)
    sh.text(506, 360, "56.400", 8.5, T)
    sh.hline(L, R, 640)
    sh.text(L + 4, 646, "Freight Payable at", 7, T)
    sh.text(L + 10, 658, "DESTINATION", 8.5, T)
    sh.text(MID + 4, 646, "Number of Original B/L", 7, T)
    sh.text(MID + 10, 658, "THREE (3)", 8.5, T)
    sh.hline(L, R, 680)
    sh.text(L + 4, 686, "Laden on Board the Vessel", 7, T)
    sh.text(L + 10, 698, fmt_date(f.get("on_board_date"), ds), 9, TB)
    sh.text(MID + 4, 686, "Place and Date of Issue", 7, T)
    sh.text(MID + 10, 698, f"{f.get('port_of_loading') or ''}  {fmt_date(f.get('on_board_date'), ds)}", 8.5, T)
    return sh.finish()


RENDERERS_HELDOUT = {"co-c": render_certificate_c, "inv-d": render_invoice_d, "pl-b": render_packing_list_b,
                     "bl-b": render_bill_of_lading_b}
