"""What every document extractor shares: finding a document's labels page by page, reading the region a label
governs into a typed field with confidence and source, and splitting a party block into name and address."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from extractors.layout import (ANSWERS, CJK, JUNK, TICK_BOX, TICKED, UNSURE_JUNK, Anchor, Label, Line, Region,
                               box_sized, chinese_as_read, find_anchors, group_lines, norm, region_of)
from extractors.normalise import collapse, parse_country
from pipeline.model import Box, Document, ExtractedField, Page, Source, Word

# A value that fails its pattern (a date that is no date) keeps this share of its confidence.
INVALID_FACTOR = 0.35
# A label found but nothing under it: absent, with the label's confidence.
# A label not found at all: absent, and we are not sure.
NOT_FOUND_CONFIDENCE = 0.4


@dataclass
class PageView:
    """One page with its lines and the anchors of a document type's labels."""

    page: Page
    lines: list[Line]
    anchors: dict[str, list[Anchor]]

    @property
    def all_anchors(self) -> list[Anchor]:
        return [a for v in self.anchors.values() for a in v]

    def first(self, key: str) -> Anchor | None:
        v = self.anchors.get(key)
        return v[0] if v else None


def view_pages(doc: Document, labels: list[Label], exclude: Callable[[Page], set[int]] | None = None) -> list[PageView]:
    views = []
    for p in doc.pages:
        lines = group_lines(p.words)
        if exclude:
            skip = exclude(p)
            lines = [ln for ln in (Line([w for w in ln.words if id(w) not in skip]) for ln in lines) if ln.words]
        views.append(PageView(p, lines, find_anchors(p, labels, lines)))
    return views


def locate(views: list[PageView], key: str) -> tuple[PageView, Anchor] | None:
    for v in views:
        a = v.first(key)
        if a:
            return v, a
    return None


def read_region(views: list[PageView], key: str, *, direction: str = "below", boilerplate: tuple[str, ...] = (),
                extra: list[Anchor] | None = None) -> Region | None:
    found = locate(views, key)
    if not found:
        return None
    v, a = found
    return region_of(v.page, a, v.all_anchors + (extra or []), direction=direction, boilerplate=boilerplate)


def make_field(doc: Document, region: Region | None, value: Any, *, valid: bool = True, words: list[Word] | None = None,
               raw: str | None = None) -> ExtractedField:
    """A field read from `region` (or from `words` within it). Confidence combines how well the label matched,
    how sure the reading of the words is, and whether the value has the form it should."""
    if region is None:
        return ExtractedField(value=None, confidence=NOT_FOUND_CONFIDENCE)
    ws = words if words is not None else region.words
    if value is None:
        return ExtractedField(value=None, confidence=round(region.anchor.confidence * 0.95, 4), raw=raw,
                              source=Source(file=doc.file, page=region.anchor.page, box=region.box))
    reading = sum(w.confidence for w in ws) / len(ws) if ws else 0.5
    conf = region.anchor.confidence * reading * (1.0 if valid else INVALID_FACTOR)
    box = _union([w.box for w in ws]) if ws else region.box
    return ExtractedField(value=value, confidence=round(min(conf, 1.0), 4), raw=raw,
                          source=Source(file=doc.file, page=region.anchor.page, box=box))


def cell_field(doc: Document, page: int, words: list[Word], value: Any, *, valid: bool = True,
               header_confidence: float = 1.0, raw: str | None = None) -> ExtractedField:
    if value is None:
        return ExtractedField(value=None, confidence=round(0.9 * header_confidence, 4),
                              source=Source(file=doc.file, page=page, box=_union([w.box for w in words]) if words else None))
    reading = sum(w.confidence for w in words) / len(words) if words else 0.5
    conf = header_confidence * reading * (1.0 if valid else INVALID_FACTOR)
    return ExtractedField(value=value, confidence=round(min(conf, 1.0), 4), raw=raw,
                          source=Source(file=doc.file, page=page, box=_union([w.box for w in words]) if words else None))


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    b = boxes[0]
    for o in boxes[1:]:
        b = b.union(o)
    return b


COMPANY_END = re.compile(
    r"(LTD\.?|LIMITED|CO\.?|COMPANY|CORP\.?|CORPORATION|INC\.?|PTE\.?(?: LTD\.?)?|K\.?K\.?|BHD\.?|JSC|PLC|LLC|"
    r"GMBH|S\.A\.|PVT\.?|PTY\.?|GROUP|TRADING|公司)$", re.I)


# a line that is only a company's legal form
COMPANY_FORM = re.compile(r"(?:(?:CO\.,?|COMPANY|LTD\.?|LIMITED|PTE\.?|PTY\.?|INC\.?|CORP\.?|CORPORATION|SDN\.?|"
                          r"BHD\.?|JSC|PLC|LLC|GMBH|PVT\.?)\s*)+", re.I)
CONTACT = re.compile(r"^(TEL|PHONE|FAX|MOBILE|MOB|E-?MAIL|WEB(SITE)?|WWW|HTTP|CONTACT|ATTN)\b", re.I)
# a party's registration with a tax office or an issuing body, printed in its block: 'Exporter Reg. No.
# 0105556012345', 'Tax ID 0105556012345 (Head Office)', 'VAT No. GB123456789', '统一社会信用代码 91320300...'
REGISTRATION = re.compile(r"\b(?:TAX\s*(?:ID|NO|CODE)|TIN|VAT|GST|NPWP|EORI|USCI|IEC|BRN|ABN|"
                          r"(?:REG(?:ISTRATION)?|REGISTERED)\.?\s*(?:NO|NUMBER|CODE)|CUSTOMS\s*CODE)\b"
                          r"|税号|纳税人识别号|统一社会信用代码", re.I)


CAPTION_WORDS = r"[A-Za-z][A-Za-z.'/&-]*(?: [A-Za-z][A-Za-z.'/&-]*){0,2}"  # a caption of a word or three
CAPTIONED = re.compile(rf"^{CAPTION_WORDS} ?[:：]\s*\S")


# the kinds of packages goods are counted in
PACKAGE_KINDS = (r"(?:MESH BAGS|BAGS?|CARTONS?|CTNS?|DRUMS?|PALLETS?|PACKAGES|PKGS?|BOXES|CASES?|BALES?|ROLLS?|CRATES?|"
                 r"SACKS?|BUNDLES?|PCS|PIECES|SETS|IBCS?|CONTAINERS?)")
# a line of a description cell that only states the packages: '826 MESH BAGS', 'PACKED IN: 200 CARTONS'
PACKAGES_LINE = re.compile(rf"^\s*\(?(?:(?:PACKED\s+IN|PACKING|PACKAGES?|PKGS?)\s*[:：]?\s*)?"
                           rf"(\d[\d,]*\s*{PACKAGE_KINDS})\)?\.?\s*$", re.I)


def packages_line(lines: list[Line]) -> tuple[str, list[Word]] | None:
    """The number and kind of packages a description cell states on a line of its own after the goods, with its
    words: ('826 MESH BAGS', [...])."""
    for ln in lines[1:]:
        m = PACKAGES_LINE.match(ln.text)
        if m:
            return collapse(m[1]), list(ln.words)
    return None


BLOCK_GAP = 3.0  # a gap between a party block's lines wider than a line and this many of its narrowest ends it


def split_party(region: Region | None) -> tuple[str | None, str | None, str | None, list[Word], list[Word]]:
    """A party block (name, then address lines ending with the country) into name, address and country."""
    if region is None or not region.lines:
        return None, None, None, [], []
    # telephone, fax, e-mail and web lines of a letterhead or address block are not the address
    lines = [ln for ln in region.lines if ln.text.strip() and not CONTACT.match(ln.text.strip())]
    # ... nor is a line giving the party's registration: a caption and a number of five or more figures
    lines = [ln for ln in lines
             if not (REGISTRATION.search(ln.text) and re.search(r"\d{5}", ln.text.replace(" ", "")))]
    # ... nor junk read off the box's ruling under it, every word of it unsure ('ELSIE Se Nae Te Cle' at 0.0-0.34)
    lines = [ln for ln in lines if not (max(w.confidence for w in ln.words) < UNSURE_JUNK and
                                        sum(w.confidence for w in ln.words) / len(ln.words) < JUNK)]
    # ... and a line led by a caption of its own ('Vessel: ONE HARMONY V.066S') ends the block
    cut = next((i for i, ln in enumerate(lines) if i and CAPTIONED.match(ln.text.strip())), None)
    lines = lines[:cut] if cut is not None else lines
    # in a block written in Latin letters, a line all in Chinese is a caption (货物描述 over a table), not address
    if lines and not CJK.search(lines[0].text):
        lines = [ln for ln in lines if not all(CJK.search(w.text) for w in ln.words)]
    # a block's lines follow one another closely: after a gap of several lines, what stands is another cell's
    # ('SYDNEY TOY ... AUSTRALIA', then the next row of a grid whose caption OCR lost: 'MELBOURNE, AUSTRALIA')
    gaps = [b.box.top - a.box.bottom for a, b in zip(lines, lines[1:])]
    if len(gaps) >= 2:
        pitch = max(min(gaps), max(ln.box.height for ln in lines) * 0.2)
        cut = next((i + 1 for i, g in enumerate(gaps) if i and g > BLOCK_GAP * pitch + max(ln.box.height for ln in lines)), None)
        lines = lines[:cut] if cut is not None else lines
    if not lines:
        return None, None, None, [], []
    name_lines = [lines[0]]
    rest = lines[1:]
    # a name that wraps: the first line does not end like a company, the second does
    # (or the second line is only the company's form: 'LINYI HUASHENG FOODSTUFF COMPANY' / 'LIMITED')
    if rest and ((not COMPANY_END.search(lines[0].text.strip()) and COMPANY_END.search(rest[0].text.strip())
                  and not re.search(r"\d", rest[0].text)) or COMPANY_FORM.fullmatch(rest[0].text.strip())):
        name_lines.append(rest.pop(0))
    name = collapse(" ".join(ln.text for ln in name_lines))
    address = collapse(" ".join(ln.text for ln in rest)) if rest else None
    country = parse_country(address) if address else parse_country(name)
    return (name, address, country, [w for ln in name_lines for w in ln.words], [w for ln in rest for w in ln.words])


def join_wrapped(texts: list[str]) -> str | None:
    """Cell lines back into one value: a line ending in a slash or hyphen was broken inside a word."""
    out = ""
    for t in (t.strip() for t in texts):
        if not t:
            continue
        out = f"{out}{t}" if (not out or out.endswith(("/", "-"))) else f"{out} {t}"
    return out or None


def first_line(region: Region | None) -> tuple[str | None, list[Word]]:
    if region is None or not region.lines:
        return None, []
    ln = region.lines[0]
    return collapse(ln.text.lstrip(":： ")), ln.words


def value_lines(region: Region | None) -> tuple[str | None, list[Word]]:
    """A one-line value, or one beside its caption that wraps at its tab stop: 'Vessel's name  EVERGREEN EVER
    LEGEND' over 'V.099E' set where the value starts. The lines under it that start where it starts, each close
    under the last, go on it; under a caption's own start they would be another value's."""
    text, ws = first_line(region)
    if region is None or not ws:
        return text, ws
    a = region.anchor.box
    lead = ws[0]
    if lead.box.x0 < a.x1 or not (a.top - 2 <= (lead.box.top + lead.box.bottom) / 2 <= a.bottom + 2):
        return text, ws  # (not beside its caption)
    out, prev = list(ws), region.lines[0]
    for ln in region.lines[1:]:
        # (a line space at most: off a scan a line's box is its ink, a line space nearly its height)
        if abs(ln.words[0].box.x0 - lead.box.x0) > 2 or ln.box.top - prev.box.bottom > prev.box.height:
            break
        out += ln.words
        prev = ln
    if len(out) == len(ws):
        return text, ws
    return collapse(" ".join(w.text for w in out).lstrip(":： ")), out


ANSWER_REACH = 250.0  # points right of a question its answer in a cell of its own stands within


def answered(view: PageView, anchor: Anchor) -> bool | None:
    """A question answered in words right after it ('Issued retroactively: NO'), or by a box typed after it
    ('Third-party invoicing [X]'); None where no answer stands."""
    return answer_of(view, anchor)[0]


def answer_of(view: PageView, anchor: Anchor) -> tuple[bool | None, bool]:
    """The answer after a question, and whether it is given in words (not by a box)."""
    answer, in_words = _answer_beside(view, anchor)
    if answer is None:
        # ('Third-party invoicing' over 'Yes': the answer printed under the question, starting where it starts)
        h = max(anchor.box.height, 4.0)
        # (where the question's words start: a box number may lead it, '17. Back-to-back CO')
        start = next((w.box.x0 for w in anchor.words if re.search(r"[A-Za-z]{2}", w.text)), anchor.box.x0)
        # (or centred under it, in a table of questions over answers: 'Third-party invoicing' over 'Y')
        mid = (start + anchor.box.x1) / 2
        under = sorted((w for w in view.page.words
                        if (abs(w.box.x0 - start) <= 2 or abs((w.box.x0 + w.box.x1) / 2 - mid) <= 3) and
                        # (off a scan a box hugs its letters: 'Back-to-back CO' has no descender to reach down by)
                        anchor.box.bottom - 1 <= w.box.top <= anchor.box.bottom + (2.0 if view.page.source == "ocr"
                                                                                   else 1.5) * h),
                       key=lambda w: w.box.top)
        if under and norm(under[0].text) in ANSWERS:
            return ANSWERS[norm(under[0].text)], True
    return answer, in_words


def _answer_beside(view: PageView, anchor: Anchor) -> tuple[bool | None, bool]:
    h = max(anchor.box.height, 4.0)
    level = sorted((w for w in view.page.words if anchor.box.x1 - 1 <= w.box.x0 and
                    abs((w.box.top + w.box.bottom) / 2 - (anchor.box.top + anchor.box.bottom) / 2) < h / 2),
                   key=lambda w: w.box.x0)
    if not level:
        return None, False
    first = level[0]
    if first.box.x0 <= anchor.box.x1 + 3 * h:
        if TICK_BOX.fullmatch(first.text):
            return _box_after(level, h), False
        return ANSWERS.get(norm(first.text)), True
    # further off, in a cell of its own beside the question ('Third-Party Invoicing' | 'Yes'): an answer standing
    # alone there, as far as the page's next cell
    alone = len(level) == 1 or level[1].box.x0 - first.box.x1 > 3 * h
    return (ANSWERS.get(norm(first.text)) if alone and first.box.x0 <= anchor.box.x1 + ANSWER_REACH else None), True


def _box_after(level: list[Word], h: float) -> bool | None:
    """'Third-party invoicing [X]': a box typed after the question answers it, its mark read with it or apart
    ('[', 'X', ']'). A box the next words follow closely is the next question's, printed before it ('☒ Back-to-back
    CO ☐ Third-party invoicing'): no answer to this one."""
    run = [level[0]]
    for w in level[1:]:
        if w.box.x0 - run[-1].box.x1 > h or not re.fullmatch(r"[\[\]()xX✓✔×]+", w.text):
            break
        run.append(w)
    rest = level[len(run):]
    if rest and rest[0].box.x0 - run[-1].box.x1 < 3 * h:
        return None
    return bool(TICKED.search("".join(w.text for w in run)))


def ticked(view: PageView, anchor: Anchor) -> bool:
    """A checkbox left of its label holds an X or a tick: typed, or drawn in the box."""
    start = question_start(view.page, anchor)
    for w in view.page.words:
        if start - 24 <= w.box.x1 <= start + 1 and \
                abs((w.box.top + w.box.bottom) / 2 - (anchor.box.top + anchor.box.bottom) / 2) < 6:
            # OCR reads the box's border with the mark: "[X]", "kx", "Ix", "(X", "Dx" (a square read as D or O)
            mark = re.sub(r"[\[\]()|lIi1kK{}DOoCc0LJ_]", "", w.text)
            # (or a word processor's ballot box glyph, ticked '☒' / '☑' / a filled square '■', empty '☐' / '□')
            if re.fullmatch(r"[xX✓√✔×vV☒☑✗✘■▣◼]", mark):
                return True
    return drawn_mark(view.page, anchor)


def question_start(page: Page, anchor: Anchor) -> float:
    """Where a question's words start: at its first word in Latin letters (a box number may lead it, '17.
    Back-to-back CO'), or at its translation leading it on its line ('第三方发票 Third-party invoicing')."""
    start = next((w for w in anchor.words if re.search(r"[A-Za-z]{2}", w.text)), None)
    x = start.box.x0 if start else anchor.box.x0
    h = max(anchor.box.height, 4.0)
    cy = (anchor.box.top + anchor.box.bottom) / 2
    level = sorted((w for w in page.words if w.box.x1 <= x + 0.5 and abs((w.box.top + w.box.bottom) / 2 - cy) < h / 2),
                   key=lambda w: -w.box.x1)
    scanned = page.source == "ocr"
    for n, w in enumerate(level):
        if x - w.box.x1 > 2 * h:
            break
        # (off a scan a lone character no wider than a box just before the question, no more of a translation
        # before it, is the question's ticked box read as Chinese: '加')
        nxt = level[n + 1] if n + 1 < len(level) else None
        if scanned and n == 0 and len(w.text) == 1 and box_sized(w) and \
                not (nxt is not None and w.box.x0 - nxt.box.x1 <= 2 * h and chinese_as_read(nxt, scanned)):
            break
        # (off a scan the translation may be read as Chinese run into marks, or as junk: '#=A8=' at 0.28, wider
        # than a box; a box read as a letter or three, 'HM', '(CI', is the question's box, where it stops)
        if not chinese_as_read(w, scanned) or not CJK.search(w.text) and box_sized(w):
            break
        x = w.box.x0
    return x


CHECKBOX_REACH = 16.0  # points left of its label a checkbox stands within
MARKED_INSIDE = 0.12  # share of a box's inside inked: a drawn cross or tick (an empty box: its border only)


def drawn_mark(page: Page, anchor: Anchor) -> bool:
    """A cross or tick drawn in the checkbox left of the label, which no reading of text gives: on a text page
    a short slanted stroke there; on a scan, ink in the middle of the box (an empty box is inked only along its
    border)."""
    cy = (anchor.box.top + anchor.box.bottom) / 2
    # from where the label's words start: OCR may have taken the box itself for a box number ('1 Back-to-back')
    start = question_start(page, anchor)
    x0, x1, top, bottom = start - CHECKBOX_REACH, start - 1, cy - 7, cy + 7
    if page._strokes is not None:
        return any(x0 <= (s.x0 + s.x1) / 2 <= x1 and top <= (s.top + s.bottom) / 2 <= bottom for s in page._strokes)
    img = page._image
    if img is None:
        return False
    import numpy as np
    k = img.width / page.width
    ink = np.asarray(img.crop((int(x0 * k), int(top * k), int(x1 * k), int(bottom * k))).convert("L")) < 128
    # the box: the widest run of inked columns (the edge of the label's first letter may reach into the cut), and
    # the ink's extent in it, square and framed (letters misread beside the label are not); its middle half is
    # inside the border whatever the border's width
    inked = np.flatnonzero(ink.any(axis=0))
    if len(inked) == 0:
        return False
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 2) + 1)
    c0, c1 = (lambda r: (int(r[0]), int(r[-1])))(max(runs, key=len))
    # (a box stands apart from the print beside it: ink closer than two points is a letter of a word, a Chinese
    # character of the question's translation read as junk, not a box)
    after, before = inked[inked > c1], inked[inked < c0]
    if len(after) and after[0] - c1 < 2 * k or len(before) and c0 - before[-1] < 2 * k:
        return False
    rows = np.flatnonzero(ink[:, c0:c1 + 1].any(axis=1))
    r0, r1 = int(rows[0]), int(rows[-1])
    h, w = r1 - r0 + 1, c1 - c0 + 1
    if h < 5 or w < 5 or not 0.6 <= w / h <= 1.6:
        return False
    box = ink[r0:r1 + 1, c0:c1 + 1]
    edges = (box[:2].any(axis=0), box[-2:].any(axis=0), box[:, :2].any(axis=1), box[:, -2:].any(axis=1))
    if sorted(e.mean() for e in edges)[1] < 0.7:  # (a tick may overshoot the box on one side)
        return False
    inside = box[h // 4:h - h // 4, w // 4:w - w // 4]
    return bool(inside.mean() >= MARKED_INSIDE)
