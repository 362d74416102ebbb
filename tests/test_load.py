"""Loading by content, with clear errors for every kind of bad upload."""
import io
import json
import struct
import zlib

import pytest
from PIL import Image

from extractors.load import Limits, load_bytes, sniff
from extractors.read import read_document
from pipeline.errors import UnreadableDocument
from sample_docs.degrade import broken_file


def test_sniff_by_content_not_name():
    assert sniff(b"%PDF-1.7\n...") == "application/pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff(b"\xff\xd8\xff\xe0....") == "image/jpeg"
    assert sniff(b"II*\x00....") == "image/tiff"
    assert sniff(b"<!DOCTYPE html><html>") == "text/html"


@pytest.mark.parametrize("kind,message", [
    ("empty_file", "empty"), ("corrupt_pdf", "PDF"), ("encrypted_pdf", "encrypted"), ("wrong_extension", "web page"),
])
def test_broken_uploads_raise_unreadable(kind, message):
    import random

    with pytest.raises(UnreadableDocument) as e:
        load_bytes(broken_file(kind, random.Random(1)), "x")
    assert e.value.code == "document.unreadable"
    assert message in e.value.message


def test_truncated_png_is_unreadable():
    buf = io.BytesIO()
    Image.new("L", (400, 400), 255).save(buf, "PNG")
    with pytest.raises(UnreadableDocument, match="cannot be decoded"):
        load_bytes(buf.getvalue()[:200], "cut.png")


def test_decompression_bomb_is_refused():
    # a tiny PNG whose header claims 100,000 x 100,000 pixels
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")
    with pytest.raises(UnreadableDocument, match="too large"):
        load_bytes(png, "bomb.png")


def test_size_and_page_limits():
    with pytest.raises(UnreadableDocument, match="limit"):
        load_bytes(b"%PDF-1.4" + b"0" * 2000, "big.pdf", Limits(max_bytes=1000))


def test_read_document_never_raises(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(b"")
    doc = read_document(p, "scan.pdf")
    assert doc.error is not None and doc.error.code == "document.unreadable"
    assert doc.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_text_pdf_pages_carry_word_boxes(samples, truth):
    from conftest import find_case, sample_path

    cid = find_case(truth, defect=None, render="text_pdf")
    co = next(f for f, d in truth["cases"][cid]["documents"].items() if d["doc_type"] == "certificate_of_origin")
    doc = read_document(sample_path(cid, co), co)
    page = doc.pages[0]
    assert page.source == "text_layer" and doc.text_source == "text_layer"
    assert 590 < page.width < 600 and 835 < page.height < 850  # A4 in points
    w = page.words[0]
    assert 0 <= w.box.x0 < w.box.x1 <= page.width and 0 <= w.box.top < w.box.bottom <= page.height


def _pdfplumber_reading(page):
    """What pdfplumber itself gives: its words, and its short lines and curves neither level nor upright."""
    words = [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in page.extract_words()]
    strokes = sorted((o["x0"], o["top"], o["x1"], o["bottom"])
                     for o in page.objects.get("line", []) + page.objects.get("curve", [])
                     if 1.0 < o["x1"] - o["x0"] < 20 and 1.0 < o["bottom"] - o["top"] < 20)
    return words, strokes


def _our_reading(page):
    from extractors.load import WORDS, _page_objects

    chars, strokes = _page_objects(page)
    return ([(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in WORDS.extract_words(chars)],
            sorted((s.x0, s.top, s.x1, s.bottom) for s in strokes))


def test_text_layer_words_are_pdfplumbers_words():
    """The text layer is read without pdfplumber's per-object dicts; the words and tick strokes must be the ones
    pdfplumber's own `extract_words()` and objects give: on a page with a form (its text nested in a figure),
    a ticked box, boxes and a rotated line of text, and on the demo set's certificates and invoices."""
    import pdfplumber
    from reportlab.pdfgen import canvas

    from conftest import SAMPLES

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    c.drawString(40, 800, "Form RCEP  Certificate No. TH-RC25 0001")
    c.rect(40, 700, 10, 10)
    c.line(41, 705, 44, 701), c.line(44, 701, 49, 709)  # a tick in the box
    c.drawString(55, 702, "Third-party invoicing")
    c.beginForm("stamp")
    c.setFont("Times-Roman", 11)
    c.drawString(300, 120, "DEPARTMENT OF FOREIGN TRADE")
    c.bezier(300, 100, 303, 110, 308, 112, 312, 110)  # a flourish of the stamp
    c.endForm()
    c.doForm("stamp")
    c.saveState(), c.translate(500, 400), c.rotate(90), c.drawString(0, 0, "ORIGINAL"), c.restoreState()
    c.showPage()
    c.save()
    drawn = buf.getvalue()
    pages = 0
    truth = json.loads((SAMPLES / "truth.json").read_text())["cases"]
    texts = [SAMPLES / "submissions" / cid / name for cid, case in truth.items()
             for name, d in case["documents"].items() if d["render"] == "text_pdf" and not d["broken"]]
    for f in [io.BytesIO(drawn)] + texts[:40]:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                ours = _our_reading(page)
                assert ours == _pdfplumber_reading(page), (str(f), page.page_number)
                pages += bool(ours[0])
    with pdfplumber.open(io.BytesIO(drawn)) as pdf:
        words, strokes = _our_reading(pdf.pages[0])
    # (the line turned upright reads as pdfplumber reads it, letter by letter from its foot)
    assert {"DEPARTMENT", "Third-party", "LANIGIRO"} <= {w[0] for w in words} and len(strokes) == 3
    assert pages >= 20


def test_an_english_caption_and_its_chinese_drawn_close_are_two_words():
    """'Port of Discharge' with '卸货港' drawn 3 points after it: pdfplumber's word grouping joins them
    ('Discharge卸货港'), and the caption would not be matched. The script changes across a gap: two words. A word
    typed in both scripts without a gap stays one."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    from sample_docs.render import cjk_font

    cj = cjk_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica", 7)
    c.drawString(40, 800, "Port of Discharge")
    x = 40 + pdfmetrics.stringWidth("Port of Discharge", "Helvetica", 7) + 3
    c.setFont(cj, 7)
    c.drawString(x, 800, "卸货港")
    c.setFont("Helvetica", 9)
    c.drawString(40, 780, "HAI PHONG, VIET NAM   ORDER NO. 12345 OF 2025 FOR 40 CARTONS OF GOODS")
    c.setFont(cj, 9)
    c.drawString(40, 760, "ABC公司")
    c.showPage()
    c.save()
    doc = load_bytes(buf.getvalue(), "bl.pdf")
    texts = [w.text for w in doc.pages[0].words]
    assert texts[:4] == ["Port", "of", "Discharge", "卸货港"] and "ABC公司" in texts
    discharge, chinese = doc.pages[0].words[2:4]
    assert discharge.box.x1 < chinese.box.x0
