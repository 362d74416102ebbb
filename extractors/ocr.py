"""OCR of page images with tesseract, keeping every word's box and confidence.

tesseract runs one thread per process (`OMP_THREAD_LIMIT=1`: 14 s -> 3 s a page on this machine);
parallelism comes from running several documents at once.
"""
from __future__ import annotations

import os
import re
import tempfile
import threading
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# the engine kept in process for second readings must not spin its idle OpenMP threads while the tesseract
# program reads the next page (measured: +0.2 s a page with the default policy)
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import ExifTags, Image, ImageOps  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from extractors.blocks import Sheet, _runs as _true_runs, reading_pieces  # noqa: E402
from extractors.layout import with_spaced_letters_joined  # noqa: E402
from pipeline.model import Box, Page, Word  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

_SETTINGS = Settings.from_env()

# How many tesseract processes may run at once, whatever the number of threads reading documents: the
# machine's cores, not the orchestrator's threads, are the limit. `set_ocr_workers` changes it.
_OCR_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


def set_ocr_workers(n: int) -> None:
    global _OCR_SLOTS
    _OCR_SLOTS = threading.BoundedSemaphore(max(1, n))


# Forms and tables read row by row far better with a single uniform block than with automatic segmentation.
TESSERACT_CONFIG = _SETTINGS.tesseract_config
# A page whose mean confidence is below this is first checked for orientation.
ORIENTATION_RETRY_BELOW = 0.55


def image_dpi(img: Image.Image) -> float:
    """The image's resolution: its own DPI tag when plausible, else the width of an A4 page."""
    dpi = img.info.get("dpi")
    if dpi and 70 <= float(dpi[0]) <= 1200:
        return float(dpi[0])
    return max(img.width, img.height * 0.707) / 8.27


TARGET_DPI = _SETTINGS.ocr_target_dpi
MIN_WORD_CONFIDENCE = 0.10  # below this a short "word" is a speck read as text (rulings are dropped by their shape)
MIN_DESKEW = 0.15  # degrees: a page turned less than this reads as well unturned
# Levelling a page at 300 dpi: nearest-neighbour costs next to nothing; bicubic reads +0.8 points better on
# mild scans (dev set, 50 scans: 98.7% against 97.9%) but costs ~0.2 s a page, a sixth of the reading itself.
LEVEL_RESAMPLE = {"nearest": Image.NEAREST, "bicubic": Image.BICUBIC}[_SETTINGS.ocr_levelling]
MIN_GLYPH_HEIGHT = 2.0  # points: no letter or figure is printed smaller; a flatter "word" is a speck or a ruling
RULING = re.compile(r"[|\[\]{}_—–=]+")  # a table's ruling read as characters


def _prepare(img: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    """The page as tesseract gets it when it needs no levelling: grey, at least TARGET_DPI."""
    return _level(*_grey(img, dpi), 0.0)


def _grey(img: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    # phone photos carry their rotation as a tag (looked at first: turning copies the page even when upright)
    if img.getexif().get(ExifTags.Base.Orientation, 1) != 1:
        img = ImageOps.exif_transpose(img)
    if img.mode not in ("L", "RGB", "1"):  # (a bilevel scan goes to grey directly: through RGB costs 15 times more)
        img = img.convert("RGB")
    return img.convert("L"), dpi


def _level(img: Image.Image, dpi: float, angle: float) -> tuple[Image.Image, float]:
    """Bring small scans up to TARGET_DPI and turn the page by `angle` degrees (counter-clockwise, about its
    centre) so that its lines run level. Bicubic enlarging reads as well as Lanczos here at half its cost
    (40 against 80 ms a page); one affine pass doing both is slower still in Pillow."""
    if dpi < TARGET_DPI - 20:
        f = TARGET_DPI / dpi
        img, dpi = img.resize((round(img.width * f), round(img.height * f)), Image.BICUBIC), TARGET_DPI
    if abs(angle) >= MIN_DESKEW:
        img = img.rotate(angle, resample=LEVEL_RESAMPLE, expand=False, fillcolor=255)
    return img, dpi


def skew_angle(img: Image.Image, max_angle: float = 3.0, step: float = 0.1) -> float:
    """The correction, in degrees for PIL's `rotate` (counter-clockwise), that levels the text lines: found by
    the projection profile, as rows of text give the sharpest histogram of ink when the page is straight."""
    small = img.reduce(3) if img.width > 1200 else img  # a box filter: the cheapest way down
    a = np.asarray(small, dtype=np.uint8)
    ys, xs = np.nonzero(a < 128)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 60000:
        idx = np.random.default_rng(0).choice(len(ys), 60000, replace=False)
        ys, xs = ys[idx], xs[idx]
    def sharpness(ang: float) -> float:
        t = np.deg2rad(ang)
        proj = (ys * np.cos(t) - xs * np.sin(t)).astype(np.int32)
        hist = np.bincount(proj - proj.min())
        return float((hist.astype(np.float64) ** 2).sum())

    # coarse to fine: every half degree, then every `step` around the best (25 profiles instead of 61)
    coarse = np.arange(-max_angle, max_angle + 0.25, 0.5)
    centre = float(max(coarse, key=sharpness))
    fine = np.arange(centre - 0.5, centre + 0.5 + step / 2, step)
    best = float(max(fine, key=sharpness))
    return round(best, 2)


# tesseract gets the page as an uncompressed file in memory: pytesseract's own hand-over compresses a PNG,
# which costs a tenth of the reading itself on a 300 dpi page
_TMP = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@contextmanager
def _image_file(img: Image.Image):
    with tempfile.NamedTemporaryFile(suffix=".bmp", dir=_TMP) as tf:
        img.save(tf.name, format="BMP")
        yield tf.name


def tesseract_data(img: Image.Image, lang: str = "eng", config: str | None = None) -> dict[str, list]:
    """tesseract's table of words for a page image (one process, one of the machine's OCR slots)."""
    with _OCR_SLOTS, _image_file(img) as path:
        return pytesseract.image_to_data(path, lang=lang, config=config or TESSERACT_CONFIG,
                                         output_type=pytesseract.Output.DICT)


_API = threading.local()


@lru_cache(maxsize=1)
def _tessdata_dir() -> str | None:
    """Where the installed tesseract keeps its models (the in-process engine reads the same ones)."""
    import subprocess

    try:
        out = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'"([^"]+)"', out)
    return m[1] if m else None


def _in_process(lang: str):
    """A tesseract engine kept loaded in this thread (tesserocr), with the page reading's settings; None where
    tesserocr is not installed. Second readings are small: starting the tesseract program and loading its model
    for each (~0.1 s) cost far more than reading them (~0.02 s)."""
    try:
        import tesserocr
    except ImportError:
        return None
    engines = getattr(_API, "engines", None)
    if engines is None:
        engines = _API.engines = {}
    if lang not in engines:
        psm = re.search(r"--psm\s+(\d+)", TESSERACT_CONFIG)
        oem = re.search(r"--oem\s+(\d+)", TESSERACT_CONFIG)
        try:
            engines[lang] = tesserocr.PyTessBaseAPI(path=_tessdata_dir() or "", lang=lang,
                                                    psm=int(psm[1]) if psm else tesserocr.PSM.SINGLE_BLOCK,
                                                    oem=int(oem[1]) if oem else tesserocr.OEM.LSTM_ONLY)
        except RuntimeError:
            engines[lang] = None
    return engines[lang]


def _second_reading_data(img: Image.Image, lang: str) -> dict[str, list]:
    """tesseract's table of words for a sheet of second readings: in process where tesserocr is installed, by
    the tesseract program otherwise (same models, same settings)."""
    api = _in_process(lang)
    if api is None:
        return tesseract_data(img, lang)
    out: dict[str, list] = {k: [] for k in TABLE_KEYS}
    with _OCR_SLOTS:
        api.SetImage(img)
        tsv = api.GetTSVText(0)
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue  # words only (level 5)
        for key, i in (("block_num", 2), ("par_num", 3), ("line_num", 4), ("left", 6), ("top", 7), ("width", 8),
                       ("height", 9)):
            out[key].append(int(cells[i]))
        out["conf"].append(float(cells[10]))
        out["text"].append(cells[11])
    return out


def _read(img: Image.Image, dpi: float, lang: str) -> tuple[list[Word], float, "_Owed | None"]:
    """The page's one reading, and the second readings it owes: runs of text read unsurely, and lines of print
    that the reading lost, read again on one sheet once the page's turn is settled (`settle`)."""
    data, printed = _page_data(img, dpi, lang)
    scale = 72.0 / dpi
    lines, confs = _lines(data, scale)
    # the page's legibility counts every word tesseract saw, the dropped specks too
    mean = sum(confs) / len(confs) if confs else 0.0
    runs = _runs(lines)
    owed = None
    if mean >= ORIENTATION_RETRY_BELOW:
        # (a page read more poorly is read again turned, see ocr_page: no second readings for it)
        grey = np.asarray(img if img.mode == "L" else img.convert("L"))  # one array for the ink tests below
        runs = _rows_of_marks(grey, scale, runs)
        if lang == "eng":
            runs = _read_chinese(img, scale, runs)
        spans = _unsure_spans(runs)
        lost, apart = _lost_lines(grey, scale, runs, printed)
        if spans or lost or apart:
            owed = _Owed(runs=runs, spans=spans, scale=scale, lang=lang, lost=lost, apart=apart)
    # (a page that owes second readings is finished once they are made, from its runs: `reread_many`; until then
    # its words are only counted, to tell a page read the wrong way up)
    return ([w for r in runs for w in r] if owed else _finish(runs, img, scale)), mean, owed


def _page_data(img: Image.Image, dpi: float, lang: str) -> tuple[dict[str, list], list[tuple[int, int, int, int]]]:
    """tesseract's table of words for the whole page, in one call: columns whose lines stand at different heights
    are set apart first (`blocks`), so that one baseline is not fitted through both. And the page's lines of
    print (pixel rectangles), which the reading may have lost."""
    pieces, printed = reading_pieces(img, dpi)
    if len(pieces) == 1:
        return tesseract_data(img, lang), printed
    sheet = Sheet.of(img, pieces)
    return sheet.to_page(tesseract_data(sheet.image, lang)), printed


def _finish(runs: list[list[Word]], img: Image.Image, scale: float) -> list[Word]:
    """A page's words from its runs, with the repairs that need the whole page."""
    words = [w for r in runs for w in r]
    # junk read unsurely over a tall stretch of the page (a stamp, rulings: 'NSCS' 0.31 over four rows of a grid)
    # is no print of the page's size, and would join the words beside it
    heights = sorted(w.box.bottom - w.box.top for w in words)
    body = heights[len(heights) // 2] if heights else 0.0
    words = [w for w in words if w.confidence >= LOST_JUNK or w.box.bottom - w.box.top <= TALL_JUNK * body]
    # ... and so is a word read unsurely far wider than its letters could print (a box's ruling read as 'PO' across
    # the whole box, 270 points for two letters): it would run on the address over it
    words = [w for w in words if w.confidence >= WIDE_SURE or
             w.box.x1 - w.box.x0 <= WIDE_JUNK * body * max(len(w.text), 1)]
    words = _split_at_rulings(_without_ghosts(words), img, scale)
    return with_spaced_letters_joined(fix_case_in_capitals(_with_run_together_split(
        _with_stray_marks_attached(_with_split_words_joined(words)))))


def _lines(data: dict, scale: float) -> tuple[list[list[Word]], list[float]]:
    """tesseract's table of words (in page pixels) into lines of Words with boxes in points, and the confidence
    of everything it saw."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    confs: list[float] = []
    for text, conf, left, top, w, h, b, p_, ln in zip(data["text"], data["conf"], data["left"], data["top"],
                                                      data["width"], data["height"], data["block_num"],
                                                      data["par_num"], data["line_num"]):
        text = text.strip()
        c = float(conf)
        if not text or c < 0:
            continue
        confs.append(c / 100.0)
        # a capital I read as a bar first ('LINY|'), then a ruling or a signature line glued to a word: "|820",
        # "CHINA_"
        text = fix_confusions(text).strip("|[]{}_")
        if not text or RULING.fullmatch(text) or h * scale < MIN_GLYPH_HEIGHT and re.search(r"\w", text):
            continue
        if text in NO_PRINT:
            continue  # read off a bold capital's edge before its word ('© CHINA COUNCIL'); no form prints it alone
        if c / 100.0 < MIN_WORD_CONFIDENCE and sum(ch.isalnum() for ch in text) < 3 and w < 3 * h:
            continue  # a speck read as text; a real word read unsurely is kept (its confidence tells, and it
            #           may be read again)
        lines.setdefault((b, p_, ln), []).append(
            Word(text=text, confidence=max(0.0, min(1.0, c / 100.0)),
                 box=Box(x0=left * scale, top=top * scale, x1=(left + w) * scale, bottom=(top + h) * scale)))
    return [lines[k] for k in sorted(lines)], confs


UNSURE_LINE = 0.5     # a line read this unsurely on the whole (a small bold caption read 'ieee') is read again
MAX_REREAD_LINES = 30  # the worst spans of a page, read on one sheet in one call: a smudged page costs one bounded
# second call, not many (30, not 12: a bilingual form's Chinese captions read as junk used up the twelve)
REREAD_ZOOM = 1.5
UNSURE_WORD = 0.6
NO_PRINT = {"©", "®"}  # marks tesseract reads where nothing of the kind is printed
UNSURE_SPAN = 0.3     # words read this unsurely within a sure run of text are read again on their own ...
SURE_SPAN = 0.7       # ... and replaced only by a reading at least this sure
CHINESE_HINT_WORDS = 7  # how much junk on a page suggests Chinese print (scans of 24 English forms: at most 5;
# of 24 bilingual ones: 7 and more)


MARKS_UNSURE = 0.7  # a run read less surely than this may be a row of one mark repeated ...
MARKS_ALIKE = 0.75  # ... if its ink matches itself shifted by one mark this well (such rows: 0.82-0.85 on
# family 4's scans; text, even monospaced capitals: at most 0.59)
MARKS_AT_LEAST = 5
MARKS_APART = 0.2  # ... and matches itself shifted by half a mark this much less


def _mean(ws: list[Word]) -> float:
    return sum(w.confidence for w in ws) / len(ws)


def _runs(lines: list[list[Word]]) -> list[list[Word]]:
    """A line of psm 6 runs across the page: its runs of text (cells, captions) are read apart."""
    runs: list[list[Word]] = []
    for ln in lines:
        runs.append([ln[0]])
        for prev, w in zip(ln, ln[1:]):
            if w.box.x0 - prev.box.x1 > 2 * max(w.box.bottom - w.box.top, 4.0):
                runs.append([])
            runs[-1].append(w)
    return runs


def _unsure_spans(runs: list[list[Word]]) -> list[tuple[int, int, int]]:
    """Spans (run, first word, end) to read again, the worst first: a whole run read unsurely ('ieee' for
    'INVOICE NO'), or within a sure run the words read very unsurely ('ebbe' over '15 LANG', a date's '03' read
    '63') or far wider than their letters."""
    spans: list[tuple[float, int, int, int]] = []
    for i, r in enumerate(runs):
        if _mean(r) < UNSURE_LINE and (_alnum(r) >= 3 or r[-1].box.x1 - r[0].box.x0 > 4 * _height(r)):
            spans.append((_mean(r), i, 0, len(r)))
            continue
        k = 0
        while k < len(r):
            e = k
            while e < len(r) and (r[e].confidence < UNSURE_SPAN or _misshapen(r[e])):
                e += 1
            if e > k and (_alnum(r[k:e]) >= 3 or r[e - 1].box.x1 - r[k].box.x0 > 2 * _height(r[k:e])
                          or any(_misshapen(w) for w in r[k:e])):
                spans.append((_mean(r[k:e]), i, k, e))
            k = max(e, k + 1)
    return [(i, k, e) for _, i, k, e in sorted(spans)[:MAX_REREAD_LINES]]


Owed = tuple[tuple[int, int, int, int], float]  # a pixel box to read again, and the zoom to read it at


@dataclass
class _Owed:
    """The second readings a page owes: spans of its runs to read again, and lines the reading lost."""
    runs: list[list[Word]]
    spans: list[tuple[int, int, int]]
    scale: float  # points a pixel
    lang: str
    # pixel boxes of lines of print that the reading left largely unread, and the zoom to read each
    lost: list[tuple[tuple[int, int, int, int], float]] = ()
    # ... and of short pieces of print standing apart, unread, on their lines (an answer in a cell of its own)
    apart: list[tuple[tuple[int, int, int, int], float]] = ()

    def regions(self) -> list[tuple[int, int, int, int]]:
        return [_pixels(self.runs[i][k:e], self.scale, [w for j, r in enumerate(self.runs) for n, w in enumerate(r)
                                                        if j != i or not k <= n < e]) for i, k, e in self.spans]

    def read_lost(self, img: Image.Image) -> list[dict[str, list]]:
        """The lost lines read again, on a sheet of their own: set among the cells read again, a title changed
        how tesseract read them (a figure cell read '35397220' instead of '3,397.20'). In process that costs
        ~0.02 s, and only pages with a lost line pay it. The pieces apart, after them, on another."""
        # (the pieces apart on a sheet of their own: set among the lines, they changed how tesseract read those)
        return [d for owed in (self.lost, self.apart) if owed
                for d in _read_apart(img, [box for box, _ in owed], self.lang, [zoom for _, zoom in owed], lines=True)]

    def apply(self, found: list[dict[str, list]], found_lost: list[dict[str, list]] = ()) -> list[list[Word]]:
        """The runs with each span replaced where its second reading is decisively surer, and the words read
        surely on each lost line where the first reading has none."""
        runs = [list(r) for r in self.runs]
        near = _Neighbours([w for r in self.runs for w in r]) if self.spans else None
        # replaced from the end of each run, so the other spans' word positions still hold
        for (i, k, e), data in sorted(zip(self.spans, found), key=lambda t: (t[0][0], -t[0][1])):
            new, _ = _lines(data, self.scale)
            # a tall junk word's region reaches over the line beside it, read again there: that print is another
            # run's ('LTD.' 0.96 read again 'LIV.' 0.81, 'CO.,' 0.47 'UY.' 0.51), no reading of the span
            span = {id(w) for w in self.runs[i][k:e]}
            new_words = [w for g in new for w in g
                         if not any(id(o) not in span and _covers(o, w)
                                    for o in near.around(w, 2 * (w.box.bottom - w.box.top) + 4))]
            # a part of a sure run is replaced only by a sure reading (a cell's '10KG' read again alone, 'LOKG')
            floor = 0.0 if (k, e) == (0, len(runs[i])) else SURE_SPAN
            if new_words and _mean(new_words) > max(_mean(runs[i][k:e]) + 0.2, floor):
                runs[i][k:e] = new_words
        found_lost, found_apart = found_lost[:len(self.lost)], found_lost[len(self.lost):]
        for ((x0, top, x1, bottom), _), data in zip(self.lost, found_lost):
            new, _ = _lines(data, self.scale)
            inside = _inside(top * self.scale, bottom * self.scale)
            old = [w for r in runs for w in r if inside(w)]
            # the first reading's junk is no reading ('VIEY UAINNINEN' at 0.0-0.26 for 'SITC JAKARTA' read again
            # at 0.9): it gives way to any sure word read again over it
            read = [o for o in old if o.confidence >= LOST_JUNK]
            # where the line read again is surer over the same print, it replaces the first reading there
            # ('Back-to-back Gemncate oF Unigin' at 0.6 by 'Back-to-Back Certificate of Origin' at 0.9). Words
            # read unsurely, squashed to half the line's height ('VVAAIN' for 'WAN'), or less surely than the
            # word read again over them ('Viscnarge' 0.81, 'Discharge' 0.96) are the first reading's doubtful ones
            tall = sorted(w.box.bottom - w.box.top for g in new for w in g)
            tall = tall[len(tall) // 2] if tall else 0.0
            unsure = [o for o in read if o.confidence < LOST_SURE or o.box.bottom - o.box.top < 0.6 * tall or
                      any(w.confidence >= max(0.9, o.confidence + 0.1) and _overlap(w, o) for g in new for w in g)]
            over = [w for g in new for w in g if any(_overlap(w, o) for o in unsure)]
            under = [o for o in read if any(_overlap(w, o) for w in over)]
            replaced = set()
            if over and _mean(over) >= LOST_SURE and _mean(over) > _mean(under) + 0.1:
                replaced = {id(o) for o in under}
                read = [o for o in read if id(o) not in replaced]
            # elsewhere, what the first reading lost, not what it read: sure words where it has none (a line of
            # two columns read again gave junk for a signature beside a value read well), and fair words on a
            # line read again surely elsewhere ('Third-Party Invoicing Yes' at 0.97, 0.6, 0.59; 'LINYI JINXIN'
            # at 0.44, 0.91): a stamp's or a ruling's junk reads unsurely throughout
            floor = LOST_FAIR if any(w.confidence >= LOST_SURE and _alnum([w]) >= 2 for g in new for w in g) \
                else LOST_SURE
            added = [[w for w in g if w.confidence >= floor and _alnum([w]) >= 2
                      and not any(_overlap(w, o) for o in read)] for g in new]
            gone = replaced | {id(o) for o in old if o.confidence < LOST_JUNK
                               and any(_overlap(w, o) for g in added for w in g)}
            if gone:
                runs = [r for r in ([w for w in r if id(w) not in gone] for r in runs) if r]
            runs += _runs([g for g in added if g])
        # a piece apart read again only adds what nothing was read over: a sure word of its own ('No')
        for _, data in zip(self.apart, found_apart):
            new, _ = _lines(data, self.scale)
            have = [w for r in runs for w in r]
            added = [[w for w in g if w.confidence >= LOST_SURE and _alnum([w]) >= 2
                      and not any(_overlap(w, o) for o in have)] for g in new]
            runs += _runs([g for g in added if g])
        return runs


def _covers(o: Word, w: Word) -> bool:
    """Does `o` cover most of `w`'s box?"""
    x = min(o.box.x1, w.box.x1) - max(o.box.x0, w.box.x0)
    y = min(o.box.bottom, w.box.bottom) - max(o.box.top, w.box.top)
    return x > 0 and y > 0 and x * y > 0.5 * max((w.box.x1 - w.box.x0) * (w.box.bottom - w.box.top), 1e-6)


def _overlap(a: Word, b: Word) -> bool:
    return a.box.x0 < b.box.x1 and a.box.x1 > b.box.x0 and a.box.top < b.box.bottom and a.box.bottom > b.box.top


def _inside(top: float, bottom: float):
    return lambda w: top <= (w.box.top + w.box.bottom) / 2 < bottom


LOST_SHARE = 0.25  # a line is lost where this much of its print lies outside every word read there
LOST_SURE = 0.8  # a word read on a lost line is added only this sure (junk off a stamp or a ruling: less)
LOST_FAIR = 0.4  # ... or this sure, on a line read again with a sure word
TALL_JUNK = 3.0  # a word read under LOST_JUNK this many times the page's print high is junk, not print
WIDE_JUNK = 3.0  # a word read under WIDE_SURE this many times the page's print high a letter wide is junk too
WIDE_SURE = 0.8
LOST_JUNK = 0.35  # a word of the first reading on a lost line read less surely than this is junk, not a reading
LOST_APART = 2.0  # print this many line heights from the rest of its line stands apart (a cell's answer)
LOST_SHORT = 8.0  # ... and is read again on its own when no wider than this many line heights
MAX_APART = 16  # such pieces read again a page, at most
MAX_LOST = 16  # lines read again a page, at most (a stamp or a signature is print no reading will find words in)


def _lost_lines(grey: np.ndarray, scale: float, runs: list[list[Word]], printed: list[tuple[int, int, int, int]]
                ) -> tuple[list[Owed], list[Owed]]:
    """The lines of print (`blocks.reading_pieces`) that the reading left largely unread - a grid's headings
    boxed in between two rulings, a title in large type: tesseract reading the page as one block drops such a
    line whole, and reads it on its own - as pixel boxes to read again, reaching a little past the line, each
    with the zoom that brings its print to the size of the page's (a title is read smaller). Then, apart, the
    short pieces of print standing apart on their lines that no word covers."""
    if not printed:
        return [], []
    words = [w for r in runs for w in r]
    heights = sorted(w.box.bottom - w.box.top for w in words)
    body = heights[len(heights) // 2] / scale if heights else None  # the page's print, in pixels
    # junk read off a line (0.0 'Weeaoenconeenso@n' across two rows of a grid) is no reading of its print
    sure = [w for w in words if w.confidence >= LOST_JUNK]
    out, apart = [], []
    for x0, top, x1, bottom in printed:
        h = bottom - top
        ink = (grey[top:bottom, x0:x1] < 128).any(axis=0)
        # a ruling crossing the line is no print to read: only ink wider than a stroke counts
        print_ = ink & ~_narrow(ink, max(3, h // 4))
        if not print_.any():
            continue
        read = np.zeros_like(print_)
        for w in sure:
            if top <= (w.box.top + w.box.bottom) / 2 / scale < bottom:
                read[max(0, int(w.box.x0 / scale) - 4 - x0):max(0, int(w.box.x1 / scale) + 4 - x0)] = True
        pad = max(6, h // 3)
        zoom = REREAD_ZOOM * min(1.0, body / h) if body else REREAD_ZOOM
        if (print_ & ~read).sum() > LOST_SHARE * print_.sum():
            out.append(((x0, max(0, top - pad), x1, min(grey.shape[0], bottom + pad)), zoom))
        # a short word standing apart, unread, on its line ('Third-Party Invoicing' read, its answer 'No' in the
        # cell beside it lost, even when the line is read again whole): its piece is read again on its own
        pieces = _pieces_apart(print_, LOST_APART * h)
        for s, e in pieces if len(pieces) > 1 else []:
            unread = (print_[s:e] & ~read[s:e]).sum() > (1 - LOST_SHARE) * print_[s:e].sum()
            if unread and h // 2 <= e - s <= LOST_SHORT * h:
                # cut close above and below: the sheet gives it white around, and a cell's rulings read as
                # letters beside a short word ('Bl' for 'No')
                tight = max(2, h // 8)
                apart.append(((x0 + max(0, s - pad), max(0, top - tight), x0 + min(x1 - x0, e + pad),
                               min(grey.shape[0], bottom + tight)), zoom))
    return out[:MAX_LOST], apart[:MAX_APART]


def _pieces_apart(mask: np.ndarray, gap: float) -> list[tuple[int, int]]:
    """The stretches of a line's print set apart by more than `gap` columns of none."""
    out: list[tuple[int, int]] = []
    for s, e in _true_runs(mask):
        if out and s - out[-1][1] <= gap:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _narrow(mask: np.ndarray, width: int) -> np.ndarray:
    """The runs of True in a 1-d mask no wider than `width`."""
    out = np.zeros_like(mask)
    for s, e in _true_runs(mask):
        if e - s <= width:
            out[s:e] = True
    return out


def _rows_of_marks(grey: np.ndarray, scale: float, runs: list[list[Word]]) -> list[list[Word]]:
    """A row of one mark repeated ('*****' closing a goods list) reads as unsure letters on a scan ('FRO RR ok
    kok'), which then join the last item's description. Such a run is told by its ink: shifted by one mark's
    pitch it matches itself almost exactly, which no line of text does. It becomes one word of asterisks."""
    out: list[list[Word]] = []
    i = 0
    while i < len(runs):
        # unsure runs side by side on one line are taken together: tesseract splits a row of marks at random
        e = i + 1
        while (_mean(runs[i]) < MARKS_UNSURE and e < len(runs) and _mean(runs[e]) < MARKS_UNSURE
               and runs[e][0].box.x0 > runs[e - 1][-1].box.x1
               and runs[e][0].box.top < runs[e - 1][-1].box.bottom and runs[e][0].box.bottom > runs[e - 1][-1].box.top):
            e += 1
        span = [w for r in runs[i:e] for w in r]
        if _mean(span) < MARKS_UNSURE:
            found = _repeat_pitch(grey, span, scale)
            if found:
                pitch, alike = found
                box = Box(x0=span[0].box.x0, top=min(w.box.top for w in span), x1=span[-1].box.x1,
                          bottom=max(w.box.bottom for w in span))
                n = max(MARKS_AT_LEAST, round((box.x1 - box.x0) / scale / pitch))
                # as sure as the ink matched itself (and so not read again as letters)
                out.append([Word(text="*" * n, confidence=alike, box=box)])
                i = e
                continue
        out.append(runs[i])
        i += 1
    return out


def _repeat_pitch(grey: np.ndarray, run: list[Word], scale: float) -> tuple[int, float] | None:
    """The pitch at which the run's ink repeats itself and how well, if it is a row of at least five of one
    mark: shifted by the pitch it matches itself, shifted by half of it far less (a ruling or a signature line
    matches itself at any shift)."""
    x0, x1 = int(run[0].box.x0 / scale), int(run[-1].box.x1 / scale) + 1
    top, bottom = int(min(w.box.top for w in run) / scale), int(max(w.box.bottom for w in run) / scale) + 1
    ink = (grey[max(0, top):bottom, max(0, x0):x1] < 128).astype(np.float32)
    h, w = ink.shape

    def alike(lag: int) -> float:
        a, b = ink[:, lag:], ink[:, :-lag]
        den = float(np.sqrt((a * a).sum() * (b * b).sum()))
        return float((a * b).sum()) / den if den else 0.0
    last = min(int(1.6 * h), w // MARKS_AT_LEAST)
    # the shortest shift that matches: the mark's own pitch, not a multiple of it
    pitch = next((lag for lag in range(max(4, int(0.3 * h)), last + 1) if alike(lag) >= MARKS_ALIKE), None)
    if pitch is None:
        return None
    while pitch < last and alike(pitch + 1) > alike(pitch):
        pitch += 1
    return (pitch, alike(pitch)) if alike(pitch // 2) <= alike(pitch) - MARKS_APART else None


def _misshapen(w: Word) -> bool:
    """Far wider than its letters could be: tesseract's one unsure 'a' over '15 LANG'."""
    h = w.box.bottom - w.box.top
    return w.confidence < UNSURE_WORD and w.box.x1 - w.box.x0 > 1.2 * h * len(w.text)


def _alnum(words: list[Word]) -> int:
    return sum(ch.isalnum() for w in words for ch in w.text)


def _height(words: list[Word]) -> float:
    return max(w.box.bottom for w in words) - min(w.box.top for w in words)


def _pixels(words: list[Word], scale: float, others: list[Word] = (), pad: int = 6) -> tuple[int, int, int, int]:
    """The pixel box to cut out for a second reading of `words`: OCR's word boxes of a misread caption may
    cover only part of it ('ieee' over 'INVOICE NO'), so the box reaches a text height further to each side,
    up to the neighbouring words on the line."""
    x0, top = min(w.box.x0 for w in words), min(w.box.top for w in words)
    x1, bottom = max(w.box.x1 for w in words), max(w.box.bottom for w in words)
    reach = 1.5 * (bottom - top)
    left, right = x0 - reach, x1 + reach
    for o in others:
        if o.box.top < bottom and o.box.bottom > top:
            if o.box.x1 <= x0:
                left = max(left, o.box.x1 + 1)
            elif o.box.x0 >= x1:
                right = min(right, o.box.x0 - 1)
    return (int(left / scale) - pad, int(top / scale) - pad, int(right / scale) + pad, int(bottom / scale) + pad)


def _read_chinese(img: Image.Image, scale: float, runs: list[list[Word]]) -> list[list[Word]]:
    """Chinese print read by the English model comes out as short unsure junk ('FRA', '3RF7') beside the
    English. Where a page has much of it, each such word is read again with the Chinese model, in one call
    (loading the model costs ~0.5 s, so only there), and replaced where Chinese is read surely."""
    # short junk, and above all junk with signs no Latin word has ('#8ARK', 'f8#/M#ES:'), tells of Chinese print;
    # an English page read unsurely here and there has a few short junk words and hardly ever such signs
    hints = sum(_chinese_like(w) + 2 * _signs_junk(w) for r in runs for w in r)
    if hints < CHINESE_HINT_WORDS or "chi_sim" not in installed_languages():
        return runs
    # on a page with Chinese print, a caption may also come out as a short code read fairly surely ('R25' for
    # 发票号, 'FS' for 序号): such words are read again too, and replaced only by Chinese read surely
    junk = [(i, k) for i, r in enumerate(runs) for k, w in enumerate(r) if _chinese_like(w, MAYBE_CHINESE, 8)]
    junk = junk[:3 * MAX_REREAD_LINES]
    found = _read_apart(img, [_pixels([runs[i][k]], scale, pad=3) for i, k in junk], "chi_sim")
    out = [list(r) for r in runs]
    for (i, k), data in sorted(zip(junk, found), key=lambda t: (t[0][0], -t[0][1])):
        new, _ = _lines(data, scale)
        words = [w for g in new for w in g]
        # (a reading with as many Latin letters as Chinese characters is Latin print misread, 'K.K.' as '天.K.')
        chinese = [w for w in words if len(CJK.findall(w.text)) > len(re.findall(r"[A-Za-z]", w.text))]
        was = runs[i][k].box
        # the cut-out reaches past the word: what else it read must be the neighbours' edges ('0.' of 'No.'),
        # not within the word itself
        within = [w for w in words if w not in chinese and was.x0 < (w.box.x0 + w.box.x1) / 2 < was.x1]
        if chinese and not within and min(w.confidence for w in chinese) >= UNSURE_WORD:
            if runs[i][k].text.endswith((":", "：")) and not chinese[-1].text.endswith((":", "：")):
                # the caption's colon, read by the first reading, tells where the caption ends
                chinese[-1] = chinese[-1].model_copy(update={"text": chinese[-1].text + ":"})
            out[i][k:k + 1] = chinese
    return out


CJK = re.compile(r"[\u4e00-\u9fff]")


MAYBE_CHINESE = 0.9  # on a page with Chinese print, a short word read less surely than this may be Chinese


def _chinese_like(w: Word, below: float = UNSURE_WORD, longest: int = 5) -> bool:
    """What the English model makes of Chinese print: short, unsure, letters ('FRA', '3RF7', 'iE'). Not a lone
    mark, a checkbox ('(1)', '[x]') or a word in capitals with its punctuation ('CoO.,')."""
    t = w.text
    return (w.confidence < below and 2 <= len(t) <= longest and re.search(r"[A-Za-z]", t) is not None
            and not re.search(r"[()\[\]{}|]", t) and not re.fullmatch(r"[A-Za-z]+[.,;:]+", t))


def _signs_junk(w: Word) -> bool:
    return w.confidence < UNSURE_WORD and re.search(r"[#¢§@$%&*]", w.text) is not None


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractError:
        return frozenset()


def _read_apart(img: Image.Image, regions: list[tuple[int, int, int, int]], lang: str,
                zooms: list[float] | None = None, lines: bool = False) -> list[dict[str, list]]:
    """Regions of a page image (pixel boxes) read on their own: each cut out, cleared of table rulings, enlarged
    and set one under another on a sheet that tesseract reads in one call -- its fixed cost (~0.1 s) is paid
    once, not once a region. For each region, tesseract's table of words with boxes back in page pixels.
    Each region is enlarged by its zoom (REREAD_ZOOM unless given): one block is read best with its print of one
    size (a title among small print made tesseract drop a small region beside it)."""
    gap, margin = 30, 20
    placed, y = [], gap
    for n, (x0, y0, x1, y1) in enumerate(regions):
        zoom = zooms[n] if zooms else REREAD_ZOOM
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(img.width, x1), min(img.height, y1)
        if x1 - x0 < 8 or y1 - y0 < 8:
            placed.append(None)
            continue
        crop = without_rulings(img.crop((x0, y0, x1, y1)))
        if lines:
            crop = without_line_rulings(crop)
        crop = crop.resize((round(crop.width * zoom), round(crop.height * zoom)), Image.BICUBIC)
        placed.append((x0, y0, y, crop, zoom))
        y += crop.height + gap
    out: list[dict[str, list]] = [{k: [] for k in TABLE_KEYS} for _ in regions]
    if not any(placed):
        return out
    sheet = Image.new("L", (max(p[3].width for p in placed if p) + 2 * margin, y), 255)
    for p in placed:
        if p:
            sheet.paste(p[3], (margin, p[2]))
    data = _second_reading_data(sheet, lang)
    for k in range(len(data["text"])):
        mid = data["top"][k] + data["height"][k] / 2
        for r, p in enumerate(placed):
            if p and p[2] <= mid < p[2] + p[3].height:
                x0, y0, top, _, zoom = p
                row = out[r]
                for key in TABLE_KEYS:
                    row[key].append(data[key][k])
                row["left"][-1] = x0 + (data["left"][k] - margin) / zoom
                row["top"][-1] = y0 + (data["top"][k] - top) / zoom
                row["width"][-1] = data["width"][k] / zoom
                row["height"][-1] = data["height"][k] / zoom
                break
    return out


TABLE_KEYS = ("text", "conf", "left", "top", "width", "height", "block_num", "par_num", "line_num")


def _without_ghosts(words: list[Word]) -> list[Word]:
    """The same ink read twice: an unsure 'word' lying mostly inside a surer word's box ('Third-party re
    invoicing'), or a word overlapping a surer reading of the same letters ('Third-party Third-pa invoicing',
    'Overleaf Overleaf'), is dropped."""
    def area(b: Box) -> float:
        return max((b.x1 - b.x0) * (b.bottom - b.top), 1e-6)

    def ghost_of(w: Word, o: Word) -> bool:
        if o is w:
            return False
        shared = max(0.0, min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0)) * \
            max(0.0, min(w.box.bottom, o.box.bottom) - max(w.box.top, o.box.top))
        if len(o.text) > len(w.text) + 2 and shared > 0.8 * area(w.box) and \
                fuzz.partial_ratio(w.text.lower(), o.text.lower()) >= 50:
            return True  # a piece of a longer word read again inside it ('Thire-party pany'), however surely
        if o.confidence <= w.confidence:
            return False
        if w.confidence < UNSURE_WORD or not _alnum([w]):
            # (a mark inside a word read surer is a speck of it: 'Third-party : invoicing')
            return shared > 0.5 * area(w.box)
        across = min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0)
        if shared > 0.8 * area(w.box) and across > 0.7 * max(w.box.x1 - w.box.x0, o.box.x1 - o.box.x0) and \
                _alnum([o]) >= 2 and abs(len(o.text) - len(w.text)) <= 2:
            # the same print read twice as a word of its length, less surely the second time ('LTD.' 0.96, 'LIV.'
            # 0.79); not a word inside another's wide box ('Flight' in the box OCR gave 'name')
            return True
        return shared > 0.5 * min(area(w.box), area(o.box)) and len(w.text) >= 2 and \
            fuzz.partial_ratio(w.text.lower(), o.text.lower()) >= 80
    near = _Neighbours(words)
    return [w for w in words if not any(ghost_of(w, o) for o in near.around(w, 12) if
                                        o.box.x0 < w.box.x1 and o.box.x1 > w.box.x0)]


class _Neighbours:
    """The words of a page by their tops, so each word's neighbours are found without a pass over the page."""

    def __init__(self, words: list[Word]):
        self.words = sorted(words, key=lambda w: w.box.top)
        self.tops = [w.box.top for w in self.words]

    def around(self, w: Word, dy: float) -> list[Word]:
        return self.words[bisect_left(self.tops, w.box.top - dy):bisect_right(self.tops, w.box.top + dy)]


def _split_at_rulings(words: list[Word], img: Image.Image, scale: float) -> list[Word]:
    """Typed text running over a table's ruling ('... REPUBLIC OF | CHINA' past its cell): tesseract reads the
    ruling as a letter inside a word ('OFICHINA', 'OF/CHINA', '7,224.00]LIN24-745'). Where such a letter's pixel
    columns are dark far above and below the word, it is a ruling, and the word is split there."""
    out: list[Word] = []
    for w in words:
        inner = [i for i, ch in enumerate(w.text) if ch in "I|/l!1][" and 0 < i < len(w.text) - 1]
        # (or a word set close to a ruling on its right, read as its last letter: 'AUSTRALIAI', 'LINYII')
        if w.text[-1:] in ("I", "|", "l", "!") and len(w.text) >= 4:
            inner.append(len(w.text) - 1)
        if len(w.text) < 4 or not inner:
            out.append(w)
            continue
        x0, x1 = w.box.x0 / scale, w.box.x1 / scale
        top, bottom = w.box.top / scale, w.box.bottom / scale
        h, cw = bottom - top, (x1 - x0) / len(w.text)
        # only the band of the page around the word: its letters' columns, far above and below it
        bx0, by0 = max(0, int(x0)), max(0, int(top - 2 * h))
        band = np.asarray(img.crop((bx0, by0, min(img.width, int(x1) + 2),
                                    min(img.height, int(bottom + 2 * h))))) < 128
        at = None
        for i in inner:
            # the ruling stands where the letter's middle is ('CHINA' crossed by a ruling beside its I is no split)
            cols = band[:, max(0, int(x0 - bx0 + (i + 0.15) * cw)):max(0, int(x0 - bx0 + (i + 0.85) * cw) + 1)]
            if cols.size and band.shape[0] > 4 * h and (cols.mean(axis=0) > 0.9).any():
                at = i
                break
        if at is None:
            out.append(w)
            continue
        cut = w.box.x0 + (w.box.x1 - w.box.x0) * at / len(w.text)
        cut2 = w.box.x0 + (w.box.x1 - w.box.x0) * (at + 1) / len(w.text)
        out.append(w.model_copy(update={"text": w.text[:at], "box": w.box.model_copy(update={"x1": cut})}))
        if at + 1 < len(w.text):
            out.append(w.model_copy(update={"text": w.text[at + 1:], "box": w.box.model_copy(update={"x0": cut2})}))
    return out


def _glued(words: list[Word], pieces: list[Word], owner, join) -> list[Word]:
    """Pieces of words tesseract set apart, each joined into the word it belongs to: `owner(piece, near,
    dropped)` finds that word among the piece's neighbours (or None), `join(word, piece)` makes the one word."""
    if not pieces:
        return words
    joined: dict[int, Word] = {}
    dropped: set[int] = set()
    near = _Neighbours(words)
    for piece in pieces:
        o = owner(piece, near, dropped)
        if o is None:
            continue
        joined[id(o)] = join(joined.get(id(o), o), piece)
        dropped.add(id(piece))
    return [joined.get(id(w), w) for w in words if id(w) not in dropped]


def _with_split_words_joined(words: list[Word]) -> list[Word]:
    """A word's last letter or two read apart, touching it ('invoicin:' '9' for 'invoicing'; a descender cut
    off, often put on a line of its own by tesseract): one word again. Words a space apart are never joined."""
    def touching(prev: Word, w: Word) -> bool:
        h = max(prev.box.bottom - prev.box.top, w.box.bottom - w.box.top)
        return (prev.box.top - 0.3 * h <= w.box.top <= prev.box.bottom and
                -0.3 * h <= w.box.x0 - prev.box.x1 <= 0.12 * h)

    def owner(w: Word, near: _Neighbours, dropped: set[int]) -> Word | None:
        # (a piece far taller than the word is junk off a ruling or a stamp, not its last letters: 'TAGE' 'st')
        return next((p for p in near.around(w, 2 * (w.box.bottom - w.box.top) + 4)
                     if p is not w and id(p) not in dropped and len(p.text) >= 3 and p.text[-2:-1].isalpha()
                     and touching(p, w) and w.box.bottom - w.box.top <= 1.5 * (p.box.bottom - p.box.top)), None)

    def join(base: Word, w: Word) -> Word:
        return base.model_copy(update={
            "text": base.text.rstrip(":;") + w.text, "confidence": min(base.confidence, w.confidence),
            "box": Box(x0=base.box.x0, top=min(base.box.top, w.box.top), x1=max(base.box.x1, w.box.x1),
                       bottom=max(base.box.bottom, w.box.bottom))})
    return _glued(words, [w for w in words if len(w.text) <= 2 and w.text.isalnum()], owner, join)


STRAY_MARK = re.compile(r"[,.;:'`]")  # a low apostrophe is a comma


def _with_stray_marks_attached(words: list[Word]) -> list[Word]:
    """A comma typed low beside a word ('CO. , LTD.' in a monospaced face) may be put by tesseract on the line
    below, as a word of its own: it belongs to the word it follows on the line above ('CO.,')."""
    def owner(m: Word, near: _Neighbours, dropped: set[int]) -> Word | None:
        best = None
        for w in near.around(m, 3 * (m.box.bottom - m.box.top) + 12):
            if w is m or id(w) in dropped or STRAY_MARK.fullmatch(w.text):
                continue
            if STRAY_MARK.fullmatch(w.text[-1]) and not (w.text[-1] == "." and m.text in ",'`"):
                continue  # 'CO.' takes a comma ('CO.,'); '12,' takes nothing more
            h = w.box.bottom - w.box.top
            low = w.box.top + 0.3 * h <= m.box.top <= w.box.bottom + 0.3 * h
            if low and 0 <= m.box.x0 - w.box.x1 <= 0.8 * h and (best is None or w.box.x1 > best.box.x1):
                best = w
        # nothing of the line above lies between the word and the mark
        if best is None or any(o is not best and o is not m and o.box.x0 < m.box.x0 and o.box.x1 > best.box.x1 and
                               o.box.top < best.box.bottom and o.box.bottom > best.box.top
                               for o in near.around(best, 12)):
            return None
        return best

    def join(base: Word, m: Word) -> Word:
        return base.model_copy(update={
            "text": base.text + m.text.replace("'", ",").replace("`", ","),
            "box": base.box.model_copy(update={"x1": max(base.box.x1, m.box.x1)})})
    return _glued(words, [m for m in words if STRAY_MARK.fullmatch(m.text)], owner, join)


def fix_confusions(text: str) -> str:
    """Undo tesseract's usual misreadings: in capitals 'LINY!', 'LINY|', 'LINY]', 'LINY1'
    and 'L|NYI' are 'LINYI'. A bar before a
    word is left alone: that is a table's ruling more often than an I ('!QF' is 'IQF')."""
    text = re.sub(r"§(?=\d)|(?<=\d)§", "5", text)  # '§97' is '597'
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # typed forms print straight apostrophes
    text = re.sub(r"^v\.(?=[0-9OQ@]{2,4}[NSEW]$)", "V.", text)  # a voyage's V read small: 'v.081E'
    text = re.sub(r"(?<=[A-Z0-9])~(?=[A-Z0-9])", "-", text)  # a hyphen read as a tilde: 'INV~HA248763'
    # a typewriter face's serifed I read twice, as a figure and a letter, before the figures: 'INV-L1I246451'
    text = re.sub(r"(?<=[A-Z])1I(?=\d)", "I", text)
    if re.search(r"[A-Z]", text) and not re.search(r"[a-z]", text):
        # 'CQ., LTD.', 'GO., LTD.': an O read as Q, a C as G in a company's 'CO.'
        text = re.sub(r"^CQ(?=\.)|^(?:GO|C0)(?=\.,$)", "CO", text)
        # (and before the slash of shipping marks: 'HANO!/25/186', 'HANO1/24/876')
        text = re.sub(r"(?<=[A-Z])[!|\]]{1,2}(?=[A-Z/]|[,.;:]?$)|^!(?=[A-Z]{2})|(?<=[A-Z]{3})1(?=[,.;:]?$|/)", "I", text)
        # 'TOKY0/25/564': a zero among letters, in a part of the word that is all letters otherwise, is an O
        text = re.sub(r"(?<![A-Z0-9])(?=[A-Z0]*[A-Z]{3})[A-Z]*0[A-Z0]*(?![A-Z0-9])",
                      lambda m: m[0].replace("0", "O"), text)
        # a voyage number is figures and a heading letter: 'V.Q59N', 'V.@31E' (a slashed zero read as Q, O, @)
        text = re.sub(r"^(V\.|VOY\.)(?=[0-9OQ@]*\d[0-9OQ@]*[NSEW]$)([0-9OQ@]{2,4})(?=[NSEW]$)",
                      lambda m: m[1] + re.sub("[OQ@]", "0", m[2]), text)
    return text


CASE_CHANGE = re.compile(r"([A-Za-z][a-z-]*[a-z]{3})([A-Z]{2,}[.,:]?)")
UNDERLINED_SPACE = re.compile(r"([A-Z0-9][A-Za-z0-9.,'-]*?)_+([A-Z0-9][A-Za-z0-9.,'-]*)")


def _with_run_together_split(words: list[Word]) -> list[Word]:
    """Two words tesseract ran together: where the space is narrow and the second is in capitals
    ('Back-to-backCO' is 'Back-to-back' and 'CO'), or where a rule under the line shows in the space
    ('NEW_ZEALAND'). Each is given its share of the box by its letters."""
    out: list[Word] = []
    for w in words:
        m = CASE_CHANGE.fullmatch(w.text) or UNDERLINED_SPACE.fullmatch(w.text)
        if not m:
            out.append(w)
            continue
        cut = w.box.x0 + (w.box.x1 - w.box.x0) * len(m[1]) / len(w.text)
        out += [w.model_copy(update={"text": m[1], "box": w.box.model_copy(update={"x1": cut})}),
                w.model_copy(update={"text": m[2], "box": w.box.model_copy(update={"x0": cut})})]
    return out


def fix_case_in_capitals(words: list[Word]) -> list[Word]:
    """'QINGDAO OCEANWIDE Co., LTD.': a short word with one lower-case letter between words in capitals is a
    capital misread; in mixed-case text ('Acme Co., Ltd.') it is left as printed."""
    def caps(w: Word | None) -> bool:
        return w is not None and re.search(r"[A-Z]", w.text) is not None and re.search(r"[a-z]", w.text) is None
    out = list(words)
    for i, w in enumerate(out):
        doubled = re.fullmatch(r"([A-Z]+)([a-z])([A-Z]+[.,;:]*)", w.text)
        if doubled and doubled[2].upper() == doubled[3][0] and caps(out[i - 1] if i > 0 else None):
            # 'CoO.,': one capital read twice, once as lower case
            out[i] = w.model_copy(update={"text": doubled[1] + doubled[3]})
        elif re.fullmatch(r"(?=(?:.*[A-Z]){2})[A-Zil]+[.,;:]*", w.text) and (
                caps(out[i - 1] if i > 0 else None) or caps(out[i + 1] if i + 1 < len(out) else None)):
            # 'LINYi', 'HAl PHONG': a capital I read as a lower-case i or l between capitals
            out[i] = w.model_copy(update={"text": re.sub("[il]", "I", w.text)})
        elif re.fullmatch(r"[A-Z][a-z][.,;:]*", w.text):
            before = out[i - 1] if i > 0 else None
            after = out[i + 1] if i + 1 < len(out) else None
            if caps(before) and (after is None or caps(after)):
                out[i] = w.model_copy(update={"text": w.text.upper()})
    return out


def detect_rotation(img: Image.Image) -> int:
    """Degrees (0, 90, 180, 270) to turn the page clockwise so that it reads upright, from tesseract's OSD."""
    try:
        small = img if img.width <= 1400 else img.resize((1400, round(img.height * 1400 / img.width)))
        with _OCR_SLOTS, _image_file(small) as path:
            osd = pytesseract.image_to_osd(path, config="--psm 0")
    except pytesseract.TesseractError:
        return 0
    m = re.search(r"Rotate: (\d+)", osd)
    return int(m[1]) % 360 if m else 0


def looks_sideways(img: Image.Image) -> bool:
    """Trade documents are portrait pages: a landscape image of one is a page photographed or scanned sideways,
    so OSD decides which way to turn it before the one reading."""
    return img.width > img.height * 1.05


def ocr_page(img: Image.Image, number: int, lang: str = "eng") -> Page:
    """Read one page image into words with boxes in points, normally in one tesseract pass: sideways pages are
    turned first (OSD only for pages that look sideways), skew is removed, small scans are brought to 300 dpi.
    A page whose reading is poor may be upside down or turned the wrong way (OSD is often unsure on forms):
    it is read once more turned the other way, and the better reading is kept."""
    img, dpi = _grey(img, image_dpi(img))
    if looks_sideways(img):
        turn = detect_rotation(img)
        first = turn if turn in (90, 270) else 90
    else:
        first = 0
    page = _read_turned(img, first, dpi, lang, number)
    if (page.ocr_confidence or 0) < ORIENTATION_RETRY_BELOW or len(page.words) < 20:
        if first:
            other = (first + 180) % 360
        else:
            turn = detect_rotation(img)
            other = turn if turn else 180
        retry = _read_turned(img, other, dpi, lang, number)
        if (retry.ocr_confidence or 0) > (page.ocr_confidence or 0):
            page = retry
        page.ocr_passes = 2
    # the runs read unsurely and the lines lost are read again now, in one in-process call (~3 ms of fixed cost),
    # so that the page is classified and its fields read once, from its final words; the cells extraction wants
    # read again are read in a call of their own
    settle(page)
    return page


def _read_turned(img: Image.Image, rotation: int, dpi: float, lang: str, number: int) -> Page:
    if rotation:
        img = img.rotate(-rotation, expand=True)
    img, dpi = _level(img, dpi, skew_angle(img))
    words, mean, owed = _read(img, dpi, lang)
    page = Page(number=number, width=img.width * 72.0 / dpi, height=img.height * 72.0 / dpi, words=words,
                source="ocr", ocr_confidence=round(mean, 4), rotation=rotation, ocr_passes=1)
    page._image = img
    page._owed = owed
    return page


def without_rulings(img: Image.Image, share: float = 0.85, edge: float = 0.2) -> Image.Image:
    """A cell cut out of a form keeps bits of the table's rulings at its edges, which tesseract reads as letters
    ('150210' beside a ruling came out 'ee'): pixel columns and rows near the edges that are dark along nearly
    their whole length go white (a letter's stem is never that long within a cell of a line or more)."""
    a = np.asarray(img.convert("L")).copy()
    dark = a < 128
    h, w = dark.shape
    cols = dark.mean(axis=0) > share
    cols[int(w * edge):w - int(w * edge)] = False
    rows = dark.mean(axis=1) > share
    rows[int(h * edge):h - int(h * edge)] = False
    a[:, cols] = 255
    a[rows, :] = 255
    return Image.fromarray(a)


def _long_runs(dark: np.ndarray, length: int) -> np.ndarray:
    """The pixels of runs of dark along each row of `dark` at least `length` long."""
    if length < 2 or dark.shape[1] < length:
        return np.zeros_like(dark)
    c = np.concatenate([np.zeros((dark.shape[0], 1), int), np.cumsum(dark, axis=1)], axis=1)
    starts = (c[:, length:] - c[:, :-length]) == length  # a window of `length` all dark starts here
    s = np.concatenate([np.zeros((dark.shape[0], 1), int), np.cumsum(starts, axis=1)], axis=1)
    # a pixel lies in such a window if one of the `length` windows over it is all dark
    idx = np.arange(dark.shape[1])
    hi = np.minimum(idx + 1, starts.shape[1])
    lo = np.maximum(idx - length + 1, 0)
    return (s[:, hi] - s[:, lo]) > 0


def without_line_rulings(img: Image.Image, reach: int = 2) -> Image.Image:
    """A line of a form cut out across the page keeps the table's rulings everywhere, not only at its edges:
    the columns' rules between caption and value, and the row's rules above and below ('Certificate Reference
    Number | K25RC374170170' read 'K2sRc3741 ONO'). Runs of ink too long for any letter go white: down, most of
    the cut's height (a letter's stem spans the line, the cut reaches past it); across, more than the cut's height;
    a rule cut aslant leaves dashes at the cut's edges, joined across small gaps. A scanned rule is grey at its
    edges and, levelled, steps a pixel or two aside: ink here is anything darker than light grey, and a run may
    wander `reach` pixels."""
    a = np.asarray(img.convert("L")).copy()
    dark = a < 192
    h = dark.shape[0]

    def spread(mask: np.ndarray, axis: int) -> np.ndarray:
        out = mask.copy()
        for d in range(1, reach + 1):
            out |= np.roll(mask, d, axis=axis) | np.roll(mask, -d, axis=axis)
        return out
    across = spread(_long_runs(spread(dark, 0), int(1.2 * h)), 0)
    # at the cut's edges, where no letter reaches, a rule cut aslant leaves dashes: joined across small gaps
    edge = max(1, int(0.2 * h))
    for band in (slice(0, edge), slice(h - edge, h)):
        across[band] |= _long_runs(spread(dark[band], 1), int(1.2 * h)) & dark[band]
    down = spread(_long_runs(spread(dark, 1).T, max(3, int(0.75 * h))).T, 1)
    a[(across | down) & dark] = 255
    return Image.fromarray(a)


def has_print(page: Page, box: Box, share: float = 0.005) -> bool:
    """Does a box of a scanned page hold print (a cell OCR read nothing in), not just the table's rulings and
    the scanner's specks? Rulings are cleared and specks filtered out before dark pixels are counted."""
    from PIL import ImageFilter

    img = page._image
    if img is None:
        return False
    scale = img.width / page.width
    crop = img.crop((int(box.x0 * scale), int(box.top * scale), int(box.x1 * scale), int(box.bottom * scale)))
    if crop.width < 4 or crop.height < 4:
        return False
    a = np.asarray(without_rulings(crop).filter(ImageFilter.MedianFilter(3))) < 128  # a speck vanishes, a stroke stays
    return bool(a.mean() >= share)


def reread_many(page: Page, boxes: list[Box], lang: str = "eng") -> list[tuple[str, float] | None]:
    """Second readings of small regions of an OCR'd page (table cells), each read as a block of its own, all in
    one call: tesseract reads a lone figure or code far better than within the whole page. The second readings
    the page still owes (`_Owed`) go on the same sheet, and its words are replaced by them. For each box (text
    with its lines, mean confidence), or None where nothing was read."""
    img = page._image
    if img is None or (not boxes and page._owed is None and not page._wanted):
        return [None] * len(boxes)
    scale = img.width / page.width
    owed: _Owed | None = page._owed
    owed_regions = owed.regions() if owed else []
    regions = [(int(b.x0 * scale), int(b.top * scale), int(b.x1 * scale), int(b.bottom * scale)) for b in boxes]
    made = page._readings or []

    def before(reg: tuple[int, int, int, int]):
        # a region read before (the same cell, found again when the page's words were renewed) is not read twice
        return next((res for r, res in made if all(abs(a - b) <= 8 for a, b in zip(r, reg))), False)
    wanted = [reg for reg in (page._wanted or []) if before(reg) is False and reg not in regions]
    done = [before(reg) for reg in regions]
    todo = [reg for reg, d in zip(regions, done) if d is False] + wanted
    found = _read_apart(img, owed_regions + todo, owed.lang if owed else lang) if owed_regions or todo else []
    if owed is not None:
        page.words = _finish(owed.apply(found[:len(owed_regions)], owed.read_lost(img)), img, owed.scale)
        page._owed = None
    fresh = dict(zip(todo, (_reading_of(d) for d in found[len(owed_regions):])))
    page._readings = made + list(fresh.items())
    page._wanted = []
    return [fresh[reg] if d is False else d for reg, d in zip(regions, done)]


def want(page: Page, boxes: list[Box]) -> None:
    """Ask for second readings of regions without paying for them now: they are made with the page's next
    second readings (`reread_many`), in the same call, and kept for when they are asked for."""
    img = page._image
    if img is None:
        return
    scale = img.width / page.width
    page._wanted = (page._wanted or []) + [(int(b.x0 * scale), int(b.top * scale), int(b.x1 * scale),
                                            int(b.bottom * scale)) for b in boxes]


def _reading_of(data: dict[str, list]) -> tuple[str, float] | None:
    """A region's second reading as text (its lines) and mean confidence; None where nothing was read."""
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for text, conf, b, p_, ln in zip(data["text"], data["conf"], data["block_num"], data["par_num"],
                                     data["line_num"]):
        text = fix_confusions(text.strip()).strip("|[]{}_")
        if text and float(conf) >= 0:
            lines.setdefault((b, p_, ln), []).append((text, float(conf) / 100))
    if not lines:
        return None
    words = [w for k in sorted(lines) for w in lines[k]]
    return ("\n".join(" ".join(t for t, _ in lines[k]) for k in sorted(lines)),
            sum(c for _, c in words) / len(words))


def settle(page: Page) -> None:
    """Make the page pay the second readings it owes (one call), before its words are used as final."""
    reread_many(page, [])  # nothing owed or asked for: no call
