"""Where a page's columns must be read apart.

tesseract reads a form best as one uniform block (`--psm 6`), line by line across the page. That fails where two
columns side by side have their lines at different heights: a bilingual caption in one box beside a value in the
next, a party's name beside an 'Invoice No.' cell. tesseract then takes the two columns' lines for one line, fits
one baseline through both, and garbles both ('2. Importer's o ee d ee').

So before the one reading the page is cut, by its ink alone, into bands of text lines; a band whose columns
(split at a vertical ruling or a wide gutter) have lines at different heights is cut into its columns, and
each column is looked at again the same way. The pieces are set one under another on a sheet that tesseract
reads in one call, and every word is put back where it stands on the page. Bands whose columns line up, as
table rows and most forms do, stay whole: the sheet is the page where nothing needs cutting. Finding the pieces
costs ~15 ms a page at 300 dpi; white space costs tesseract next to nothing, so the sheet reads in the time
of the page.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

POOL = 4             # the page is looked at in cells of 4x4 pixels (a text line is 6-12 cells tall at 300 dpi)
RULING_LENGTH = 0.4  # inches of unbroken ink: a ruling; no letter or word is that long at the pixel level
GUTTER = 0.12        # inches of blank between two columns (a word space is far narrower)
MAX_DEPTH = 3        # columns within columns within columns, no deeper
SHEET_GAP = 24       # pixels of white between pieces set one under another


def _pooled(a: np.ndarray, axis: int) -> np.ndarray:
    """Any ink in each run of POOL pixels along `axis` (strided ORs: far faster than reshape-and-any)."""
    out = (a[0::POOL] if axis == 0 else a[:, 0::POOL]).copy()
    for k in range(1, POOL):
        out |= a[k::POOL] if axis == 0 else a[:, k::POOL]
    return out


def _long_runs(m: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, start, end) of every run of at least `length` True cells along the rows of `m`."""
    h, w = m.shape
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = m
    d = np.diff(padded.ravel())
    starts, ends = np.nonzero(d == 1)[0], np.nonzero(d == -1)[0]
    keep = ends - starts >= length
    starts, ends = starts[keep], ends[keep]
    return starts // (w + 2), starts % (w + 2), ends % (w + 2)


def _runs(profile: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the runs of True in a 1-d profile."""
    d = np.diff(np.concatenate([[0], profile.astype(np.int8), [0]]))
    return list(zip(np.nonzero(d == 1)[0].tolist(), np.nonzero(d == -1)[0].tolist()))


@dataclass
class _Ink:
    """A page's ink in cells of POOL x POOL pixels: text, and the table's rulings apart from it."""
    text: np.ndarray
    vertical_rulings: np.ndarray
    gutter: int      # cells
    min_line: int    # cells: a line of text is taller than this (a speck, a comma's tail is not)
    tolerance: float  # cells: lines whose tops or bottoms are this close stand on one line
    max_line: int    # cells: one line of text, a title's too, is no taller than this (0.3 inch: 22 points)

    @classmethod
    def of(cls, img: Image.Image, dpi: float) -> "_Ink":
        dark = np.asarray(img if img.mode == "L" else img.convert("L")) < 128
        h, w = dark.shape[0] // POOL, dark.shape[1] // POOL
        dark = dark[:h * POOL, :w * POOL]
        # rulings are found on the page pooled one way only, so that the letters of a bold word, a few pixels
        # apart, do not run together into a "ruling"
        rows, cols = _pooled(dark, 0), _pooled(dark, 1)
        cells = _pooled(rows, 1)
        length = int(dpi * RULING_LENGTH)
        horizontal = np.zeros((h, w), bool)
        vertical = np.zeros((h, w), bool)
        for r, a, b in zip(*_long_runs(rows, length)):
            horizontal[max(0, r - 1):r + 2, a // POOL:(b - 1) // POOL + 1] = True
        for c, a, b in zip(*_long_runs(cols.T, length)):
            vertical[a // POOL:(b - 1) // POOL + 1, max(0, c - 1):c + 2] = True
        per_inch = dpi / POOL
        return cls(text=cells & ~horizontal & ~vertical, vertical_rulings=vertical,
                   gutter=max(2, int(per_inch * GUTTER)), min_line=max(2, int(per_inch * 0.03)),
                   tolerance=max(1.5, per_inch * 0.02), max_line=int(per_inch * 0.3))

    def lines(self, y0: int, y1: int, x0: int, x1: int) -> list[tuple[int, int]]:
        """The runs of rows with text in a region: its lines, or bands of lines that overlap."""
        return [(y0 + s, y0 + e) for s, e in _runs(self.text[y0:y1, x0:x1].any(axis=1))]

    def columns(self, y0: int, y1: int, x0: int, x1: int) -> list[tuple[int, int]]:
        """The columns of a band: split where a vertical ruling runs down most of it or a gutter is blank."""
        ink = self.text[y0:y1, x0:x1].any(axis=0)
        ruled = self.vertical_rulings[y0:y1, x0:x1].mean(axis=0) > 0.6
        cols, prev = [], 0
        for s, e in _runs(~ink | ruled):
            if e - s >= self.gutter or ruled[s:e].any():
                if s > prev:
                    cols.append((x0 + prev, x0 + s))
                prev = e
        if prev < x1 - x0:
            cols.append((x0 + prev, x1))
        return [c for c in cols if self.text[y0:y1, c[0]:c[1]].any()]

    def misaligned(self, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
        """Do two columns' lines overlap without standing on one line (neither tops nor bottoms level)?"""
        return any(min(a1, b1) > max(a0, b0) and abs(a0 - b0) > self.tolerance and abs(a1 - b1) > self.tolerance
                   for a0, a1 in a for b0, b1 in b)

    def pieces(self, y0: int, y1: int, x0: int, x1: int, depth: int = 0) -> list[tuple[int, int, int, int]]:
        """The region as rectangles (x0, top, x1, bottom, in cells) to read one under another."""
        out: list[tuple[int, int, int, int]] = []
        kept = end = None  # the run of bands read as they stand: its first line's top, its last line's bottom
        for b0, b1 in self.lines(y0, y1, x0, x1):
            if b1 - b0 <= self.min_line:
                continue  # a speck, a ruling's stub: part of a piece only where it lies within one
            cols = self.columns(b0, b1, x0, x1) if depth < MAX_DEPTH else []
            if len(cols) > 1:
                lines = [[ln for ln in self.lines(b0, b1, c0, c1) if ln[1] - ln[0] > self.min_line]
                         for c0, c1 in cols]
                if any(self.misaligned(lines[i], lines[j]) for i in range(len(cols))
                       for j in range(i + 1, len(cols))):
                    if kept is not None:
                        out.append((x0, kept, x1, end))
                        kept = None
                    for c0, c1 in cols:
                        out += self.pieces(b0, b1, c0, c1, depth + 1)
                    continue
            if kept is None:
                kept = b0
            end = b1
        if kept is not None:
            out.append((x0, kept, x1, end))
        return out


def reading_pieces(img: Image.Image, dpi: float) -> tuple[list[tuple[int, int, int, int]],
                                                            list[tuple[int, int, int, int]]]:
    """The page as pixel rectangles (x0, top, x1, bottom) to read one under another, in reading order (the
    whole page as it is where no columns need reading apart); and the page's lines of print, as pixel
    rectangles of their rows across the page.

    tesseract reading a page as one block may drop a line whole - a grid's column headings boxed in between two
    rulings, a title in large type - and reads it fine on its own; the lines tell where print was left unread,
    to be read again (`ocr._lost_lines`). Cutting the page at rulings instead changes how tesseract reads the
    rest (a total row read as the ruling over it: 'alll')."""
    ink = _Ink.of(img, dpi)
    h, w = ink.text.shape
    pieces = ink.pieces(0, h, 0, w)
    lines = [(0, b0 * POOL, img.width, min(img.height, b1 * POOL)) for b0, b1 in ink.lines(0, h, 0, w)
             if ink.min_line < b1 - b0 <= ink.max_line]
    if len(pieces) <= 1:
        return [(0, 0, img.width, img.height)], lines
    return [(x0 * POOL, max(0, y0 - 1) * POOL, min(img.width, x1 * POOL), min(img.height, (y1 + 1) * POOL))
            for x0, y0, x1, y1 in pieces], lines


@dataclass
class Sheet:
    """Pieces of a page set one under another, each at its own x, with where each came from."""
    image: Image.Image
    placed: list[tuple[int, int, int, int]]  # (page top, sheet top, height, x0) for each piece

    @classmethod
    def of(cls, img: Image.Image, pieces: list[tuple[int, int, int, int]]) -> "Sheet":
        tops, y, prev = [], 0, None
        for x0, top, x1, bottom in pieces:
            whole = x0 == 0 and x1 >= img.width - POOL
            # consecutive whole-width pieces are the page as it stands: no gap between them
            if prev is not None and not (whole and prev == (top, True)):
                y += SHEET_GAP
            tops.append(y)
            y += bottom - top
            prev = (bottom, whole)
        sheet = Image.new("L", (img.width, y + SHEET_GAP), 255)
        placed = []
        for (x0, top, x1, bottom), sy in zip(pieces, tops):
            sheet.paste(img.crop((x0, top, x1, bottom)), (x0, sy))
            placed.append((top, sy, bottom - top, x0))
        return cls(sheet, placed)

    def to_page(self, data: dict[str, list]) -> dict[str, list]:
        """tesseract's table of words on the sheet, with each word's top moved back to where it stands on the
        page (x is unchanged: every piece keeps its x)."""
        out: dict[str, list] = {k: [] for k in data}
        for k in range(len(data["text"])):
            mid = data["top"][k] + data["height"][k] / 2
            for top, sy, h, _ in self.placed:
                if sy - SHEET_GAP / 2 <= mid < sy + h + SHEET_GAP / 2:
                    for key in data:
                        out[key].append(data[key][k])
                    out["top"][-1] = data["top"][k] - sy + top
                    break
        return out
