"""Import Annex 3A (product-specific rules) from the official PDF, so that a customs office loads the whole table
from its own copy: `origin-review kb import-psr FILE.pdf`.

The Annex is a table of three columns -- HS code, description of goods, product-specific rule -- printed one or
two tables to a page (the HS 2012 edition sets two side by side on its spreads). A row starts where a code
stands in the code column ('Chapter 3', '03.01', '0304.92'); the lines under it without a code continue its
description and its rule, also across the foot of a column or a page. Rows without a rule (section and chapter
titles) are not rules. A rule the grammar does not read is reported with its page, never half-imported.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from checkers.kb import parse_rule

HEADINGS = ("HS Code", "Description of Goods", "Product-Specific Rule")
FOLIO = re.compile(r"^(?:3A-)?\d{1,3}$|^Page$", re.I)
CODE = re.compile(r"^(?:Chapter\s+(\d{1,2})|(\d{2})\.(\d{2})|(\d{4})\.(\d{2}))$", re.I)


@dataclass
class AnnexRow:
    code: str  # as printed: 'Chapter 3', '03.01', '0304.92'
    description: str = ""
    rule: str = ""
    page: int = 0
    _desc: list[str] = field(default_factory=list, repr=False)
    _rule: list[str] = field(default_factory=list, repr=False)

    @property
    def hs(self) -> str:
        """The code as the knowledge base keys it: 2, 4 or 6 digits."""
        m = CODE.match(self.code)
        if m and m[1]:
            return f"{int(m[1]):02d}"
        return re.sub(r"\D", "", self.code)

    @property
    def level(self) -> str:
        return {2: "chapter", 4: "heading", 6: "subheading"}[len(self.hs)]


@dataclass
class ImportReport:
    rows: list[AnnexRow]
    rejected: list[tuple[AnnexRow, str]]  # rows with a rule the grammar does not read, and why
    pages: int


def _tables(words: list[dict]) -> tuple[list[tuple[float, float, float, float]], float]:
    """(code x, description x, rule x, right edge) of each table on a page, from the line of column headings,
    and the bottom of that line."""
    lines: dict[int, list[dict]] = {}
    for w in words:
        lines.setdefault(round(w["top"]), []).append(w)
    for top in sorted(lines):
        ws = sorted(lines[top], key=lambda w: w["x0"])
        # each 'HS Code' heading starts a table; its description and rule headings follow it on the line
        starts = [i for i, w in enumerate(ws[:-1]) if w["text"] == "HS" and ws[i + 1]["text"] == "Code"]
        if not starts:
            continue
        tables = []
        for k, i in enumerate(starts):
            seg = ws[i:starts[k + 1] if k + 1 < len(starts) else len(ws)]
            desc = next((w["x0"] for w in seg if w["text"] == "Description"), None)
            rule = next((w["x0"] for w in seg if w["text"].startswith("Product-Specific")), None)
            if desc is None or rule is None:
                continue
            right = ws[starts[k + 1]]["x0"] - 1 if k + 1 < len(starts) else float("inf")
            tables.append((seg[0]["x0"], desc, rule, right))
        return tables, max(w["bottom"] for w in ws) + 1
    return [], 0.0


def read_annex(pdf_path: Path) -> ImportReport:
    rows: list[AnnexRow] = []
    current: AnnexRow | None = None
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            tables, head_bottom = _tables(words)
            for code_x, desc_x, rule_x, right in tables:
                # the page's foot (a page number such as '3A-12') is no part of the table
                col = [w for w in words if code_x - 2 <= w["x0"] < right and w["top"] > head_bottom
                       and not (w["top"] > page.height * 0.92 and FOLIO.match(w["text"]))]
                by_line: dict[float, list[dict]] = {}
                for w in sorted(col, key=lambda w: (round(w["top"], 1), w["x0"])):
                    key = next((k for k in by_line if abs(k - w["top"]) < 2), w["top"])
                    by_line.setdefault(key, []).append(w)
                for top in sorted(by_line):
                    ws = by_line[top]
                    code = " ".join(w["text"] for w in ws if w["x0"] < desc_x - 2)
                    desc = " ".join(w["text"] for w in ws if desc_x - 2 <= w["x0"] < rule_x - 2)
                    rule = " ".join(w["text"] for w in ws if w["x0"] >= rule_x - 2)
                    if CODE.match(code):
                        current = AnnexRow(code=code, page=pno)
                        rows.append(current)
                    elif current is None:
                        continue  # text above the first row (a title)
                    elif code:
                        current._desc.append(code)  # a description that reaches into the code column
                    if desc:
                        current._desc.append(desc)
                    if rule:
                        current._rule.append(rule)
        pages = len(pdf.pages)
    out, rejected = [], []
    for r in rows:
        r.description = _join(r._desc)
        r.rule = _join(r._rule)
        if not r.rule:
            continue  # a section or chapter title
        try:
            parse_rule(r.rule)
        except ValueError as e:
            rejected.append((r, str(e)))
            continue
        out.append(r)
    return ImportReport(out, rejected, pages)


def _join(parts: list[str]) -> str:
    """Lines of a cell back into one text: a line ending in a hyphen was broken inside a word."""
    text = ""
    for p in parts:
        text = f"{text}{p}" if text.endswith("-") and not text.endswith(" -") else f"{text} {p}".strip()
    return re.sub(r"\s+", " ", text).strip()


def write_rules(report: ImportReport, out: Path, source: str) -> None:
    """The imported rows in the knowledge base's own format, which `load_kb` reads over the shipped rules."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="") as fh:
        fh.write(f"# imported by origin-review kb import-psr on {dt.date.today().isoformat()} from {source}\n")
        w = csv.writer(fh)
        w.writerow(["hs", "level", "rule", "confidence", "annex_page", "description"])
        for r in report.rows:
            w.writerow([r.hs, r.level, r.rule, "imported", r.page, r.description])
