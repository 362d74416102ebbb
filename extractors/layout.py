"""Reading a page by what is printed on it: lines of words, the labels (box titles) a form prints, the region
each label governs, and tables read row by row under their column headings.

Nothing here knows a coordinate of any particular layout. A label is found by fuzzy matching its words
(rapidfuzz, so OCR noise and small wording differences between issuing bodies still match), or, in a wording no
variant holds, by what its words say (`Label.meaning`: 'Name of Consignor:' is an exporter's caption); the value
of a label is what stands to its right on the same line and below it, up to the next label.
"""
from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from pipeline.model import Box, Page, Word


CIRCLED = re.compile(r"[\u2460-\u2473\u24ea\u2776-\u2793]")
# a box's number before its caption: '14.', OCR's '1,' for '1.', '2.1' (taking the caption's first letter), a
# circled number, or what OCR makes of one ('@', '®', '©')
# (or the number with a speck read beside its stop: '4+.', or a 4 read as 'A.', a 1 as 'J.' or 'I.')
# (or in brackets, as a word processor's template numbers them: '(15)')
BOX_NUMBER = re.compile(r"\d{1,2}[.,:]?|\d{1,2}[.,:][1Il|]|\d{1,2}[+'*;]?[.,:]|[\u2460-\u2473@®©]\)?|[AJIl|][.,]"
                        r"|\(\d{1,2}\)")


# a question on a form answered in words instead of a ticked box
ANSWERS = {"yes": True, "y": True, "no": False, "n": False}
# a box typed or drawn after a question, ticked or not: '[X]', '[ ]', '☒', '☐'
# (off a scan its brackets may be lost or read as letters: 'XI', 'IX]')
TICK_BOX = re.compile(r"[\[(][xX✓✔×]?[\])]|[\[\]]|[☒☑☐✓✔]|[\[(|lIxX]?[xX][\])|Il1JxX]?")
# an empty box off a scan, read as a letter or two: 'O', 'LI', 'C1', '口'
BOX_READ_AS_LETTER = re.compile(r"[\[\]()|lIi1kK{}DOoCc0LJ_口□]{1,2}")
TICKED = re.compile(r"[xX✓✔×☒☑]")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, punctuation dropped, CJK kept: the form in which labels are compared (cached: the same words
    are compared for every label of every document type)."""
    # a circled box number ('②For account & risk of Messrs.', glued to its caption in the text layer) numbers the
    # box; it is no part of the caption
    text = unicodedata.normalize("NFKC", CIRCLED.sub(" ", text)).lower().replace("’", "'")
    text = re.sub(r"#|№", " no ", text)  # "Invoice #" is "Invoice No."
    return " ".join(re.sub(r"[^\w\s'/]|_", " ", text).replace("/", " ").split())


@dataclass
class Line:
    words: list[Word]

    @cached_property
    def box(self) -> Box:
        # computed once (an attribute from then on): lines are built and then only read
        boxes = [w.box for w in self.words]  # (one Box built, not one per word: this runs for every line)
        return boxes[0] if len(boxes) == 1 else Box(x0=min(x.x0 for x in boxes), top=min(x.top for x in boxes),
                                                    x1=max(x.x1 for x in boxes), bottom=max(x.bottom for x in boxes))

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return min(w.confidence for w in self.words) if self.words else 0.0


X_HEIGHT_ONLY = re.compile(r"[acemnorsuvwxz.,:;'\-]+")  # small letters without ascenders or descenders


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Words into lines: a word joins a line when its vertical middle lies within the line's band. (A word of
    small letters only - 'or', 'name,' - is as tall as their x-height off a scan: the band is measured on the
    line's print too, or such words break a caption into two lines.)"""
    ws = sorted(words, key=lambda w: (w.box.top + w.box.bottom) / 2)
    lines: list[list[Word]] = []
    mids: list[float] = []
    tall: list[float] = []
    for w in ws:
        mid = (w.box.top + w.box.bottom) / 2
        h = max(w.box.height, 1.0)
        if lines and abs(mid - mids[-1]) <= 0.45 * (max(h, 0.75 * tall[-1]) if X_HEIGHT_ONLY.fullmatch(w.text) else h):
            lines[-1].append(w)
            n = len(lines[-1])
            mids[-1] = mids[-1] + (mid - mids[-1]) / n
            tall[-1] = max(tall[-1], h)
        else:
            lines.append([w])
            mids.append(mid)
            tall.append(h)
    return [Line(sorted(ln, key=lambda w: w.box.x0)) for ln in lines]


def with_spaced_letters_joined(words: list[Word]) -> list[Word]:
    """A title set in spaced capitals ('I N V O I C E', 'P A C K I N G   L I S T') is its words: runs of single
    capitals on a line, set evenly close, become one word each (a wider gap between letters ends a word)."""
    if sum(1 for w in words if len(w.text) == 1 and w.text.isupper()) < 4:
        return words
    out: list[Word] = []
    for line in group_lines(words):
        ws = line.words
        k = 0
        while k < len(ws):
            e = k
            while e < len(ws) and len(ws[e].text) == 1 and ws[e].text.isupper() and (
                    e == k or ws[e].box.x0 - ws[e - 1].box.x1 <= 1.2 * max(ws[e].box.height, 1.0)):
                e += 1
            run = ws[k:e]
            if len(run) < 4:
                out.append(ws[k])
                k += 1
                continue
            gaps = sorted(b.box.x0 - a.box.x1 for a, b in zip(run, run[1:]))
            space = max(gaps[len(gaps) // 2], 0.5)
            start = 0
            for i in range(1, len(run) + 1):
                if i == len(run) or run[i].box.x0 - run[i - 1].box.x1 > 1.8 * space:
                    part = run[start:i]
                    out.append(part[0] if len(part) == 1 else Word(
                        text="".join(w.text for w in part), confidence=min(w.confidence for w in part),
                        box=Box(x0=part[0].box.x0, top=min(w.box.top for w in part), x1=part[-1].box.x1,
                                bottom=max(w.box.bottom for w in part))))
                    start = i
            k = e
    return out if len(out) < len(words) else words  # (the page's own order where nothing was joined)


def split_segments(line: Line, gap: float = 10.0) -> list[Line]:
    """Split a line where words stand far apart: separate cells or columns on the same baseline."""
    segs: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        size = max(prev.box.height, 4.0)
        if w.box.x0 - prev.box.x1 > max(gap, 1.6 * size):
            segs.append([w])
        else:
            segs[-1].append(w)
    return [Line(s) for s in segs]


# ---------------------------------------------------------------- labels

# Words closer than this share of the text height belong to one run of text.
GLUED = 0.65
# How far right of its title a value under it may start (points).
VALUE_INDENT = 60.0


@dataclass(frozen=True)
class Label:
    """A printed title. `key` names it; `variants` are the wordings seen on real documents."""

    key: str
    variants: tuple[str, ...]
    min_score: float = 86.0
    # a caption that stands alone (a checkbox's): words running on after it mean it is text, not the caption
    standalone: bool = False
    # how far right of the label, on its own line, its value may start (points); 0 for a box title whose
    # value is written under it, so text further along the line is never taken for it
    beside: float = 150.0
    # a table's column heading: a floor for the blocks above it, never a neighbour beside them
    column: bool = False
    # what the caption says, for wordings no variant holds: signatures of groups of words, every group needed
    # ('exporter|consignor|shipper', 'consigned + from'); see `_meaning_candidates`
    meaning: tuple[str, ...] = ()


@dataclass
class Anchor:
    key: str
    box: Box
    score: float
    words: list[Word]
    page: int
    beside: float = 150.0
    column: bool = False
    # found by what its words say, not by a wording seen before: it comes after the labels' own wordings
    by_meaning: bool = False

    @property
    def confidence(self) -> float:
        return min(1.0, self.score / 100.0)


@dataclass
class _Variant:
    label: Label
    tokens: list[str]
    text: str


def _variants(labels: Iterable[Label]) -> list[_Variant]:
    return _variants_of(tuple(labels))


@lru_cache(maxsize=64)
def _variants_of(labels: tuple[Label, ...]) -> list[_Variant]:
    out = []
    for lab in labels:
        for v in lab.variants:
            # one token per printed word, normalised as page words are, so windows count the same things
            toks = [t for t in (norm(w) for w in v.split()) if t]
            out.append(_Variant(lab, toks, " ".join(toks)))
    return out


# words that make a one-word caption into another: 'Customer Ref.', 'Seller ID', 'Date Code'
CAPTION_TAIL = {"ref", "reference", "no", "number", "code", "id"}
UNSURE_JUNK = 0.6  # a word read less surely than this before a caption is no running text
JUNK = 0.35  # a word read less surely than this is no reading: print in another script, or garbled small print


PAST_COLON = 75.0  # a caption's words after a colon match the rest of the label this well, or the colon ends it


def _rest_of_label(head: list[str], tail: list[str], label: str) -> bool:
    """Do the words after a colon (`tail`) say the rest of the label the words up to it (`head`) began?"""
    rest = label[len(" ".join(head)):].strip()
    return bool(rest) and fuzz.ratio(" ".join(tail), rest) >= PAST_COLON


def find_anchors(page: Page, labels: list[Label], lines: list[Line] | None = None) -> dict[str, list[Anchor]]:
    """Every label found on the page. Longer labels win over shorter ones that use the same words, so
    'Invoice Date' is not also taken for 'Date'."""
    lines = lines if lines is not None else group_lines(page.words)
    variants = _variants(labels)
    cands: list[tuple[int, float, str, list[Word]]] = []
    glued_cands: list[tuple[tuple[int, float, str, list[Word]], Word]] = []
    # every word of the page, normalised, with where it stands
    flats: list[tuple[Line, list[int], list[str]]] = []
    tokens: list[str] = []
    where: list[tuple[int, int]] = []  # (line, position in its flat list)
    for line in lines:
        toks = [norm(w.text) for w in line.words]
        idx = [i for i, t in enumerate(toks) if t]
        flat = [toks[i] for i in idx]
        for j, t in enumerate(flat):
            tokens.append(t)
            where.append((len(flats), j))
        flats.append((line, idx, flat))
    if not tokens:
        return {}
    # the cheap gate, for all variants and words at once: does the word look like the label's first word?
    firsts = sorted({v.tokens[0] for v in variants})
    gate = process.cdist(firsts, tokens, scorer=fuzz.ratio, score_cutoff=60, workers=1) > 0
    # OCR may run several of the label's words into one token ("H.S.CODE"): a token containing the first word
    multi = [k for k, t in enumerate(tokens) if " " in t]
    if multi:
        gate[:, multi] |= process.cdist(firsts, [tokens[k] for k in multi], scorer=fuzz.partial_ratio,
                                        score_cutoff=95, workers=1) > 0
    first_row = {f: i for i, f in enumerate(firsts)}
    prefix3 = {}
    for k, t in enumerate(tokens):
        prefix3.setdefault(t[:3], []).append(k)
    # the words that may start each first word, found once for all the variants sharing it
    starts: dict[str, list[int]] = {}
    gated: dict[int, list[int]] = {}
    for row, k in zip(*(a.tolist() for a in np.nonzero(gate))):  # (all rows at once: one call, not one a row)
        gated.setdefault(row, []).append(k)
    for first, row in first_row.items():
        hits = set(gated.get(row, ()))
        if len(first) > 3:
            hits.update(prefix3.get(first[:3], ()))  # (every word sharing the first word's first three letters)
        starts[first] = sorted(hits)
    run_lengths: dict[int, int] = {}
    lines_under: dict[int, list[Line]] = {}
    line_spaces: dict[int, float] = {}
    line_tops = [ln.box.top for ln in lines]
    joined: dict[tuple[int, int], str] = {}
    colon_ends: dict[int, int] = {}  # how many words from a word to the first ending in a colon
    for var in variants:
        n = len(var.tokens)
        first = var.tokens[0]
        # short labels must match whole: "Certificate" is not "Certificate No."
        threshold = max(var.label.min_score, 92.0 if len(var.text) < 16 else 0.0)
        for k in starts[first]:
            li, s = where[k]
            line, idx, flat = flats[li]
            best = (0.0, 0)
            # (a caption ends at its colon: 'Vessel/Flight: WAN HAI 315' is no 'Vessel / Flight No.'. Past it
            # only the rest of the label's own words: OCR may read a slash as a colon, 'Vessel's name: Aircraft
            # flight number')
            upto = colon_ends.get(k)
            if upto is None:
                upto = colon_ends[k] = next((j - s + 1 for j in range(s, len(flat) - 1)
                                             if line.words[idx[j]].text.endswith((":", "："))), len(flat) - s)
            # (a word OCR ran together with the next, 'Vessel/FlightNo.', may hold the label's words in fewer)
            for kk in range(1 if " " in flat[s] else max(1, n - 1), min(n + 2, len(flat) - s + 1)):
                # (the page's phrases joined once for all the variants that try them)
                text = joined.get((k, kk))
                if text is None:
                    text = joined[(k, kk)] = " ".join(flat[s:s + kk])
                sc = fuzz.ratio(text, var.text)
                if sc > best[0] and (kk <= upto or _rest_of_label(flat[s:s + upto], flat[s + upto:s + kk], var.text)):
                    best = (sc, kk)
            run_length = 0
            if best[0] < threshold and n >= 3:
                run_length = run_lengths.get(k)
                if run_length is None:
                    run_length = run_lengths[k] = _run_length(line, idx, s)
            # a caption wrapped onto the next line: its first line is a prefix of the label, ending its run,
            # and the line under it starts with the rest
            more: list[Word] = []
            if best[0] < threshold and n >= 3:
                # (the run may go on into the next column's heading set close: 'Number of Containers Kind of
                # Packages;' over 'or Packages', so its shorter starts are tried too)
                for kk in range(min(run_length, n - 1), 1, -1):
                    head = " ".join(flat[s:s + kk])
                    if len(head) < 10:
                        break
                    if line.words[idx[s + kk - 1]].text.endswith((":", "：")):
                        continue  # (a caption closed by its colon goes on no further: 'Invoice No.:' over 'Date:')
                    sc = fuzz.ratio(head, var.text[:len(head)])
                    if sc >= max(threshold, 90.0):
                        under = lines_under.get(k)
                        if under is None:  # (looked for once for all the labels starting at this word)
                            under = lines_under[k] = _lines_under(lines, line_tops, line, line.words[idx[s]])
                        more = _continuation(under, line, line.words[idx[s]], var.text[len(head):].strip())
                        if more:
                            best = (sc, kk)
                            break
                # a caption whose end OCR made into junk (small print beside a column whose lines stand a little
                # higher: '2. Importer's o ee d ee'): a sure start of the label, then junk, is the caption, with a
                # confidence no higher than the label's threshold
                if best[0] < threshold and n >= 3:
                    kk = run_length
                    sure = next((j for j in range(kk) if line.words[idx[s + j]].confidence < JUNK), kk)
                    head = " ".join(flat[s:s + sure])
                    after = idx[s + sure] if s + sure < len(idx) else None
                    if 2 <= sure < n and len(head) >= 10 and fuzz.ratio(head, var.text[:len(head)]) >= 95.0 and \
                            (after is None or line.words[after].confidence < JUNK):
                        best = (threshold, sure)
            if best[0] >= threshold:
                ws = [line.words[idx[j]] for j in range(s, s + best[1])]
                # (weighed by the words it spans as printed: "Shipper/Exporter" is two, as "Shipper / Exporter")
                # a label is one run of text: words across a wide gap stand in different cells (the gaps are
                # measured between all the line's words, the slash of 'Shipper / Exporter' among them)
                run = line.words[idx[s]:idx[s + best[1] - 1] + 1]
                # (in a text layer a table's headings are told apart more finely: 'Item' and 'Description' set a
                # few spaces apart are two columns' headings, not 'Item Description')
                reach = 0.8 if var.label.column and page.source == "text_layer" else 1.5
                # (off a scan too, where the row's words are spaced closely: 'item' and 'Description' 11 points
                # apart in a row whose words stand 2 apart)
                space = 0.0
                if var.label.column and page.source == "ocr":
                    space = line_spaces.get(li, -1.0)
                    if space < 0:
                        space = line_spaces[li] = _word_space(line)
                wide = [b.box.x0 - a_.box.x1 for a_, b in zip(run, run[1:])
                        if b.box.x0 - a_.box.x1 > max(4.0 if reach < 1 else 8.0,
                                                      min(reach * a_.box.height, 3 * space) if space else
                                                      reach * a_.box.height)]
                # (off a scan, one gap where OCR lost a word of the caption - 'name, [address] and country' - or
                # a letter - 'and [R]oute' - is no cell's edge: it is about as wide as the letters missing)
                missing = len(var.text) - len(" ".join(flat[s:s + best[1]]))
                if wide and not (page.source == "ocr" and len(wide) == 1 and missing >= (3 if best[1] < n else 1)
                                 and wide[0] <= (missing + 2) * 0.6 * max(w.box.height for w in ws)):
                    continue
                # ... in one print size: a title beside a small caption ('PACKING LIST' and 'Date') is not one
                sizes = [w.box.height for w in ws + more]
                if page.source == "text_layer" and max(sizes) > 1.6 * min(sizes):
                    continue
                # a leading box number ("14." before "Remarks", OCR may read "1," for "1.") belongs to the label
                pos = idx[s]  # (positions, not list.index: comparing words compares every field)
                # (and may take the label's first letter with it: '2.1 mporter's' for '2. Importer's')
                # (or stands in a narrow cell of its own left of the caption, a ruling between: '5 | For Official
                # Use', nothing else just before it)
                if pos > 0 and BOX_NUMBER.fullmatch(line.words[pos - 1].text) and (
                        ws[0].box.x0 - line.words[pos - 1].box.x1 < 8 or
                        (ws[0].box.x0 - line.words[pos - 1].box.x1 < 2.2 * line.words[pos - 1].box.height and
                         (pos < 2 or line.words[pos - 1].box.x0 - line.words[pos - 2].box.x1 >
                          max(10.0, 1.5 * line.words[pos - 1].box.height)))):
                    ws = [line.words[pos - 1]] + ws
                    pos -= 1
                # a label starts its own run of text: "CONSIGNEE" in "SAME AS CONSIGNEE" is no label
                # (a ruling line read as "|" is no text)
                # (a checkbox's caption has its box, however read, just before it)
                # (nor is a caption in another script that OCR made into unsure junk: '买方 Buyer' read '377 Buyer')
                before = line.words[pos - 1] if pos > 0 else None
                # (nor is the Chinese half of a bilingual caption: '贸易条款 Trade Terms:')
                # (nor a second reading of the word itself: '1,' under '1.')
                glued = before is not None and norm(before.text) and not var.label.standalone and \
                    before.box.x1 <= ws[0].box.x0 + 1 and \
                    before.confidence >= UNSURE_JUNK and not (CJK.search(before.text) and not CJK.search(ws[0].text)) and \
                    ws[0].box.x0 - before.box.x1 < GLUED * max(ws[0].box.height, 4)
                # a caption runs on into a longer one: 'Customer Ref.' is no 'Customer', 'Packing List No.' no title
                # 'PACKING LIST'
                end = idx[s + best[1] - 1]
                after = line.words[end + 1] if end + 1 < len(line.words) else None
                if after is not None and norm(after.text) in CAPTION_TAIL and after.text[:1].isalpha() and \
                        after.box.x0 - ws[-1].box.x1 < GLUED * max(ws[-1].box.height, 4) and \
                        not ws[-1].text.endswith((":", "：")):
                    continue
                if var.label.standalone and _runs_on(line, end):
                    continue  # (a typed answer may follow: 'Issued retroactively: NO')
                # ... nor does a word run into it from before: 'Numbers' of 'Marks & Numbers', 'No.:' of 'S/C No.:'
                # (a box or mark before a question is its checkbox, not a word; OCR reads a box as letters too, a
                # ticked one as 'fel' or 'kx': a word there no wider than a box read as letters is taken for one)
                boxlike = before is not None and len(before.text) <= 3 and \
                    before.text not in ("&", "/", "+") and box_sized(before)
                if var.label.standalone and before is not None and not boxlike and \
                        (norm(before.text) or before.text in "&/+") and \
                        before.box.x1 <= ws[0].box.x0 + 1 and ws[0].box.x0 - before.box.x1 < GLUED * max(
                            ws[0].box.height, 4) and not TICK_BOX.fullmatch(before.text) and \
                        not BOX_READ_AS_LETTER.fullmatch(before.text) and not CJK.search(before.text) and \
                        before.confidence >= UNSURE_JUNK:
                    continue
                if glued:
                    # ... unless what stands before it is itself a caption: a row of column headings set close
                    glued_cands.append(((len(var.text.split()), best[0], var.label.key, ws + more), before))
                    continue
                cands.append((len(var.text.split()), best[0], var.label.key, ws + more))
    caption_ends = {id(c[3][-1]) for c in cands}
    cands += [c for c, before in glued_cands if id(before) in caption_ends]
    # (most pages print no Chinese: the Chinese captions and translations are looked for on those that do)
    chinese = any(CJK.search(w.text) for ln in lines for w in ln.words)
    cands += _chinese_candidates(lines, labels) if chinese else []
    # most evidence first: words matched, weighted by how well they matched
    cands.sort(key=lambda c: (-c[0] * max(c[1] - 80.0, 0.0) / 20.0, -c[1]))
    used: set[int] = set()
    found: dict[str, list[Anchor]] = {}
    beside = {lab.key: lab.beside for lab in labels}
    is_column = {lab.key: lab.column for lab in labels}

    def take(cands: list[tuple[int, float, str, list[Word]]], by_meaning: bool = False) -> None:
        for _n, score, key, ws in cands:
            if any(id(w) in used for w in ws):
                continue
            box = _union_box(ws)
            # the same label twice on one page is a repeat only when it stands elsewhere
            if any(abs(a.box.top - box.top) < 2 and abs(a.box.x0 - box.x0) < 2 for a in found.get(key, [])):
                continue
            used.update(id(w) for w in ws)
            found.setdefault(key, []).append(Anchor(key, box, score, ws, page.number, beside[key], is_column[key],
                                                    by_meaning))
    take(cands)
    # then captions read by their meaning. Where a wording matched only part of one, the caption is the whole of it,
    # so its other words are not read as the value: 'Certificate' of 'Certificate of Origin No.:'; and where the
    # caption ends in its colon, a wording of another label inside it gives way ('Date' of 'Date of Export:',
    # 'INVOICE' of 'Invoice Serial No.:'). Elsewhere, in words no caption took, they come after the label's own
    # wordings: a reader trying a label's captions in turn tries them last ('Certificate Reference Number' after
    # the title 'CERTIFICATE OF ORIGIN' taken for 'Certificate of Origin No.')
    meant = _meaning_candidates(lines, labels)
    anchor_of = {id(w): a for v in found.values() for a in v for w in a.words}
    for _n, meant_score, key, ws in meant:
        ids = {id(w) for w in ws}
        inside = {id(anchor_of[i]): anchor_of[i] for i in ids if i in anchor_of}
        if not inside:
            continue
        parts = {id(w) for a in inside.values() for w in a.words}
        if not parts < ids or any(i in used for i in ids - parts):
            continue
        if any(a.key != key for a in inside.values()) and not ws[-1].text.endswith((":", "：")):
            continue
        for a in inside.values():
            found[a.key].remove(a)
        extended = all(a.key == key for a in inside.values())
        score = max(a.score for a in inside.values()) if extended else meant_score
        found.setdefault(key, []).append(Anchor(key, _union_box(ws), score, list(ws), page.number, beside[key],
                                                is_column[key], not extended))
        anchor_of.update({id(w): found[key][-1] for w in ws})
        used.update(ids)
    found = {k: v for k, v in found.items() if v}
    take(meant, by_meaning=True)
    translated = {id(w): (line, i) for line in lines for i, w in enumerate(line.words)}
    vocab = _meanings_of(tuple(labels))[1]
    for key, v in found.items():
        found[key] = v = [_with_alternative(_with_translation(_led_by_translation(a, translated, used), translated,
                                                              used), translated, used, vocab)
                          for a in _bilingual(v)]
        # (a caption of one short word, 'By', 'To', 'Date', says less than a longer one of the same key, however
        # well matched: it comes after it, wherever it stands - a checkbox read 'By' is no 'Vessel's name')
        v.sort(key=lambda a: (len(a.words) == 1 and len(norm(a.words[0].text)) <= 4, a.by_meaning, -a.score, a.box.top,
                              a.box.x0))
    if chinese:
        _with_translations_above(found, lines, used, page.number, page.source == "ocr")
    return found


def box_sized(w: Word) -> bool:
    """No wider than a checkbox: what OCR makes of a box ('fel', 'HM', '加'), not a word of print."""
    return w.box.x1 - w.box.x0 <= 1.6 * (w.box.bottom - w.box.top)


def chinese_as_read(w: Word, scanned: bool) -> bool:
    """A word of a Chinese caption as read: Chinese characters; off a scan also what OCR made of them, Chinese run
    into other marks ('期,', 'SUE机') or junk read unsurely in their place ('3SGHAKRBA' at 0.00)."""
    if CJK_CAPTION.fullmatch(w.text) and CJK.search(w.text):
        return True
    return scanned and (bool(CJK.search(w.text)) or w.confidence < UNSURE_JUNK)


def _with_translations_above(found: dict[str, list[Anchor]], lines: list[Line], used: set[int], page: int,
                             scanned: bool = False) -> None:
    """'发票号码' over 'Invoice No.', '收货人' over 'Consignee': a caption cell in two languages, the Chinese on the
    line above the English and starting where it starts. The two lines are one caption, so that a value beside it
    starting level with the Chinese ('收货人 | SYDNEY TOY ...' with 'Consignee' level with the address) is read from
    its first line. A Chinese anchor of the same label there is part of it; the Chinese need not be a known
    caption ('船名航次' over 'Vessel')."""
    tops = sorted(lines, key=lambda ln: ln.box.top)
    owner = {id(w): (k, a) for k, v in found.items() for a in v for w in a.words}
    for key, v in found.items():
        for a in list(v):
            if not a.words or CJK.search(a.words[0].text) or not any(x is a for x in v):
                continue  # (Chinese itself, or already taken into the caption under it)
            h = max(a.box.height, 4.0)
            above = [ln for ln in tops if ln.box.top < a.box.top - 0.5 * h and ln.box.bottom > a.box.top - 1.2 * h]
            take: list[Word] = []
            # (the words over the caption, from every line there: a value set larger beside the Chinese makes a
            # line of its own)
            # (the Chinese may reach past the English: '发票日期' over 'Date')
            over = sorted((w for ln in above for w in ln.words if a.box.x0 - 3 <= w.box.x0
                           and w.box.bottom <= a.box.top + 1), key=lambda w: w.box.x0)
            for n, w in enumerate(over):
                # (off a scan, the first print of its line there: OCR's pieces of the Chinese of a line may stand
                # anywhere along it; and the box's number before the Chinese may be lost, which then starts a little in)
                first = not scanned or not any(
                    o.box.x0 < w.box.x0 - 1 and o.box.x1 <= w.box.x0 + 1 and w.box.x0 - o.box.x1 < 2 * h and
                    _overlaps(o.box.top, o.box.bottom, w.box.top, w.box.bottom) for ln in above for o in ln.words)
                if not take and (not first or abs(w.box.x0 - a.box.x0) > 3 and not (
                        scanned and 0 < w.box.x0 - a.box.x0 <= 2 * h and chinese_as_read(w, scanned))):
                    break  # (not starting where the English starts: another cell's text)
                # (the box's number leads the Chinese, not the English under it: '4. 运输方式及路线' over 'Means of
                # transport and route')
                # (off a scan a character or two of the Chinese after it may be lost: '4.' and '方式' 18 points apart)
                numbered = not take and BOX_NUMBER.fullmatch(w.text) and n + 1 < len(over) and \
                    chinese_as_read(over[n + 1], scanned) and over[n + 1].box.x0 - w.box.x1 < 4 * h
                if numbered and not (id(w) in used and owner.get(id(w), (None,))[0] != key):
                    take.append(w)
                    continue
                if not chinese_as_read(w, scanned) or \
                        (take and w.box.x0 - take[-1].box.x1 > (4 if BOX_NUMBER.fullmatch(take[-1].text) else 2) * h):
                    break
                if id(w) in used and owner.get(id(w), (None,))[0] != key:
                    break
                take.append(w)
            # (junk alone is a translation where no reading of it is sure - Chinese read with Latin letters, 'HORAN,
            # SEES MENS' - or with Chinese read as Chinese in it, or the box's number before it)
            if not take or not any(CJK.search(w.text) for w in take) and not BOX_NUMBER.fullmatch(take[0].text) and \
                    sum(w.confidence for w in take) / len(take) >= JUNK:
                continue
            for w in take:  # a Chinese anchor of the same label is now part of this one
                o = owner.get(id(w), (None, None))[1]
                if o is not None and o is not a:
                    v[:] = [x for x in v if x is not o]
            used.update(id(w) for w in take)
            merged = Anchor(a.key, _union_box(take + a.words), a.score, take + a.words, a.page, a.beside, a.column,
                            a.by_meaning)
            v[next(i for i, x in enumerate(v) if x is a)] = merged
    # a caption cell in two languages that no label knows ('起运港' over 'From') is still a caption: the block of a
    # value beside the caption above it ('买方 Buyer | SYDNEY TOY ...') ends there
    for n, ln in enumerate(tops):
        k = 0
        while k < len(ln.words):
            zh: list[Word] = []
            while k < len(ln.words) and id(ln.words[k]) not in used and CJK_CAPTION.fullmatch(ln.words[k].text) \
                    and CJK.search(ln.words[k].text) \
                    and (not zh or ln.words[k].box.x0 - zh[-1].box.x1 < 2 * max(zh[-1].box.height, 4.0)):
                zh.append(ln.words[k])
                k += 1
            if not zh:
                k += 1
                continue
            # (Chinese right after other words is their translation or a value, not a cell's caption of its own)
            i = k - len(zh)
            if i > 0 and zh[0].box.x0 - ln.words[i - 1].box.x1 < 3 * max(zh[0].box.height, 4.0):
                continue
            en = _caption_under(zh, tops[n + 1:n + 4], used)
            if en:
                used.update(id(w) for w in zh + en)
                found.setdefault(UNKNOWN_CAPTION, []).append(
                    Anchor(UNKNOWN_CAPTION, _union_box(zh + en), 100.0, zh + en, page, 0.0))


UNKNOWN_CAPTION = "caption"  # the key of a caption no label knows, found only to bound its neighbours' values


def _caption_under(zh: list[Word], below: list[Line], used: set[int]) -> list[Word]:
    """The English caption under a Chinese one: starting where it starts, just under it, in print no larger,
    a short run of words none of which is taken."""
    h = max(w.box.height for w in zh)
    for ln in below:
        if ln.box.top > zh[0].box.bottom + 1.2 * h:
            break
        first = next((i for i, w in enumerate(ln.words) if abs(w.box.x0 - zh[0].box.x0) <= 3), None)
        if first is None or ln.words[first].box.top < zh[0].box.bottom - 1:
            continue
        run = [ln.words[first]]
        for w in ln.words[first + 1:]:
            if w.box.x0 - run[-1].box.x1 > 1.5 * max(run[-1].box.height, 4.0):
                break
            run.append(w)
        if len(run) <= 5 and all(id(w) not in used and not CJK.search(w.text) and re.search(r"[A-Za-z]", w.text)
                                 and w.box.height <= 1.15 * h for w in run):
            return run
        return []
    return []


def _with_alternative(a: Anchor, where: dict[int, tuple[Line, int]], used: set[int], vocab: frozenset[str]) -> Anchor:
    """A caption naming its thing two ways, the second after a slash: 'Vessel's name / Flight number' matched as
    'Vessel's name' (the words after it are no wording of the label) takes the alternative too, so that '/ Flight
    number' is not read as the value. The alternative is caption words only, up to the next gap."""
    if not a.words or id(a.words[-1]) not in where:
        return a
    line, i = where[id(a.words[-1])]
    rest = line.words[i + 1:]
    if not rest or not rest[0].text.startswith("/"):
        return a
    h = max(a.box.height, 4.0)
    run, prev = [], a.words[-1]
    for w in rest:
        if w.box.x0 - prev.box.x1 > 1.5 * h or id(w) in used:
            break
        run.append(w)
        prev = w
    toks = [t for w in run for t in _meaning_tokens(w.text.lstrip("/"))]
    if not toks or len(toks) > 4 or any(t not in vocab for t in toks):
        return a
    used.update(id(w) for w in run)
    ws = a.words + run
    return Anchor(a.key, _union_box(ws), a.score, ws, a.page, a.beside, a.column, a.by_meaning)


def _union_box(ws: list[Word]) -> Box:
    box = ws[0].box
    for w in ws[1:]:
        box = box.union(w.box)
    return box


# Words a caption may hold besides the words that say what it is: 'Name and address of the exporter'.
CAPTION_FILLER = frozenset("""of the and or in at for s 's name names address addresses country full details
particulars if known any its their his her is are by""".split())
BRACKETED_UNIT = re.compile(r"\([A-Z]{2,4}\)[:：]?")
MEANING_SCORE = 88.0  # a caption read by its meaning: sure enough to read by, less sure than a wording seen before
MEANING_WORDS = 7  # a caption says what it is in a few words; a longer run of known words is running text
Signature = tuple[str, list[list[str]], frozenset[str]]  # (label key, groups of alternatives, the words they use)


@lru_cache(maxsize=65536)
def _meaning_tokens(text: str) -> tuple[str, ...]:
    """A caption's words as meanings are written: 'Manufacturer's' is 'manufacturer'."""
    return tuple(t[:-2] if t.endswith("'s") else t.replace("'", "") for t in norm(text).split())


@lru_cache(maxsize=64)
def _meanings_of(labels: tuple[Label, ...]) -> tuple[list[Signature], frozenset[str]]:
    """Each label's signatures as groups of alternatives (normalised) with the words they use, and every word of
    them all."""
    sigs: list[Signature] = []
    vocab: set[str] = set(CAPTION_FILLER)
    for lab in labels:
        for m in lab.meaning:
            groups = [[" ".join(_meaning_tokens(a)) for a in g.split("|")] for g in m.split(" + ")]
            words = frozenset(w for g in groups for a in g for w in a.split())
            sigs.append((lab.key, groups, words))
            vocab.update(words)
    return sigs, frozenset(vocab)


def _meaning_candidates(lines: list[Line], labels: list[Label]) -> list[tuple[int, float, str, list[Word]]]:
    """Captions in words no variant holds, read by what they say: a run of text at the start of a cell, ending
    in a colon or filling the cell, made of caption words only ('Name of Consignor:', 'Certifying Agency'), whose
    words say one label's meaning and no other's."""
    sigs, vocab = _meanings_of(tuple(labels))
    if not sigs:
        return []
    columns = {lab.key for lab in labels if lab.column}
    standalone = {lab.key for lab in labels if lab.standalone}
    heading_sigs = [sig for sig in sigs if sig[0] in columns]
    box_sigs = [sig for sig in sigs if sig[0] not in columns]
    out = []
    for line in lines:
        # (most lines are values: no word of theirs says what a caption says)
        if not any(t in vocab and t not in CAPTION_FILLER for w in line.words for t in _meaning_tokens(w.text)):
            continue
        for seg in split_segments(line):
            said = _said(seg.words, sigs, vocab)
            if said or not heading_sigs:
                runs = [said]
            elif len(parts := phrases(seg)) > 1:
                # (a row of table headings set a few word spaces apart is one segment: each run of words is tried
                # for a heading; elsewhere a caption starts its cell, and 'CONSIGNEE' of 'SAME AS CONSIGNEE' is none)
                runs = [_said(ws, heading_sigs, vocab) for ws in parts]
            else:
                # (a caption standing alone that says both a box's meaning and a heading's - 'Serial No.', the
                # certificate's or an item's - is the box's: headings stand in a row)
                runs = [_said(seg.words, box_sigs, vocab)]
            out += [r for r in runs if r and not (r[2] in standalone and
                                                  _runs_on(line, next(i for i, w in enumerate(line.words) if w is r[3][-1])))]
    return out


def _runs_on(line: Line, end: int) -> bool:
    """Do words other than an answer run on close after the caption ending at `line.words[end]`? A question's caption
    stands alone or answered ('Third-party invoicing: NO'); run on, it is text ('THIRD-PARTY INVOICING: ORIENT LINK
    ...' in the remarks)."""
    if end + 1 >= len(line.words):
        return False
    nxt = line.words[end + 1]
    # (a caption closed by its colon with figures after it is followed by its value: 'No.: INV-HA250782')
    if line.words[end].text.endswith((":", "：")) and re.search(r"\d", nxt.text):
        return False
    return nxt.box.x0 - line.words[end].box.x1 < 8 and norm(nxt.text) not in ANSWERS and \
        not TICK_BOX.fullmatch(nxt.text)


def _said(ws: list[Word], sigs: list[Signature], vocab: frozenset[str]) -> tuple[int, float, str, list[Word]] | None:
    """The caption at the start of a run of words, by its meaning, if its words say one label's."""
    i = 0
    # (a box number, or a mark that says no word - a ballot box '☒', or an empty one OCR read as a letter or two,
    # '口', 'LI', or as junk - before the caption is no part of it)
    while i < len(ws) and (BOX_NUMBER.fullmatch(ws[i].text) or not _meaning_tokens(ws[i].text) or
                           BOX_READ_AS_LETTER.fullmatch(ws[i].text) or ws[i].confidence < JUNK):
        i += 1
    toks: list[str] = []
    end = i
    while end < len(ws):
        if end > i and BRACKETED_UNIT.fullmatch(ws[end].text):
            end += 1  # ('Net Amount Payable (USD)': the currency or unit the caption's value is in ends it)
            break
        more = _meaning_tokens(ws[end].text)
        toks += more
        end += 1
        if len(toks) > MEANING_WORDS or any(t not in vocab for t in more):
            return None
        if ws[end - 1].text.endswith((":", "：")):
            break
    cap = ws[i:end]
    if not toks:
        return None
    text = f" {' '.join(toks)} "
    head = next((t for t in toks if t not in CAPTION_FILLER), "")
    # a caption names its thing first ('Quantity and FOB value' is Box 12's quantity, 'Invoice number and date'
    # Box 13's invoice): the labels whose words take the caption's first word, then those whose words take most
    # of it
    said: dict[str, tuple[bool, int]] = {}
    present = set(toks)
    for key, groups, words in sigs:
        # (a caption ending in 'Ref.', 'No.' or 'Code' names a number, not the thing: 'Customer Ref.' is no buyer)
        if present.isdisjoint(words) or (toks[-1] in CAPTION_TAIL and toks[-1] not in words):
            continue
        if all(any(f" {a} " in text for a in g) for g in groups):
            said[key] = max(said.get(key, (False, 0)), (head in words, sum(t in words for t in toks)))
    if not said:
        return None
    best = max(said.values())
    keys = [k for k, n in said.items() if n == best]
    return (len(cap), MEANING_SCORE, keys[0], cap) if len(keys) == 1 else None


def _bilingual(anchors: list[Anchor]) -> list[Anchor]:
    """'发票号码 Invoice No.:' is one caption in two languages: a Chinese caption and the same label just after
    it on its line become one anchor."""
    out: list[Anchor] = []
    # (left to right along a line: Chinese print stands a little higher than Latin on the same baseline)
    for a in sorted(anchors, key=lambda a: (a.box.x0, a.box.top)):
        i = next((i for i in range(len(out) - 1, -1, -1)
                  if _overlaps(out[i].box.top, out[i].box.bottom, a.box.top, a.box.bottom)), None)
        prev = out[i] if i is not None else None
        if prev is not None and 0 <= a.box.x0 - prev.box.x1 < 3 * max(a.box.height, 4.0) and \
                bool(CJK.search(prev.words[0].text)) != bool(CJK.search(a.words[0].text)):
            out[i] = Anchor(a.key, prev.box.union(a.box), max(prev.score, a.score),
                                          prev.words + a.words, a.page, a.beside, a.column)
        else:
            out.append(a)
    return sorted(out, key=lambda a: (a.box.top, a.box.x0))


CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_CAPTION = re.compile(r"[\u4e00-\u9fff\u3001\uff0c\uff1b\uff08\uff09/、，；]+[:：]?")  # (with '（如已知）')


def _junk(w: Word) -> bool:
    """A word that is no reading of Latin print: read very unsurely, or, ending a caption at its colon, with
    figures or signs no caption word has ('S934:', '#01:')."""
    if w.confidence < JUNK:
        return True
    return w.text.endswith((":", "：")) and (w.confidence < UNSURE_JUNK or bool(re.search(r"[\d#¢§%*\"/]", w.text)))


def _led_by_translation(a: Anchor, where: dict[int, tuple[Line, int]], used: set[int]) -> Anchor:
    """'Người mua / Buyer:', 'Số hóa đơn / Invoice No.:': a caption led by the same caption in another language and
    a slash is one caption, starting where its first language starts (its value stands under the whole)."""
    if not a.words:
        return a
    line, i = where.get(id(a.words[0]), (None, -1))
    if line is None or i < 2 or line.words[i - 1].text not in ("/", "|"):
        return a
    take: list[Word] = []
    nxt = a.words[0]
    for w in reversed(line.words[:i]):
        if id(w) in used or nxt.box.x0 - w.box.x1 > GLUED * max(w.box.height, 4.0) * 2:
            break
        take.insert(0, w)
        nxt = w
    if len(take) < 2:
        return a
    box = a.box
    for w in take:
        box = box.union(w.box)
    used.update(id(w) for w in take)
    return Anchor(a.key, box, a.score, take + a.words, a.page, a.beside, a.column, a.by_meaning)


def _with_translation(a: Anchor, where: dict[int, tuple[Line, int]], used: set[int]) -> Anchor:
    """'Port of discharge 卸货口岸: TOKYO': forms that print the Chinese after the English caption, on its line,
    ending at a colon or at the end of the line (or, read as junk, before a colon or the value). That Chinese is part of the caption, not the start of the
    value. A caption ending in its own colon ('Seller: 山东...') is followed by a value, Chinese or not."""
    if not a.words or CJK.search(a.words[-1].text) or a.words[-1].text.endswith((":", "：")):
        return a
    line, i = where.get(id(a.words[-1]), (None, -1))
    if line is None:
        return a
    take: list[Word] = []
    prev = a.words[-1]
    rest = line.words[i + 1:]
    for n, w in enumerate(rest):
        if id(w) in used or w.box.x0 - prev.box.x1 > 3 * max(w.box.height, 4.0):
            break
        # (read without Chinese models, the translation is junk: 'Port of discharge #9i¢0#: HAI PHONG', and junk
        # may follow the colon: 'S934: ems BUSAN')
        closed = bool(take) and take[-1].text.endswith((":", "："))
        if closed:
            if w.confidence < JUNK:
                take.append(w)
                prev = w
                continue
            break
        # (a word in capitals printed larger than the caption, ending the line, is its value read unsurely:
        # 'Issued in THAILAND'; one with the value after it is the translation read as junk, '证书编号' as 'EBRAS')
        last = n + 1 == len(rest) or rest[n + 1].box.x0 - w.box.x1 > 3 * max(w.box.height, 4.0)
        if last and re.fullmatch(r"[A-Z]{4,}[,.]?", w.text) and w.box.height > 1.1 * max(x.box.height for x in a.words):
            break
        # (junk amid Chinese read as Chinese is a character the Chinese reading missed: '收 货 A 人')
        amid = n + 1 < len(rest) and CJK_CAPTION.fullmatch(rest[n + 1].text) is not None
        if CJK_CAPTION.fullmatch(w.text) or ((len(take) < 3 or amid) and _junk(w)) or (take and w.text in (":", "：")):
            take.append(w)
            prev = w
            continue
        break
    if not take or not any(CJK.search(w.text) or _junk(w) for w in take):
        return a
    nxt = line.words[line.words.index(take[-1]) + 1:]
    ends = take[-1].text.endswith((":", "：")) or not nxt or nxt[0].box.x0 - take[-1].box.x1 > 3 * max(take[-1].box.height, 4.0)
    # Chinese between an English caption and a value in Latin letters is the caption's translation, its colon
    # lost or never printed ('Port of discharge 卸货口岸 BUSAN, KOREA')
    between = all(CJK.search(w.text) for w in take) and not CJK.search(nxt[0].text) if nxt else False
    if not ends and not between and not all(w.confidence < JUNK for w in take):
        return a
    box = a.box
    for w in take:
        box = box.union(w.box)
    used.update(id(w) for w in take)
    return Anchor(a.key, box, a.score, a.words + take, a.page, a.beside, a.column, a.by_meaning)


@lru_cache(maxsize=1)
def _zh():
    """spaCy's blank Chinese pipeline with the jieba segmenter, loaded on the first page with Chinese."""
    import logging

    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not for a reviewer's console
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


# spaCy's string store is not safe to change from several threads at once, and the flow reads documents in
# threads: concurrent make_doc calls lost a caption key's string ('Can't retrieve string for hash'). Chinese
# captions are matched under one lock, and match ids are turned back into keys with the matcher's own table.
_ZH_LOCK = threading.Lock()


@lru_cache(maxsize=32)
def _zh_matcher(labels: tuple[Label, ...]):
    from spacy.matcher import PhraseMatcher

    nlp = _zh()
    matcher = PhraseMatcher(nlp.vocab)
    keys = {}
    for lab in labels:
        terms = {"".join(CJK.findall(v)) for v in lab.variants if CJK.search(v)}
        if terms:
            matcher.add(lab.key, [nlp.make_doc(t) for t in sorted(terms)])
            keys[nlp.vocab.strings.add(lab.key)] = lab.key
    return matcher, keys


def _chinese_candidates(lines: list[Line], labels: list[Label]) -> list[tuple[int, float, str, list[Word]]]:
    """Chinese captions (发票号码, 卖方 ...), found on jieba-segmented text with spaCy's PhraseMatcher: Chinese
    is written without spaces, so words as the PDF or OCR cut them do not line up with the label's words. (Called
    for pages that print Chinese.)"""
    with _ZH_LOCK:
        return _match_chinese(lines, _zh(), *_zh_matcher(tuple(labels)))


def _match_chinese(lines: list[Line], nlp, matcher, keys: dict[int, str]) -> list[tuple[int, float, str, list[Word]]]:
    out = []
    for line in lines:
        if not any(CJK.search(w.text) for w in line.words):
            continue
        spans, text = [], ""
        prev = None
        # (junk read amid Chinese characters, '商业发 SJ-==) 票', is no word between them)
        ws = line.words
        ws = [w for i, w in enumerate(ws) if not (0 < i < len(ws) - 1 and _junk(w) and not CJK.search(w.text) and
                                                  CJK.search(ws[i - 1].text) and CJK.search(ws[i + 1].text))]
        for w in ws:
            # OCR cuts Chinese into single characters: those that stand close together are one text again
            glued = prev is not None and CJK.search(prev.text[-1]) and CJK.search(w.text[0]) and \
                w.box.x0 - prev.box.x1 < 1.5 * max(w.box.height, 4.0)
            sep = "" if glued or not text else " "
            start = len(text) + len(sep)
            text = f"{text}{sep}{w.text}"
            spans.append((start, len(text), w))
            prev = w
        doc = nlp.make_doc(text)
        for match_id, s0, e0 in matcher(doc):
            a, b = doc[s0:e0].start_char, doc[s0:e0].end_char
            ws = [w for (x, y, w) in spans if x < b and y > a]
            if ws:
                out.append((1, 100.0, keys[match_id], ws))
    return out


def _lines_under(lines: list[Line], tops: list[float], line: Line, first: Word) -> list[Line]:
    """The lines just under `line` (`tops`: each line's top), close enough under `first` to go on a caption
    starting there."""
    h = max(first.box.height, 4.0)
    bottom = line.box.bottom
    return [below for below, top in zip(lines, tops) if bottom - 1 < top < bottom + 1.2 * h]


def _continuation(under: list[Line], line: Line, first: Word, rest: str) -> list[Word]:
    """The words on a line under `line` (`under`: `_lines_under`), starting under `first`, that spell `rest` (a
    caption's second line); empty when they do not."""
    if not rest:
        return []
    h = max(first.box.height, 4.0)
    for below in under:
        start = [w for w in below.words if abs(w.box.x0 - first.box.x0) < 1.5 * h]
        if not start:
            continue
        run = below.words[below.words.index(start[0]):]
        got: list[Word] = []
        for w in run:
            if got and w.box.x0 - got[-1].box.x1 > max(8.0, 1.5 * h):
                break
            got.append(w)
            text = norm(" ".join(x.text for x in got))
            if len(text) >= len(rest) - 2:
                break
        if got and fuzz.ratio(norm(" ".join(x.text for x in got)), rest) >= 80:
            return got
    return []


def _word_space(line: Line) -> float:
    """The space between words of a line, where it shows at least twice (gaps under half the print's height);
    0 where it does not."""
    gaps = sorted(b.box.x0 - a.box.x1 for a, b in zip(line.words, line.words[1:])
                  if 0 <= b.box.x0 - a.box.x1 < 0.6 * max(a.box.height, 4.0))
    return gaps[len(gaps) // 2] if len(gaps) >= 2 else 0.0


def _run_length(line: Line, idx: list[int], s: int) -> int:
    """How many (non-empty) words from position s run on without a wide gap: the rest of a text run."""
    k = 1
    while s + k < len(idx):
        a, b = line.words[idx[s + k - 1]], line.words[idx[s + k]]
        if b.box.x0 - a.box.x1 > max(8.0, 1.5 * a.box.height):
            break
        k += 1
    return k


# ---------------------------------------------------------------- regions

@dataclass
class Region:
    anchor: Anchor
    box: Box
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln.words]

    def confidence(self) -> float:
        ws = self.words
        return sum(w.confidence for w in ws) / len(ws) if ws else 0.0

    def source_box(self) -> Box | None:
        ws = self.words
        if not ws:
            return None
        b = ws[0].box
        for w in ws[1:]:
            b = b.union(w.box)
        return b


def _overlaps(a0: float, a1: float, b0: float, b1: float) -> bool:
    return min(a1, b1) - max(a0, b0) > 0


_BY_HEIGHT: dict[int, tuple[list[Word], list[float], list[Word]]] = {}


def _words_between(page: Page, top: float, bottom: float) -> list[Word]:
    """The page's words whose vertical centre lies between top and bottom (a region's candidates), found by
    bisection on the words sorted by height on the page: a page is cut into regions many times."""
    cached = _BY_HEIGHT.get(id(page))
    if cached is None or cached[0] is not page.words:
        order = sorted(page.words, key=lambda w: (w.box.top + w.box.bottom) / 2)
        cached = (page.words, [(w.box.top + w.box.bottom) / 2 for w in order], order)
        if len(_BY_HEIGHT) > 64:
            _BY_HEIGHT.clear()
        _BY_HEIGHT[id(page)] = cached
    _, centres, order = cached
    return order[bisect.bisect_left(centres, top):bisect.bisect_right(centres, bottom)]


def region_of(page: Page, anchor: Anchor, all_anchors: list[Anchor], *, direction: str = "below",
              boilerplate: Iterable[str] = (), max_height: float = 260.0) -> Region:
    """The words a label governs.

    below: what stands to the label's right on its own line (up to the next label there), and the block under
    it down to the next label that starts beneath it; the block ends on the right where another label starts
    within its height (the next column). above: the block over a caption such as a signature line's, up to
    the label above it.
    """
    a = anchor.box
    others = [o for o in all_anchors if o is not anchor]
    hard_left = 0.0  # where a label on the same line ends, to the left
    line_right = page.width
    for o in others:
        same_line = _overlaps(a.top + 1, a.bottom - 1, o.box.top, o.box.bottom)
        if same_line and o.box.x1 < a.x0 + 1:
            hard_left = max(hard_left, o.box.x1 + 1)
        if same_line and o.box.x0 > a.x1 - 1:
            line_right = min(line_right, o.box.x0 - 1)
    left = max(a.x0 - 8, hard_left)

    def block(right: float) -> float:
        """Bottom (or top, above) of the block for a given right edge."""
        if direction == "below":
            edge = a.top + max_height
            for o in others:
                if o.box.top > a.bottom - 1 and (o.column or o.box.x0 < max(a.x1, left + 40)) \
                        and _overlaps(left, right, o.box.x0, o.box.x1):
                    edge = min(edge, o.box.top - 0.5)
            return edge
        edge = max(a.top - max_height, 0.0)
        for o in others:
            if o.box.bottom < a.top + 1 and o.box.x0 < max(a.x1, left + 40) and _overlaps(left, right, o.box.x0, o.box.x1):
                edge = max(edge, o.box.bottom + 0.5)
        return edge

    # start at the next label on the label's own line, then pull the right edge in to any label whose box
    # (its column, down to the next label under it) stands beside the block
    right = min(line_right, page.width)
    xmin = max(a.x1, left + 40) - 1
    while True:
        edge = block(right)
        lo, hi = (a.top + 1, edge) if direction == "below" else (edge, a.bottom - 1)
        # (a box beside the block from its caption's middle down: off a scan a caption's box number read a few
        # points higher, '116' over 'Certification', does not make the box start beside the block's last line)
        blockers = [o for o in others if not o.column and xmin < o.box.x0 < right
                    and _overlaps(lo, hi, (o.box.top + o.box.bottom) / 2, column_extent(o, others + [anchor])[1])]
        if not blockers:
            break
        right = min(o.box.x0 for o in blockers) - 1
    edge = block(right)
    if direction == "below":
        box = Box(x0=left, top=a.top, x1=max(right, line_right if line_right < page.width else right), bottom=edge)
    else:
        box = Box(x0=left, top=edge, x1=right, bottom=a.top - 0.5)
    label_ids = {id(w) for o in all_anchors for w in o.words}
    words: list[Word] = []
    same_line: list[Word] = []
    nearby = _words_between(page, min(box.top, a.top) - 2, max(box.bottom, a.bottom) + 2)
    for w in nearby:
        if id(w) in label_ids:
            continue
        cx, cy = (w.box.x0 + w.box.x1) / 2, (w.box.top + w.box.bottom) / 2
        on_label_line = a.top - 1 <= cy <= a.bottom + 1
        if direction == "below" and on_label_line:
            if w.box.x0 >= a.x1 - 1 and w.box.x1 <= line_right + 1:
                same_line.append(w)  # the rest of the label's own line
            continue
        # a value may start a little left of its caption where the caption is led by one in another language
        # that OCR lost ('卖方 Seller:' read as '3275 Seller:'): a word that reaches across the caption's start
        # is under it
        starts_in = box.x0 <= w.box.x0 + 2 or (w.box.x0 >= a.x0 - 24 and w.box.x1 >= a.x0 + 2 and w.box.x0 >= hard_left)
        if starts_in and cx <= right and box.top <= cy <= box.bottom:
            words.append(w)
    # a line's first words may stand a little left of the caption ('88/9 MOO 4' under '卖方 Seller:' whose
    # Chinese part OCR lost): a word joined to the words under the caption by a word space is one of them
    for _ in range(2):
        taken = {id(w) for w in words}
        for w in nearby:
            if id(w) in taken or id(w) in label_ids or not (max(a.x0 - 24, hard_left) <= w.box.x0 < box.x0 + 2):
                continue
            cy = (w.box.top + w.box.bottom) / 2
            if not (box.top <= cy <= box.bottom) or (direction == "below" and a.top - 1 <= cy <= a.bottom + 1):
                continue
            if any(0 <= u.box.x0 - w.box.x1 <= max(6.0, 1.5 * w.box.height)
                   and _overlaps(w.box.top, w.box.bottom, u.box.top, u.box.bottom) for u in words):
                words.append(w)
    # on the label's own line, a value follows the label closely and runs on without a wide gap; text far to
    # the right belongs to the next box (whose title may not have been read). A parenthesis right after the
    # caption is the rest of the caption: 'Exporter (name and address)', 'Unit Price (USD)'
    same_line = sorted(same_line, key=lambda w: w.box.x0)
    if same_line and same_line[0].text.startswith("(") and same_line[0].box.x0 - a.x1 < 8:
        k = next((i for i, w in enumerate(same_line) if w.text.rstrip(":").endswith(")")), None)
        if k is not None:
            same_line = same_line[k + 1:]
    # a grid of captioned cells ('Invoice No.' over its value, 'Delivery No.' in the next cell): text beside a
    # caption in the caption's own small print, where larger print stands just under it, is the next cell's caption
    # (on a text page only: off a scan a word's box is its ink, '(Country)' with its brackets taller than 'CHINA')
    if same_line and anchor.words and direction == "below" and page.source == "text_layer":
        cap = max(w.box.height for w in anchor.words)
        under = sorted((w for w in words if w.box.top >= a.bottom - 1 and w.confidence >= 0.8 and
                        len(re.sub(r"\W", "", w.text)) >= 2), key=lambda w: w.box.top)  # (a checkbox read 'O' is none)
        first_under = [w for w in under if w.box.top < under[0].box.bottom] if under else []
        if first_under and first_under[0].box.top - a.bottom < 2 * cap and \
                max(w.box.height for w in first_under) > 1.2 * cap and max(w.box.height for w in same_line) <= 1.1 * cap:
            same_line = []
    # a caption with its value set under it ('Invoice Number' over 'INV-0042') heads a column of its own: a line of
    # the next column's block that happens to stand at its height (the seller's block beside a column of stacked
    # captions) is not its value: far off, not level with it, and one of a block of lines
    if same_line and direction == "below" and _another_columns_line(page, a, same_line[0], words):
        same_line = []
    # a box title whose value stands beside it in the next cell, nothing but the rest of its caption under it (an
    # issuing system's rows of captioned cells: '1. Exporter (name, address, country)' | 'ULSAN PETRO ...'): the text
    # beside it is its value
    beside = anchor.beside
    if beside == 0 and direction == "below" and same_line and not any(
            (w.box.top + w.box.bottom) / 2 > a.bottom + 1 and w.box.x0 <= a.x0 + VALUE_INDENT and
            not CAPTION_RUNNING_ON.fullmatch(w.text) for w in words):
        beside = page.width
        words = [w for w in words if w.box.x0 > a.x0 + VALUE_INDENT]
    prev_x1 = a.x1
    for w in same_line:
        if w.box.x0 - prev_x1 > (beside if prev_x1 == a.x1 else max(12.0, 2.5 * w.box.height)):
            break
        words.append(w)
        prev_x1 = w.box.x1
    # "Departure Date : 12 MAR 2025": a colon printed apart from its caption is no part of the value
    words = [w for w in words if w.text not in (":", "：", "-")] if words and words[0].text in (":", "：") else words
    # where the value starts on the caption's own line: its wrapped lines stand under it, however far right
    # ('Certifying body: CHINA COUNCIL FOR THE PROMOTION OF' over 'INTERNATIONAL TRADE')
    value_x0 = next((w.box.x0 for w in words if a.top - 1 <= (w.box.top + w.box.bottom) / 2 <= a.bottom + 1), None)
    lines = []
    for ln in group_lines(words):
        on_label_line = a.top - 1 <= (ln.box.top + ln.box.bottom) / 2 <= a.bottom + 1
        if not on_label_line:
            # a value stands left-aligned under its title; a run of text that starts far to the right
            # belongs to a neighbouring box whose title was not read
            runs = []
            for r in split_segments(ln):
                # ... unless it follows a kept run at a typed double space ('QINGDAO, CHINA  05.05.2025')
                # (the run's tallest word: a scan's box of 'JUN.' is its capitals' ink, shorter than the type)
                if r.box.x0 <= a.x0 + VALUE_INDENT or (
                        runs and r.box.x0 - runs[-1].box.x1 < 2.5 * max(max(w.box.height for w in r.words), 4.0)) or (
                        not runs and value_x0 is not None and abs(r.box.x0 - value_x0) <= 2.0):
                    runs.append(r)
            if not runs:
                continue
            ln = Line([w for r in runs for w in r.words])
        ln = trim_specks(ln)
        if ln is not None and not is_boilerplate(ln.text, boilerplate) and not _box_numbers(ln):
            lines.append(ln)
    return Region(anchor, box, lines)


# a caption's words wrapped onto the line under it: small letters, brackets ('country)', '(if known)')
CAPTION_RUNNING_ON = re.compile(r"[(\[]?[a-z][a-z'’/,.&-]*[)\]]?[.,:]?")


def _box_numbers(line: Line) -> bool:
    """A row of bracketed box numbers ('(6) (7) (8)' over a table's headings, a bracket lost off a scan: '6) (7')
    numbers the boxes under it and is no value."""
    return all(re.fullmatch(r"\(?\d{1,2}\)?", w.text) for w in line.words) and \
        any(re.search(r"[()]", w.text) for w in line.words)


def _another_columns_line(page: Page, a: Box, far: Word, words: list[Word]) -> bool:
    """Is `far`, on a caption's line, a line of another column's block rather than the caption's value? The caption
    has its value under it, left-aligned; `far` stands a wide gap off, not level with the caption (its block's
    lines keep their own pitch), with a line of its block just over or under it."""
    h = a.bottom - a.top
    if far.box.x0 - a.x1 <= max(24.0, 3 * h):
        return False
    if abs((far.box.top + far.box.bottom) / 2 - (a.top + a.bottom) / 2) <= 0.3 * max(h, far.box.height):
        return False
    if not any(a.bottom - 1 <= w.box.top < a.bottom + 1.5 * h and a.x0 - 8 <= w.box.x0 <= a.x0 + VALUE_INDENT
               for w in words):
        return False
    fh = far.box.height
    return any(w is not far and abs(w.box.x0 - far.box.x0) < 2 and 0.8 * fh < abs(w.box.top - far.box.top) < 2.2 * fh
               for w in _words_between(page, far.box.top - 2.5 * fh, far.box.bottom + 2.5 * fh))


def _speck(w: Word) -> bool:
    """A stain or a stamp's edge read as a word: short, unsure, and not the capitals or digits forms print."""
    if re.fullmatch(r"[A-Z0-9]+[.,]?|\d{1,2}(?:st|nd|rd|th)", w.text):  # (or an ordinal day: '1st August 2024')
        return False
    return (w.confidence < 0.6 and len(w.text) <= 2) or (w.confidence < 0.35 and len(w.text) <= 4)


def _without_edge_specks(ws: list[Word]) -> list[Word]:
    """A table cell's words off a scan without a ruling or stain read as a word at its start ('af SEOUL/25/424')
    or as marks at its end ('WOODEN =:'). A cell's only word is its value however unsurely read ('wo' in Box 10
    is read again, not dropped); a word with figures may be the value with a ruling read into it ('/451 PCS'), a
    longer word at its start a part of the value ('EXP/'), and a word with letters at its end a unit ('451 Pcs')."""
    while len(ws) > 1 and _speck(ws[0]) and len(ws[0].text) <= 2 and not re.search(r"\d", ws[0].text):
        ws = ws[1:]
    while len(ws) > 1 and _speck(ws[-1]) and not re.search(r"[A-Za-z0-9]", ws[-1].text):
        ws = ws[:-1]
    return ws


def trim_specks(line: Line) -> Line | None:
    ws = list(line.words)
    while ws and _speck(ws[-1]):
        ws.pop()
    while ws and _speck(ws[0]):
        ws.pop(0)
    return Line(ws) if ws else None


def column_extent(o: Anchor, anchors: list[Anchor]) -> tuple[float, float]:
    """How far down a label's box reaches: forms are rows of boxes, and a box ends where the next label
    below it starts at or left of its own left edge (the next row, or the next box in its column)."""
    bottom = o.box.top + 400.0
    for p in anchors:
        if p is not o and p.box.top > o.box.bottom - 1 and p.box.x0 <= o.box.x0 + 20:
            bottom = min(bottom, p.box.top)
    return o.box.top, bottom


def is_boilerplate(text: str, phrases: Iterable[str]) -> bool:
    t = norm(text)
    if not t:
        return True
    for p in phrases:
        pn = norm(p)
        if len(t) >= 12 and len(pn) > len(t) and fuzz.partial_ratio(t, pn) >= 92:
            return True
        if len(t) >= 4 and len(pn) > len(t) and pn.endswith(t):
            return True  # the last word of a printed paragraph wrapped onto a line of its own ('Agreement.')
        if fuzz.ratio(t, pn) >= 88:
            return True
    return False


# ---------------------------------------------------------------- tables

def complete_header(page: Page, heads: dict[str, Anchor], columns: list[Label], min_score: float = 75.0
                    ) -> dict[str, Anchor]:
    """Find the column headings the first pass missed, looking only in the heading row the others mark out
    and with a looser match: OCR's "9. HS Cade" or "14. RCEP" (for 11.) in a row of recognised headings is
    still the heading. Box numbers are left out of the comparison, as OCR misreads them most."""
    if len(heads) < 3:
        return heads
    # (the row of the headings' first words in Latin letters: where a row of Chinese stands over the English
    # headings, '单价' over 'Unit Price', the English row is the one to complete)
    # (and in each tier of headings, where a table prints its headings in two: each head's row)
    tops = {next((w for w in a.words if not CJK.search(w.text)), a.words[0]).box.top for a in heads.values()}
    used = {id(w) for a in heads.values() for w in a.words}
    band = [w for w in page.words if min(abs(w.box.top - t) for t in tops) < 6 and id(w) not in used]
    lines = group_lines(band)
    out = dict(heads)
    for col in columns:
        if col.key in out:
            continue
        best: tuple[float, list[Word]] | None = None
        for v in col.variants:
            toks = [t for t in (norm(x) for x in v.split()) if t and not re.fullmatch(r"\d{1,2}", t)]
            if not toks:
                continue
            text = " ".join(toks)
            for line in lines:
                ws = [w for w in line.words if norm(w.text) and not re.fullmatch(r"\d{1,2}\.?", w.text)]
                for i in range(len(ws)):
                    for k in (len(toks), len(toks) + 1):
                        window = ws[i:i + k]
                        if len(window) < len(toks) or any(id(w) in used for w in window):
                            continue
                        sc = fuzz.ratio(" ".join(norm(w.text) for w in window), text)
                        if sc >= min_score and (best is None or sc > best[0]):
                            best = (sc, window)
        if best:
            ws = best[1]
            # the heading's box number, however misread, belongs to it and marks where the column starts
            for line in lines:
                if ws[0] in line.words:
                    i = line.words.index(ws[0])
                    if i > 0 and re.fullmatch(r"\d{1,2}\.?", line.words[i - 1].text) and \
                            ws[0].box.x0 - line.words[i - 1].box.x1 < 8:
                        ws = [line.words[i - 1]] + ws
            out[col.key] = Anchor(col.key, _union_box(ws), best[0], ws, page.number, column=True)
            used.update(id(w) for w in ws)
    return out



@dataclass
class Column:
    key: str
    x0: float
    x1: float


@dataclass
class TableRow:
    cells: dict[str, list[Line]]
    top: float
    bottom: float

    def text(self, key: str, sep: str = " ") -> str:
        return sep.join(ln.text for ln in self.cells.get(key, []))

    def words(self, key: str) -> list[Word]:
        return [w for ln in self.cells.get(key, []) for w in ln.words]


def columns_of(headers: dict[str, Anchor], page_width: float) -> list[Column]:
    """Columns run from one heading's left edge to the next. The first column found starts just left of its
    heading: text further left is in a column whose heading was not read, and is left out rather than put in
    the wrong column."""
    heads = sorted(headers.values(), key=lambda a: a.box.x0)
    cols = []
    for i, h in enumerate(heads):
        x0 = h.box.x0 - (3 if i else 12)
        x1 = heads[i + 1].box.x0 - 3 if i + 1 < len(heads) else page_width
        cols.append(Column(h.key, x0, x1))
    return cols


# a line of asterisks, crosses or dashes closing a list of goods so that nothing can be added to it
CLOSING_MARK = re.compile(r"[*xX=~_\-.#]{4,}")
# ... or the goods' total said in words: 'TOTAL: SEVEN HUNDRED EIGHTEEN (718) CARTONS ONLY', 'SAY TOTAL ... ONLY.'
# (wrapped, its first line: 'TOTAL: SIX HUNDRED TEN (610)')
CLOSING_TOTAL = re.compile(r"^(?:SAY\s+)?TOTAL\s*:|^(?:SAY\s+)?TOTAL\b.*\bONLY\b\W*$|^SAY\b.*\bONLY\b\W*$", re.I)


# ... or a word between such marks: '*** END ***', '--- NIL ---'
CLOSING_WORDS = {"END", "NIL", "ENDS", "LAST"}  # ('*** LAST ITEM ***')
SURROUNDING_MARK = re.compile(r"[*xX=~_\-#]{3,}")


def closes_goods(line: Line) -> bool:
    """A line that closes a list of goods so that nothing can be added to it."""
    ws = line.words
    if all(CLOSING_MARK.fullmatch(w.text) for w in ws) or CLOSING_TOTAL.match(line.text):
        return True
    if len(ws) >= 4 and CLOSING_MARK.fullmatch("".join(w.text for w in ws)):
        return True  # spaced: '- - - - - -'
    if not 1 < len(ws) <= 6:
        return False
    # (off a scan, a run of asterisks is read as flat, unsure letters: 'eke END eee', their ink a mark's height)
    tallest = max(w.box.height for w in ws)
    # (an asterisk's ink is about two thirds of a capital's height: 'ee LAST TEM. ee' for '*** LAST ITEM ***')
    marks = [bool(SURROUNDING_MARK.fullmatch(w.text) or (w.box.height < 0.7 * tallest and w.confidence < 0.8))
             for w in (ws[0], ws[-1])]
    # (one of the two may be lost: 'END ***' closes as the word says)
    said = any(w.text.upper().strip(".:") in CLOSING_WORDS for w in ws)
    return all(marks) or (any(marks) and said) if len(ws) > 2 else any(marks) and said


RIGHT_SET = 1.5  # points: a value and its heading set right in their column end this close


def _set_right(line: Line, heads: list[Anchor]) -> dict[int, str]:
    """Figures set right under a heading set right ('125,840 LTRS' under 'Quantity') may reach left past the
    heading's start, over the column before: a value (words a word space apart) that ends where a heading ends
    is that heading's, whole. Word ids to column keys."""
    out: dict[int, str] = {}
    for phrase in phrases(line):
        end = phrase[-1].box.x1
        head = next((h for h in heads if abs(h.box.x1 - end) <= RIGHT_SET and h.box.x0 > phrase[0].box.x0), None)
        # (a phrase starting where another heading starts is that column's value run on, set left: 'AUSTRALIA'
        # under 'RCEP Country' just before '9,500 KGS' under 'QUANTITY')
        if head is not None and not any(abs(h.box.x0 - phrase[0].box.x0) <= RIGHT_SET + 1 for h in heads):
            out.update({id(x): head.key for x in phrase})
    return out


def phrases(line: Line) -> list[list[Word]]:
    """The line's runs of words a word space apart."""
    out: list[list[Word]] = []
    for w in sorted(line.words, key=lambda w: w.box.x0):
        if out and w.box.x0 - out[-1][-1].box.x1 <= max(3.0, 0.6 * w.box.height):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _under_one_heading(line: Line, heads: list[Anchor]) -> dict[int, str]:
    """A phrase (words a word space apart) that stands under one heading only is that heading's, whole: values
    set left under a heading centred over them ('UPHOLSTERED DINING' under 'Description', starting left of it)
    would otherwise lose their first word to the column before. Word ids to column keys."""
    out: dict[int, str] = {}
    for phrase in phrases(line):
        x0, x1 = phrase[0].box.x0, phrase[-1].box.x1
        over = [h for h in heads if h.words and min(x1, h.box.x1) - max(x0, h.box.x0) > 0]
        # (only a phrase starting left of the heading: a code right of a long heading whose neighbour's heading OCR
        # lost keeps its own column)
        if len(over) == 1 and x0 < over[0].box.x0:
            out.update({id(x): over[0].key for x in phrase})
    return out


def _bounded_by_other_headings(page: Page, heads: list[Anchor], cols: list[Column]) -> list[Column]:
    """A heading no label holds, standing in the headings' row, ends the column before it: 'Cartons' runs up to
    'N.W./Ctn', not on over the weights per carton to 'Total N.W.' (whose figures were read as the cartons').
    Words going on from a heading ('Total' before 'N.W.', '(USD)' after 'Total Value') or over and under it are
    that heading's."""
    if not all(h.words for h in heads):
        return cols  # (columns told by their contents stand where the first row's values do: no headings' row)
    top, bottom = min(h.box.top for h in heads), max(h.box.bottom for h in heads)
    taken = {id(w) for h in heads for w in h.words}

    def of_a_heading(w: Word) -> bool:
        for h in heads:
            gap = 1.5 * max(h.box.height, 4.0)
            beside = h.box.top < w.box.bottom and w.box.top < h.box.bottom and \
                (-gap <= w.box.x0 - h.box.x1 <= gap or -gap <= h.box.x0 - w.box.x1 <= gap)
            if beside or (w.box.x0 < h.box.x1 and h.box.x0 < w.box.x1):
                return True
        return False
    band = [w for w in page.words if id(w) not in taken and top - 1 <= (w.box.top + w.box.bottom) / 2 <= bottom + 1]
    # a run of words set close on a line is one heading: a word going on from a heading's words is the heading's
    # ('COUNTRY OF' under '11. RCEP')
    others = []
    for ln in group_lines(band):
        run: list[Word] = []
        for w in ln.words + [None]:
            if w is not None and run and w.box.x0 - run[-1].box.x1 <= 1.5 * max(w.box.height, 4.0):
                run.append(w)
                continue
            if run and not any(of_a_heading(x) for x in run):
                # (a box number alone is a heading whose words went unread: '43.' for '13. Invoice No.')
                others += [x for x in run if any(c.isalpha() for c in x.text) or BOX_NUMBER.fullmatch(x.text)]
            run = [w] if w is not None else []
    if not others:
        return cols
    out = []
    for c in cols:
        ends = [w.box.x0 - 3 for w in others if c.x0 + 4 < w.box.x0 < c.x1]
        out.append(Column(c.key, c.x0, min([c.x1] + ends)))
    return out


def _tiers(heads: list[Anchor]) -> tuple[list[Anchor], list[Anchor]]:
    """Headings in two tiers: those with another heading over them (their spans across overlapping) are the
    lower tier. A table of one tier has none: its headings stand side by side."""
    stacked = [b for b in heads if any(a is not b and a.box.bottom <= b.box.top + 1 and
                                       min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0) > 2 for a in heads)]
    if not stacked:
        return heads, []
    # (the tiers by height, halfway between the top heading and the highest stacked one: a heading of the lower
    # tier need not stand under one of the upper, and off a scan its box may stand a few points higher)
    split = (min(a.box.top for a in heads) + min(b.box.top for b in stacked)) / 2
    lower = [b for b in heads if b.box.top >= split]
    if len(lower) < 2 or len(lower) == len(heads):
        return heads, []
    return [a for a in heads if _not_among(a, lower)], lower


def _starts_lower_tier(x0: float, upper: list[Anchor], lower: list[Anchor]) -> bool:
    """Does a line starting at x0 start an item's lower row: at the table's left edge (the HS code under the item
    number), or where only a lower heading starts (the criterion, where no HS code is printed)?"""
    at = lambda heads: any(abs(x0 - a.box.x0) <= 2 for a in heads)  # noqa: E731
    return x0 <= min(a.box.x0 for a in lower) + 2 or (at(lower) and not at(upper))


def _not_among(a: Anchor, anchors: list[Anchor]) -> bool:
    return not any(a is b for b in anchors)


def _starts_row(ln: Line, cols: list[Column], starters: dict[str, re.Pattern[str] | None]) -> bool:
    """Does the line hold a row's key value in the key's column?"""
    for k, pat in starters.items():
        col = next((c for c in cols if c.key == k), None)
        if col is None:
            continue
        text = " ".join(w.text for w in ln.words if col.x0 <= (w.box.x0 + w.box.x1) / 2 < col.x1)
        if text and (pat is None or pat.search(text)):
            return True
    return False


def read_table(page: Page, headers: dict[str, Anchor], row_key: str | dict[str, re.Pattern[str]], *,
               stop_top: float | None = None, row_start: re.Pattern[str] | None = None,
               max_gap: float = 60.0) -> list[TableRow]:
    """Rows under column headings. Columns run from one heading's left edge to the next; a row starts where
    `row_key`'s column holds a value matching `row_start` (any text if None) -- or, with a dict of column
    keys to patterns, where any of those columns matches; lines in between belong to the row above (wrapped
    descriptions). Lines between the headings and the first row are heading tails."""
    starters = row_key if isinstance(row_key, dict) else {row_key: row_start}
    if not any(k in headers for k in starters):
        return []
    heads = sorted(headers.values(), key=lambda a: a.box.x0)
    cols = _bounded_by_other_headings(page, heads, columns_of(headers, page.width))
    # headings in two tiers, each item on two rows of the table ('Item No. | Marks | Description' over 'HS Code |
    # Origin criterion | ...'): the lower tier's columns read an item's lines from the one that starts at the
    # table's left edge, after its first
    upper, lower = _tiers(heads)
    tier_cols = [_bounded_by_other_headings(page, t, columns_of({a.key: a for a in t}, page.width))
                 for t in (upper, lower)] if lower else []
    head_top = min(h.box.top for h in heads)
    head_bottom = max(h.box.bottom for h in heads)
    stop = stop_top if stop_top is not None else page.height
    header_ids = {id(w) for h in heads for w in h.words}
    body = [w for w in page.words if id(w) not in header_ids and head_top <= w.box.top and w.box.bottom <= stop + 2
            and (w.box.top + w.box.bottom) / 2 > head_bottom - 1]
    lines = group_lines(body)

    tier = 0

    def col_of(w: Word) -> str | None:
        # by the word's centre: OCR boxes stand a point or two off where the text layer puts them
        cx = (w.box.x0 + w.box.x1) / 2
        for c in (tier_cols[tier] if tier_cols else cols):
            if c.x0 <= cx < c.x1:
                return c.key
        return None

    rows: list[TableRow] = []
    last_bottom = None
    starts_at: dict[float, str] = {}  # where the current row's values start, and in which column
    for ln in lines:
        if closes_goods(ln):
            if rows:
                break  # '******' under the last item: the list is closed, nothing after it is goods
            continue
        starts_here = False
        if lower:
            # (an item starts by the upper tier's keys: an HS code under the item number starts none)
            starts_here = _starts_row(ln, tier_cols[0], {k: p for k, p in starters.items()
                                                         if any(a.key == k for a in upper)} or starters)
            if starts_here:
                tier = 0
            elif tier == 0 and rows and _starts_lower_tier(ln.words[0].box.x0, upper, lower):
                tier, starts_at = 1, {}
        tier_heads = (upper, lower)[tier] if lower else heads
        right_set = _set_right(ln, tier_heads)
        under = _under_one_heading(ln, tier_heads)

        def columns(placed: dict[int, str]) -> dict[str, list[Word]]:
            by_col: dict[str, list[Word]] = {}
            for w in ln.words:
                k = right_set.get(id(w)) or under.get(id(w)) or placed.get(id(w)) or col_of(w)
                if k:
                    by_col.setdefault(k, []).append(w)
            return by_col

        by_col = columns({})
        starts = starts_here
        for k, pat in starters.items() if not lower else ():
            key_text = " ".join(w.text for w in by_col.get(k, []))
            if key_text and (pat is None or pat.search(key_text)):
                starts = True
        if not starts and rows:
            # a line wrapped in its cell starts where the cell's first line starts ('VENEER' under 'SOLID WOOD')
            placed: dict[int, str] = {}
            for phrase in phrases(ln):
                k = next((key for x, key in starts_at.items() if abs(x - phrase[0].box.x0) <= 2), None)
                if k is not None and not any(id(w) in right_set or id(w) in under for w in phrase):
                    for w in phrase:
                        # (a value run close up to the next cell's: 'USD175,219.20 18-MAR-2025', the date
                        # starting where Box 13's first line starts, is two cells' lines)
                        k = next((key for x, key in starts_at.items() if abs(x - w.box.x0) <= 2), k)
                        placed[id(w)] = k
            by_col = columns(placed) if placed else by_col
        if starts:
            rows.append(TableRow({}, ln.box.top, ln.box.bottom))
            starts_at = {}
        elif not rows or (last_bottom is not None and ln.box.top - last_bottom > max_gap):
            if rows:
                break  # a gap this wide ends the table
            continue  # heading tails above the first row
        row = rows[-1]
        for k, ws in by_col.items():
            if page.source == "ocr":
                ws = _without_edge_specks(ws)
            row.cells.setdefault(k, []).append(Line(ws))
            starts_at.setdefault(min(w.box.x0 for w in ws), k)
        row.bottom = max(row.bottom, ln.box.bottom)
        last_bottom = ln.box.bottom
    return rows
