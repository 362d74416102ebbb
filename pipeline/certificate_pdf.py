"""The approved certificate for the trader to print: the certificate's particulars as reviewed, the approval,
and a verification code with a QR code that opens the public verification page."""
from __future__ import annotations

import io
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

W, H = A4


def render_approved_certificate(fields: dict[str, Any], *, case_id: str, code: str, verify_url: str,
                                approved_at: str, approved_by: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(f"Certificate of Origin {fields.get('certificate_number') or ''} (approved)")
    y = H - 40

    def line(text: str, size: float = 9, font: str = "Helvetica", x: float = 40) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(x, y, text[:120])
        y -= size * 1.45

    line("REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT", 9, "Helvetica-Bold")
    line("CERTIFICATE OF ORIGIN  -  Form RCEP  -  approved copy for printing", 12, "Helvetica-Bold")
    line(f"Certificate No.: {fields.get('certificate_number') or '-'}    Issued in: {fields.get('issued_in') or '-'}", 10)
    y -= 4
    boxes = [
        ("1. Exporter", [fields.get("exporter_name"), fields.get("exporter_address")]),
        ("2. Importer / consignee", [fields.get("importer_name"), fields.get("importer_address")]),
        ("3. Producer", [fields.get("producer_name")]),
        ("4. Means of transport and route", [f"Departure {fields.get('departure_date') or '-'}; "
                                             f"{fields.get('transport') or '-'}; port of discharge "
                                             f"{fields.get('port_of_discharge') or '-'}"]),
    ]
    for title, values in boxes:
        line(title, 8, "Helvetica-Bold")
        for v in values:
            if v:
                line(str(v), 9, x=52)
    line("6-13. Goods", 8, "Helvetica-Bold")
    for item in fields.get("items") or []:
        qty = " ".join(str(x) for x in (item.get("quantity"), item.get("quantity_unit")) if x is not None)
        fob = f"FOB {item.get('fob_currency') or ''} {item.get('fob_value')}" if item.get("fob_value") is not None else ""
        line(f"{item.get('item_number') or ''}. {item.get('description') or ''}", 9, x=52)
        line(f"HS {item.get('hs_code') or '-'}  criterion {item.get('origin_criterion') or '-'}  origin "
             f"{item.get('country_of_origin') or '-'}  {qty}  {fob}  invoice {item.get('invoice_number') or '-'} "
             f"{item.get('invoice_date') or ''}", 8, x=64)
    for title, value in (("14. Remarks", fields.get("remarks")),
                         ("15. Declaration", f"{fields.get('declaration_place') or '-'}, {fields.get('declaration_date') or '-'}; "
                                             f"exported to {fields.get('importing_country') or '-'}"),
                         ("16. Certification", f"{fields.get('issuing_authority') or '-'}, {fields.get('issue_place') or '-'}, "
                                               f"{fields.get('issue_date') or '-'}")):
        if value:
            line(title, 8, "Helvetica-Bold")
            line(str(value), 9, x=52)
    marks = [label for key, label in (("back_to_back", "back-to-back"), ("third_party_invoicing", "third-party invoicing"),
                                      ("issued_retroactively", "issued retroactively")) if fields.get(key)]
    line("17. " + (", ".join(marks) if marks else "none ticked"), 8)
    # approval and verification
    c.setLineWidth(0.8)
    c.rect(40, 50, W - 80, 120)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(52, 150, f"APPROVED  {approved_at}")
    c.setFont("Helvetica", 9)
    c.drawString(52, 134, f"by {approved_by}; case {case_id}")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(52, 104, f"Verification code: {code}")
    c.setFont("Helvetica", 8)
    c.drawString(52, 88, "Anyone can check this certificate at")
    c.drawString(52, 76, verify_url)
    qr = QrCodeWidget(verify_url)
    x0, y0, x1, y1 = qr.getBounds()
    size = 100.0
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, W - 40 - size - 10, 60)
    c.showPage()
    c.save()
    return buf.getvalue()
