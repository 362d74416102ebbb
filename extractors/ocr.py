"""OCR of page images with tesseract, keeping every word's box and confidence.

tesseract runs one thread per process (`OMP_THREAD_LIMIT=1`: 14 s -> 3 s a page on this machine);
parallelism comes from running several documents at once.
"""
from __future__ import annotations

import os
import re
import threading

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from pipeline.model import Box, Page, Word  # noqa: E402

# How many tesseract processes may run at once, whatever the number of threads reading documents: the
# machine's cores, not the orchestrator's threads, are the limit. `set_ocr_workers` changes it.
_OCR_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


def set_ocr_workers(n: int) -> None:
    global _OCR_SLOTS
    _OCR_SLOTS = threading.BoundedSemaphore(max(1, n))


# Forms and tables read row by row far better with a single uniform block than with automatic segmentation.
TESSERACT_CONFIG = os.environ.get("ORIGIN_REVIEW_TESSERACT_CONFIG", "--oem 1 --psm 6")
# A page whose mean confidence is below this is first checked for orientation.
ORIENTATION_RETRY_BELOW = 0.55


def image_dpi(img: Image.Image) -> float:
    """The image's resolution: its own DPI tag when plausible, else the width of an A4 page."""
    dpi = img.info.get("dpi")
    if dpi and 70 <= float(dpi[0]) <= 1200:
        return float(dpi[0])
    return max(img.width, img.height * 0.707) / 8.27


TARGET_DPI = int(os.environ.get("ORIGIN_REVIEW_OCR_TARGET_DPI", "300"))  # small print (7 pt box titles) needs about this many pixels for tesseract
MIN_WORD_CONFIDENCE = 0.10  # below this a short "word" is a speck read as text (rulings are dropped by their shape)
MIN_GLYPH_HEIGHT = 2.0  # points: no letter or figure is printed smaller; a flatter "word" is a speck or a ruling
RULING = re.compile(r"[|\[\]{}_—–=]+")  # a table's ruling read as characters


def _prepare(img: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    img = ImageOps.exif_transpose(img)  # phone photos carry their rotation as a tag
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    img = img.convert("L")
    if dpi < TARGET_DPI - 20:
        f = TARGET_DPI / dpi
        img = img.resize((round(img.width * f), round(img.height * f)), Image.LANCZOS)
        dpi = TARGET_DPI
    return img, dpi


def skew_angle(img: Image.Image, max_angle: float = 3.0, step: float = 0.1) -> float:
    """The correction, in degrees for PIL's `rotate` (counter-clockwise), that levels the text lines: found by
    the projection profile, as rows of text give the sharpest histogram of ink when the page is straight."""
    small = img.resize((img.width // 3, img.height // 3)) if img.width > 1200 else img
    a = np.asarray(small, dtype=np.uint8)
    ys, xs = np.nonzero(a < 128)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 60000:
        idx = np.random.default_rng(0).choice(len(ys), 60000, replace=False)
        ys, xs = ys[idx], xs[idx]
    best, best_score = 0.0, -1.0
    for ang in np.arange(-max_angle, max_angle + step / 2, step):
        t = np.deg2rad(ang)
        proj = (ys * np.cos(t) - xs * np.sin(t)).astype(np.int32)
        hist = np.bincount(proj - proj.min())
        score = float((hist.astype(np.float64) ** 2).sum())
        if score > best_score:
            best, best_score = float(ang), score
    return best


def _read(img: Image.Image, dpi: float, lang: str) -> tuple[list[Word], float]:
    with _OCR_SLOTS:
        data = pytesseract.image_to_data(img, lang=lang, config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT)
    scale = 72.0 / dpi
    lines, confs = _lines(data, scale)
    lines = _reread_unsure_lines(img, scale, lang, lines)
    words = fix_case_in_capitals([w for ln in lines for w in ln])
    # the page's legibility counts every word tesseract saw, the dropped specks too
    mean = sum(confs) / len(confs) if confs else 0.0
    return words, mean


def _lines(data: dict, scale: float, dx: float = 0.0, dy: float = 0.0, zoom: float = 1.0) -> tuple[list[list[Word]], list[float]]:
    """tesseract's table of words into lines of Words with boxes in points (a region read apart is placed back
    by its offset and zoom), and the confidence of everything it saw."""
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
        if not text or RULING.fullmatch(text) or h / zoom * scale < MIN_GLYPH_HEIGHT and re.search(r"\w", text):
            continue
        if c / 100.0 < MIN_WORD_CONFIDENCE and sum(ch.isalnum() for ch in text) < 3 and w < 3 * h:
            continue  # a speck read as text; a real word read unsurely is kept (its confidence tells, and it
            #           may be read again)
        x0, y0 = (dx + left / zoom) * scale, (dy + top / zoom) * scale
        lines.setdefault((b, p_, ln), []).append(
            Word(text=text, confidence=max(0.0, min(1.0, c / 100.0)),
                 box=Box(x0=x0, top=y0, x1=x0 + w / zoom * scale, bottom=y0 + h / zoom * scale)))
    return [lines[k] for k in sorted(lines)], confs


UNSURE_LINE = 0.5     # a line read this unsurely on the whole (a small bold caption read 'ieee') is read again
MAX_REREAD_LINES = 12  # the worst lines of a page: a smudged page costs one bounded second call, not many
REREAD_ZOOM = 1.5


def _reread_unsure_lines(img: Image.Image, scale: float, lang: str, lines: list[list[Word]]) -> list[list[Word]]:
    """Runs of text read unsurely are cut out, enlarged and set one under another on a sheet that tesseract reads in
    one call (its fixed cost, ~0.1 s, is paid once a page, not once a line): a line read on its own is often
    read right ('ieee' -> 'INVOICE NO'). The second reading replaces a line only where it is decisively surer."""
    def mean(ws: list[Word]) -> float:
        return sum(w.confidence for w in ws) / len(ws)
    # a line of psm 6 runs across the page: its runs of text (cells, captions) are read apart
    runs: list[list[Word]] = []
    for ln in lines:
        runs.append([ln[0]])
        for prev, w in zip(ln, ln[1:]):
            if w.box.x0 - prev.box.x1 > 2 * max(w.box.bottom - w.box.top, 4.0):
                runs.append([])
            runs[-1].append(w)
    lines = runs
    todo = sorted((mean(ln), i) for i, ln in enumerate(lines)
                  if mean(ln) < UNSURE_LINE and (sum(ch.isalnum() for w in ln for ch in w.text) >= 3
                                                 or ln[-1].box.x1 - ln[0].box.x0 > 4 * (ln[0].box.bottom - ln[0].box.top)))
    todo = sorted(i for _, i in todo[:MAX_REREAD_LINES])
    if not todo:
        return lines
    pad, gap, margin = 6, 30, 20
    placed, y = [], gap
    for i in todo:
        ln = lines[i]
        x0 = max(0, int(min(w.box.x0 for w in ln) / scale) - pad)
        y0 = max(0, int(min(w.box.top for w in ln) / scale) - pad)
        x1 = min(img.width, int(max(w.box.x1 for w in ln) / scale) + pad)
        y1 = min(img.height, int(max(w.box.bottom for w in ln) / scale) + pad)
        crop = without_rulings(img.crop((x0, y0, x1, y1)))
        crop = crop.resize((round(crop.width * REREAD_ZOOM), round(crop.height * REREAD_ZOOM)), Image.BICUBIC)
        placed.append((i, x0, y0, y, crop))
        y += crop.height + gap
    sheet = Image.new("L", (max(c.width for *_, c in placed) + 2 * margin, y), 255)
    for _, _, _, top, crop in placed:
        sheet.paste(crop, (margin, top))
    with _OCR_SLOTS:
        data = pytesseract.image_to_data(sheet, lang=lang, config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT)
    out = list(lines)
    for i, x0, y0, top, crop in placed:
        # the words of the sheet that stand on this line's strip, placed back on the page
        keep = [k for k, (tp, h) in enumerate(zip(data["top"], data["height"])) if top <= tp + h / 2 < top + crop.height]
        sub = {key: [data[key][k] for k in keep] for key in data}
        sub["left"] = [v - margin for v in sub["left"]]
        sub["top"] = [v - top for v in sub["top"]]
        new, _ = _lines(sub, scale, dx=x0, dy=y0, zoom=REREAD_ZOOM)
        new_words = [w for g in new for w in g]
        if new_words and mean(new_words) > mean(lines[i]) + 0.2:
            out[i] = new_words
    return out


def fix_confusions(text: str) -> str:
    """Undo tesseract's usual misreadings: in capitals 'LINY!', 'LINY|', 'LINY]', 'LINY1'
    and 'L|NYI' are 'LINYI'. A bar before a
    word is left alone: that is a table's ruling more often than an I ('!QF' is 'IQF')."""
    text = re.sub(r"§(?=\d)|(?<=\d)§", "5", text)  # '§97' is '597'
    if re.search(r"[A-Z]", text) and not re.search(r"[a-z]", text):
        text = re.sub(r"(?<=[A-Z])[!|\]]{1,2}(?=[A-Z]|[,.;:]?$)|^!(?=[A-Z]{2})|(?<=[A-Z]{3})1(?=[,.;:]?$)", "I", text)
    return text


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
        with _OCR_SLOTS:
            osd = pytesseract.image_to_osd(small, config="--psm 0")
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
    img, dpi = _prepare(img, image_dpi(img))
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
    return page


def _read_turned(img: Image.Image, rotation: int, dpi: float, lang: str, number: int) -> Page:
    if rotation:
        img = img.rotate(-rotation, expand=True)
    angle = skew_angle(img)
    if abs(angle) >= 0.15:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    words, mean = _read(img, dpi, lang)
    page = Page(number=number, width=img.width * 72.0 / dpi, height=img.height * 72.0 / dpi, words=words,
                source="ocr", ocr_confidence=round(mean, 4), rotation=rotation, ocr_passes=1)
    page._image = img
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


def reread(page: Page, box: Box, lang: str = "eng") -> tuple[str, float] | None:
    """A second reading of one small region of an OCR'd page (a table cell), enlarged, as a block of its own:
    tesseract reads a lone figure or code far better than within the whole page. (text, mean confidence)."""
    img = page._image
    if img is None:
        return None
    scale = img.width / page.width
    crop = img.crop((max(0, int(box.x0 * scale)), max(0, int(box.top * scale)),
                     min(img.width, int(box.x1 * scale)), min(img.height, int(box.bottom * scale))))
    if crop.width < 8 or crop.height < 8:
        return None
    crop = without_rulings(crop)
    crop = ImageOps.expand(crop.resize((crop.width * 3 // 2, crop.height * 3 // 2), Image.BICUBIC), 20, fill=255)
    with _OCR_SLOTS:
        data = pytesseract.image_to_data(crop, lang=lang, config="--oem 1 --psm 6", output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for text, conf, b, p_, ln in zip(data["text"], data["conf"], data["block_num"], data["par_num"], data["line_num"]):
        text = text.strip().strip("|[]{}_")
        if text and float(conf) >= 0:
            lines.setdefault((b, p_, ln), []).append((fix_confusions(text), float(conf) / 100))
    if not lines:
        return None
    words = [w for k in sorted(lines) for w in lines[k]]
    return "\n".join(" ".join(t for t, _ in lines[k]) for k in sorted(lines)), sum(c for _, c in words) / len(words)
