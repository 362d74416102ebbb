"""Loading a file into pages of words, deciding its type from content, never from its name.

PDF pages are read from their text layer (pdfplumber); a page without a usable text layer is rendered
(pypdfium2) and OCR'd. Images (PNG, JPEG, TIFF, multi-page TIFF) are OCR'd. Anything that cannot be read
raises `UnreadableDocument` with a message a reviewer understands.
"""
from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTRect
from pdfplumber.utils.text import WordExtractor
from PIL import Image, UnidentifiedImageError

from extractors.layout import with_spaced_letters_joined
from extractors.ocr import ocr_page
from pipeline.errors import UnreadableDocument
from pipeline.model import Box, Document, Page, Word


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 50
    max_pixels: int = 60_000_000  # about A3 at 600 dpi; beyond it an image is a decompression bomb
    render_dpi: int = 300
    min_text_chars: int = 20  # fewer characters than this on a PDF page: no usable text layer


DEFAULT_LIMITS = Limits()


def sniff(data: bytes) -> str:
    """The media type from the first bytes."""
    head = data[:16]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"BM"):
        return "image/bmp"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    text = data[:512].lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "application/octet-stream"


DESCRIBE = {"application/zip": "a ZIP archive (an office document or compressed folder)",
            "text/html": "a web page (HTML)", "application/octet-stream": "not a PDF or an image"}


def load_document(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read `path` into a Document named `name`. Raises UnreadableDocument."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableDocument(f"cannot read the file: {e.strerror}") from e
    return load_bytes(data, name, limits)


def load_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    doc = Document(file=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    if not data:
        raise UnreadableDocument("the file is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise UnreadableDocument(f"the file is {len(data) / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB limit")
    media = sniff(data)
    doc.media_type = media
    if media == "application/pdf":
        doc.pages = read_pdf(data, limits)
    elif media.startswith("image/"):
        doc.pages = read_image(data, limits)
    else:
        raise UnreadableDocument(f"unsupported file type: the content is {DESCRIBE.get(media, media)}")
    return doc


def read_pdf(data: bytes, limits: Limits) -> list[Page]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises many unrelated types for damaged files
        raise UnreadableDocument(_pdf_error(e)) from e
    try:
        try:
            n = len(pdf.pages)
        except Exception as e:
            raise UnreadableDocument(_pdf_error(e)) from e
        if n == 0:
            raise UnreadableDocument("the PDF has no pages (damaged or truncated file)")
        if n > limits.max_pages:
            raise UnreadableDocument(f"the PDF has {n} pages, over the {limits.max_pages}-page limit")
        pages: list[Page] = []
        for i, p in enumerate(pdf.pages):
            try:
                chars, strokes = _page_objects(p)
                words = _split_at_script_changes(WORDS.extract_words(chars, return_chars=True))
            except Exception as e:
                raise UnreadableDocument(f"page {i + 1} cannot be decoded: {_pdf_error(e)}") from e
            if sum(len(w["text"]) for w in words) >= limits.min_text_chars:
                # (pydantic's compiled validation of a word is twice as fast as its unvalidated model_construct)
                pages.append(Page(number=i + 1, width=float(p.width), height=float(p.height), source="text_layer",
                                  words=with_spaced_letters_joined([
                                      Word(text=w["text"], box=Box(x0=w["x0"], top=w["top"], x1=w["x1"],
                                                                   bottom=w["bottom"])) for w in words])))
                pages[-1]._strokes = strokes
            else:
                pages.append(ocr_page(pdf_page_image(data, i, limits), i + 1))
        return pages
    finally:
        pdf.close()


def pdf_page_image(data: bytes, index: int, limits: Limits) -> Image.Image:
    """A PDF page without a text layer, as a grey image for OCR. A scanner's or phone's PDF is one JPEG laid over
    the page: it is taken as stored, at its own resolution (decoding it costs a tenth of rendering the page at
    300 dpi, and the reading brings it to 300 dpi the same way as any image file). Any other page is rendered."""
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        return _the_scan(page, limits) or _rendered(page, limits)
    finally:
        pdf.close()


def _the_scan(page, limits: Limits) -> Image.Image | None:
    """The page's one JPEG image where it is all the page holds, upright and covering the page; else None."""
    objs = list(page.get_objects(max_depth=1))
    if len(objs) != 1 or objs[0].type != pdfium_raw.FPDF_PAGEOBJ_IMAGE or page.get_rotation():
        return None
    img_obj = objs[0]
    try:
        filters = img_obj.get_filters()
        # (a JPEG may be wrapped in simple encodings, ASCII85 or Flate, which pdfium takes off)
        if filters[-1:] != ["DCTDecode"] or not set(filters[:-1]) <= set(pdfium.PdfImage.SIMPLE_FILTERS) or \
                img_obj.get_metadata().colorspace not in (
                pdfium_raw.FPDF_COLORSPACE_DEVICEGRAY, pdfium_raw.FPDF_COLORSPACE_DEVICERGB):
            return None
        a, b, c, d, e, f = img_obj.get_matrix().get()
        w, h = page.get_size()
        # laid upright over the whole page (not turned, not mirrored, not a part of it)
        if b or c or a <= 0 or d <= 0 or abs(a - w) > 2 or abs(d - h) > 2 or abs(e) > 2 or abs(f) > 2:
            return None
        img = Image.open(io.BytesIO(bytes(img_obj.get_data(decode_simple=True))))
        if img.format != "JPEG" or img.width * img.height > limits.max_pixels or img.mode not in ("L", "RGB"):
            return None
        img.draft("L", img.size)  # decoded straight to grey
        img.load()
        img = img.convert("L") if img.mode != "L" else img
    except Exception:  # a stream pdfium or Pillow cannot take apart is rendered instead
        return None
    img.info["dpi"] = (72 * img.width / w, 72 * img.height / h)
    return img


def _rendered(page, limits: Limits) -> Image.Image:
    w, h = page.get_size()
    scale = limits.render_dpi / 72
    if w * h * scale * scale > limits.max_pixels:
        scale = (limits.max_pixels / (w * h)) ** 0.5
    img = page.render(scale=scale, grayscale=True).to_pil()
    img.info["dpi"] = (72 * scale, 72 * scale)
    return img


def _pdf_error(e: Exception) -> str:
    # pdfplumber wraps pdfminer's exception: read the whole chain, names and arguments
    parts, seen = [], set()
    stack: list[BaseException] = [e]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        parts.append(f"{type(x).__name__}: {x}")
        stack += [a for a in getattr(x, "args", ()) if isinstance(a, BaseException)]
        stack += [c for c in (x.__cause__, x.__context__) if c is not None]
    text = " ".join(parts).lower()
    if "password" in text or "encrypt" in text:
        return "the PDF is encrypted with a password"
    if "eof" in text or "startxref" in text or "xref" in text or "trailer" in text:
        return "the PDF is damaged or truncated (no readable cross-reference table)"
    if "no /root" in text or "syntax" in text:
        return "the PDF is damaged (its structure cannot be parsed)"
    return f"the PDF cannot be parsed ({type(e).__name__})"


# pdfplumber's own word grouping, on its default settings: words as `page.extract_words()` gives them
WORDS = WordExtractor(use_text_flow=False, keep_blank_chars=False)


# Chinese characters and their punctuation: full-width forms, CJK symbols ('（如已知）', '、')
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SCRIPT_GAP = 1.0  # points between a Latin and a Chinese character set apart: two strings, not one word


def _split_at_script_changes(words: list[dict]) -> list[dict]:
    """'No.提单号', 'Discharge卸货港': an English caption with its Chinese drawn just after it, closer than the
    word grouping's 3 points, is two words, where the script changes across a gap. The English is then matched as
    the caption it is. (A word typed in both scripts without a gap, 'ABC公司', stays one.)"""
    out: list[dict] = []
    for w in words:
        cs = w.pop("chars", None)
        if not cs or not _CJK_CHAR.search(w["text"]) or all(_CJK_CHAR.match(c) for c in w["text"]):
            out.append(w)
            continue
        pieces, cur = [], [cs[0]]
        for a, b in zip(cs, cs[1:]):
            if bool(_CJK_CHAR.match(a["text"])) != bool(_CJK_CHAR.match(b["text"])) and \
                    b["x0"] - a["x1"] >= SCRIPT_GAP:
                pieces.append(cur)
                cur = []
            cur.append(b)
        pieces.append(cur)
        if len(pieces) == 1:
            out.append(w)
            continue
        out += [{"text": "".join(c["text"] for c in pc), "x0": pc[0]["x0"], "x1": pc[-1]["x1"],
                 "top": min(c["top"] for c in pc), "bottom": max(c["bottom"] for c in pc)} for pc in pieces]
    return out


def _page_objects(p) -> tuple[list[dict], list[Box]]:
    """A text page's characters, with the attributes word grouping uses, and the short strokes neither level nor
    upright: the marks drawn in checkboxes (a cross, a tick).

    pdfplumber's `page.chars` turns every object on the page into a dict of all its attributes (colours, fonts,
    marked content, paths), which costs as much as laying the page out; words need a character's text, its box
    and whether it is upright. So the layout pdfplumber makes is walked here, each object placed as pdfplumber
    places it (top-down, the media box's origin added), and its word grouping is run on the characters: the
    words are the ones `extract_words()` gives (a test holds them equal)."""
    height, (mb_x0, mb_top) = float(p.height), p.mediabox[:2]
    chars: list[dict] = []
    strokes: list[Box] = []
    stack = list(reversed(p.layout._objs))
    while stack:
        o = stack.pop()
        if isinstance(o, LTContainer):  # a form's objects, in order, as pdfplumber walks them
            stack.extend(reversed(o._objs))
            continue
        top, bottom = height - o.y1 + mb_top, height - o.y0 + mb_top
        if isinstance(o, LTChar):
            chars.append({"text": o._text, "x0": o.x0 + mb_x0, "x1": o.x1 + mb_x0, "top": top, "bottom": bottom,
                          "doctop": top, "upright": o.upright})
        elif isinstance(o, LTCurve) and not isinstance(o, LTRect):  # drawn lines and curves, not boxes
            w, h = o.x1 - o.x0, bottom - top
            if 1.0 < w < 20 and 1.0 < h < 20:
                strokes.append(Box.model_construct(x0=float(o.x0 + mb_x0), top=float(top), x1=float(o.x1 + mb_x0),
                                                   bottom=float(bottom)))
    return chars, strokes


def read_image(data: bytes, limits: Limits) -> list[Page]:
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.format == "JPEG" and img.mode in ("RGB", "YCbCr"):
                img.draft("L", img.size)  # decoded straight to grey: the page is read in grey anyway
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise UnreadableDocument(f"the image is too large to process safely (over {limits.max_pixels:,} pixels)") from e
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise UnreadableDocument(f"the image cannot be decoded (damaged or truncated): {e}") from e
    frames = getattr(img, "n_frames", 1)
    if frames > limits.max_pages:
        raise UnreadableDocument(f"the image has {frames} pages, over the {limits.max_pages}-page limit")
    pages: list[Page] = []
    for i in range(frames):
        try:
            img.seek(i)
            frame = img.copy() if frames > 1 else img  # (a frame of many is kept before the next is sought)
        except (OSError, EOFError) as e:
            raise UnreadableDocument(f"page {i + 1} of the image cannot be decoded: {e}") from e
        frame.info.setdefault("dpi", img.info.get("dpi"))
        pages.append(ocr_page(frame, i + 1))
    return pages
