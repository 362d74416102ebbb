"""A thirteenth held-out layout family (`generate --layouts thirteenth`), drawn after extraction had been tuned on
the twelfth, so that it gives a blind number again.

How it differs from the other families, on realism grounds: a Chinese exporter's paperwork.
- The certificate as a dot-matrix printer fills a pre-printed form (values in Courier). Box 4 is typed as one
  running sentence, as Chinese offices type the route: 'FROM NINGBO, CHINA TO BUSAN, KOREA BY SEA ON MAR. 12, 2025
  PER WAN HAI 315 V.E123'. The packages are said in words before the goods ('TWO HUNDRED (200) CARTONS OF FROZEN
  SHRIMP'). Dates are 'MAR. 12, 2025'. Box 17 is ticked with a typed 'X' inside brackets after each question.
- A commercial invoice made in a spreadsheet: every cell ruled, captions in Chinese with the English on the line
  under them ('发票号码' over 'Invoice No.'), dates as a spreadsheet prints them ('12-Mar-2025'), amounts with
  'US$' before each figure, the total also in words.
- A packing list from the same spreadsheet, printed landscape, with carton number ranges, a measurement column
  and the totals as the table's last row.
- A Chinese forwarder's bill of lading with Chinese captions over the English ones, the vessel and the voyage in
  cells of their own, the weight with its unit joined on ('12,345.60KGS') and the on-board date in Chinese form
  ('2025年03月12日').
"""
from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape

from sample_docs.render import CERTIFICATION, DECLARATION, PAGE_H, Sheet, cjk_font, country_name, fmt_date, \
    fmt_num, fmt_qty
from sample_docs.render_fifth import in_words
from sample_docs.render_seventh import _lines  # wrapped lines from a top, returning the y under them

SANS, SANSB = "Helvetica", "Helvetica-Bold"
MONO, MONOB = "Courier", "Courier-Bold"


def _us(iso: str | None) -> str:
    return fmt_date(iso, "mon_dot_caps")  # 'MAR. 12, 2025'


def _xl(iso: str | None) -> str:
    return fmt_date(iso, "d_mon_dash")  # '12-Mar-2025'


def _two_captions(sh: Sheet, x: float, top: float, chinese: str, english: str, size: float = 6.5) -> None:
    """A Chinese caption with its English on the line under it."""
    sh.text(x, top, chinese, size, cjk_font())
    sh.text(x, top + size * 1.3, english, size, SANS)


# ---------------------------------------------------------------- Form RCEP filled on a dot-matrix printer

def _packages_said(packages: str | None) -> str:
    """'200 CARTONS' -> 'TWO HUNDRED (200) CARTONS'."""
    if not packages:
        return ""
    n, _, kind = packages.partition(" ")
    return f"{in_words(int(n))} ({n}) {kind}" if n.isdigit() else packages


def render_certificate_o(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Certificate of Origin Form RCEP")
    L, R, MID = 26.0, 569.0, 298.0
    sz = 8.5

    def box(caption: str, lines: list[str], x0: float, top: float, x1: float, bottom: float) -> None:
        sh.rect(x0, top, x1, bottom)
        sh.text(x0 + 3, top + 3, caption, 6.5, SANS)
        _lines(sh, x0 + 6, top + 15, [s for s in lines if s], x1 - x0 - 10, sz, MONO, 1.25)

    sh.text_right(R, 12, "ORIGINAL", 8, SANSB)
    box("1. Exporter's name, address and country:", [f.get("exporter_name") or "", f.get("exporter_address") or ""],
        L, 24, MID, 92)
    box("2. Importer's or consignee's name, address and country:",
        [f.get("importer_name") or "", f.get("importer_address") or ""], L, 92, MID, 160)
    box("3. Producer's name and address, if known:", [f.get("producer_name") or ""], L, 160, MID, 206)
    route = (f"FROM {(f.get('issue_place') or '').upper()} "
             f"TO {f.get('port_of_discharge') or ''} BY SEA ON {_us(f.get('departure_date'))} "
             f"PER {f.get('transport') or ''}")
    box("4. Means of transport and route (if known):", [route], L, 206, MID, 282)
    sh.rect(MID, 24, R, 166)
    sh.text(MID + 4, 30, "Certificate No.:", 6.5, SANS)
    sh.text(MID + 64, 28, f.get("certificate_number") or "", 10, MONOB)
    sh.center((MID + R) / 2, 56, "CERTIFICATE OF ORIGIN", 12, SANSB)
    sh.center((MID + R) / 2, 74, "Form RCEP", 10, SANSB)
    sh.center((MID + R) / 2, 90, "Regional Comprehensive Economic Partnership Agreement", 7.5, SANS)
    sh.text(MID + 4, 112, "Issued in", 7, SANS)
    sh.text(MID + 50, 110, country_name(f.get("issued_in")).upper(), sz, MONO)
    sh.text(MID + 4, 126, "(Country)", 6, SANS)
    sh.center((MID + R) / 2, 148, "See Overleaf Notes", 6.5, SANS)
    box("5. For official use", [], MID, 166, R, 282)

    # Boxes 6-13: the official columns; packages said in words before the goods
    top, bottom = 282.0, 560.0
    xs = [L, L + 28, L + 100, L + 270, L + 322, L + 362, L + 410, L + 478, R]
    heads = [["6. Item", "number"], ["7. Marks and", "numbers on", "packages"],
             ["8. Number and kind of packages;", "and description of goods"], ["9. HS Code", "of the goods", "(6 digit)"],
             ["10. Origin", "Conferring", "Criterion"], ["11. RCEP", "Country of", "Origin"],
             ["12. Quantity", "(Gross weight", "or other", "measurement),", "and value", "(FOB) where", "RVC is applied"],
             ["13. Invoice", "number(s) and", "date of", "invoice(s)"]]
    sh.rect(L, top, R, bottom)
    for x0, head in zip(xs, heads):
        for k, text in enumerate(head):
            sh.text(x0 + 2, top + 3 + k * 7.2, text, 5.8, SANS)
        if x0 > L:
            sh.vline(x0, top, bottom)
    y = top + 60
    sh.hline(L, R, y - 4)
    for item in f["items"]:
        cells = [[str(item["item_number"])], [item.get("marks") or ""],
                 [f"{_packages_said(item.get('packages'))} OF {item.get('description') or ''}"],
                 [item.get("hs_code") or ""], [item.get("origin_criterion") or ""],
                 [country_name(item.get("country_of_origin")).upper()],
                 [f"{fmt_qty(item.get('quantity'))} {item.get('quantity_unit') or ''}".strip()
                  if item.get("quantity") is not None else "",
                  f"FOB {item.get('fob_currency') or ''}{fmt_num(item['fob_value'])}"
                  if item.get("fob_value") is not None else ""],
                 [item.get("invoice_number") or "", _us(item.get("invoice_date"))]]
        used = y
        for (x0, x1), lines in zip(zip(xs, xs[1:]), cells):
            used = max(used, _lines(sh, x0 + 2.5, y, [s for s in lines if s], x1 - x0 - 5, 7.5, MONO, 1.25))
        y = used + 8
    sh.text(xs[2] + 2.5, y, "*" * 30, 7.5, MONO)

    top = bottom
    box("14. Remarks", [f.get("remarks") or ""], L, top, R, top + 40)
    top += 40
    sh.rect(L, top, MID, top + 150)
    sh.rect(MID, top, R, top + 150)
    sh.text(L + 3, top + 3, "15. Declaration by the exporter or producer", 6.5, SANS)
    y1 = sh.para(L + 6, top + 15, MID - L - 12, DECLARATION, 6.5, SANS)
    sh.text(L + 6, y1 + 4, country_name(f.get("importing_country")).upper(), sz, MONO)
    sh.hline(L + 6, MID - 8, y1 + 15)
    sh.center((L + MID) / 2, y1 + 17, "(Importing Party)", 6, SANS)
    sh.text(L + 6, top + 116, f"{(f.get('declaration_place') or '').upper()} {_us(f.get('declaration_date'))}",
            sz, MONO)
    sh.hline(L + 6, MID - 8, top + 128)
    sh.text(L + 6, top + 131, "Place and date, name, signature and company of authorised signatory", 5.8, SANS)
    sh.text(MID + 3, top + 3, "16. Certification", 6.5, SANS)
    y2 = sh.para(MID + 6, top + 15, R - MID - 12, CERTIFICATION, 6.5, SANS)
    _lines(sh, MID + 6, y2 + 6, [(f.get("issuing_authority") or "").upper()], R - MID - 12, 7.5, MONO, 1.2)
    sh.text(MID + 6, top + 116, f"{(f.get('issue_place') or '').upper()} {_us(f.get('issue_date'))}", sz, MONO)
    sh.hline(MID + 6, R - 8, top + 128)
    sh.text(MID + 6, top + 131, "Place and date, signature and seal or stamp of the issuing body", 5.8, SANS)
    top += 150
    sh.rect(L, top, R, top + 24)
    sh.text(L + 3, top + 3, "17.", 6.5, SANS)
    x = L + 22
    for caption, key in (("Back-to-back CO", "back_to_back"), ("Third-party invoicing", "third_party_invoicing"),
                         ("Issued retroactively", "issued_retroactively")):
        sh.text(x, top + 8, caption, 7, SANS)
        w = sh.c.stringWidth(caption, SANS, 7)
        sh.text(x + w + 6, top + 7, "[X]" if f.get(key) else "[ ]", 8.5, MONO)
        x += 176
    return sh.finish()


# ---------------------------------------------------------------- a spreadsheet's invoice, captions in Chinese

def _grid_row(sh: Sheet, cells: list[tuple[str, str, list[str]]], xs: list[float], top: float, height: float,
              size: float = 8.5) -> None:
    """A row of caption cells (Chinese over English) each followed by its value cell."""
    for (chinese, english, value), (x0, x1, x2) in zip(cells, zip(xs[0::2], xs[1::2], xs[2::2])):
        sh.rect(x0, top, x1, top + height)
        sh.rect(x1, top, x2, top + height)
        _two_captions(sh, x0 + 3, top + 3, chinese, english)
        _lines(sh, x1 + 4, top + 4, [s for s in value if s], x2 - x1 - 8, size, SANS, 1.2)


def _party_and_particulars(sh: Sheet, L: float, R: float, top: float, cap: float, mid: float, cap2: float,
                           party: tuple[str, str], party_lines: list[str],
                           particulars: list[tuple[str, str, str]]) -> None:
    """The spreadsheet's head: the party's caption cell and block at the left, the particulars stacked in
    captioned cells at the right, three rows of 22 points."""
    sh.rect(L, top, L + cap, top + 66)
    sh.rect(L + cap, top, mid, top + 66)
    _two_captions(sh, L + 3, top + 3, *party)
    _lines(sh, L + cap + 4, top + 4, party_lines, mid - L - cap - 8, 8.5, SANS, 1.2)
    for k, (chinese, english, value) in enumerate(particulars):
        _grid_row(sh, [(chinese, english, [value])], [mid, mid + cap2, R], top + k * 22, 22)


def render_invoice_p(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Commercial Invoice")
    L, R = 36.0, 559.0
    sh.center(297, 30, f.get("seller_name") or "", 13, SANSB)
    sh.center(297, 47, f.get("seller_address") or "", 8, SANS)
    sh.center(297, 66, "商业发票", 14, cjk_font())
    sh.center(297, 86, "COMMERCIAL INVOICE", 13, SANSB)
    y = 108.0
    mid, cap = 300.0, 56.0
    _party_and_particulars(sh, L, R, y, cap, mid, 62, ("买方", "Buyer"),
                           [f.get("buyer_name") or "", f.get("buyer_address") or ""],
                           [("发票号码", "Invoice No.", f.get("invoice_number") or ""),
                            ("发票日期", "Date", _xl(f.get("invoice_date"))),
                            ("价格条款", "Price Terms", opts.get("incoterm_text", ""))])
    y += 66
    _grid_row(sh, [("起运港", "From", [opts.get("port_of_loading", "")]), ("目的港", "To", [opts.get("destination", "")])],
              [L, L + cap, mid, mid + 62, R], y, 22)
    y += 22
    _grid_row(sh, [("船名航次", "Vessel", [opts.get("vessel", "")]), ("付款方式", "Payment", [opts.get("payment", "T/T")])],
              [L, L + cap, mid, mid + 62, R], y, 22)
    y += 34
    xs = [L, L + 50, L + 230, L + 285, L + 335, L + 370, L + 435, R]
    heads = [("唛头", "Marks"), ("货物名称及规格", "Description of Goods"), ("海关编码", "HS Code"), ("数量", "Quantity"),
             ("单位", "Unit"), ("单价", "Unit Price"), ("金额", "Amount")]
    sh.rect(L, y, R, y + 22)
    for (chinese, english), x0 in zip(heads, xs):
        _two_captions(sh, x0 + 3, y + 3, chinese, english, 7)
        if x0 > L:
            sh.vline(x0, y, y + 22)
    y += 22
    first = y
    for item in f["items"]:
        desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
        h = len(desc) * 10.5 + 7
        for x0, x1 in zip(xs[1:], xs[2:]):
            sh.rect(x0, y, x1, y + h)
        for j, line in enumerate(desc):
            sh.text(xs[1] + 3, y + 4 + j * 10.5, line, 8.5, SANS)
        sh.text(xs[2] + 3, y + 4, item.get("hs_code") or "", 8.5, SANS)
        sh.text_right(xs[4] - 3, y + 4, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(xs[4] + 3, y + 4, item.get("quantity_unit") or "", 8.5, SANS)
        price = item.get("unit_price")
        sh.text_right(xs[6] - 3, y + 4, f"US${fmt_num(price, 4 if (price or 0) < 1 else 2)}", 8.5, SANS)
        sh.text_right(R - 3, y + 4, f"US${fmt_num(item.get('amount'))}", 8.5, SANS)
        y += h
    sh.rect(L, first, xs[1], y)  # the marks cell spans the goods' rows, as a merged cell does
    sh.text(L + 3, first + 4, "N/M", 8.5, SANS)
    sh.rect(L, y, R, y + 20)
    _two_captions(sh, xs[1] + 3, y + 3, "合计", "TOTAL")
    sh.text_right(R - 3, y + 6, f"US${fmt_num(f.get('total_amount'))}", 8.5, SANSB)
    y += 30
    total = f.get("total_amount") or 0.0
    dollars, cents = int(total), round((total - int(total)) * 100)
    said = f"SAY U.S. DOLLARS {in_words(dollars)}" + (f" AND CENTS {in_words(cents)}" if cents else "") + " ONLY."
    y = _lines(sh, L, y, [said], R - L, 8.5, SANSB, 1.25)
    sh.text(L, y + 8, f"Country of Origin: {country_name(f.get('seller_country')).upper()}", 8.5, SANS)
    sh.text(360, y + 40, f.get("seller_name") or "", 8.5, SANSB)
    sh.hline(360, R, y + 84)
    sh.text(360, y + 87, "Authorized Signature", 7.5, SANS)
    return sh.finish()


# ---------------------------------------------------------------- the same spreadsheet's packing list, landscape

class _Landscape(Sheet):
    """A Sheet on an A4 landscape page; the shift keeps the top-left coordinates of the portrait helpers."""

    def __init__(self, title: str):
        super().__init__(title)
        self.c.setPageSize(landscape(A4))
        self.c.translate(0, A4[0] - PAGE_H)


def render_packing_list_n(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = _Landscape("Packing List")
    unit = (f.get("weight_unit") or "KGS").upper()
    L, R = 36.0, 806.0
    sh.center(421, 24, f.get("shipper_name") or "", 13, SANSB)
    sh.center(421, 41, opts.get("shipper_address") or "", 8, SANS)
    sh.center(421, 58, "装箱单", 13, cjk_font())
    sh.center(421, 76, "PACKING LIST", 13, SANSB)
    y = 98.0
    cap, mid = 60.0, 430.0
    _party_and_particulars(sh, L, R, y, cap, mid, 66, ("收货人", "Consignee"),
                           [f.get("consignee_name") or "", opts.get("consignee_address") or ""],
                           [("发票号码", "Invoice No.", f.get("invoice_number") or ""),
                            ("日期", "Date", _xl(f.get("date"))),
                            ("船名航次", "Vessel", opts.get("vessel", ""))])
    y += 78
    xs = [L, L + 70, L + 320, L + 400, L + 450, L + 510, L + 590, L + 670, R]
    heads = [("箱号", "C/No."), ("货物名称", "Description of Goods"), ("数量", "Quantity"), ("单位", "Unit"),
             ("件数", "CTNS"), ("净重", f"N.W. ({unit})"), ("毛重", f"G.W. ({unit})"), ("体积", "Meas. (CBM)")]
    sh.rect(L, y, R, y + 22)
    for (chinese, english), x0 in zip(heads, xs):
        _two_captions(sh, x0 + 3, y + 3, chinese, english, 7)
        if x0 > L:
            sh.vline(x0, y, y + 22)
    y += 22
    first_carton = 1
    total_meas = 0.0
    for item in f["items"]:
        n = int(item.get("packages") or 0)
        meas = round(n * 0.052, 3)
        total_meas += meas
        desc = sh.wrap(item.get("description") or "", xs[2] - xs[1] - 6, 8.5, SANS)
        h = len(desc) * 10.5 + 7
        for x0, x1 in zip(xs, xs[1:]):
            sh.rect(x0, y, x1, y + h)
        sh.text(L + 3, y + 4, f"{first_carton}-{first_carton + n - 1}" if n > 1 else str(first_carton), 8.5, SANS)
        first_carton += n
        for j, line in enumerate(desc):
            sh.text(xs[1] + 3, y + 4 + j * 10.5, line, 8.5, SANS)
        sh.text_right(xs[3] - 3, y + 4, fmt_qty(item.get("quantity")), 8.5, SANS)
        sh.text(xs[3] + 3, y + 4, item.get("quantity_unit") or "", 8.5, SANS)
        sh.text_right(xs[5] - 3, y + 4, fmt_qty(n), 8.5, SANS)
        sh.text_right(xs[6] - 3, y + 4, fmt_num(item.get("net_weight")), 8.5, SANS)
        sh.text_right(xs[7] - 3, y + 4, fmt_num(item.get("gross_weight")), 8.5, SANS)
        sh.text_right(R - 3, y + 4, fmt_num(meas, 3), 8.5, SANS)
        y += h
    sh.rect(L, y, R, y + 18)
    sh.text(xs[1] + 3, y + 5, "TOTAL", 8.5, SANSB)
    sh.text_right(xs[5] - 3, y + 5, fmt_qty(f.get("total_packages")), 8.5, SANSB)
    sh.text_right(xs[6] - 3, y + 5, fmt_num(f.get("total_net_weight")), 8.5, SANSB)
    sh.text_right(xs[7] - 3, y + 5, fmt_num(f.get("total_gross_weight")), 8.5, SANSB)
    sh.text_right(R - 3, y + 5, fmt_num(total_meas, 3), 8.5, SANSB)
    y += 30
    sh.text(L, y, f"SAY TOTAL {in_words(int(f.get('total_packages') or 0))} CARTONS ONLY.", 8.5, SANSB)
    sh.text(600, y + 30, f.get("shipper_name") or "", 8.5, SANSB)
    return sh.finish()


# ---------------------------------------------------------------- a Chinese forwarder's bill of lading

def render_bill_of_lading_n(f: dict[str, Any], opts: dict[str, Any]) -> bytes:
    sh = Sheet("Bill of Lading")
    L, R, MID = 28.0, 567.0, 300.0
    unit = (f.get("weight_unit") or "KGS").upper()

    def cell(chinese: str, english: str, lines: list[str], x0: float, top: float, x1: float, bottom: float,
             size: float = 8.5, font: str = SANS) -> None:
        sh.rect(x0, top, x1, bottom)
        _two_captions(sh, x0 + 3, top + 2.5, chinese, english, 6.2)
        _lines(sh, x0 + 5, top + 20, [s for s in lines if s], x1 - x0 - 9, size, font, 1.2)

    cell("托运人", "Shipper", [f.get("shipper_name") or "", opts.get("shipper_address") or ""], L, 28, MID, 104)
    cell("收货人", "Consignee", [f.get("consignee_name") or ""] +
         ([opts["consignee_address"]] if opts.get("consignee_address") else []), L, 104, MID, 180)
    cell("通知人", "Notify Party", [f.get("notify_party") or ""] +
         ([opts["notify_address"]] if opts.get("notify_address") else []), L, 180, MID, 256)
    cell("提单号", "B/L No.", [f.get("bl_number") or ""], MID, 28, R, 60, 10)
    sh.center((MID + R) / 2, 74, "NINGBO OCEANWIDE LOGISTICS CO., LTD.", 10, SANSB)
    sh.center((MID + R) / 2, 90, "宁波远洋物流有限公司", 9, cjk_font())
    sh.center((MID + R) / 2, 110, "BILL OF LADING", 14, SANSB)
    sh.para(MID + 8, 132, R - MID - 16, "SHIPPED on board in apparent good order and condition, unless otherwise "
            "indicated, the goods or packages specified herein and to be discharged at the port of discharge.",
            6.3, SANS)
    cell("前程运输", "Pre-carriage by", [], L, 256, (L + MID) / 2, 290)
    cell("收货地点", "Place of Receipt", [f.get("port_of_loading") or ""], (L + MID) / 2, 256, MID, 290)
    cell("船名", "Ocean Vessel", [f.get("vessel") or ""], L, 290, (L + MID) / 2, 324)
    cell("航次", "Voy. No.", [f.get("voyage") or ""], (L + MID) / 2, 290, MID, 324)
    cell("装货港", "Port of Loading", [f.get("port_of_loading") or ""], MID, 290, (MID + R) / 2, 324)
    cell("集装箱号", "Container No.", [opts.get("container", "TGHU 8812345")], (MID + R) / 2, 290, R, 324)
    cell("卸货港", "Port of Discharge", [f.get("port_of_discharge") or ""], L, 324, (L + MID) / 2, 358)
    cell("交货地点", "Place of Delivery", [f.get("port_of_discharge") or ""], (L + MID) / 2, 324, MID, 358)
    cell("运费支付地", "Freight Payable at", ["DESTINATION" if "COLLECT" in str(opts.get("freight", "")) else "ORIGIN"],
         MID, 324, (MID + R) / 2, 358)
    cell("正本提单份数", "No. of Original B(s)/L", ["THREE (3)"], (MID + R) / 2, 324, R, 358)
    sh.rect(L, 358, R, 600)
    heads = [("唛头", "Marks & Nos.", L, 128), ("件数", "No. of Pkgs.", 128, 210),
             ("包装种类与货名", "Description of Goods", 210, 420), ("毛重", "Gross Weight", 420, 495),
             ("尺码", "Measurement", 495, R)]
    for chinese, english, x0, x1 in heads:
        _two_captions(sh, x0 + 3, 361, chinese, english, 6.2)
        if x0 > L:
            sh.vline(x0, 358, 580)
    sh.hline(L, R, 380)
    sh.text(L + 4, 388, "N/M", 8.5, SANS)
    sh.text(L + 4, 400, opts.get("container", "TGHU 8812345 / 556677"), 7, SANS)
    sh.text(132, 388, f"{fmt_qty(f.get('total_packages'))} {opts.get('package_kind', 'PACKAGES')}", 8.5, SANS)
    y = 388.0
    for d in opts.get("descriptions", []):
        y = _lines(sh, 214, y, [d], 200, 8.5, SANS, 1.2)
    sh.text(214, y + 10, "SHIPPER'S LOAD, COUNT AND SEAL", 7.5, SANS)
    sh.text_right(491, 388, f"{fmt_num(f.get('gross_weight'), 2)}{unit}", 8.5, SANS)
    sh.text_right(563, 388, "24.500CBM", 8.5, SANS)
    sh.hline(L, R, 580)
    sh.text(L + 4, 586, "Above particulars furnished by shipper", 6.5, SANS)
    cell("装船日期", "Date Laden on Board", [fmt_date(f.get("on_board_date"), "cn")], L, 600, MID, 640, 8.5,
         cjk_font())
    cell("签发地点及日期", "Place and Date of Issue",
         [f"{(f.get('port_of_loading') or '').split(',')[0]} {_xl(f.get('on_board_date'))}"], MID, 600, R, 640)
    cell("承运人签字", "Signed for the Carrier", ["AS AGENT FOR THE CARRIER"], MID, 640, R, 700)
    return sh.finish()


RENDERERS_THIRTEENTH = {"co-o": render_certificate_o, "inv-p": render_invoice_p, "pl-n": render_packing_list_n,
                        "bl-n": render_bill_of_lading_n}
