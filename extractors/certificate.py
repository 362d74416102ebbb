"""Form RCEP certificate of origin: every box of the contract, read by its printed title.

Box titles vary a little between issuing bodies ("Goods Consigned from" / "Goods consigned from (Exporter's
name, address, country)"); the variants below are the wordings seen so far, and each label's `meaning` says what
a wording never seen must say to be its caption. Boxes 6-13 are read as a table, row by row, on the first sheet
and on continuation sheets.
"""
from __future__ import annotations

import re

from extractors.fields import (PACKAGE_KINDS, PageView, answer_of, cell_field, first_line, join_wrapped, locate,
                               make_field, packages_line, read_region, split_party, ticked, value_lines, view_pages)
from extractors.layout import (Anchor, Label, Line, Region, TableRow, columns_of, complete_header, group_lines,
                               read_table, region_of)
from extractors.ocr import has_print, reread_many, want
from extractors.normalise import collapse, parse_country, parse_date, parse_hs, parse_money, parse_quantity
from pipeline.model import Box, Document, ExtractedField, Page, Source, Word

L = Label
LABELS: list[Label] = [
    L("certificate_number", ("Certificate No.", "Certificate Number", "Certificate No", "Certificate No.:",
                             "Certificate", "Reference No.", "Certificate of Origin No.", "C/O No.", "CO No."),
      meaning=('certificate|certificate of origin|cert|c o|co|reference|ref|serial|document + no|number|nr',)),
    L("issued_in", ("Issued in",),
      meaning=('issued|issuing|issue + in|country|economy',)),
    L("box1", ("Goods Consigned from (Exporter's name, address and country)",
               "Goods consigned from (Exporter's name, address, country)", "Goods Consigned from",
               "Exporter's name, address and country", "Exporter's name, address, country",
               "Exporter (name, address, country)", "Exporter's business name, address, country"), beside=0,
      meaning=('exporter|exporters|consignor|shipper', 'consigned|shipped|despatched|dispatched + from')),
    L("box2", ("Goods Consigned to (Importer's/ Consignee's name, address, country)",
               "Goods consigned to (Importer's/Consignee's name, address, country)", "Goods Consigned to",
               "Importer's or consignee's name, address and country", "Importer's/Consignee's name, address, country",
               "Consignee's name, address, country", "Importer (name, address, country)"), beside=0,
      meaning=('importer|importers|consignee|consignees', 'consigned|shipped + to')),
    L("box3", ("Producer's name, address and country (if known)", "Producer's name, address and country",
               "Producer's name and address, if known", "Producer's name and address (if known)"), beside=0,
      meaning=('producer|producers|manufacturer|manufacturers|maker',)),
    L("box4", ("Means of transport and route (if known)", "Means of transport and route"), beside=0,
      meaning=('means|mode|particulars + transport|transportation|conveyance', 'route|routing')),
    # (Box 4 may say it in a shipping clerk's words: 'Sailing on or about:', 'From:', 'To:', 'By:')
    L("departure_date", ("Departure Date", "Shipment Date", "Date of Shipment", "Date of Departure",
                         "Sailing on or about", "On or about", "Sailing Date", "Date of Sailing"),
      meaning=('departure|shipment|sailing|shipping|loading|despatch|dispatch|export + date|on',)),
    L("transport", ("Vessel's name/Aircraft flight number, etc.", "Vessel's name / Flight No.",
                    "Vessel's name/Aircraft flight number", "Vessel's name/Aircraft etc.", "Vessel's name",
                    "Vessel / Flight No.", "Vessel or Flight No.", "Vessel/Aircraft", "By", "Shipped per"),
      meaning=('vessel|vessels|flight|aircraft|vehicle|carrier|conveyance|ship',
               'vessel|flight|voyage|vehicle + no|number|nr')),
    L("port_of_discharge", ("Port of Discharge", "Port of Destination", "To"),
      meaning=('port|place + discharge|destination|unloading|arrival|entry', 'discharge port|destination port')),
    # (read nowhere: Box 4 of some forms prints it, and it bounds the particulars around it)
    L("port_of_loading", ("Port of Loading", "From"),
      meaning=('port|place + loading|departure|shipment|embarkation', 'loading port|departure port')),
    L("box5", ("For Official Use",), beside=0),
    L("box14", ("14. Remarks", "Remarks"),
      meaning=('remarks|remark|notes|observations',)),
    L("box15", ("Declaration by the exporter or producer",), beside=0),
    L("exported_to", ("These goods are exported to",)),
    # (a caption of its own on some forms; on others '(Importing Country)' is printed under the value)
    L("importing_party", ("Importing Party", "Importing Country"),
      meaning=('importing|destination + party|country|economy',)),
    L("declaration_signature", ("Place and date, and signature of authorised signatory",
                                "Place and date, name, signature and company of authorised signatory")),
    L("box16", ("16. Certification", "Certification"), beside=0),
    L("issuing_body", ("Issuing Body", "Issuing Authority", "Name of Issuing Body", "Authorised Body",
                       "Certifying Body", "Certifying Authority", "Competent Authority"),
      meaning=('issuing|certifying|competent|authorised|authorized|certification|government + '
               'body|authority|agency|organisation|organization|office|chamber',)),
    # where a form captions the place and date itself ('Place and Date: BANGKOK, 2024-02-28'), once in each of
    # Boxes 15 and 16
    L("place_and_date", ("Place and Date", "Place and date of signature", "Place and date of issue")),
    # ... or on lines of their own, 'Place:' over 'Date:'
    L("place", ("Place",)),
    L("date", ("Date",)),
    L("certification_signature", ("Place, date, and signature and stamp of the Authorised Body",
                                  "Place and date, signature and seal or stamp of Issuing Body",
                                  "Place and date, signature and seal or stamp of Issuing Authority",
                                  "Place and date, signature and stamp of the issuing body",
                                  "Place and date, signature and stamp of certifying authority")),
    L("back_to_back", ("Back-to-back Certificate of Origin",), standalone=True,
      meaning=('back + co|coo|certificate|certificates',)),
    L("third_party_invoicing", ("Third-party invoicing",), standalone=True,
      meaning=('third + party + invoicing|invoice|invoiced|billing',)),
    L("issued_retroactively", ("ISSUED RETROACTIVELY",), standalone=True,
      meaning=('issued|issue|issuance + retroactively|retrospectively|retroactive|retrospective',)),
]

# (the box number may stand on a line of its own over the heading: the heading alone is matched too where its
# words say enough; a one-word heading such as 'Origin' is found by `complete_header` in the row of the others)
COLUMNS: list[Label] = [
    L("item_number", ("6. Item number", "6. Item", "6. Item No.", "Item number", "Item No."), column=True,
      meaning=('item|serial|line + no|number|nr',)),
    L("marks", ("7. Marks and numbers on packages", "7. Marks and", "7. Marks &", "7. Marks",
                "Marks and numbers on", "Marks and"), column=True,
      meaning=('marks|marking|markings',)),
    L("description", ("8. Number and kind of packages; and description of goods",
                      "8. Number and kind of packages; and", "8. Number and kind of packages;",
                      "8. Number and kind of packages", "Number and kind of packages;"), column=True,
      meaning=('description|descriptions|commodity|particulars + goods|packages|commodity', 'number|kind + packages')),
    L("hs_code", ("9. HS Code of the goods", "9. HS Code", "HS Code", "HS"), column=True,
      meaning=('hs|h s|hts|tariff|commodity + code|no|number|heading|classification',)),
    L("origin_criterion", ("10. Origin Conferring Criterion", "10. Origin", "10. Origin criterion",
                           "Origin Conferring Criterion", "Origin criterion", "Criterion"), column=True,
      meaning=('origin|preference|preferential + criterion|criteria|conferring',)),
    L("country_of_origin", ("11. RCEP Country of Origin", "11. RCEP", "11. RCEP country", "RCEP Country of Origin"),
      column=True,
      meaning=('country|economy|party + origin',)),
    L("quantity", ("12. Quantity (Gross", "12. Quantity", "12. Quantity /", "Quantity (gross",
                   "Quantity and FOB value"), column=True,
      meaning=('quantity|qty|weight',)),
    L("invoice", ("13. Invoice number(s) and", "13. Invoice", "13. Invoice No.", "Invoice number(s) and date",
                  "Invoice number and date"), column=True,
      meaning=('invoice|invoices + no|number|numbers|date|dates',)),
]
# Boxes 12 and 13 split into columns of their own by some issuing systems: the FOB value beside the quantity, the
# invoice's date beside its number
SPLIT_COLUMNS: list[Label] = [
    L("fob_value", ("12. FOB Value", "FOB Value", "12. FOB value (where RVC is applied)", "12. Value (FOB)"),
      column=True,
      meaning=('fob|free on board + value|amount|price',)),
    L("invoice_date", ("13. Invoice Date", "13. Date of Invoice", "Invoice Date", "13. Date"), column=True,
      meaning=('invoice|invoices + date|dates',)),
]

BOILERPLATE = (
    "(Exporter's name, address and country)", "(Importer's/ Consignee's name, address, country)", "(Country)",
    "See Overleaf Notes", "(Importing country)", "Form RCEP", "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT",
    "REGIONAL COMPREHENSIVE ECONOMIC", "PARTNERSHIP AGREEMENT", "CERTIFICATE OF ORIGIN", "Preferential Treatment:",
    "Given", "Not Given (Please state reason/s)", "Signature of Authorised Signatory of the Customs",
    "Authority of the Importing Country", "(if known)",
    # the next box's caption, where a misread box number ('415.' for '15.') kept it from being taken for one
    "15. Declaration by the exporter or producer",
    "The undersigned hereby declares that the above details and statements are correct and that the goods covered "
    "in this Certificate comply with the requirements specified for these goods in the Regional Comprehensive "
    "Economic Partnership Agreement.",
    "On the basis of control carried out, it is hereby certified that the information herein is correct and that "
    "the goods described comply with the origin requirements specified in the Regional Comprehensive Economic "
    "Partnership Agreement.",
)

PACKAGES = re.compile(rf"^\s*(\d[\d,]*\.?\s*{PACKAGE_KINDS})\b[\s,]*(?:OF\s+)?", re.I)
BRACKETED_PACKAGES = re.compile(rf"\s*\((\d[\d,]*\s*{PACKAGE_KINDS})\)\.?$", re.I)
NUMBER_WORD = (r"(?:ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|THIRTEEN|FOURTEEN|FIFTEEN|"
               r"SIXTEEN|SEVENTEEN|EIGHTEEN|NINETEEN|TWENTY|THIRTY|FORTY|FIFTY|SIXTY|SEVENTY|EIGHTY|NINETY|HUNDRED|"
               r"THOUSAND|AND)")
# (off a scan the hyphen may be read '-~' and the closing bracket lost: 'THIRTY-~EIGHT (138 MESH BAGS')
SAID_IN_WORDS = re.compile(rf"^\s*{NUMBER_WORD}(?:[\s~-]+{NUMBER_WORD})*\s*\((?=\d[\d,]*\)?\s)", re.I)
CRITERIA = {"WO", "PE", "CTC", "RVC", "CR", "ACU", "DMI"}
STARTS_WITH_CRITERION = re.compile(r"^\s*(W+O+|P+E+|C+T+C+|R+V+C+|CR|ACU|DMI)\b", re.I)
# OCR confusions seen in Box 10
CRITERION_FIXES = {"W0": "WO", "WQ": "WO", "VVO": "WO", "P E": "PE", "CTG": "CTC", "CIC": "CTC", "RVG": "RVC",
                   "RV C": "RVC", "0MI": "DMI", "DML": "DMI",
                   # Courier Bold's T read as r, its C as e ('crc', 'cre', 'ere' for CTC): no criterion is spelt so
                   "CRC": "CTC", "CRE": "CTC", "CTE": "CTC", "ERC": "CTC", "ETC": "CTC", "ERE": "CTC"}


def extract_certificate(doc: Document) -> None:
    views = view_pages(doc, LABELS + COLUMNS + SPLIT_COLUMNS)
    for v in views:
        if sum(1 for k in ORDER if v.first(k)) < 4:
            # the goods' headings not found: their columns are told by what the rows hold, and bound the boxes
            # above as the headings would
            stop = v.first("box14")
            v.anchors.update({k: [a] for k, a in columns_by_content(v.page, stop.box.top if stop else None).items()})
    f: dict[str, ExtractedField] = {}

    def region(key: str, direction: str = "below"):
        return read_region(views, key, direction=direction, boilerplate=BOILERPLATE)

    # header: "Certificate No." may also be read where the form's text mentions a certificate; the caption
    # is the one with a number beside it. A number read unsurely off a scan is read again with the table's
    # cells, in one call: its region is asked for now, the number settled after the goods.
    for v, ws, field, _ in _number_readings(doc, views):
        # read unsurely, or in two pieces ('VN-RC259451 847'): read again on its own
        if v.page.source == "ocr" and ws and (field.confidence < 0.8 or " " in (field.value or "")):
            want(v.page, [_number_box(ws)])
    r = region("issued_in")
    text, ws = first_line(r)
    cc = parse_country(text)
    f["issued_in"] = make_field(doc, r, cc, valid=cc is not None, words=ws)

    # boxes 1-3
    for box, prefix in (("box1", "exporter"), ("box2", "importer")):
        r = region(box)
        name, address, country, nws, aws = split_party(r)
        f[f"{prefix}_name"] = make_field(doc, r, name, words=nws)
        f[f"{prefix}_address"] = make_field(doc, r, address, words=aws)
        f[f"{prefix}_country"] = make_field(doc, r, country, valid=country is not None, words=aws[-3:] or nws)
    r = region("box3")
    text = collapse(" ".join(ln.text for ln in r.lines)) if r and r.lines else None
    f["producer_name"] = make_field(doc, r, text)

    # box 4
    r = region("departure_date")
    d = parse_date(r.text) if r else None
    f["departure_date"] = make_field(doc, r, d[0] if d else None, valid=d is not None)
    r = region("transport")
    text, ws = value_lines(r)
    f["transport"] = make_field(doc, r, text, words=ws)
    r = region("port_of_discharge")
    text, ws = value_lines(r)
    f["port_of_discharge"] = make_field(doc, r, text, words=ws)
    # (or said in one sentence, its 'FROM', 'TO' and 'BY' read as captions of other forms' Box 4)
    f.update(_route_in_words(doc, views))

    # box 14
    r = region("box14")
    f["remarks"] = make_field(doc, r, collapse(r.text) if r and r.lines else None)

    # box 15
    r = region("exported_to")
    text, ws = first_line(r)
    cc = parse_country(text)
    # ('(Importing Party)' under the line it names; 'Importing Party: JAPAN' elsewhere)
    if cc is None and (captioned := _country_over_caption(views, "importing_party") or
                       region("importing_party")) is not None and captioned.lines:
        r = captioned
        text, ws = first_line(r)
        cc = parse_country(text)
    f["importing_country"] = make_field(doc, r, cc, valid=cc is not None, words=ws)
    place, date, r, ws = _place_and_date(views, "declaration_signature", ("box15", "exported_to"))
    f["declaration_place"] = make_field(doc, r, place, words=ws)
    f["declaration_date"] = make_field(doc, r, date, valid=date is not None, words=ws)

    # box 16
    place, date, r, ws = _place_and_date(views, "certification_signature", ("box16",))
    f["issue_place"] = make_field(doc, r, place, words=ws)
    f["issue_date"] = make_field(doc, r, date, valid=date is not None, words=ws)
    authority = None
    auth_words = []
    if r:
        # the authority's name stands just over the place and date, apart from the certification text above it
        dated = [i for i, ln in enumerate(r.lines) if parse_date(ln.text)]
        others = [ln for ln in r.lines if not parse_date(ln.text)]
        if dated:
            block, k = [], dated[-1]
            while k > 0 and r.lines[k].box.top - r.lines[k - 1].box.bottom <= 1.2 * max(r.lines[k].box.height, 4.0):
                k -= 1
                block.insert(0, r.lines[k])
            others = block or others
        authority = collapse(" ".join(ln.text for ln in others)) if others else None
        auth_words = [w for ln in others for w in ln.words]
    captioned = region("issuing_body")  # ('Issuing Body: DEPARTMENT OF FOREIGN TRADE')
    if captioned is not None and captioned.lines:
        r, authority = captioned, collapse(" ".join(ln.text for ln in captioned.lines))
        auth_words = [w for ln in captioned.lines for w in ln.words]
    f["issuing_authority"] = make_field(doc, r, authority, words=auth_words)

    # box 17
    questions = {key: locate(views, key) for key in ("back_to_back", "third_party_invoicing", "issued_retroactively")}
    # ('Issued retroactively: NO' where a form types its answers)
    given = {key: answer_of(*found) if found else (None, False) for key, found in questions.items()}
    answers = {key: answer for key, (answer, _) in given.items()}
    # (boxes typed after the questions, '[X]' and '[ ]', are checkboxes: one lost off a scan is not ticked)
    in_words = any(answer is not None and words for answer, words in given.values())
    for key, found in questions.items():
        if found is None:
            f[key] = ExtractedField(value=None, confidence=0.4)
            continue
        v, a = found
        answer = answers[key]
        if answer is None:
            # no box ticked is 'no' on a form of checkboxes; where the form answers its questions in words, a
            # question whose answer went unread off a scan is unread, not 'no'
            answer = ticked(v, a) or (None if in_words and v.page.source == "ocr" else False)
        f[key] = ExtractedField(value=answer, confidence=round(a.confidence * 0.97, 4) if answer is not None else 0.4,
                                source=_src(doc, a), unread=answer is None)
    doc.items = _items(doc, views)
    doc.fields = {"certificate_number": _certificate_number(doc, views), **f}
    if any(v.page.source == "ocr" for v in views):
        _restore_dotted_zeros(doc.items)


NUMBER = re.compile(r"[A-Z0-9][A-Z0-9/\-.]{4,}(?:\s?[A-Z0-9/\-.]{2,})?")


# Box 4 typed as one running sentence, as Chinese offices type the route: 'FROM NINGBO, CHINA TO BUSAN, KOREA BY SEA
# ON MAR. 12, 2025 PER WAN HAI 315 V.E123'. The port is what follows 'TO' up to the next word of the sentence; the
# vessel what follows 'PER', 'VIA' or 'BY' (not 'BY SEA'), up to 'ON', 'FROM' or 'TO'
ROUTE_KEYS = ("departure_date", "transport", "port_of_discharge", "port_of_loading")
ROUTE_WORDS = r"BY|VIA|PER|ON|FROM|TO|AND|THENCE|DEPARTURE|SAILING|DATED?"
ROUTE_TO = re.compile(rf"\bTO\s+(.+?)\s*(?=\b(?:{ROUTE_WORDS})\b|$)")
ROUTE_CARRIER = re.compile(r"\b(?:PER|VIA|BY)\s+(?:(?:VESSEL|S\.S\.|M\.V\.|FLIGHT)(?:'S)?(?:\s+NAME)?\s*:?\s*)?"
                           r"(?!(?:SEA|AIR|ROAD|RAIL|TRUCK|LAND|OCEAN|VESSEL)\b)(.+?)\s*(?=\b(?:ON|FROM|TO|BY)\b|$)")


def _route_in_words(doc: Document, views: list[PageView]) -> dict[str, ExtractedField]:
    """The departure date, vessel and port of discharge of a Box 4 said as one sentence, each from the words it
    was read from; nothing where the box says no such sentence. The sentence's 'FROM' and 'TO' read as captions
    ('From:', 'To:' lines of other forms) are words of it here."""
    found = locate(views, "box4")
    if not found:
        return {}
    v, a = found
    r = region_of(v.page, a, [o for o in v.all_anchors if not (o.key in ROUTE_KEYS and len(o.words) == 1)],
                  boilerplate=BOILERPLATE)
    if not r.lines:
        return {}
    words = r.words
    text, starts = "", []
    for w in words:
        starts.append(len(text) + (1 if text else 0))
        text = f"{text} {w.text}" if text else w.text
    text_up = text.upper()
    if not (re.search(r"\bFROM\s+\w", text_up) and re.search(r"\bTO\s+\w", text_up)):
        return {}  # (no sentence: 'From:' and 'To:' lines are captions)

    def within(a: int, b: int) -> list[Word]:
        return [w for w, s0 in zip(words, starts) if s0 < b and s0 + len(w.text) > a]

    out: dict[str, ExtractedField] = {}
    d = parse_date(text)
    if d:
        out["departure_date"] = make_field(doc, r, d[0], words=within(*d[1]))
    for key, pat in (("port_of_discharge", ROUTE_TO), ("transport", ROUTE_CARRIER)):
        m = pat.search(text_up)
        if m and (value := collapse(text[m.start(1):m.end(1)].strip(" ,;:"))):
            out[key] = make_field(doc, r, value, words=within(m.start(1), m.end(1)))
    return out


def _country_over_caption(views: list[PageView], key: str) -> Region | None:
    """'AUSTRALIA' over a rule, '(Importing Party)' centred under it (its brackets may be lost off a scan): a
    caption with nothing beside it names the line just above it, wherever that line starts within the width the
    caption is centred in, where that line is a country."""
    found = locate(views, key)
    if not found:
        return None
    v, a = found
    h = max(a.box.height, 4.0)
    mid = (a.box.x0 + a.box.x1) / 2
    # (centred in its box: as far right of its middle as the box's own caption, the nearest above it on the left,
    # is left of it)
    box = max((o for o in v.all_anchors if o.box.x0 < a.box.x0 and o.box.bottom <= a.box.top and
               mid - o.box.x0 < 300), key=lambda o: o.box.bottom, default=None)
    left = box.box.x0 if box is not None else a.box.x0
    right = 2 * mid - left
    if any(a.box.x1 <= w.box.x0 < right and abs((w.box.top + w.box.bottom) / 2 - (a.box.top + a.box.bottom) / 2)
           < h / 2 for w in v.page.words):
        return None  # ('Importing Party: JAPAN': answered beside, in its box)
    # (the lowest line over it within that width: the box beside may set its lines a little lower; set close over
    # the caption, the line's descent may reach into the caption's ascent)
    above = [ws for ln in v.lines if a.box.top - 2.5 * h <= ln.box.bottom <= a.box.top + 0.25 * h
             if (ws := _run_from(ln, left - 2, right + 2, h))]
    if not above:
        return None
    ws = max(above, key=lambda ws: max(w.box.bottom for w in ws))
    if parse_country(" ".join(w.text for w in ws)) is None:
        return None
    line = Line(ws)
    return Region(a, line.box, [line])


def _run_from(line: Line, x0: float, x1: float, h: float) -> list[Word]:
    """The words of `line` starting between x0 and x1, and the words running on closely after them (a caption set
    left under its country, not centred: 'NEW ZEALAND' reaches past it)."""
    out: list[Word] = []
    for w in line.words:
        if out and w.box.x0 - out[-1].box.x1 < 1.5 * max(h, w.box.height) or not out and x0 <= w.box.x0 <= x1:
            out.append(w)
        elif out:
            break
    return out


def _number_readings(doc: Document, views: list[PageView]):
    """Each place a certificate number is printed beside its caption: (page view, words, field, valid)."""
    for v in views:
        for a in v.anchors.get("certificate_number", []):
            r = region_of(v.page, a, v.all_anchors, boilerplate=BOILERPLATE)
            text, ws = first_line(r)
            m = NUMBER.search(text.upper()) if text else None
            number = m[0].strip() if m else None
            if number and v.page.source == "ocr":  # (a zero heading the closing figures read as O: 'T25RCO723866')
                number = re.sub(r"(?<=[A-Z])O(?=\d{5,}$)", "0", number)
            # a number that goes on left of the region is cut, not read: under a title, the region's edge split
            # 'R25CN3261 84722' (a number OCR read as two words) and kept '84722'
            valid = bool(number and re.search(r"\d{3}", number)) and not _goes_on_left(v.page, ws)
            # a word without figures beside the caption ('REGIONAL' of the form's title where Box 'Certificate
            # No.' is empty) is no certificate number
            yield v, ws, make_field(doc, r, number if valid else None, words=ws, raw=number), valid


def _goes_on_left(page: Page, ws: list[Word]) -> bool:
    """Does a word of the same line stand a letter's space or less left of the first of `ws`?"""
    if not ws:
        return False
    w = ws[0]
    h = w.box.bottom - w.box.top
    return any(o not in ws and o.box.x1 <= w.box.x0 + 1 and w.box.x0 - o.box.x1 < 0.5 * h and
               o.box.top < w.box.bottom - 0.3 * h and o.box.bottom > w.box.top + 0.3 * h and any(c.isalnum() for c in o.text)
               for o in page.words)


def _certificate_number(doc: Document, views: list[PageView]) -> ExtractedField:
    first = None
    for v, ws, field, valid in _number_readings(doc, views):
        # read unsurely, or in two pieces ('VN-RC259451 847'): read again on its own
        if v.page.source == "ocr" and ws and (field.confidence < 0.8 or " " in (field.value or "")):
            field = _number_read_again(doc, v, ws, field)
            valid = bool(field.value and re.search(r"\d{3}", field.value))
        if valid:
            return field
        if v.page.source == "ocr" and not field.value and re.search(r"\d", field.raw or ""):
            field = field.model_copy(update={"unread": True})  # figures beside the caption, no number made of them
        first = first or field
    return first or ExtractedField(value=None, confidence=0.4)


def _number_box(ws: list) -> Box:
    return Box(x0=min(w.box.x0 for w in ws) - 2, top=min(w.box.top for w in ws) - 2,
               x1=max(w.box.x1 for w in ws) + 2, bottom=max(w.box.bottom for w in ws) + 2)


def _number_read_again(doc: Document, v: PageView, ws: list, field: ExtractedField) -> ExtractedField:
    """The certificate number decides duplicates (fraud): read unsurely ('7T725RC...' for 'T25RC...'), its
    words are read once more on their own, and the surer reading is kept."""
    box = _number_box(ws)
    got = reread_many(v.page, [box])[0]
    if got is None:
        return field
    text, conf = got
    m = NUMBER.search(text.upper().split("\n")[0])
    reading = sum(w.confidence for w in ws) / len(ws)
    # read again in one piece, the same characters the first reading split in two are one number
    same = bool(m and field.value and m[0].strip() == field.value.replace(" ", "") != field.value)
    if m and re.search(r"\d{3}", m[0]) and (conf > reading or same):
        return ExtractedField(value=m[0].strip(), confidence=round(field.confidence * conf / max(reading, 1e-6), 4),
                              raw=text, source=Source(file=doc.file, page=v.page.number, box=box))
    return field


def _src(doc: Document, anchor):
    return Source(file=doc.file, page=anchor.page, box=anchor.box)


def _place_and_date(views: list[PageView], signature_key: str, upper_keys: tuple[str, ...]):
    """Box 15 and 16 print place and date just above the signature line's caption."""
    found = locate(views, signature_key)
    if not found:
        return _captioned_place_and_date(views, upper_keys)
    v, a = found
    r = region_of(v.page, a, v.all_anchors, direction="above", boilerplate=BOILERPLATE, max_height=120)
    for ln in reversed(r.lines):
        place, iso = _place_then_date(ln.text)
        if iso:
            # drop stray lines (the stamp's text) so the region is the place-and-date and authority lines
            return place, iso, r, ln.words
    # (the signature's caption matched by its first words, 'Place and date', printed over its value: read as
    # the captions of place and date are, in its box's column)
    captioned = _captioned_place_and_date(views, upper_keys)
    if captioned[1] is not None or not r.lines:
        return captioned
    return None, None, r, []


def _place_then_date(text: str | None) -> tuple[str | None, str | None]:
    """'LINYI, CHINA, 2024-02-28' -> ('LINYI, CHINA', '2024-02-28'); (None, None) where no date stands."""
    d = parse_date(text)
    if not d:
        return None, None
    iso, (s, _e) = d
    return collapse(text[:s].strip(" ,;")) or None, iso


def _captioned_place_and_date(views: list[PageView], upper_keys: tuple[str, ...]):
    """'Place and Date: BANGKOK, 2024-02-28' where the form captions them: the caption under the box's own, in
    its column (Boxes 15 and 16 each print one)."""
    for v in views:
        upper = next((a for k in upper_keys if (a := v.first(k))), None)
        if upper is None:
            continue
        # (in the box's column: Box 15's caption is no caption of Box 16's; a signature's caption matched by its
        # first words, 'Place and date', is such a caption too)
        below = [a for k in ("place_and_date", "declaration_signature", "certification_signature")
                 for a in v.anchors.get(k, []) if a.box.top > upper.box.top and abs(a.box.x0 - upper.box.x0) < 100]
        if not below:
            continue
        a = min(below, key=lambda a: abs(a.box.x0 - upper.box.x0))
        # (its value beside it or on the line under it: a short block, which the box beside does not cut)
        r = region_of(v.page, a, v.all_anchors, boilerplate=BOILERPLATE, max_height=4 * max(a.words[0].box.height, 4.0))
        text, ws = first_line(r)
        return (*_place_then_date(text), r, ws)
    for v in views:  # 'Place:' over 'Date:', in the box's column
        upper = next((a for k in upper_keys if (a := v.first(k))), None)
        places = [a for a in v.anchors.get("place", []) if a.box.top > upper.box.top] if upper else []
        if not places:
            continue
        p = min(places, key=lambda a: (abs(a.box.x0 - upper.box.x0), a.box.top))
        dates = [a for a in v.anchors.get("date", []) if 0 < a.box.top - p.box.top < 4 * p.box.height and
                 abs(a.box.x0 - p.box.x0) < 2 * p.box.height]
        r = region_of(v.page, p, v.all_anchors, boilerplate=BOILERPLATE)
        place, ws = first_line(r)
        if not dates:
            return place, None, r, ws
        dr = region_of(v.page, dates[0], v.all_anchors, boilerplate=BOILERPLATE)
        dtext, dws = first_line(dr)
        d = parse_date(dtext)
        return place, d[0] if d else None, r, ws + dws
    return None, None, None, []


# the words between Box 13's invoice number and its date ('INV-1 of 12-03-2025', 'INV-1 dated 12-03-2025')
DATED = r"(?:of|dated|dd\.?|date:?)"


def _date_wrapped_under(lines: list[Line]) -> tuple[int, str] | None:
    """Box 13's date on lines of its own under the invoice number, wrapped in the cell ('dated 14th December' /
    '2024'): (the first of its lines, the date); None where no such date stands."""
    for k in range(1, len(lines)):
        rest = " ".join(ln.text for ln in lines[k:])
        d = parse_date(rest)
        if d and re.fullmatch(rf"{DATED}?", rest[:d[1][0]].strip(" ,/"), flags=re.I):
            return k, d[0]
    return None


def _criterion(text: str) -> str | None:
    # quotes and specks at a code's edges are no part of it ('‘WO'); a cent sign is a C read with its serif
    t = collapse(re.sub(r"(?:^|(?<=\s))[‘’'\"`´*]+|[‘’'\"`´*]+(?=\s|$)", "", text.upper().replace("¢", "C"))) \
        if text else None
    if not t:
        return None
    t = CRITERION_FIXES.get(t, t)
    return " ".join(_as_criterion(p) for p in t.split(" "))


def _as_criterion(code: str) -> str:
    """A code read with a letter doubled ('WOO') or a C read as E in a typewriter face ('ETCE', 'RVE' off a scan):
    the criterion it can only be; any other reading is kept as read."""
    single = _undoubled(code)
    if single in CRITERIA or "E" not in code or code in CRITERIA:
        return single
    as_c = _undoubled(code.replace("E", "C"))
    return as_c if as_c in CRITERIA else single


def _undoubled(code: str) -> str:
    """A letter read twice ('WOO', 'CTCC'): no two criteria differ by a doubled letter, so the repair is safe."""
    single = re.sub(r"(.)\1", r"\1", code)
    return single if code not in CRITERIA and single in CRITERIA else code


MIN_SECOND_READING = 0.5
# Cells an approval rests on, and how a second reading of each is understood.
REREAD = {
    "hs_code": lambda t: parse_hs(t),
    "origin_criterion": lambda t: _valid_criterion(t.split("\n")[0]),
    "country_of_origin": lambda t: parse_country(t),
    "quantity": lambda t: (parse_quantity(t.split("\n")[0]) or (None, None)),
}


def _valid_criterion(text: str) -> str | None:
    """A reading of Box 10 only if every code in it is one of the seven (a second reading must not guess)."""
    c = _criterion(text)
    codes = [p for p in re.split(r"[,/+ ]+", c or "") if p]
    return c if codes and all(p in CRITERIA for p in codes) else None


def _restore_dotted_zeros(items: list[dict[str, ExtractedField]]) -> None:
    """A typewriter face's zero has a dot or slash inside, which OCR reads as 9, 8, 6 or 3 ('930499' for
    '030499'). An HS code read off a scan that no HS edition has, where putting back one zero gives the only code
    that exists, is read so -- less surely, and with the reading kept as raw."""
    from checkers.kb import load_kb
    from models.hs_description import load as goods_classifier

    kb = load_kb()
    for item in items:
        f = item.get("hs_code")
        if f is None or not f.value or kb.editions_of(f.value):
            continue
        candidates = {f.value[:i] + "0" + f.value[i + 1:] for i, ch in enumerate(f.value) if ch in "9863"}
        found = sorted(c for c in candidates if kb.editions_of(c))
        desc = item.get("description")
        if len(found) > 1 and desc is not None and desc.value:
            # '970490' for a cabbage: 070490 or 970400? The goods described decide
            model, _ = goods_classifier()
            found = [c for c in found if model.judge(desc.value, c).status == "fits"]
        if len(found) == 1:
            item["hs_code"] = f.model_copy(update={"value": found[0], "confidence": round(f.confidence * 0.85, 4),
                                                   "raw": f.raw or f.value})


def _unsure_cells(item: dict[str, ExtractedField], row, cols) -> list[tuple[dict[str, ExtractedField], str, Box]]:
    """Cells an approval rests on that the page's reading left empty or unsure: (item, column, cell box)."""
    out = []
    for col in cols:
        current = item.get(col.key)
        if col.key in REREAD and (current is None or current.value is None or current.confidence < 0.8):
            out.append((item, col.key, Box(x0=col.x0, top=row.top - 2, x1=col.x1, bottom=row.bottom + 2)))
    return out


def _mark_unread(doc: Document, v: PageView, item: dict[str, ExtractedField], key: str, box: Box) -> None:
    """A cell still empty after its second reading: where it holds print, it is unread, not empty (a reviewer
    reads it; an empty box is a finding against the certificate)."""
    current = item.get(key)
    if (current is None or current.value is None) and has_print(v.page, box):
        item[key] = ExtractedField(value=None, confidence=current.confidence if current else 0.4, unread=True,
                                   source=Source(file=doc.file, page=v.page.number, box=box))


def _second_reading(doc: Document, v: PageView, cells: list[tuple[dict[str, ExtractedField], str, Box]]) -> None:
    """The unsure cells of a page read once more, each on its own, in one call. Agreement between the readings
    raises the confidence; a value found only by the second reading, or read more surely, keeps the second
    reading's own confidence."""
    for (item, key, box), got in zip(cells, reread_many(v.page, [box for _, _, box in cells])):
        if got is None:
            _mark_unread(doc, v, item, key, box)
            continue
        text, conf = got
        if conf < MIN_SECOND_READING:
            _mark_unread(doc, v, item, key, box)
            continue  # a second reading this unsure would only put a guess where the first read nothing
        value = REREAD[key](text)
        unit = None
        if key == "quantity":
            value, unit = value
        if value is None:
            _mark_unread(doc, v, item, key, box)
            continue
        current = item.get(key)
        src = Source(file=doc.file, page=v.page.number, box=box)
        if current is not None and current.value == value:
            current.confidence = round(max(current.confidence, conf), 4)  # two readings agree
        elif current is None or current.value is None or conf > current.confidence:
            item[key] = ExtractedField(value=value, confidence=round(conf * 0.95, 4), raw=text, source=src)
            if unit:  # the unit read with the figure goes with it
                item["quantity_unit"] = ExtractedField(value=unit, confidence=round(conf * 0.95, 4), raw=text,
                                                       source=src)


# the goods' columns in the order Form RCEP sets them (Boxes 6-13)
ORDER = [c.key for c in COLUMNS]
HS_CELL = re.compile(r"^\d{4}[.,]?\d{2}(?:[.,]?\d{2,4})?[.,]?$")
ITEM_CELL = re.compile(r"^(?:\d{1,3}|[ilI|])[.)]?$")  # (a lone 1 may be read as a letter)
# How sure columns told by their contents are (a heading found by its words: 86-100). On a text page only the
# column each value stands in is inferred, and it was inferred right on every certificate tried (1,400, seven
# families, headings removed): sure enough for a check to rest on (Settings.unsure_reading_below 0.80). Off a
# scan a lost word can move a column's start: a reviewer sees goods read so.
BY_CONTENT = {"text_layer": 85.0, "ocr": 70.0}
HEAD_ALIGN = 4.0  # points: a heading starts this close to where its column's values start


def columns_by_content(page: Page, stop_top: float | None = None) -> dict[str, Anchor]:
    """The goods' columns told by what the rows hold, where their headings were not found (a wording no label
    holds, a heading OCR lost): the first line of a row of goods holds an HS code with an origin criterion after
    it, then a country, a quantity and the invoice; its item number stands first and the number and kind of
    packages opens the description, any marks between. Each column starts where its values start, in every row
    so found. Told less surely than by a heading (BY_CONTENT)."""
    words = [w for w in page.words if stop_top is None or w.box.bottom <= stop_top + 2]
    starts: dict[str, list[Word]] = {}
    ends: dict[str, float] = {}
    first_top, first_height = None, 0.0
    for ln in group_lines(words):
        ws = sorted(ln.words, key=lambda w: w.box.x0)
        texts = [w.text.strip(",;") for w in ws]
        for c in range(1, len(ws)):
            if _criterion(texts[c]) not in CRITERIA:
                continue
            i = c + 1
            while i < len(ws) and _criterion(texts[i]) in CRITERIA:  # 'CTC RVC': one criterion cell
                i += 1
            country = next((j for j in range(i, min(i + 2, len(ws))) if texts[j][:1].isalpha() and
                            parse_country(" ".join(texts[j:j + 3]))), None)
            hs = c - 1 if HS_CELL.match(texts[c - 1]) else None
            # a criterion has the HS code before it or the country after it (an HS code left out is a defect the
            # checks must see, not a row lost)
            if hs is not None or country is not None:
                break
        else:
            continue
        cols = {"origin_criterion": c} | ({"hs_code": hs} if hs is not None else {})
        if country is not None:
            cols["country_of_origin"] = country
            # the country's fewest words that name it ('VIET NAM'); the quantity follows ('G.W. 1,200 KGS')
            i = next(country + k for k in (1, 2, 3) if parse_country(" ".join(texts[country:country + k])))
            # (a word may stand before the figure: 'G.W. 17,050'; the unit may be on the next line)
            num = i + 1 if i + 1 < len(ws) and not texts[i][:1].isdigit() and texts[i + 1][:1].isdigit() else i
            if num < len(ws) and re.fullmatch(r"\d[\d,.]*", texts[num]):
                cols["quantity"] = i
                nxt = num + 1
                # (the unit, or a short word in its place that no unit list holds: 'pes' for 'pcs' off a scan)
                if nxt < len(ws) and (((q := parse_quantity(f"1 {texts[nxt]}")) and q[1]) or
                                      re.fullmatch(r"[A-Za-z]{1,5}\.?", texts[nxt])):
                    nxt += 1
                if nxt < len(ws):  # (Box 13 is the last: whatever follows, 'INV-' wrapped at its hyphen too)
                    cols["invoice"] = nxt
        left = list(range(c if hs is None else hs))
        if left and ITEM_CELL.match(texts[0]):
            cols["item_number"] = 0
            left = left[1:]
        pk = next((j for j in left if PACKAGES.match(" ".join(texts[j:left[-1] + 1]))), None)
        # (packages stated under the goods, not opening them: the marks end where a cell's gap stands)
        apart = next((j for j in left[1:] if ws[j].box.x0 - ws[j - 1].box.x1 > max(8.0, 1.5 * ws[j].box.height)),
                     None)
        if pk is not None:
            cols["description"] = pk
            if pk > left[0]:
                cols["marks"] = left[0]
        elif apart is not None:
            cols["marks"], cols["description"] = left[0], apart
        elif left:
            cols["description"] = left[0]
        at = sorted(cols.values())
        for key, j in cols.items():
            # the cell's words on this line: from its start to the next cell's
            end = next((k for k in at if k > j), len(ws))
            starts.setdefault(key, []).append(ws[j])
            ends[key] = max(ends.get(key, 0.0), ws[end - 1].box.x1)
        if first_top is None or ln.box.top < first_top:
            first_top, first_height = ln.box.top, ln.box.height
    if first_top is None:
        return {}
    x0 = {k: min(w.box.x0 for w in v) for k, v in starts.items()}
    # the headings over the rows, in words no label holds: the lines close over the rows whose words start where
    # three columns, left and right of the HS code, start, up to the first that does not (so the box above, Box 3
    # or 4, ends over them, not under them)
    head_top = first_top - 3
    above = first_top
    for ln in sorted((ln for ln in group_lines(page.words) if ln.box.bottom <= first_top + 1),
                     key=lambda ln: -ln.box.top)[:8]:
        if above - ln.box.bottom > max(2 * ln.box.height, 18.0):
            break
        above = ln.box.top
        aligned = {k for w in ln.words for k, x in x0.items() if abs(w.box.x0 - x) <= HEAD_ALIGN}
        # (across the table: a caption of Box 4 beside Box 5 may happen to start where two columns start)
        if len(aligned) >= 3 and {"item_number", "marks", "description"} & aligned and \
                {"hs_code", "origin_criterion", "country_of_origin", "quantity", "invoice"} & aligned:
            head_top = ln.box.top
        elif head_top < first_top - 3:
            break  # over the headings' first line
    # figures set right in Box 12 ('FOB USD 13,056.00' under '4,080 SETS') reach left over Box 11's space: the
    # quantity's column starts just after the country
    if "quantity" in x0 and ends.get("country_of_origin", x0["quantity"]) < x0["quantity"]:
        x0["quantity"] = ends["country_of_origin"] + 3
    # a column that does not stand in Form RCEP's order against those before it is left out
    keys: list[str] = []
    for key in ORDER:
        if key in x0 and (not keys or x0[key] > x0[keys[-1]]):
            keys.append(key)
    # each stands where a heading would: on the heading row's first line, from the column's start
    height = min(first_height, first_top - head_top) if first_top - head_top > 1 else first_height
    return {key: Anchor(key, Box(x0=x0[key], top=head_top, bottom=head_top + height,
                                 x1=min(x0[key] + 20.0, x0[nxt] - 3 if nxt else page.width)),
                        BY_CONTENT[page.source], [], page.number, beside=0, column=True)
            for key, nxt in zip(keys, keys[1:] + [None])}


def _with_content_columns(page: Page, heads: dict[str, Anchor], stop_top: float | None) -> dict[str, Anchor]:
    """Columns whose headings neither pass found (OCR lost '9. HS CODE' off a scan) told by what their rows hold,
    where that stands between the headings found on either side; set in the headings' row. A row of headings OCR
    read in part may have lost box numbers too: a column whose values start left of its heading starts there."""
    content = columns_by_content(page, stop_top)
    top = min(a.box.top for a in heads.values())
    bottom = min(a.box.bottom for a in heads.values())
    out = dict(heads)
    for i, key in enumerate(ORDER):
        if key not in content:
            continue
        x = content[key].box.x0
        left = [heads[k].box.x0 for k in ORDER[:i] if k in heads]
        right = [heads[k].box.x0 for k in ORDER[i + 1:] if k in heads]
        if (left and x <= max(left) + 10) or (right and x >= min(right) - 2):
            continue
        if key in heads:
            # a heading whose box number OCR lost ('ORIGIN' of '10. ORIGIN') starts right of its values: the
            # column starts where they start
            h = heads[key]
            if h.box.x0 - 30 < x < h.box.x0 - 3:
                out[key] = Anchor(key, Box(x0=x, top=h.box.top, x1=h.box.x1, bottom=h.box.bottom), h.score, h.words,
                                  h.page, h.beside, h.column)
            continue
        out[key] = Anchor(key, Box(x0=x, top=top, x1=min(x + 20.0, min(right) - 3 if right else page.width),
                                   bottom=bottom), BY_CONTENT[page.source], [], page.number, beside=0, column=True)
    return out


def _item_of(doc: Document, v: PageView, row: TableRow, expected: int, split: set[str],
             head_conf: float) -> dict[str, ExtractedField]:
    """One item of Boxes 6-13 from its row of cells (a table's row, or an item printed as a record), numbered
    `expected` where Box 6 was not read surely (items are numbered 1, 2, 3 ... down the sheet)."""
    item: dict[str, ExtractedField] = {}

    def put(key, words, value, valid=True, raw=None):
        item[key] = cell_field(doc, v.page.number, words, value, valid=valid, header_confidence=head_conf,
                               raw=raw)

    n = row.text("item_number").strip()
    ws_n = row.words("item_number")
    unsure = not ws_n or min(w.confidence for w in ws_n) < 0.9 or \
        {n, str(expected)} in ({"1", "4"}, {"1", "7"})  # a 1 read as its look-alike breaks the numbering
    if n.isdigit() and (int(n) == expected or not unsure):
        put("item_number", ws_n, int(n))
    elif n.isdigit():  # a low-confidence reading that breaks the numbering: the position decides
        item["item_number"] = cell_field(doc, v.page.number, ws_n, expected, header_confidence=0.7)
    else:  # not read: items are numbered 1, 2, 3 ... (Box 6), so the position tells it, less surely
        item["item_number"] = cell_field(doc, v.page.number, [], expected, header_confidence=0.7)
    marks = join_wrapped([ln.text for ln in row.cells.get("marks", [])])
    if marks and v.page.source == "ocr":  # (a typewriter face's slash read apart: 'HANOI /24/857', 'SEOUL/ 24/376')
        marks = re.sub(r"(?<=[A-Z0-9]) ?/ ?(?=\d)", "/", marks)
    mark_words = row.words("marks")
    desc_lines = row.cells.get("description", [])
    desc_text = collapse(" ".join(ln.text for ln in desc_lines)) or ""
    spill = re.search(r"\s(?=\d[\d,]*\s*[A-Z])", marks or "") if not desc_text else None
    if spill and PACKAGES.match(marks[spill.end():]):
        # Box 8 read into Box 7 ('N/M 577 CARTONS ACOUSTIC GUITARS'): marks never hold the number and
        # kind of packages, so Box 8 starts there
        desc_text, marks = collapse(marks[spill.end():]), marks[:spill.start()].strip()
        n_marks = len(marks.split())
        desc_lines = [Line(words=mark_words[n_marks:])] if len(mark_words) > n_marks else []
        mark_words = mark_words[:n_marks]
    put("marks", mark_words, marks)
    # the packages said in words first, as Chinese offices type them: 'TWO HUNDRED EIGHT (208) DRUMS OF ...'
    said = SAID_IN_WORDS.match(desc_text)
    figures = re.sub(r"^(\d[\d,]*)\)", r"\1", desc_text[said.end():]) if said else desc_text
    m = PACKAGES.match(figures)
    # (a speck read as a stop after the number off a scan: '602. DRUMS')
    packages = re.sub(r"(?<=\d)\.(?=\s)", "", collapse(m[1])) if m else None
    description = collapse(figures[m.end():] if m else desc_text)
    desc_words = [w for ln in desc_lines for w in ln.words]
    n_said = len(desc_text[:said.end()].rstrip("(").split()) if said else 0
    pk_words = desc_words[:n_said + len(figures[:m.end()].split())] if m else []
    if packages is None and (stated := packages_line(desc_lines)) is not None:
        # (or on a line of their own under the goods: 'PACKED IN: 826 MESH BAGS')
        packages, pk_words = stated
        description = collapse(" ".join(w.text for w in desc_words if w not in pk_words))
    elif packages is None and (m := BRACKETED_PACKAGES.search(description or "")) and desc_words:
        # (or in brackets after the goods: 'FROZEN SHRIMP (200 CARTONS)')
        n = len(m[0].split())
        packages, pk_words = collapse(m[1]), desc_words[-n:]
        description = collapse(description[:m.start()])
    put("packages", pk_words, packages)
    put("description", [w for w in desc_words if w not in pk_words], description)
    hs_raw = row.text("hs_code")
    hs = parse_hs(hs_raw)
    put("hs_code", row.words("hs_code"), hs, valid=hs is not None or not hs_raw.strip(), raw=hs_raw or None)
    crit = _criterion(row.text("origin_criterion"))
    put("origin_criterion", row.words("origin_criterion"), crit,
        valid=crit is None or all(p.strip() in CRITERIA for p in re.split(r"[,/+ ]+", crit) if p.strip()))
    cty_raw = row.text("country_of_origin")
    cty = parse_country(cty_raw)
    put("country_of_origin", row.words("country_of_origin"), cty, valid=cty is not None or not cty_raw)
    q_lines = row.cells.get("quantity", [])
    qty = unit = fob = cur = None
    q_words, f_words = [], []
    if "fob_value" in split:  # (Box 12's value in a column of its own: the currency may wrap over it)
        fob_lines = row.cells.get("fob_value", [])
        mon = parse_money(" ".join(ln.text for ln in fob_lines))
        if mon:
            fob, cur = mon
            f_words = [w for ln in fob_lines for w in ln.words]
    for k, ln in enumerate(q_lines):
        t = ln.text
        if re.search(r"FOB|US\$|USD|\bEUR\b|\bJPY\b", t, re.I):
            # the value may wrap onto the next line: "FOB USD" / "19,430.40"
            rest = q_lines[k:k + 2]
            mon = parse_money(" ".join(x.text for x in rest))
            if mon:
                fob, cur = mon
                f_words = [w for x in rest for w in x.words]
            break
        if qty is None:
            q = parse_quantity(t)
            if q:
                qty, unit = q
                q_words = ln.words
        elif unit is None and q_words and q_lines[k - 1].words == q_words:
            # the unit wrapped onto the next line: 'G.W. 17,050' / 'KGS'
            q = parse_quantity(f"1 {t.split()[0]}") if t.split() else None
            if q and q[1]:
                unit, q_words = q[1], q_words + ln.words[:1]
    put("quantity", q_words, qty)
    put("quantity_unit", q_words, unit)
    put("fob_value", f_words, fob)
    put("fob_currency", f_words, cur)
    inv_lines = row.cells.get("invoice", [])
    inv_no, inv_date, no_words, date_words = None, None, [], []
    for ln in inv_lines:
        d = parse_date(ln.text)
        if d and inv_date is None:
            inv_date = d[0]
            date_words = ln.words
            # ('INV-1 of 12-03-2025', 'INV-1 dated 12-03-2025')
            before = re.sub(rf"\s+{DATED}$", "", ln.text[:d[1][0]].strip(" ,/"), flags=re.I)
            if before and inv_no is None:
                inv_no, no_words = before, ln.words
        elif inv_no is None:
            inv_no, no_words = collapse(ln.text), ln.words
        elif inv_date is None and not re.search(
                r"\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}|\d{1,2}\s+[A-Z]{3,9}\.?\s+\d{2,4}|"
                r"^[A-Z]{3,9}[.,]*\s*\d{1,2}\b", ln.text, re.I):
            # a number that wraps onto a second line (a date OCR garbled is no part of it: 'BPR. 18, 2025')
            inv_no += ln.text.strip()
            no_words = no_words + ln.words
    if inv_date is None and (wrapped := _date_wrapped_under(inv_lines)):
        k, inv_date = wrapped  # ('INV-1' / 'dated 14th December' / '2024': the date over lines of its own)
        inv_no = join_wrapped([ln.text for ln in inv_lines[:k]])
        no_words, date_words = [w for ln in inv_lines[:k] for w in ln.words], \
            [w for ln in inv_lines[k:] for w in ln.words]
    if inv_no:  # ('INV-1 of' / '12-03-2025' wrapped)
        inv_no = re.sub(rf"\s+{DATED}$", "", inv_no, flags=re.I)
    put("invoice_number", no_words, re.sub(r"\s*([-/])\s*", r"\1", inv_no) if inv_no else None)
    if "invoice_date" in split:  # (Box 13's date in a column of its own)
        date_lines = row.cells.get("invoice_date", [])
        d = parse_date(" ".join(ln.text for ln in date_lines).replace("- ", "-"))
        inv_date = d[0] if d else None
        date_words = [w for ln in date_lines for w in ln.words]
    put("invoice_date", date_words, inv_date, valid=inv_date is not None or not date_words)
    return item


RECORD_KEYS = ORDER + ["fob_value", "invoice_date"]
ITEM_TITLE = re.compile(r"^(?:item|no\.?)\s*(?:no\.?\s*)?(\d{1,3})\b", re.I)  # a record's title: 'Item 1'


def _record_rows(v: PageView, stop_top: float | None) -> list[TableRow]:
    """Goods printed as records, not as a table: each item a block of lines captioned one under another at one
    left edge ('Marks and numbers:', 'HS Code:', 'Quantity:' ...), each value right of its caption and wrapped
    under it, a caption inside a line starting a value of its own ('248 PCS  FOB value: USD 9,848.08'). Issuing
    systems print goods lists too long for the form's columns so. Each item as the row of cells a table gives."""
    caps = [a for k in RECORD_KEYS for a in v.anchors.get(k, []) if stop_top is None or a.box.bottom <= stop_top]
    if len(caps) < 4:
        return []
    # the captions that start their lines: at the left edge most of them share
    edge = max((a.box.x0 for a in caps), key=lambda x: sum(abs(b.box.x0 - x) <= 6 for b in caps))
    lead = sorted((a for a in caps if abs(a.box.x0 - edge) <= 6), key=lambda a: a.box.top)
    # (a table's headings stand side by side: records' captions stand one under another)
    if len({a.key for a in lead}) < 4 or len({round(a.box.top / 4) for a in lead}) < 4:
        return []
    records: list[list[Anchor]] = []
    for a in lead:
        keys = [b.key for b in records[-1]] if records else []
        # a caption already given starts the next record (two captions of Box 8 in a row - packages, then the
        # description - are one)
        if not records or (a.key in keys and a.key != keys[-1]):
            records.append([])
        records[-1].append(a)
    taken = {id(w) for a in caps for w in a.words}
    body = [w for w in v.page.words if id(w) not in taken and w.box.x0 >= edge - 1 and
            (stop_top is None or w.box.bottom <= stop_top)]
    rows = []
    for rec in records:
        cells: dict[str, list[Line]] = {}
        for n, a in enumerate(rec):
            h = max(a.box.height, 4.0)
            below = rec[n + 1].box.top - 1 if n + 1 < len(rec) else a.box.bottom + 4 * h
            mine = [w for w in body if a.box.top - h / 2 <= (w.box.top + w.box.bottom) / 2 < below and
                    w.box.x0 >= a.box.x1 - 1]
            lines = group_lines(mine)
            if n + 1 == len(rec):  # the last caption's value: its lines up to the first blank line
                kept = lines[:1]
                for ln in lines[1:]:
                    if ln.box.top - kept[-1].box.bottom > 1.2 * h:
                        break
                    kept.append(ln)
                lines = kept
            # a caption inside the first line starts a value of its own
            inline = sorted((b for b in caps if b is not a and b.box.x0 > a.box.x1 and
                             abs((b.box.top + b.box.bottom) / 2 - (a.box.top + a.box.bottom) / 2) < h / 2),
                            key=lambda b: b.box.x0)
            for k, ln in enumerate(lines):
                ws = ln.words
                if k == 0 and inline:
                    for b, nxt in zip(inline, inline[1:] + [None]):
                        theirs = [w for w in ws if w.box.x0 >= b.box.x1 - 1 and (nxt is None or w.box.x1 <= nxt.box.x0)]
                        if theirs:
                            cells.setdefault(b.key, []).append(Line(theirs))
                    ws = [w for w in ws if w.box.x1 <= inline[0].box.x0 + 1]
                if ws:
                    cells.setdefault(a.key, []).append(Line(ws))
        first = rec[0]
        title = [w for w in v.page.words if first.box.top - 3 * max(first.box.height, 4.0) <= w.box.top < first.box.top
                 and w.box.x1 <= first.box.x1 + 40]
        title_text = " ".join(w.text for w in sorted(title, key=lambda w: w.box.x0))
        if (m := ITEM_TITLE.search(title_text)):
            cells["item_number"] = [Line([w for w in title if w.text.strip(".:") == m[1]][:1] or title[-1:])]
        rows.append(TableRow(cells=cells, top=rec[0].box.top, bottom=rec[-1].box.bottom))
    return rows


def _items(doc: Document, views: list[PageView]) -> list[dict[str, ExtractedField]]:
    items: list[dict[str, ExtractedField]] = []
    for v in views:
        stop = v.first("box14")
        records = _record_rows(v, stop.box.top if stop else None)
        if records:
            caps = [a for k in RECORD_KEYS for a in v.anchors.get(k, [])]
            head_conf = sum(a.confidence for a in caps) / len(caps)
            to_reread: list[tuple[dict[str, ExtractedField], str, Box]] = []
            for row in records:
                item = _item_of(doc, v, row, len(items) + 1, {"fob_value", "invoice_date"} & set(row.cells),
                                head_conf)
                if v.page.source == "ocr":
                    for key in REREAD:
                        current = item.get(key)
                        if key not in row.cells and (current is None or current.value is None):
                            # no caption of the record found off the scan: its value was never read
                            item[key] = ExtractedField(value=None, confidence=0.4, unread=True)
                        elif key in row.cells and (current is None or current.value is None or current.confidence < 0.8):
                            # read unsurely: the value's line again, on its own (as a table's cell is)
                            to_reread.append((item, key, _number_box(row.words(key))))
                items.append(item)
            if to_reread:
                _second_reading(doc, v, to_reread)
            continue
        heads = {k: v.first(k) for k in ORDER}
        heads = {k: a for k, a in heads.items() if a is not None}
        if len(heads) < 4:
            continue
        # the goods' headings stand in one row: a heading's words found far under the others are the goods'
        # text ('*** LAST ITEM ***' read 'ITEM **#', taken for 'Item No.')
        row_top = sorted(a.box.top for a in heads.values())[len(heads) // 2]
        heads = {k: a for k, a in heads.items() if abs(a.box.top - row_top) <= 3 * max(a.box.height, 4.0) + 12}
        if all(a.words for a in heads.values()):  # (columns told by content have no heading to complete)
            heads = complete_header(v.page, heads, COLUMNS)
            if len(heads) < len(ORDER):
                heads = _with_content_columns(v.page, heads, stop.box.top if stop else None)
        head_conf = sum(a.confidence for a in heads.values()) / len(heads)
        # (a heading of its own in the headings' row, right of the box's first heading: not the words 'FOB value'
        # inside Box 12's one heading)
        # (nor 'Quantity / FOB value', one heading whose parts a slash joins)
        split = {k: a for k, first in (("fob_value", "quantity"), ("invoice_date", "invoice"))
                 if (a := v.first(k)) is not None and first in heads and a.box.x0 > heads[first].box.x1 + 2 and
                 abs(a.box.top - heads[first].box.top) < 2 and
                 not any(w.text == "/" and heads[first].box.x1 - 1 <= w.box.x0 and w.box.x1 <= a.box.x0 + 1 and
                         abs(w.box.top - a.box.top) < 4 for w in v.page.words)}
        heads = {**heads, **split}
        # a row starts at its item number, or at its HS code where OCR lost a lone digit in the narrow Box 6
        starts = {"item_number": re.compile(r"^\s*\d{1,3}\s*$"), "hs_code": re.compile(r"^\s*\d{4}\.?\d{2}")}
        rows = read_table(v.page, heads, starts, stop_top=stop.box.top if stop else None)
        if not rows:
            # OCR lost both (psm 6 can skip a lone figure right of a ruling): a criterion starts the row. Only
            # then, as a criterion wrapped onto a second line ('CTC, / RVC') would otherwise start a false row.
            rows = read_table(v.page, heads, {**starts, "origin_criterion": STARTS_WITH_CRITERION},
                              stop_top=stop.box.top if stop else None)
        if not rows:
            # ... and the criterion too: the number and kind of packages that opens Box 8 starts it; the cells
            # lost are read again below
            rows = read_table(v.page, heads, {"description": PACKAGES}, stop_top=stop.box.top if stop else None)
        to_reread: list[tuple[dict[str, ExtractedField], str, Box]] = []
        for row in rows:
            item = _item_of(doc, v, row, len(items) + 1, set(split), head_conf)
            if v.page.source == "ocr":
                to_reread += _unsure_cells(item, row, columns_of(heads, v.page.width))
                for key in REREAD:
                    if key not in heads and (item.get(key) is None or item[key].value is None):
                        # the column's title was not found on the scan: its cell was never read, not found empty
                        item[key] = ExtractedField(value=None, confidence=0.4, unread=True)
            items.append(item)
        if to_reread:
            _second_reading(doc, v, to_reread)
    return items
