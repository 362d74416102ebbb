"""OCR paths: pages without a text layer, images inside PDFs, mixed PDFs page by page, multi-page TIFF,
sideways pages, word boxes in points."""
import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.load import load_bytes
from extractors.ocr import (_split_at_rulings, _with_split_words_joined, _with_stray_marks_attached, _without_ghosts,
                            fix_case_in_capitals, fix_confusions, skew_angle)
from pipeline.model import Box, Word

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["CERTIFICATE OF ORIGIN", "Certificate No.: R25CN3712345678", "Issued in: CHINA",
         "Goods Consigned from: LINYI HUASHENG FOODSTUFF CO., LTD.", "Departure Date: 12 MAR 2025"]


def page_image(dpi=300, angle=0.0) -> Image.Image:
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(dpi * 0.16))
    for i, text in enumerate(LINES):
        d.text((int(dpi * 0.8), int(dpi * (1 + 0.45 * i))), text, fill=0, font=font)
    return img.rotate(angle, expand=False, fillcolor=255) if angle else img


def words_of(doc):
    return " ".join(w.text for p in doc.pages for w in p.words)


@pytest.mark.slow
def test_image_inside_pdf_and_mixed_pages():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawString(72, 760, "PACKING LIST  Invoice No.: INV-LI250001  Date: 05 MAR 2025  Total Packages: 1200")
    c.showPage()
    c.drawImage(ImageReader(page_image(200)), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    doc = load_bytes(buf.getvalue(), "mixed.pdf")
    assert [p.source for p in doc.pages] == ["text_layer", "ocr"]
    assert doc.text_source == "mixed"
    assert "R25CN3712345678" in words_of(doc)
    ocr = doc.pages[1]
    assert 0.8 < ocr.ocr_confidence <= 1
    w = next(w for w in ocr.words if w.text == "R25CN3712345678")
    assert 100 < w.box.x0 < 400 and 50 < w.box.top < 200  # points, not pixels


def _scanner_pdf(*, size=A4, drawn_too=False, rotation=0) -> bytes:
    """A PDF as a scanner makes it: one JPEG (200 dpi) laid over the page, and optionally more."""
    jpeg = io.BytesIO()
    page_image(200).save(jpeg, "JPEG", quality=85)
    jpeg.seek(0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setPageRotation(rotation)
    c.drawImage(ImageReader(jpeg), 0, 0, width=size[0], height=size[1])
    if drawn_too:
        c.line(72, 72, 300, 72)  # a line drawn over the scan: the page is more than its image
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_scanners_pdf_page_is_its_jpeg_as_stored_and_anything_else_is_rendered():
    from extractors.load import DEFAULT_LIMITS, pdf_page_image

    scan = pdf_page_image(_scanner_pdf(), 0, DEFAULT_LIMITS)
    assert scan.size == page_image(200).size and round(scan.info["dpi"][0]) == 200 and scan.mode == "L"
    for pdf in (_scanner_pdf(drawn_too=True), _scanner_pdf(size=(A4[0] / 2, A4[1] / 2)), _scanner_pdf(rotation=90)):
        page = pdf_page_image(pdf, 0, DEFAULT_LIMITS)  # the whole page, rendered at 300 dpi
        assert round(page.info["dpi"][0]) == 300 and abs(min(page.size) - A4[0] / 72 * 300) < 2 and \
            abs(max(page.size) - A4[1] / 72 * 300) < 2


@pytest.mark.slow
def test_a_scanners_pdf_is_read_from_its_jpeg():
    doc = load_bytes(_scanner_pdf(), "scan.pdf")
    assert doc.pages[0].source == "ocr" and "R25CN3712345678" in words_of(doc)
    w = next(w for w in doc.pages[0].words if w.text == "R25CN3712345678")
    assert 100 < w.box.x0 < 400 and 50 < w.box.top < 200  # points, as on a rendered page


@pytest.mark.slow
def test_multi_page_tiff_and_sideways_page():
    buf = io.BytesIO()
    first, second = page_image(200).convert("1"), page_image(200).rotate(90, expand=True).convert("1")
    first.save(buf, "TIFF", compression="group4", save_all=True, append_images=[second], dpi=(200, 200))
    doc = load_bytes(buf.getvalue(), "fax.tif")
    assert len(doc.pages) == 2 and all(p.source == "ocr" for p in doc.pages)
    assert doc.pages[1].rotation in (90, 270)
    for p in doc.pages:
        assert "R25CN3712345678" in " ".join(w.text for w in p.words)


@pytest.mark.slow
def test_a_phone_photo_turned_by_its_exif_tag_is_read_upright():
    # the camera stores the page lying on its side and says so in the EXIF orientation tag (6: turn 90° clockwise)
    stored = page_image(200).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    stored.convert("RGB").save(buf, "JPEG", quality=90, exif=exif, dpi=(200, 200))
    doc = load_bytes(buf.getvalue(), "photo.jpg")
    page = doc.pages[0]
    assert page.width < page.height  # the portrait page the tag describes, not the landscape image stored
    assert page.rotation == 0 and page.ocr_passes == 1  # upright from the tag alone: no OSD, no second pass
    assert "R25CN3712345678" in words_of(doc)


def test_skew_is_measured_in_the_right_direction():
    img = page_image(100)
    tilted = img.rotate(1.2, resample=Image.BICUBIC, fillcolor=255)
    a = skew_angle(tilted)  # the correction: turning back by as much as the page was turned
    assert abs(a + 1.2) < 0.3
    straight = tilted.rotate(a, resample=Image.BICUBIC, fillcolor=255)
    assert abs(skew_angle(straight)) < 0.3


def test_capital_confusions():
    assert fix_confusions("INV~HA248763") == "INV-HA248763"  # a hyphen read as a tilde
    assert fix_confusions("INV-L1I246451") == "INV-LI246451"  # Courier's I read as a figure and a letter
    assert fix_confusions("LINY!,") == "LINYI,"
    assert fix_confusions("GO.,") == "CO.,"  # a company's 'CO., LTD.', its C read G
    assert fix_confusions("HANO!/25/186") == "HANOI/25/186"  # shipping marks: an I before the slash
    assert fix_confusions("HANO1/24/876") == "HANOI/24/876"
    assert fix_confusions("GO.") == "GO."
    assert fix_confusions("L|NYI") == "LINYI"
    assert fix_confusions("Tel!") == "Tel!"
    assert fix_confusions("LINY|") == "LINYI"      # the bar is stripped as a ruling only after this
    assert fix_confusions("LINY!|,") == "LINYI,"
    assert fix_confusions("!QF") == "IQF"
    assert fix_confusions("|820") == "|820"        # a ruling before figures stays a ruling
    assert fix_confusions("LINY],") == "LINYI,"
    assert fix_confusions("LINY1,") == "LINYI,"
    assert fix_confusions("INV-L1258545") == "INV-L1258545"
    assert fix_confusions("§97") == "597"


@pytest.mark.parametrize("read, meant", [("V.Q59N", "V.059N"), ("V.O51E", "V.051E"), ("V.@31E", "V.031E"),
                                         ("V.1O2W", "V.102W"), ("V.025E", "V.025E"), ("V.OQE", "V.OQE"),
                                         ("VOLVO", "VOLVO"), ("V.QQ1", "V.QQ1"), ("v.081E", "V.081E"),
                                         ("v.Q59N", "V.059N")])
def test_a_slashed_zero_in_a_voyage_number(read, meant):
    """A monospaced face's slashed or dotted zero reads as Q, O or @; a voyage number is figures and a heading."""
    assert fix_confusions(read) == meant


def _line(*texts):
    return [Word(text=t, confidence=0.9, box=Box(x0=i * 40, top=0, x1=i * 40 + 35, bottom=8)) for i, t in enumerate(texts)]


def test_a_capital_read_twice_or_in_lower_case_within_capitals():
    assert [w.text for w in fix_case_in_capitals(_line("SIAM", "AGRO", "PRODUCE", "CoO.,", "LTD."))][3] == "CO.,"
    assert [w.text for w in fix_case_in_capitals(_line("QINGDAO", "OCEANWIDE", "Co.,", "LTD."))][2] == "CO.,"
    # mixed case is printed so
    assert [w.text for w in fix_case_in_capitals(_line("Acme", "Trading", "Co.,", "Ltd."))][2] == "Co.,"
    assert [w.text for w in fix_case_in_capitals(_line("Acme", "CoO.,", "Ltd."))][1] == "CoO.,"
    assert [w.text for w in fix_case_in_capitals(_line("HAi", "AN,", "HAl", "PHONG"))] == ["HAI", "AN,", "HAI", "PHONG"]
    assert [w.text for w in fix_case_in_capitals(_line("NO.", "7", "HAIXi", "ROAD,"))][2] == "HAIXI"
    assert [w.text for w in fix_case_in_capitals(_line("Acme", "Trading", "Hail"))][2] == "Hail"


def _word(text, x0, x1, top=100.0, bottom=107.0, conf=0.9):
    return Word(text=text, confidence=conf, box=Box(x0=x0, top=top, x1=x1, bottom=bottom))


def test_typewriter_face_repairs():
    # a zero among letters; a comma set low, put by tesseract on the line below
    assert fix_confusions("TOKY0/25/564") == "TOKYO/25/564" and fix_confusions("V.015W") == "V.015W"
    assert fix_confusions("R25CN370915476") == "R25CN370915476"
    words = [_word("CO.", 159, 171), _word("LTD.", 184, 200), _word(",", 175, 176, top=103, bottom=109),
             _word("Signature", 305, 331, top=103, bottom=110)]
    assert [w.text for w in _with_stray_marks_attached(words)] == ["CO.,", "LTD.", "Signature"]
    # '12,' takes no second mark
    assert [w.text for w in _with_stray_marks_attached([_word("12,", 10, 20), _word(";", 21, 22, 103, 109)])] == \
        ["12,", ";"]
    # a cut-off last letter joins its word; a word a space away does not
    joined = _with_split_words_joined([_word("invoicin:", 353, 376), _word("9", 375, 378, top=101)])
    assert [w.text for w in joined] == ["invoicin9"]
    assert len(_with_split_words_joined([_word("LOT", 10, 25), _word("12", 29, 37)])) == 2
    # a piece of a word read again inside it, however surely
    kept = _without_ghosts([_word("Thire-party", 318, 351, conf=0.45), _word("pany", 336, 351, conf=0.56),
                            _word("invoicing", 353, 379)])
    assert [w.text for w in kept] == ["Thire-party", "invoicing"]
    # a mark read inside a word read surer is a speck of it, however surely: 'Third-party : invoicing'
    kept = _without_ghosts([_word("Third-party", 224, 258, conf=0.93), _word(":", 233, 234, 100, 101, conf=0.67),
                            _word("invoicing", 260, 287)])
    assert [w.text for w in kept] == ["Third-party", "invoicing"]


def test_junk_read_over_a_tall_stretch_of_the_page_is_no_word():
    """'NSCS' read at 0.31 over four rows of a grid (a stamp's or rulings' ink) would join the caption beside it."""
    from extractors.ocr import _finish
    words = [_word("Back-to-Back", 53, 97), _word("Origin", 143, 163), _word("No", 192, 203),
             _word("NSCS", 180, 558, top=86, bottom=117, conf=0.31), _word("TITLE", 200, 300, 60, 80, conf=0.9)]
    kept = _finish([words], Image.new("L", (2480, 3508), 255), 72 / 300)
    assert [w.text for w in kept] == ["Back-to-Back", "Origin", "No", "TITLE"]


def test_junk_read_unsurely_across_a_box_is_no_word():
    """A box's ruling read 'PO' at 0.59 across its whole width (270 points for two letters) would run on the
    address over it; a word as wide as its letters print, or read surely, stays."""
    from extractors.ocr import _finish
    words = [_word("276000,", 41, 68, top=75, bottom=82), _word("CHINA", 70, 97, top=75, bottom=81),
             _word("PO", 31, 301, top=89, bottom=106, conf=0.59), _word("Se", 90, 101, top=110, bottom=116, conf=0.15),
             _word("CERTIFICATE", 351, 440, top=92, bottom=102, conf=0.96)]
    kept = _finish([words], Image.new("L", (2480, 3508), 255), 72 / 300)
    assert [w.text for w in kept] == ["276000,", "CHINA", "SE", "CERTIFICATE"]  # (a small letter among capitals made one)


def test_a_ruling_read_as_a_letter_splits_the_word_only_where_it_stands():
    img = Image.new("L", (800, 400), 255)
    d = ImageDraw.Draw(img)
    scale = 72 / 300
    word = _word("OFICHINA", 100 * scale, 260 * scale, top=180 * scale, bottom=210 * scale)
    x_i = 100 + 160 * 2.5 / 8  # the middle of the third letter
    d.line([(x_i, 20), (x_i, 380)], fill=0, width=3)
    parts = _split_at_rulings([word], img, scale)
    assert [w.text for w in parts] == ["OF", "CHINA"]
    # the same ruling beside the letter (crossing the next one) splits nothing
    img2 = Image.new("L", (800, 400), 255)
    ImageDraw.Draw(img2).line([(x_i + 20, 20), (x_i + 20, 380)], fill=0, width=3)
    assert [w.text for w in _split_at_rulings([word], img2, scale)] == ["OFICHINA"]


def test_a_ruling_read_as_a_words_last_letter_is_dropped():
    """'AUSTRALIA' set close to the column's ruling on its right, read 'AUSTRALIAI'; a word ending in its own I
    beside no ruling keeps it."""
    img = Image.new("L", (800, 400), 255)
    scale = 72 / 300
    word = _word("AUSTRALIAI", 100 * scale, 300 * scale, top=180 * scale, bottom=210 * scale)
    x_rule = 100 + 200 * 9.5 / 10  # the middle of the last letter
    ImageDraw.Draw(img).line([(x_rule, 20), (x_rule, 380)], fill=0, width=3)
    assert [w.text for w in _split_at_rulings([word], img, scale)] == ["AUSTRALIA"]
    hanoi = _word("HANOI", 100 * scale, 200 * scale, top=180 * scale, bottom=210 * scale)
    assert [w.text for w in _split_at_rulings([hanoi], Image.new("L", (800, 400), 255), scale)] == ["HANOI"]


@pytest.mark.slow
def test_chinese_captions_on_a_scan_are_read_with_the_chinese_model():
    """A bilingual invoice scanned: the English model makes the Chinese captions into junk; the second reading
    with chi_sim recovers them, and the bilingual caption stays one label."""
    from sample_docs.degrade import render_scan
    from sample_docs.render import RENDERERS
    from extractors.read import read_document
    import random
    import re
    fields = {"invoice_number": "INV-LI250123", "invoice_date": "2025-03-01", "seller_name": "LINYI HUASHENG FOODSTUFF CO., LTD.",
              "seller_address": "NO. 18 BEIJING ROAD, LANSHAN DISTRICT, LINYI, SHANDONG 276000, CHINA", "seller_country": "CN",
              "buyer_name": "SEOUL MART CORPORATION", "buyer_address": "123 TEHERAN-RO, GANGNAM-GU, SEOUL 06133, KOREA",
              "buyer_country": "KR", "currency": "USD", "incoterm": "FOB", "total_amount": 2052.0,
              "items": [{"description": "FRESH CHINESE CABBAGE", "hs_code": "070490", "quantity": 5400.0,
                         "quantity_unit": "KGS", "unit_price": 0.38, "amount": 2052.0}]}
    pdf = RENDERERS["inv-b"](fields, {"incoterm_text": "FOB QINGDAO"})
    scan = render_scan(pdf, "scan_pdf", random.Random(3))
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "invoice.pdf"
        p.write_bytes(scan)
        doc = read_document(p, p.name)
    text = " ".join(w.text for pg in doc.pages for w in pg.words)
    assert re.search("[\u4e00-\u9fff]{2}", text)  # Chinese read as Chinese, not as Latin junk
    assert doc.fields["invoice_number"].value == "INV-LI250123"
    assert doc.fields["buyer_name"].value == "SEOUL MART CORPORATION"


def test_print_in_a_cell_is_told_from_rulings_and_specks():
    import random

    from extractors.ocr import has_print
    from pipeline.model import Page

    img = Image.new("L", (1000, 400), 255)
    d = ImageDraw.Draw(img)
    rng = random.Random(3)
    for _ in range(400):  # scanner specks all over
        x, y = rng.randrange(1000), rng.randrange(400)
        d.point((x, y), fill=0)
    for x in (100, 300, 500):  # the table's rulings
        d.line([(x, 0), (x, 400)], fill=0, width=3)
    d.text((320, 150), "WO", fill=0, font=ImageFont.load_default(size=40))
    page = Page(number=1, width=240, height=96, source="ocr", words=[])
    page._image = img
    s = 240 / 1000
    assert has_print(page, Box(x0=300 * s, top=100 * s, x1=500 * s, bottom=250 * s))      # 'WO' between rulings
    assert not has_print(page, Box(x0=100 * s, top=100 * s, x1=300 * s, bottom=250 * s))  # rulings and specks only


def _marks_page():
    """A goods cell in a monospaced face: a description, the row of asterisks that closes the goods, and a
    signature line; at 300 dpi (scale: 72/300 points a pixel)."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    mono = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 40)
    d.text((200, 100), "SOLID WOOD DINING TABLES, OAK VENEER", fill=0, font=mono)
    d.text((200, 250), "*" * 26, fill=0, font=mono)
    d.line((200, 450, 1400, 450), fill=0, width=4)
    return img


def _run_over(img, top, bottom, conf, parts=2):
    """Unsure words over what is printed between `top` and `bottom` (pixels), as tesseract splits them."""
    import numpy as np
    ink = np.nonzero((np.asarray(img)[top:bottom] < 128).any(axis=0))[0]
    x0, x1, s = int(ink[0]), int(ink[-1]) + 1, 72 / 300
    cut = [x0 + (x1 - x0) * k // parts for k in range(parts + 1)]
    return [Word(text="FRO" if k % 2 == 0 else "kok", confidence=conf,
                 box=Box(x0=a * s, top=top * s, x1=(b - 4) * s, bottom=bottom * s)) for k, (a, b) in enumerate(zip(cut, cut[1:]))]


def test_a_row_of_one_mark_repeated_read_as_letters_becomes_that_row():
    """On scans the asterisks closing the goods read as unsure letters ('FRO RR ok kok KR') and joined the last
    description; their ink, shifted by one mark, matches itself."""
    from extractors.ocr import _rows_of_marks
    img = _marks_page()
    marks = _run_over(img, 245, 300, conf=0.45)
    out = _rows_of_marks(np.asarray(img), 72 / 300, [marks[:1], marks[1:]])
    assert len(out) == 1 and len(out[0]) == 1
    assert set(out[0][0].text) == {"*"} and 20 <= len(out[0][0].text) <= 32
    assert out[0][0].box.x0 == marks[0].box.x0 and out[0][0].box.x1 == marks[-1].box.x1


@pytest.mark.parametrize("top, bottom", [(95, 150), (440, 460)])
def test_text_and_a_signature_line_are_no_row_of_marks(top, bottom):
    """Monospaced capitals repeat their pitch but not their shape; a line matches itself at any shift."""
    from extractors.ocr import _rows_of_marks
    img = _marks_page()
    run = _run_over(img, top, bottom, conf=0.3)
    assert _rows_of_marks(np.asarray(img), 72 / 300, [run]) == [run]


def test_a_sure_reading_is_never_taken_for_marks():
    from extractors.ocr import _rows_of_marks
    img = _marks_page()
    run = _run_over(img, 245, 300, conf=0.9)
    assert _rows_of_marks(np.asarray(img), 72 / 300, [run]) == [run]


def test_a_ruling_read_as_a_bracket_splits_the_fob_value_from_the_invoice_number():
    """Box 12's FOB value set close to the ruling before Box 13's invoice number: tesseract reads the ruling as a
    bracket and runs both into one word ('7,224.00]LIN24-745'). Where the bracket's pixel column is a ruling, the
    word is split there; a bracket beside no ruling is kept."""
    text = "7,224.00]LIN24-745"
    img = Image.new("L", (1000, 400), 255)
    scale = 72 / 300
    word = _word(text, 100 * scale, 460 * scale, top=180 * scale, bottom=210 * scale)
    x_rule = 100 + 360 * 8.5 / len(text)  # the middle of the bracket
    ImageDraw.Draw(img).line([(x_rule, 20), (x_rule, 380)], fill=0, width=3)
    assert [w.text for w in _split_at_rulings([word], img, scale)] == ["7,224.00", "LIN24-745"]
    assert [w.text for w in _split_at_rulings([word], Image.new("L", (1000, 400), 255), scale)] == [text]


def test_words_run_together_at_a_change_of_case_are_two():
    """'Back-to-backCO': tesseract ran a question's caption into its last word in capitals."""
    from extractors.ocr import _with_run_together_split
    word = Word(text="Back-to-backCO", confidence=0.9, box=Box(x0=48, top=760, x1=101, bottom=765))
    a, b = _with_run_together_split([word])
    assert (a.text, b.text) == ("Back-to-back", "CO") and a.box.x1 == b.box.x0 < 101
    kept = [Word(text=t, confidence=0.9, box=Box(x0=0, top=0, x1=30, bottom=8)) for t in ("McDONALD", "CO.,", "Ltd")]
    assert [w.text for w in _with_run_together_split(kept)] == ["McDONALD", "CO.,", "Ltd"]


def test_a_copyright_sign_read_off_a_bold_capital_is_no_word():
    """'© CHINA COUNCIL ...': tesseract read the edge of a bold C as a sign of its own; it had made the value start
    left of its wrapped line, which was then dropped."""
    from extractors.ocr import _lines
    data = {"text": ["©", "CHINA", "COUNCIL"], "conf": [78, 95, 95], "left": [1536, 1558, 1680],
            "top": [2287, 2290, 2290], "width": [18, 118, 160], "height": [42, 30, 30], "block_num": [1, 1, 1],
            "par_num": [1, 1, 1], "line_num": [1, 1, 1]}
    lines, _ = _lines(data, 72 / 300)
    assert [w.text for ln in lines for w in ln] == ["CHINA", "COUNCIL"]
