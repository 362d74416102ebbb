"""Commercial invoice, packing list and bill of lading: the contract's fields, read by printed labels in
English and Chinese, and goods tables read row by row.

Each document type is a spec: labels, how each field is read from its label's region, and the table's
columns. Table headings are found first and taken out of the page before other labels are matched, so a
heading such as "TOTAL" (a column of amounts) is not mistaken for the invoice total's label.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz

from extractors.fields import (CAPTION_WORDS, CAPTIONED, COMPANY_END, COMPANY_FORM, PageView, cell_field, first_line,
                               make_field, packages_line, read_region, split_party, view_pages)
from extractors.layout import (Anchor, Label, Line, Region, phrases, complete_header, find_anchors, group_lines,
                               read_table, region_of, split_segments)
from extractors.normalise import (collapse, money_in_line, parse_country, parse_date, parse_hs, parse_money,
                                  parse_number, parse_quantity)
from pipeline.model import Box, Document, ExtractedField, Page, Source, Word

L = Label
INCOTERMS = {"EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP", "DAT", "DDU"}
INCOTERM_ALIASES = {"C&F": "CFR", "CNF": "CFR", "C AND F": "CFR", "FOB": "FOB"}


@dataclass(frozen=True)
class TableSpec:
    columns: list[Label]
    row_key: str  # the column whose value starts a row
    row_start: re.Pattern[str]
    stop: tuple[str, ...]  # label keys that end the table


@dataclass(frozen=True)
class DocSpec:
    labels: list[Label]
    fields: list[tuple[str, str, str]]  # (field name or "a,b,c" for a party, label key, reader)
    table: TableSpec | None
    boilerplate: tuple[str, ...] = ()


NUMBER = re.compile(r"\d")

# captions of boxes invoices and packing lists print that no field is read from: they bound the boxes around them
# (the Korean and Japanese numbered grid: ③ Notify party, ④ Port of loading, ... ⑪ Remarks)
SHIPPING_CAPTIONS = [
    L("notify", ("Notify party", "Notify")), L("loading", ("Port of loading", "Place of loading")),
    L("destination", ("Final destination", "Destination")),
    L("carrier", ("Carrier", "Sailing on or about", "Shipped per", "Shipment per"),
      meaning=('vessel|vessels|carrier|steamer|conveyance|flight|voyage',)),
    L("letter_of_credit", ("No. & date of L/C", "No. and date of L/C", "L/C No.", "L/C issuing bank",
                           "Issuing bank", "L/C Date", "Date of L/C", "Documentary Credit No.")),
    L("remarks", ("Remarks",)),
]

# 'To:' over the party a document is addressed to, as export software prints it: the buyer (the consignee on a
# packing list) where no caption names one. It stands alone: run on, it is a route ('From SHANGHAI to BUSAN')
ADDRESSEE = L("addressee", ("To",), standalone=True)

INVOICE = DocSpec(
    labels=[
        L("title", ("COMMERCIAL INVOICE", "INVOICE", "商业发票", "TAX INVOICE", "EXPORT INVOICE"), beside=0),
        L("invoice_number", ("Invoice No.", "INVOICE NO", "Invoice Number", "发票号码 Invoice No.", "发票号 Invoice No.",
                             "Inv. No.", "Invoice #", "Invoice Ref.", "发票号码", "发票号", "Invoice No. and Date",
                             "Invoice No. & Date", "Invoice No./Date", "No. & date of invoice",
                             "No. and date of invoice"),
          meaning=('invoice|inv + no|number|nr|ref|reference|serial',)),
        L("invoice_date", ("Invoice Date", "INVOICE DATE", "日期 Date", "Date", "Date of Invoice", "Inv. Date", "Dated", "发票日期", "日期"),
          meaning=('invoice|inv + date|dated',)),
        L("seller", ("Seller", "卖方 Seller", "SHIPPER / EXPORTER", "Shipper/Exporter", "Seller / Exporter", "Exporter",
                     "Vendor", "Supplier", "Beneficiary", "Exporter/Seller", "卖方", "出口商"),
          meaning=('seller|exporter|shipper|vendor|supplier|beneficiary|consignor',)),
        L("buyer", ("Buyer", "买方 Buyer", "SOLD TO", "Buyer / Consignee", "Messrs", "Bill To", "Importer", "Customer", "买方", "进口商",
                    "For account & risk of Messrs.", "For account and risk of Messrs.", "Accountee",
                    # an enterprise system's partner roles
                    "Sold-to party", "Bill-to party", "Payer",
                    # a documentary credit's parties: the buyer applies for it, the seller benefits
                    "Applicant"),
          meaning=('buyer|importer|customer|purchaser|applicant|accountee|messrs', 'sold|bill|invoice|invoiced + to')),
        L("consignee", ("Consignee", "Ship To", "Deliver To", "Ship-to party"),
          meaning=('consignee|receiver', 'ship|deliver|delivered|shipped|consigned + to')),
        ADDRESSEE,
        L("incoterm", ("Terms of Delivery", "贸易条款 Trade Terms", "Trade Terms", "INCOTERMS 2020", "Incoterms",
                       "Price Terms", "Delivery Terms", "Terms of Sale", "Price Basis", "Delivery Term", "Terms", "贸易条款",
                       "价格条款"),
          meaning=('terms|term|basis|condition|conditions + delivery|trade|price|sale|shipment', 'incoterms|incoterm')),
        L("currency", ("Currency", "币种 Currency", "币种", "币别", "Currency of Invoice", "Invoice Currency"),
          meaning=('currency|currencies',)),
        L("payment", ("Payment Terms", "付款方式 Payment", "Payment", "Terms of Payment"),
          meaning=('payment|payments',)),
        L("total", ("TOTAL", "总计 TOTAL", "INVOICE TOTAL", "Total Amount", "Grand Total", "Total Value",
                    "Total Invoice Value", "Invoice Value", "总计", "合计", "总金额"),
          meaning=('total + amount|value|invoice|grand|sum|payable|due', 'net|total + amount|sum + payable|due',
                   'amount|balance + payable|due')),
        # (the goods' sum before freight, insurance or tax: it ends the goods as the total does)
        L("subtotal", ("Subtotal", "Sub Total", "Sub-total", "小计")),
        # a number caption of its own under the title ('INVOICE' over a box of 'No.' and 'Date'): the invoice's
        # number where no caption names it the invoice's. It stands alone: run on, it is text ('NO. 18 BEIJING
        # ROAD', 'Account No. 044-1-23456')
        L("number", ("No.", "Number", "No", "编号"), standalone=True),
        *SHIPPING_CAPTIONS,
        L("closing", ("We certify that this invoice is true and correct", "签字盖章 Signature and stamp",
                      "Country of origin of goods", "For and on behalf of", "Authorized Signature",
                      "Bank Details", "Beneficiary Bank")),
    ],
    # "a|b": the first of these labels found; "letterhead": the block above the title when no label names it
    fields=[("invoice_number", "invoice_number|number", "code"), ("invoice_date", "invoice_date|invoice_number", "date"),
            ("seller_name,seller_address,seller_country", "seller|letterhead", "party"),
            ("buyer_name,buyer_address,buyer_country", "buyer|consignee|addressee", "party"),
            ("currency", "currency", "currency"), ("incoterm", "incoterm", "incoterm"),
            ("total_amount", "total", "money")],
    table=TableSpec(
        columns=[L("no", ("ITEM", "No.", "Item No.", "S/N", "Line"), column=True,
                   meaning=('item|serial|line|s + no|number|nr|n',)),
                 L("description", ("Description of Goods", "货物描述", "DESCRIPTION", "Description", "Goods Description",
                                   "Commodity", "Particulars", "Item Description"), column=True,
                   meaning=('description|descriptions|commodity|particulars|goods|product|products|article|articles',)),
                 L("hs_code", ("HS Code", "海关编码", "H.S. CODE", "H.S. Code", "HS Code No.", "HS No.", "Tariff Code",
                               "HTS Code", "Commodity Code", "H.S. No."), column=True,
                   meaning=('hs|h s|hts|tariff|commodity + code|no|number|heading|classification',)),
                 L("quantity", ("Quantity", "数量", "QTY", "Qty.", "Q'ty"), column=True,
                   meaning=('quantity|qty|q ty|pieces',)),
                 L("quantity_unit", ("Unit", "单位", "UNIT", "UOM", "Units", "Unit of Measure"), column=True,
                   meaning=('unit|units|uom + measure|measurement|of',)),
                 L("unit_price", ("Unit Price", "单价", "PRICE", "Unit Price (USD)", "Rate", "U/Price", "Price/Unit",
                                  "Unit Value"), column=True,
                   meaning=('unit|per + price|value|rate|cost', 'price|rate')),
                 L("amount", ("Amount", "金额", "TOTAL", "Amount (USD)", "Total Price", "Total Value", "Value",
                              "Line Total", "Extended Price"), column=True,
                   meaning=('amount|amounts', 'total|line|extended|net + value|price|amount'))],
        row_key="amount", row_start=NUMBER, stop=("total", "subtotal", "closing")),
)

PACKING_LIST = DocSpec(
    labels=[
        L("title", ("PACKING LIST", "装箱单", "PACKING / WEIGHT LIST", "PACKING LIST / WEIGHT NOTE",
                    "PACKING AND WEIGHT LIST", "WEIGHT LIST"), beside=0),
        L("invoice_number", ("Invoice No.", "Inv. No.", "Invoice Number", "发票号 Invoice No.", "Invoice Ref.",
                             "No. & date of invoice", "No. and date of invoice",
                             "Inv. Ref.", "Invoice #", "Invoice No. and Date", "Invoice No. & Date", "Invoice No./Date",
                             "Ref. Invoice No.", "Invoice Ref. No."),
          meaning=('invoice|inv + no|number|nr|ref|reference|serial',)),
        L("date", ("Date", "Packing Date", "日期 Date", "Date of Packing", "P/L Date", "Packing List Date", "Dated"),
          meaning=('packing|list|p l + date|dated',)),
        L("shipper", ("Shipper", "Exporter", "Seller", "发货人 Shipper", "Supplier", "Vendor", "Shipper/Exporter",
                      "Beneficiary"),
          meaning=('seller|exporter|shipper|vendor|supplier|beneficiary|consignor',)),
        L("consignee", ("Consignee", "Buyer", "Messrs", "收货人 Consignee", "Ship To", "Deliver To", "Importer",
                        "For account & risk of Messrs.", "For account and risk of Messrs.", "Applicant"),
          meaning=('consignee|receiver', 'ship|deliver|delivered|shipped|consigned + to',
                   'buyer|importer|customer|purchaser|applicant|accountee|messrs')),
        ADDRESSEE,
        *SHIPPING_CAPTIONS,
        L("total_row", ("TOTAL", "TOTAL:", "TOTALS", "Grand Total"),
          meaning=('grand|overall|sum|final + total|totals',)),
        L("total_packages", ("Total Packages", "Total No. of Packages", "Total Cartons", "Total CTNS",
                             "Total Number of Packages", "Total Pkgs"),
          meaning=('total + packages|cartons|ctns|pkgs|cases|bags|pallets|boxes',)),
        L("total_net_weight", ("Total Net Weight", "Total N.W.", "Total Net Wt."),
          meaning=('total + net|nett|n w',)),
        L("total_gross_weight", ("Total Gross Weight", "Total G.W.", "Total Gross Wt."),
          meaning=('total + gross|g w',)),
    ],
    fields=[("invoice_number", "invoice_number", "code"), ("date", "date|invoice_number", "date"),
            ("shipper_name", "shipper|letterhead", "party_name"), ("consignee_name", "consignee|addressee", "party_name"),
            ("total_packages", "total_packages", "number"),
            ("total_net_weight,weight_unit", "total_net_weight", "weight"),
            ("total_gross_weight,weight_unit", "total_gross_weight", "weight")],
    table=TableSpec(
        columns=[L("description", ("Description of Goods", "Description", "货物描述", "Goods Description", "Commodity",
                                   "Particulars", "Contents"), column=True,
                   meaning=('description|descriptions|commodity|particulars|goods|product|products|contents',)),
                 L("quantity", ("Quantity", "QTY", "数量", "Q'ty"), column=True,
                   meaning=('quantity|qty|q ty|pieces',)),
                 L("quantity_unit", ("Unit", "UNIT", "单位", "UOM"), column=True),
                 L("packages", ("Packages", "No. of Packages", "PKGS", "件数", "Cartons", "CTNS", "No. of Cartons",
                                "No. of Pkgs", "No. of Pkgs.", "Marks & No. of PKGS", "Marks and No. of PKGS"),
                   column=True,
                   meaning=('no|number|total|kind + packages|cartons|ctns|pkgs|cases|bags|pallets|boxes',)),
                 L("net_weight", ("N.W. (KGS)", "N.W.", "Net Weight", "净重", "Net Wt.", "Net Wt. (KGS)", "N.W. (KG)"), column=True,
                   meaning=('net|nett|n w + weight|wt|kgs|kg|weights',)),
                 L("gross_weight", ("G.W. (KGS)", "G.W.", "Gross Weight", "毛重", "Gross Wt.", "Gross Wt. (KGS)",
                                    "G.W. (KG)"), column=True,
                   meaning=('gross|g w + weight|wt|kgs|kg|weights',)),
                 # (read nowhere; its heading ends the gross weight's column)
                 L("measurement", ("Measurement", "Meas.", "Meas. (CBM)", "CBM", "Volume"), column=True,
                   meaning=('measurement|measurements|meas|cbm|volume|cubic',))],
        row_key="gross_weight", row_start=NUMBER, stop=("total_row", "total_packages")),
)

BILL_OF_LADING = DocSpec(
    labels=[
        L("bl_number", ("B/L No.", "B/L No", "Bill of Lading No.", "B/L Number", "Bill of Lading Number", "BL No.",
                        # a sea waybill, the non-negotiable kind
                        "SWB No.", "Sea Waybill No.", "Waybill No.", "SWB Number",
                        # a freight forwarder's own (house) bill: FIATA's FBL
                        "FBL No.", "FBL Number", "HBL No.", "House B/L No."),
          meaning=('b l|bl|fbl|hbl|mbl|obl|bill of lading|waybill|swb|lading + no|number|nr',)),
        L("title", ("BILL OF LADING", "SEA WAYBILL")),
        L("shipper", ("Shipper", "Shipper/Exporter", "托运人 Shipper", "Shipper (Name and Address)", "Consignor"),
          meaning=('shipper|consignor|exporter',)),
        L("consignee", ("Consignee", "收货人 Consignee", "Consignee (Name and Address)", "Consigned to",
                        "Consigned to order of", "Consigned to the order of"),
          meaning=('consignee|receiver', 'consigned|deliver + to')),
        L("notify_party", ("Notify Party", "通知人 Notify Party", "Notify Address", "Also Notify"),
          meaning=('notify|notifying',)),
        L("vessel", ("Ocean Vessel", "Vessel", "Vessel Name"),
          meaning=('ocean|carrying|sea|mother|feeder|intended + vessel|ship', 'vessel|ship + name')),
        L("vessel_voyage", ("Vessel / Voyage", "Vessel and Voyage No.", "Ocean Vessel / Voy. No.", "Vessel / Voy. No.",
                            "Vessel & Voyage", "Vessel / Voyage No."),
          meaning=('vessel|ship + voyage|voy',)),
        L("voyage", ("Voyage No.", "Voy. No.", "Voyage")),
        L("port_of_loading", ("Port of Loading", "Port of Shipment", "Loading Port"),
          meaning=('port|place + loading|shipment|embarkation|departure', 'loading port|port of loading')),
        L("port_of_discharge", ("Port of Discharge", "Discharge Port"),
          meaning=('port|place + discharge|unloading|discharging|destination', 'discharge port')),
        L("receipt", ("Place of Receipt",)),
        # (the carrier's booking, beside the bill's number: it bounds the shipper's block under it)
        L("booking", ("Booking No.", "Booking Number", "Booking Ref.", "Booking Reference", "Export References")),
        L("precarriage", ("Pre-carriage by", "Pre-Carriage")),
        L("delivery", ("Place of Delivery", "Final Destination")),
        L("marks", ("Marks and Numbers", "Marks & Nos.", "Container No. / Seal No.")),
        L("total_packages", ("Number of Packages", "No. of Packages", "No. of Pkgs.", "Number and Kind of Packages",
                             "Total Number of Packages", "Number of Containers or Packages",
                             "No. of Containers or Packages", "Number of Containers")),
        L("description", ("Description of Goods", "Description of Packages and Goods")),
        L("gross_weight", ("Gross Weight", "Gross Weight (KGS)", "Gross Wt.")),
        L("measurement", ("Measurement", "Measurement (CBM)")),
        L("on_board_date", ("Shipped on Board Date", "On Board Date", "Laden on Board", "Shipped on Board",
                            "Date of Shipment", "Laden on Board the Vessel", "Shipped on Board the Vessel"),
          meaning=('board|loaded|laden|shipped + date|on',)),
        L("issue", ("Place and Date of Issue", "Freight Payable at", "Number of Original B/L")),
    ],
    fields=[("bl_number", "bl_number", "code"), ("shipper_name", "shipper", "party_name"),
            ("consignee_name", "consignee|addressee", "party_name"), ("notify_party", "notify_party", "party_name"),
            ("vessel,voyage", "vessel_voyage", "vessel_voyage"),
            ("vessel,voyage", "vessel", "vessel"), ("voyage", "voyage", "code"),
            ("port_of_loading", "port_of_loading", "text"), ("port_of_discharge", "port_of_discharge", "text"),
            ("on_board_date", "on_board_date", "date"), ("total_packages", "total_packages", "number"),
            ("gross_weight,weight_unit", "gross_weight", "weight")],
    table=None,
    boilerplate=("FOR PORT-TO-PORT SHIPMENT OR COMBINED TRANSPORT",),
)

SPECS: dict[str, DocSpec] = {"commercial_invoice": INVOICE, "packing_list": PACKING_LIST,
                             "bill_of_lading": BILL_OF_LADING}


def _incoterm(text: str | None) -> str | None:
    if not text:
        return None
    t = text.upper()
    for alias, code in INCOTERM_ALIASES.items():
        if re.search(rf"(?<![A-Z]){re.escape(alias)}(?![A-Z])", t):
            return code
    for tok in re.findall(r"[A-Z]{3}", t):
        if tok in INCOTERMS:
            return tok
    return None


def _code_read_apart(code: str, ws: list) -> str:
    """OCR may put a space inside a number ('INV-BA241 198'): figures that end the line, set close after the
    code's last word, are part of it. Figures followed by more (a date: '18 OCT 2024') are not."""
    k = next((i for i, w in enumerate(ws) if w.text.upper().endswith(code[-3:])), None)
    if k is None or k + 2 != len(ws):
        return code
    a, b = ws[k], ws[k + 1]
    h = max(a.box.bottom - a.box.top, 1.0)
    if re.fullmatch(r"\d{1,4}", b.text) and b.box.x0 - a.box.x1 < 0.5 * h:
        return code + b.text
    return code


def _read(reader: str, region: Region | None) -> list[tuple[object, bool, list]]:
    """(value, valid, words) per field name the reader fills."""
    text, ws = first_line(region)
    all_text = region.text if region else ""
    if reader == "code":
        m = re.search(r"[A-Z0-9][A-Z0-9/\-._]{2,}", (text or "").upper())
        # (no number ends in a separator: 'MEL24-738/' is the number run into the ' / ' before its date off a scan)
        code = m[0].rstrip("/-._") if m else None
        if code and ws and ws[0].confidence < 1.0:
            code = _code_read_apart(code, ws)
        return [(code, bool(code and NUMBER.search(code)), ws)]
    if reader == "date":
        d = parse_date(all_text)
        return [(d[0] if d else None, d is not None, ws)]
    if reader == "text":
        return [(text, True, ws)]
    if reader == "party":
        name, address, country, nws, aws = split_party(region)
        return [(name, True, nws), (address, True, aws), (country, country is not None, aws[-3:] or nws)]
    if reader == "party_name":
        name, _a, _c, nws, _aws = split_party(region)
        return [(name, True, nws)]
    if reader == "currency":
        m = re.search(r"\b[A-Z]{3}\b", (text or "").upper())
        return [(m[0] if m else None, m is not None, ws)]
    if reader == "incoterm":
        v = _incoterm(text)
        return [(v, v is not None, ws)]
    if reader == "money":
        mon = parse_money(text)
        return [(mon[0] if mon else None, mon is not None, ws)]
    if reader == "number":
        n = parse_number(text)
        if n is None and region is not None:
            # the caption's wrapped tail may stand first ('Number of Containers' / 'or Packages'): the first
            # line with a figure
            n, ws = _next_lines_read(region, parse_number, ws)
        return [(n, n is not None, ws)]
    if reader == "vessel_voyage":
        if text and text.rstrip().endswith("/") and region is not None and len(region.lines) > 1:
            # wrapped in a narrow cell after the slash: 'COSCO SHIPPING ARIES /' over '024N'
            text, ws = f"{text} {region.lines[1].text}", ws + region.lines[1].words
        vessel, voyage = split_vessel_voyage(text)
        return [(vessel, vessel is not None, ws), (voyage, voyage is not None, ws)]
    if reader == "vessel":
        # the vessel's cell may hold its voyage too, marked ('ONE HARMONY Voy. 015N'); unmarked, it is all vessel
        if text and region is not None and len(region.lines) > 1 and VOYAGE_ALONE.match(region.lines[1].text) and \
                not VOYAGE.match(text.strip()):
            # ... wrapped onto the cell's next line ('EVERGREEN EVER LEGEND' over 'V.056S')
            text, ws = f"{text} {region.lines[1].text}", ws + region.lines[1].words
        vessel, voyage = split_vessel_voyage(text, unmarked=False)
        return [(vessel, True, ws), (voyage, voyage is not None, ws)]
    if reader == "weight":
        q = parse_quantity(text)
        if q is None and region is not None:
            # (as for a number: a line under the caption may stand first, its translation: '毛重' over the figures)
            q, ws = _next_lines_read(region, parse_quantity, ws)
        unit = q[1] if q else None
        if q and unit is None and region is not None and len(region.lines) > 1:
            # the unit wrapped under its figures in a narrow column ('175,969.600' over 'KGS')
            below = parse_quantity(f"1 {region.lines[1].text}")
            unit = below[1] if below and len(region.lines[1].words) == 1 else None
        if q and unit is None and region is not None:
            # "Gross Weight (KGS)": the caption states the unit the figures under it are in
            caption = parse_quantity("1 " + " ".join(w.text for w in region.anchor.words).replace("(", " ").replace(")", " ").split()[-1])
            unit = caption[1] if caption else None
        return [(q[0] if q else None, q is not None, ws), (unit, unit is not None, ws)]
    raise ValueError(reader)


def _next_lines_read(region: Region, parse, ws: list[Word]):
    """The first of the region's next two lines that `parse` reads, and its words; (None, ws) where neither is."""
    for ln in region.lines[1:3]:
        if (v := parse(ln.text)) is not None:
            return v, ln.words
    return None, ws


VOYAGE_MARK = r"(?:V\.|VOY(?:AGE)?(?:\s*NO)?\.?)"  # 'V.', 'VOY.', 'VOYAGE NO.'
VOYAGE = re.compile(rf"^(?P<vessel>.+?)\s*(?:/|\b{VOYAGE_MARK})\s*(?P<voyage>[A-Z0-9-]{{2,8}})$", re.I)
VOYAGE_ALONE = re.compile(rf"^\s*{VOYAGE_MARK}\s*(?=[A-Z0-9-]*\d)[A-Z0-9-]{{2,8}}\s*$", re.I)
# under a 'Vessel / Voy. No.' caption the voyage may simply follow the name: the last word, with figures in it
TRAILING_VOYAGE = re.compile(r"^(?P<vessel>.*[A-Z].*?)\s+(?P<voyage>(?=[A-Z0-9-]*\d)[A-Z0-9-]{2,8})$", re.I)


def split_vessel_voyage(text: str | None, unmarked: bool = True) -> tuple[str | None, str | None]:
    """'COSCO SHIPPING ARIES / 025E', 'COSCO SHIPPING ARIES V.025E' or '... VOY. 025E' into vessel and voyage;
    with `unmarked`, also '... 025E' (under a caption that says a voyage follows)."""
    if not text:
        return None, None
    m = VOYAGE.match(text.strip()) or (TRAILING_VOYAGE.match(text.strip()) if unmarked else None)
    if m:
        return collapse(m["vessel"]), m["voyage"].upper()
    return collapse(text), None


def letterhead(page: Page, title: Anchor | None) -> Region | None:
    """The sender's letterhead: the block of text above the document's title, read as a party block; where the
    title stands at the top at the right, the block at the top left beside it."""
    if title is None:
        return None
    words = [w for w in page.words if w.box.bottom < title.box.top - 1]
    lines = group_lines(words) if words else _beside_title(page, title)
    # (the title in another language over it, '商业发票' over 'COMMERCIAL INVOICE', however read, is no line of
    # the sender's address: a line printed about as large as the title, last before it)
    size = max(w.box.height for w in title.words) if title.words else title.box.height
    # (the line's middle height: off a scan a comma's tail makes a word of the address as tall as the title's)
    while len(lines) > 1 and statistics.median(w.box.height for w in lines[-1].words) >= 0.75 * size and \
            title.box.top - lines[-1].box.bottom < 2 * size:
        lines = lines[:-1]
    if not lines:
        return None
    words = [w for ln in lines for w in ln.words]
    anchor = Anchor("letterhead", Box(x0=min(w.box.x0 for w in words), top=min(w.box.top for w in words),
                                      x1=max(w.box.x1 for w in words), bottom=title.box.top - 1),
                    title.score, [], page.number)
    return Region(anchor, anchor.box, lines)


def _beside_title(page: Page, title: Anchor) -> list[Line]:
    """The lines at the top left of the page, left of a title set at the right: the first run of each, from the
    top down while they follow one another closely and start where the first starts."""
    left = [w for w in page.words if w.box.x1 < title.box.x0 - 2]
    out: list[Line] = []
    for ln in group_lines(left):
        runs = split_segments(ln)
        if not out:
            if runs[0].box.top > title.box.bottom + 4:
                return []  # nothing stands beside the title
            out.append(runs[0])
            continue
        # (other cells may stand between the title and the block, further right: they are passed over)
        run = next((r for r in runs if abs(r.box.x0 - out[0].box.x0) <= 4), None)
        if run is None:
            continue
        if run.box.top - out[-1].box.bottom > 1.2 * max(run.box.height, 4.0):
            break
        out.append(run)
    return out


def find_table_header(page: Page, columns: list[Label], min_columns: int = 3) -> dict[str, Anchor]:
    """The heading row of a table: the band of lines holding the most column headings."""
    anchors = find_anchors(page, columns)
    flat = [a for v in anchors.values() for a in v]
    best: dict[str, Anchor] = {}
    for a in flat:
        band = {}
        for b in flat:
            if abs(b.box.top - a.box.top) < 6 and (b.key not in band or b.score > band[b.key].score):
                band[b.key] = b
        if len(band) > len(best):
            best = band
    if len(best) < min_columns:
        return {}
    return _with_line_over(page, complete_header(page, best, columns))


def _with_line_over(page: Page, heads: dict[str, Anchor]) -> dict[str, Anchor]:
    """Headings printed in two languages, one line over the other ('Tên hàng' over 'Description'): the line just
    over the headings found, whose words stand over three of them, is part of the heading row (so the block above
    ends over it, not under it)."""
    top = min(a.box.top for a in heads.values())
    # (a line's height, not a heading's: one already over two lines, '品名' over 'Description', is twice as tall)
    height = max(w.box.height for a in heads.values() for w in a.words)
    over = [w for w in page.words if top - 2.2 * height <= w.box.top and w.box.bottom <= top + 1]
    if not over:
        return heads
    covered = {k for k, a in heads.items() for w in over
               if min(w.box.x1, a.box.x1 + 12) - max(w.box.x0, a.box.x0 - 12) > 0}
    if len(covered) < 3 or len(covered) < len(heads) / 2:
        return heads
    line_top = min(w.box.top for w in over)
    return {k: Anchor(k, Box(x0=a.box.x0, top=min(a.box.top, line_top), x1=a.box.x1, bottom=a.box.bottom), a.score,
                      a.words, a.page, a.beside, a.column) for k, a in heads.items()}


def extract_trade_document(doc: Document) -> None:
    spec = SPECS[doc.doc_type]
    headers: dict[int, dict[str, Anchor]] = {}
    if spec.table:
        for p in doc.pages:
            headers[p.number] = find_table_header(p, spec.table.columns)

    def header_words(p: Page) -> set[int]:
        return {id(w) for a in headers.get(p.number, {}).values() for w in a.words}

    views = view_pages(doc, spec.labels, exclude=header_words if spec.table else None)
    header_anchors = {n: list(h.values()) for n, h in headers.items()}
    f: dict[str, ExtractedField] = {}
    for names, keys, reader in spec.fields:
        region = None
        for key in keys.split("|"):
            if key == "letterhead":
                v0 = views[0] if views else None
                # (the title in the largest print: 'Packing List No.' in a grid cell is no title)
                titles = v0.anchors.get("title", []) if v0 else []
                region = letterhead(v0.page, max(titles, key=lambda a: a.box.height)) if titles else None
            else:
                region = _region(views, key, spec, header_anchors)
                if region is not None and not region.lines:
                    # a caption with a second one right under it ('Sold to:' over 'Messrs. NAME'): the one that
                    # governs text is read
                    region = next((o for o in _other_regions(views, region, spec, header_anchors) if o.lines), region)
            if region is not None and region.lines:
                break
        if region is None and reader == "vessel_voyage":
            continue  # the combined label is one way of printing vessel and voyage; the separate ones are another
        readings = _read(reader, region)
        if region is not None and readings[0][0] is None:
            # the label's words may also stand in running text ('Shipped on board in apparent good order ...'):
            # where the first place it stands gives nothing, the next one that gives a value is read
            for other in _other_regions(views, region, spec, header_anchors):
                again = _read(reader, other)
                if again[0][0] is not None:
                    region, readings = other, again
                    break
        for name, (value, valid, ws) in zip(names.split(","), readings):
            if name in f and f[name].value is not None:
                continue  # the first reading that found a value stands (weight_unit, vessel and voyage)
            f[name] = make_field(doc, region, value, valid=valid, words=ws)
    doc.fields = f
    doc.items = _items(doc, views, spec, headers) if spec.table else []
    if spec.table:
        _totals_from_row(doc, views, spec, headers)
    if doc.doc_type in PARTY_ROLES:
        _parties_without_captions(doc, views, headers, PARTY_ROLES[doc.doc_type])
    if doc.doc_type == "commercial_invoice" and doc.value("currency") is None:
        _currency_from_amounts(doc, views, headers)
    if doc.doc_type == "commercial_invoice" and doc.value("incoterm") is None:
        _incoterm_heading(doc, views)
    if doc.doc_type == "commercial_invoice":
        _total_on_its_line(doc, views, headers)  # (the sum in the amount column, where the line sets one there)
    if doc.doc_type == "commercial_invoice" and doc.value("total_amount") is None:
        _total_on_its_line(doc, views)
    if doc.doc_type == "bill_of_lading" and doc.value("total_packages") is None:
        _packages_in_goods_block(doc, views)


# The parties of an invoice and a packing list, sender first: (name, address, country) field names
PARTY_ROLES = {"commercial_invoice": [("seller_name", "seller_address", "seller_country"),
                                      ("buyer_name", "buyer_address", "buyer_country")],
               "packing_list": [("shipper_name", None, None), ("consignee_name", None, None)]}
BY_POSITION = 70.0  # how sure a party told only by where its block stands is (a reviewer sees it)
NAMED_ELSEWHERE = 85.0  # ... and one whose name a caption elsewhere on the document gives


def party_blocks(page: Page, anchors: list[Anchor], stop_top: float | None = None) -> list[Region]:
    """Blocks of text that are a party by their contents - a name ending in a company's legal form, then address
    lines ending in a country - under no caption: the letterhead and the customer's block of an accounting
    package's invoice, which print no 'Seller' or 'Bill To'. In reading order (top first)."""
    caption_ids = {id(w) for a in anchors for w in a.words}
    words = [w for w in page.words if id(w) not in caption_ids and (stop_top is None or w.box.bottom < stop_top)]
    runs = sorted((r for ln in group_lines(words) for r in split_segments(ln)), key=lambda r: (r.box.top, r.box.x0))
    out: list[Region] = []
    used: set[int] = set()

    def under(j: int) -> int | None:
        """The run just under run j, starting where it starts."""
        r = runs[j]
        h = max(r.box.height, 4.0)
        for k in range(j + 1, len(runs)):
            o = runs[k]
            if o.box.top - r.box.bottom > 0.9 * h:
                return None
            if abs(o.box.x0 - r.box.x0) <= 3 and o.box.top >= r.box.bottom - 1:
                return k
        return None

    def starts_company(j: int) -> bool:
        """Run j is a company's name: it ends in a legal form, or the run under it is only the form ('LTD.')."""
        if COMPANY_END.search(runs[j].text.strip().rstrip(",;")):
            return True
        k = under(j)
        return k is not None and bool(COMPANY_FORM.fullmatch(runs[k].text.strip()))

    # (the document's title over a block is no caption of it)
    captions = [a for a in anchors if a.key != "title"]
    for i, first in enumerate(runs):
        if id(first) in used or not starts_company(i):
            continue
        block = [first]
        # a name wrapped before its legal form ('QINGDAO OCEANWIDE AQUATIC' / 'PRODUCTS CO., LTD.')
        over = next((runs[j] for j in range(i - 1, -1, -1) if under(j) == i), None)
        if over is not None and id(over) not in used and not CAPTIONED.match(over.text.strip()) and \
                not parse_country(over.text) and not re.search(r"\d", over.text):
            block.insert(0, over)
        name_lines = len(block)
        j = i
        # (the lines under it, up to another company's name; a line that is only the legal form is the name's)
        while len(block) < 8 and (k := under(j)) is not None and not CAPTIONED.match(runs[k].text.strip()) and \
                (COMPANY_FORM.fullmatch(runs[k].text.strip()) or not starts_company(k)):
            block.append(runs[k])
            j = k
        # the address ends with the country: the last line naming one ('..., SINGAPORE' / 'SINGAPORE 079903,
        # SINGAPORE' both do)
        end = max((n for n, r in enumerate(block) if n >= name_lines and parse_country(r.text)), default=None)
        if end is None:
            continue
        block = block[:end + 1]
        first = block[0]
        box = block[0].box
        for r in block[1:]:
            box = box.union(r.box)
        # under no caption: none just over it, none just before its first line
        h = max(first.box.height, 4.0)
        if any(a.box.bottom <= box.top + 1 and box.top - a.box.bottom < 2.5 * h and a.box.x0 < box.x1 and
               a.box.x1 > box.x0 - 10 for a in captions) or \
                any(min(a.box.bottom, first.box.bottom) > max(a.box.top, first.box.top) and 0 <= box.x0 - a.box.x1 < 60
                    for a in captions):
            continue
        used.update(id(r) for r in block)
        out.append(Region(Anchor("party", box, BY_POSITION, [], page.number), box, block))
    return out


def _parties_without_captions(doc: Document, views: list[PageView], headers: dict[int, dict[str, Anchor]],
                              roles: list[tuple[str, str | None, str | None]]) -> None:
    """Parties no caption gave, from the blocks that are parties by their contents (`party_blocks`). A block
    whose name a caption elsewhere gives ('Customer: KL FURNISHINGS SDN. BHD.' in a payment slip) is that
    party's, and completes its address; the roles still unread take the blocks left in reading order, the
    sender's letterhead first - but only where as many blocks are left as roles, so nothing is guessed."""
    if not views or all(doc.value(n) is not None and (a is None or doc.value(a) is not None) for n, a, _c in roles):
        return  # every party read under its caption
    v = views[0]
    heads = headers.get(v.page.number) or {}
    stop = min((a.box.top for a in heads.values()), default=None)
    blocks = party_blocks(v.page, v.all_anchors, stop)
    if not blocks:
        return
    left = list(blocks)
    for name_f, addr_f, country_f in roles:
        name = doc.value(name_f)
        if name is None or (addr_f is not None and doc.value(addr_f) is not None):
            continue
        match = next((b for b in left if fuzz.ratio(collapse(split_party(b)[0]) or "", name) >= 93), None)
        if match is not None:
            left.remove(match)
            _fill_party(doc, Region(Anchor("party", match.box, NAMED_ELSEWHERE, [], v.page.number), match.box,
                                    match.lines), (name_f, addr_f, country_f))
    for b in blocks:  # a block already read under its caption is that party's
        if b in left and any(doc.value(n) and fuzz.ratio(collapse(split_party(b)[0]) or "", doc.value(n)) >= 93
                             for n, _a, _c in roles):
            left.remove(b)
    missing = [r for r in roles if doc.value(r[0]) is None]
    if missing and len(left) == len(missing):
        for role, b in zip(missing, left):
            _fill_party(doc, b, role)


def _fill_party(doc: Document, region: Region, role: tuple[str, str | None, str | None]) -> None:
    name, address, country, nws, aws = split_party(region)
    for f, value, valid, ws in zip(role, (name, address, country), (True, True, country is not None),
                                   (nws, aws, aws[-3:] or nws)):
        if f is not None and doc.value(f) is None:
            doc.fields[f] = make_field(doc, region, value, valid=valid, words=ws)


# the totals a packing list states only in its TOTAL row, under the columns they add up
ROW_TOTALS = {"packages": "total_packages", "net_weight": "total_net_weight", "gross_weight": "total_gross_weight"}


def _totals_from_row(doc: Document, views: list[PageView], spec: DocSpec, headers: dict[int, dict[str, Anchor]]) -> None:
    missing = {col: name for col, name in ROW_TOTALS.items() if name in {n for ns, _k, _r in spec.fields
                                                                          for n in ns.split(",")}
               and doc.value(name) is None}
    if not missing:
        return
    for v in views:
        heads = headers.get(v.page.number) or {}
        rows = [a for a in v.anchors.get("total_row", []) if heads and a.box.top > max(h.box.bottom for h in heads.values())]
        if not rows:
            continue
        row = min(rows, key=lambda a: a.box.top)
        cols = sorted(heads.values(), key=lambda a: a.box.x0)
        words = [w for ln in v.lines for w in ln.words
                 if abs((w.box.top + w.box.bottom) / 2 - (row.box.top + row.box.bottom) / 2) < max(row.box.height, 4.0) * 0.6
                 and id(w) not in {id(x) for x in row.words}]  # (either side of the caption: '770 PKGS  TOTAL :')
        _weights_over_one_another(doc, row, heads, words, missing, v.lines)
        for k, head in enumerate(cols):
            name = missing.get(head.key)
            if name is None:
                continue
            # a column reaches from where its heading starts to where the next one starts (figures set right in
            # their column may reach past their heading's end, never past the next heading's start)
            x0 = head.box.x0 - 2
            x1 = cols[k + 1].box.x0 - 1 if k + 1 < len(cols) else float("inf")
            # (taken by phrases: '1,421 PKGS' set right under 'Packages' reaches left of the heading, its figures'
            # middle before the heading's start; the phrase's middle is under it)
            ws = [w for p in phrases(Line(words)) if x0 <= (p[0].box.x0 + p[-1].box.x1) / 2 < x1 for w in p]
            value = parse_number(" ".join(w.text for w in ws)) if ws else None
            if value is None:
                continue
            region = Region(row, Box(x0=x0, top=row.box.top, x1=min(x1, v.page.width), bottom=row.box.bottom),
                            [Line(ws)])
            doc.fields[name] = make_field(doc, region, value, words=ws)
            if name != "total_packages" and doc.value("weight_unit") is None:
                # the unit its heading states, or the figures' own ('15,400.00 KGS')
                unit = _unit_in_caption(head, v.lines) or \
                    (parse_quantity(" ".join(w.text for w in ws)) or (None, None))[1]
                if unit:
                    doc.fields["weight_unit"] = make_field(doc, Region(head, head.box, [Line(head.words)]), unit,
                                                           words=head.words)
        if "packages" in missing and doc.value("total_packages") is None:
            # no column for the packages: the row states them in words of their kind ('1,229 PACKAGES' under the
            # goods' description)
            for p in phrases(Line(words)):
                m = STATED_PACKAGES.fullmatch(" ".join(w.text for w in p))
                if m and (value := parse_number(m[1])) is not None:
                    doc.fields["total_packages"] = make_field(doc, Region(row, row.box, [Line(p)]), value, words=p)
                    break


STATED_PACKAGES = re.compile(r"(\d[\d,]*)\s+(?:PACKAGES|PKGS?\.?|CARTONS|CTNS|DRUMS|BAGS|MESH BAGS|PALLETS|CASES|BALES|"
                             r"ROLLS|CRATES|SACKS|BUNDLES|PIECES|PCS|BOXES)\b", re.I)


def _packages_in_goods_block(doc: Document, views: list[PageView]) -> None:
    """A bill whose packages stand under a heading no label holds ('Packages'): the number and kind of packages
    the goods block states first ('86 PACKAGES'), on the first line under the goods' headings."""
    for v in views:
        heads = v.anchors.get("description", [])
        if not heads:
            continue
        head = heads[0]
        below = [ln for ln in v.lines if head.box.bottom < ln.box.top < head.box.bottom + 40]
        for ln in sorted(below, key=lambda ln: ln.box.top)[:2]:
            for phrase in phrases(ln):
                m = STATED_PACKAGES.match(" ".join(w.text for w in phrase))
                value = parse_number(m[1]) if m else None
                if value:
                    field = make_field(doc, Region(head, ln.box, [Line(phrase)]), value, words=phrase)
                    # (told by where it stands, not by a caption of its own: a little less sure)
                    doc.fields["total_packages"] = field.model_copy(update={"confidence": round(field.confidence * 0.9, 4)})
                    return


def _weights_over_one_another(doc: Document, row: Anchor, heads: dict[str, Anchor], words: list[Word],
                              missing: dict[str, str], lines: list[Line]) -> None:
    """'N.W. / G.W. (KGS)' over one column, the totals '20,100.00 / 21,627.60' under it: the figure before the
    slash is the net weight, the one after it the gross, wherever the wider figures' middles fall."""
    net, gross = heads.get("net_weight"), heads.get("gross_weight")
    if net is None or gross is None or "net_weight" not in missing or "gross_weight" not in missing:
        return
    ws = sorted((w for w in words if w.box.x1 > net.box.x0 - 2), key=lambda w: w.box.x0)
    m = _net_over_gross(heads, ws)
    if not m:
        return
    for name, figure in (("total_net_weight", m[0]), ("total_gross_weight", m[1])):
        value = parse_number(figure)
        if value is not None:
            doc.fields[name] = make_field(doc, Region(row, row.box, [Line(ws)]), value, words=ws)
    for key in ("net_weight", "gross_weight"):
        missing.pop(key, None)
    unit = _unit_in_caption(gross, lines) or _unit_in_caption(net, lines)
    if unit and doc.value("weight_unit") is None:
        doc.fields["weight_unit"] = make_field(doc, Region(gross, gross.box, [Line(gross.words)]), unit,
                                               words=gross.words)


def _unit_in_caption(head: Anchor, lines: list[Line] = ()) -> str | None:
    """'Net wt. (KGS)': the unit a column's heading states, on its line or on the line under it ('N.W.' over
    '(KGS)')."""
    h = max(head.box.height, 4.0)
    under = [w for ln in lines for w in ln.words if head.box.bottom - 1 < w.box.top < head.box.bottom + 1.2 * h
             and w.box.x0 < head.box.x1 + 2 and w.box.x1 > head.box.x0 - 2]
    m = re.search(r"\(([A-Za-z]{1,4})\.?\)", " ".join(w.text for w in head.words + under))
    q = parse_quantity(f"1 {m[1]}") if m else None
    return q[1] if q else None


def _currency_from_amounts(doc: Document, views: list[PageView], headers: dict[int, dict[str, Anchor]]) -> None:
    """An invoice without a currency caption states it with its amounts: 'USD 593,300.00' on the total's line, or
    'Amount (USD)' over the column."""
    candidates: list[tuple[list[Word], Anchor | None]] = []
    for v in views:
        for a in v.anchors.get("total", []):
            line = [w for ln in v.lines for w in ln.words
                    if abs((w.box.top + w.box.bottom) / 2 - (a.box.top + a.box.bottom) / 2) < max(a.box.height, 4.0) * 0.6]
            candidates.append((line, a))
        for key in ("amount", "unit_price"):
            head = (headers.get(v.page.number) or {}).get(key)
            if head is not None:
                candidates.append((head.words, head))
    for ws, anchor in candidates:
        for w in ws:
            money = parse_money(f"{w.text} 1")
            if money and money[1]:
                region = Region(anchor, anchor.box, [Line([w])]) if anchor else None
                doc.fields["currency"] = make_field(doc, region, money[1], words=[w])
                return


def _region(views: list[PageView], key: str, spec: DocSpec, header_anchors: dict[int, list[Anchor]]) -> Region | None:
    for v in views:
        if v.first(key):
            return read_region([v], key, boilerplate=spec.boilerplate, extra=header_anchors.get(v.page.number, []))
    return None


def _other_regions(views: list[PageView], region: Region, spec: DocSpec, header_anchors: dict[int, list[Anchor]]):
    for v in views:
        for a in v.anchors.get(region.anchor.key, []):
            if a is not region.anchor:
                yield region_of(v.page, a, v.all_anchors + header_anchors.get(v.page.number, []),
                                boilerplate=spec.boilerplate)


def _items(doc: Document, views: list[PageView], spec: DocSpec, headers: dict[int, dict[str, Anchor]]
           ) -> list[dict[str, ExtractedField]]:
    assert spec.table is not None
    t = spec.table
    items: list[dict[str, ExtractedField]] = []
    for v in views:
        heads = headers.get(v.page.number) or {}
        if t.row_key not in heads:
            continue
        head_bottom = max(a.box.bottom for a in heads.values())
        stops = [a.box.top for k in t.stop for a in v.anchors.get(k, []) if a.box.top > head_bottom]
        head_conf = sum(a.confidence for a in heads.values()) / len(heads)
        rows = read_table(v.page, heads, t.row_key, stop_top=min(stops) if stops else None, row_start=t.row_start)
        for row in rows:
            item: dict[str, ExtractedField] = {}
            readers: dict[str, Callable[[str], tuple[object, bool]]] = {
                "description": lambda s: (collapse(s), True),
                "hs_code": lambda s: (parse_hs(s), parse_hs(s) is not None or not s.strip()),
                "quantity": lambda s: ((parse_quantity(s) or (None,))[0], parse_quantity(s) is not None),
                "quantity_unit": lambda s: (collapse(s.upper()), True),
                "unit_price": lambda s: (parse_number(s), parse_number(s) is not None),
                "amount": lambda s: (parse_number(s), parse_number(s) is not None),
                "packages": lambda s: (parse_number(s), parse_number(s) is not None),
                "net_weight": lambda s: (parse_number(s), parse_number(s) is not None),
                "gross_weight": lambda s: (parse_number(s), parse_number(s) is not None),
            }
            for col in t.columns:
                if col.key not in readers:
                    continue
                text = row.text(col.key)
                value, valid = readers[col.key](text) if text.strip() else (None, True)
                item[col.key] = cell_field(doc, v.page.number, row.words(col.key), value, valid=valid,
                                           header_confidence=head_conf)
            if _carried_over(item):
                continue  # ('Carried forward' / 'Brought forward': a page's sum, no goods)
            _weights_in_one_cell(doc, v.page.number, item, row, heads, head_conf)
            _hs_code_in_description(doc, v.page.number, item, row.words("description"), head_conf)
            _packages_in_description(doc, v.page.number, item, row.cells.get("description", []), head_conf)
            # a unit printed with the quantity ("12,500 KGS") when there is no unit column
            if item.get("quantity_unit") is None or item["quantity_unit"].value is None:
                q = parse_quantity(row.text("quantity"))
                if q and q[1]:
                    item["quantity_unit"] = cell_field(doc, v.page.number, row.words("quantity"), q[1],
                                                       header_confidence=head_conf)
            _check_arithmetic(item)
            items.append(item)
    return items


# a sum carried from one sheet to the next, printed as a row of the goods table
CARRIED = re.compile(r"^(?:balance\s+|sub-?total\s+)?(?:carried|brought)\s+(?:forward|fwd\.?|over)\b|^[cb]/[fo]$", re.I)


def _carried_over(item: dict[str, ExtractedField]) -> bool:
    desc = item.get("description")
    return desc is not None and bool(desc.value) and bool(CARRIED.match(desc.value.strip()))


def _packages_in_description(doc: Document, page: int, item: dict[str, ExtractedField], lines: list[Line],
                             head_conf: float) -> None:
    """'826 MESH BAGS' on a line of its own under the goods in the description cell, where no column holds the
    packages: the line's packages, and no part of its description."""
    if "packages" not in item or item["packages"].value is not None or item.get("description") is None:
        return
    stated = packages_line(lines)
    count = parse_number(stated[0].split()[0]) if stated else None
    if count is None:
        return
    item["packages"] = cell_field(doc, page, stated[1], count, header_confidence=head_conf)
    kept = [w for ln in lines for w in ln.words if w not in stated[1]]
    item["description"] = item["description"].model_copy(update={"value": collapse(" ".join(w.text for w in kept))})


NET_OVER_GROSS = re.compile(r"\s*([\d,]+(?:\.\d+)?)\s*/\s*([\d,]+(?:\.\d+)?)\b")


def _net_over_gross(heads: dict[str, Anchor], ws: list[Word]) -> tuple[str, str] | None:
    """The net and gross figures either side of a slash, where 'N.W.' and 'G.W.' head one column together (the
    gross heading right after the net one)."""
    net, gross = heads.get("net_weight"), heads.get("gross_weight")
    if net is None or gross is None or not 0 <= gross.box.x0 - net.box.x1 < 12:
        return None
    m = NET_OVER_GROSS.match(" ".join(w.text for w in ws))
    return (m[1], m[2]) if m else None


def _weights_in_one_cell(doc: Document, page: int, item: dict[str, ExtractedField], row, heads: dict[str, Anchor],
                         head_conf: float) -> None:
    """'N.W. / G.W.' over one column, '989.40 / 1,165.16' under it: the figures either side of the slash are the
    net and the gross weight, wherever their middles fall under the two captions."""
    ws = sorted(row.words("net_weight") + row.words("gross_weight"), key=lambda w: (round(w.box.top), w.box.x0))
    m = _net_over_gross(heads, ws)
    if not m:
        return
    for key, figure in (("net_weight", m[0]), ("gross_weight", m[1])):
        item[key] = cell_field(doc, page, ws, parse_number(figure), header_confidence=head_conf)


HS_IN_TEXT = re.compile(r"\b(?:H\.?\s?S\.?|HTS|TARIFF)\s*(?:CODE|NO\.?)?\s*[:.]?\s*(\d{4}[.\s]?\d{2}(?:[.\s]?\d{2,4})?)\b",
                        re.IGNORECASE)


def _hs_code_in_description(doc: Document, page: int, item: dict[str, ExtractedField], words: list[Word],
                            head_conf: float) -> None:
    """'HS CODE: 0304.99' printed under the goods in the description cell, where no column holds the code: the
    item's HS code, and no part of its description."""
    desc, hs = item.get("description"), item.get("hs_code")
    if desc is None or not desc.value or (hs is not None and hs.value is not None):
        return
    m = HS_IN_TEXT.search(desc.value)
    code = parse_hs(m[1]) if m else None
    if code is None:
        return
    digits = re.sub(r"\D", "", m[1])
    ws = [w for w in words if re.sub(r"\D", "", w.text) and re.sub(r"\D", "", w.text) in digits]
    item["hs_code"] = cell_field(doc, page, ws, code, header_confidence=head_conf)
    item["description"] = desc.model_copy(update={"value": collapse(desc.value[:m.start()] + desc.value[m.end():])})


def _total_on_its_line(doc: Document, views: list[PageView],
                       headers: dict[int, dict[str, Anchor]] | None = None) -> None:
    """'TOTAL :  863 PCS   USD 32,794.00': a total row under the goods adds up the quantity too; the invoice's
    total is the sum in a currency (or the line's last figure), not the first figure after the caption. Given the
    goods' headings, only the sum the TOTAL line sets in the amount column is read, however far from the caption
    ('TOTAL' in the middle of the page, 'USD 10.450,00' at its right edge)."""
    for v in views:
        head = headers.get(v.page.number, {}).get("amount") if headers is not None else None
        if headers is not None and head is None:
            continue
        for a in v.anchors.get("total", []):
            if head is not None and a.box.top <= head.box.bottom:
                continue  # (a 'Total Amount' caption over the goods is no total row)
            # (the caption's lines: '合计' over 'TOTAL', the sum level with the two)
            mine = {id(w) for w in a.words}
            lines = [ln for ln in v.lines if any(id(x) in mine for x in ln.words) or
                     a.box.top <= (ln.box.top + ln.box.bottom) / 2 <= a.box.bottom]
            ws = sorted((w for ln in lines for w in ln.words
                         if w.box.x0 >= a.box.x1 - 0.5 and (head is None or w.box.x1 > head.box.x0)),
                        key=lambda w: w.box.x0)
            got = money_in_line(" ".join(w.text for w in ws)) if ws else None
            if got is None:
                continue
            region = Region(a, a.box, [Line(ws)])
            doc.fields["total_amount"] = make_field(doc, region, got[0], words=ws)
            if doc.value("currency") is None and got[1]:
                doc.fields["currency"] = make_field(doc, region, got[1], words=ws)
            return


# (or after a caption of a word or three no label holds: 'Delivery: CIF BUSAN')
INCOTERM_HEADING = re.compile(rf"(?:{CAPTION_WORDS} ?: ?)?({'|'.join(sorted(INCOTERMS))})\s+[A-Z][A-Z .,'-]{{2,40}}")


def _incoterm_heading(doc: Document, views: list[PageView]) -> None:
    """The price terms printed with no caption, alone in their run of text, as trading houses head the price
    columns with them ('FOB QINGDAO' above the goods)."""
    for v in views:
        for line in v.lines:
            for seg in split_segments(line):
                m = INCOTERM_HEADING.fullmatch(seg.text.strip())
                if m:
                    conf = sum(w.confidence for w in seg.words) / len(seg.words)
                    doc.fields["incoterm"] = ExtractedField(
                        value=m[1], confidence=round(0.85 * conf, 4),
                        source=Source(file=doc.file, page=v.page.number, box=seg.box))
                    return


def _check_arithmetic(item: dict[str, ExtractedField]) -> None:
    """Quantity times unit price is the line's amount: where the three figures disagree, one of them is misread
    ('12,280' read '42,280'), so none of them is trusted as read; where they agree, they confirm each other."""
    q, p, a = (item.get(k) for k in ("quantity", "unit_price", "amount"))
    if not (q and p and a) or None in (q.value, p.value, a.value) or not a.value:
        return
    if abs(q.value * p.value - a.value) <= max(0.01 * a.value, 0.02):
        return
    if float(p.value).is_integer():
        # a unit price read without its point off a scan ('115' for 1.15): where the price over 10 or 100 gives
        # the amount exactly, the point was lost, and the three figures agree again
        for k in (100, 10):
            if abs(q.value * p.value / k - a.value) <= max(0.0005 * a.value, 0.01):
                item["unit_price"] = p.model_copy(update={"value": round(p.value / k, 4),
                                                          "confidence": round(p.confidence * 0.9, 4)})
                return
    for f in (q, p, a):
        f.confidence = round(min(f.confidence, 0.5), 4)
