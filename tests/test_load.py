"""Loading by content, with clear errors for every kind of bad upload."""
import io
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
