"""OCR of page images with tesseract, keeping every word's box and confidence.

tesseract runs one thread per process (`OMP_THREAD_LIMIT=1`: 14 s -> 3 s a page on this machine);
parallelism comes from running several documents at once.
"""
from __future__ import annotations

import os
import re

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from pipeline.model import Box, Page, Word  # noqa: E402

# Forms and tables read row by row far better with a single uniform block than with automatic segmentation.
TESSERACT_CONFIG = "--oem 1 --psm 6"
# A page whose mean confidence is below this is first checked for orientation.
ORIENTATION_RETRY_BELOW = 0.55


def image_dpi(img: Image.Image) -> float:
    """The image's resolution: its own DPI tag when plausible, else the width of an A4 page."""
    dpi = img.info.get("dpi")
    if dpi and 70 <= float(dpi[0]) <= 1200:
        return float(dpi[0])
    return max(img.width, img.height * 0.707) / 8.27


def _prepare(img: Image.Image) -> Image.Image:
    img = ImageOps.exif_transpose(img)  # phone photos carry their rotation as a tag
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    return img.convert("L")


def _read(img: Image.Image, dpi: float, lang: str) -> tuple[list[Word], float]:
    data = pytesseract.image_to_data(img, lang=lang, config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT)
    scale = 72.0 / dpi
    words: list[Word] = []
    for text, conf, left, top, w, h in zip(data["text"], data["conf"], data["left"], data["top"], data["width"],
                                           data["height"]):
        text = text.strip()
        c = float(conf)
        if not text or c < 0:
            continue
        words.append(Word(text=text, confidence=max(0.0, min(1.0, c / 100.0)),
                          box=Box(x0=left * scale, top=top * scale, x1=(left + w) * scale, bottom=(top + h) * scale)))
    mean = sum(w.confidence for w in words) / len(words) if words else 0.0
    return words, mean


def detect_rotation(img: Image.Image) -> int:
    """Degrees (0, 90, 180, 270) to turn the page clockwise so that it reads upright, from tesseract's OSD."""
    try:
        small = img if img.width <= 1400 else img.resize((1400, round(img.height * 1400 / img.width)))
        osd = pytesseract.image_to_osd(small, config="--psm 0")
    except pytesseract.TesseractError:
        return 0
    m = re.search(r"Rotate: (\d+)", osd)
    return int(m[1]) % 360 if m else 0


def ocr_page(img: Image.Image, number: int, lang: str = "eng") -> Page:
    """Read one page image into words with boxes in points. Upside-down and sideways pages are turned first."""
    img = _prepare(img)
    dpi = image_dpi(img)
    words, mean = _read(img, dpi, lang)
    rotation = 0
    if mean < ORIENTATION_RETRY_BELOW or len(words) < 20:
        rotation = detect_rotation(img)
        if rotation:
            img = img.rotate(-rotation, expand=True)
            words, mean = _read(img, dpi, lang)
    return Page(number=number, width=img.width * 72.0 / dpi, height=img.height * 72.0 / dpi, words=words,
                source="ocr", ocr_confidence=round(mean, 4), rotation=rotation)
