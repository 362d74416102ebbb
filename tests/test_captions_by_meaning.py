"""Captions in wordings no label variant holds, read by what their words say: the next issuing body or trading
house will print its own wording of a box the extractor knows."""
import pytest

from extractors.certificate import LABELS
from extractors.classify import classify
from extractors.layout import find_anchors, region_of
from extractors.trade_documents import BILL_OF_LADING, INVOICE, PACKING_LIST
from pipeline.model import Box, Document, Page, Word


def w(text, x0, top, size=8.0, conf=0.95):
    return Word(text=text, confidence=conf, box=Box(x0=x0, top=top, x1=x0 + 0.55 * size * len(text), bottom=top + size))


def line(text, x0, top, gap=2.5, size=8.0):
    """The words of `text` set one word space apart from x0."""
    out = []
    for t in text.split():
        out.append(w(t, x0, top, size))
        x0 = out[-1].box.x1 + gap
    return out


def page_of(*lines_):
    return Page(number=1, width=595, height=842, source="text_layer", words=[x for ln in lines_ for x in ln])


def caption(anchors, key):
    return " ".join(x.text for x in anchors[key][0].words) if key in anchors else None


@pytest.mark.parametrize("labels, text, key", [
    (INVOICE.labels, "Purchaser:", "buyer"),
    (INVOICE.labels, "Name of Vendor:", "seller"),
    (INVOICE.labels, "Invoice Serial No.:", "invoice_number"),
    (LABELS, "Certifying Agency:", "issuing_body"),
    (LABELS, "Date of Export:", "departure_date"),
    (LABELS, "Manufacturer's name and address", "box3"),
    (BILL_OF_LADING.labels, "Carrying Vessel:", "vessel"),
    (BILL_OF_LADING.labels, "Place of Unloading:", "port_of_discharge"),
    (PACKING_LIST.labels, "Total Nett:", "total_net_weight"),
])
def test_a_caption_in_words_never_seen_is_read_by_what_it_says(labels, text, key):
    page = page_of(line(text, 40, 100), line("ACME 2025-0117", 260, 100))
    assert caption(find_anchors(page, labels), key) == text


def test_the_value_beside_a_caption_read_by_its_meaning_is_read():
    words = line("Certifying Agency:", 306, 638) + line("KOREA CUSTOMS SERVICE", 392, 638)
    page = page_of(words)
    anchors = find_anchors(page, LABELS)
    r = region_of(page, anchors["issuing_body"][0], [a for v in anchors.values() for a in v])
    assert [ln.text for ln in r.lines] == ["KOREA CUSTOMS SERVICE"]


@pytest.mark.parametrize("labels, text", [
    # running text: a word outside what captions say
    (LABELS, "The exporter hereby declares that the details are correct"),
    (BILL_OF_LADING.labels, "SAME AS CONSIGNEE"),
    # caption words that say no box ('TO ORDER' is a consignee's value)
    (BILL_OF_LADING.labels, "TO ORDER"),
    # too many words for a caption, though every one could be in one
    (INVOICE.labels, "Name and address of the seller or the vendor of the goods"),
])
def test_words_that_say_no_one_caption_are_not_taken_for_one(labels, text):
    before = set(find_anchors(page_of(line("ACME", 40, 300)), labels))
    found = find_anchors(page_of(line(text, 40, 100), line("ACME", 40, 300)), labels)
    assert {k for k, v in found.items() for a in v if a.box.top < 200} - before == set()


def test_a_caption_named_by_its_first_words_when_its_words_say_two_things():
    """Box 12 captioned 'Quantity and FOB value' is the quantity's column, though 'FOB value' is a heading of its
    own on other forms; Box 13's 'Invoice numbers and dates' is the invoice's, not the invoice date's."""
    from extractors.certificate import COLUMNS, SPLIT_COLUMNS
    heads = line("Item No.", 40, 274) + line("Quantity and FOB value", 300, 274) + \
        line("Invoice numbers and dates", 430, 274)
    found = find_anchors(page_of(heads), [c for c in COLUMNS if c.key not in ("quantity", "invoice")] +
                         [c for c in COLUMNS if c.key in ("quantity", "invoice")] + SPLIT_COLUMNS)
    assert caption(found, "quantity") == "Quantity and FOB value"
    assert caption(found, "invoice") == "Invoice numbers and dates"
    assert "fob_value" not in found and "invoice_date" not in found


def test_a_wording_matching_only_the_start_of_a_caption_takes_the_whole_caption():
    """'Certificate' (a known wording) at the start of 'Certificate of Origin Serial No.:': the caption is all of
    it, so 'of Origin Serial No.:' is not read as the certificate's number."""
    page = page_of(line("Certificate of Origin Serial No.:", 306, 36), line("25KRRC6216424", 450, 36))
    found = find_anchors(page, LABELS)
    assert caption(found, "certificate_number") == "Certificate of Origin Serial No.:"
    r = region_of(page, found["certificate_number"][0], [a for v in found.values() for a in v])
    assert [ln.text for ln in r.lines] == ["25KRRC6216424"]


@pytest.mark.parametrize("title", [["PACKING", "AND", "WEIGHT", "SPECIFICATION"], ["WEIGHT", "NOTE"],
                                   ["PACKING", "&", "WEIGHT", "LIST"]])
def test_a_packing_lists_title_in_words_never_seen_is_told(title):
    """A packing list citing its invoice ('Ref. Invoice No.') under a title no phrase holds is still a packing
    list, not an invoice."""
    lines_ = [title, ["Ref.", "Invoice", "No.:", "ULS24-387"], ["Invoice", "Date:", "17th", "April", "2024"],
              ["Contents", "Qty", "Packages", "Net", "Wt", "(kgs)", "Gross", "Wt", "(kgs)"]]
    words, top = [], 50.0
    for ln in lines_:
        x = 40.0
        for t in ln:
            words.append(w(t, x, top))
            x = words[-1].box.x1 + 3
        top += 20
    doc = Document(file="x.pdf", sha256="x", doc_type="unknown", doc_type_confidence=0.0,
                   pages=[Page(number=1, width=595, height=842, source="text_layer", words=words)])
    assert classify(doc)[0] == "packing_list"


def test_a_captions_meaning_comes_after_a_wording_of_the_same_label_read_elsewhere():
    """The title 'CERTIFICATE OF ORIGIN' matches the wording 'Certificate of Origin No.' well enough to be taken for
    the number's caption; the number is read from the caption that says it, 'Certificate Reference Number', tried
    after it."""
    from extractors.certificate import _certificate_number
    from extractors.fields import view_pages
    page = page_of(line("CERTIFICATE OF ORIGIN", 220, 44), line("Form RCEP", 270, 61),
                   line("Certificate Reference Number", 40, 92), line("25KRRC4110206", 192, 92))
    doc = Document(file="co.pdf", sha256="x", doc_type="certificate_of_origin", doc_type_confidence=0.9,
                   pages=[page])
    views = view_pages(doc, LABELS)
    anchors = views[0].anchors["certificate_number"]
    assert [a.by_meaning for a in anchors] == [False, True]
    assert _certificate_number(doc, views).value == "25KRRC4110206"


def test_a_number_cut_by_the_edge_of_a_titles_region_is_not_read():
    """OCR read 'R25CN326184722' as two words, the second right of where the title 'CERTIFICATE OF ORIGIN' starts:
    the title's region held '84722' alone. A number going on left of its region is cut, and the caption that says
    it is read instead."""
    from extractors.certificate import _certificate_number
    from extractors.fields import view_pages
    page = page_of(line("CERTIFICATE OF ORIGIN", 220, 44), line("Form RCEP", 270, 61),
                   line("Certificate Reference Number", 40, 92), line("R25CN3261 84722", 192, 92))
    doc = Document(file="co.pdf", sha256="x", doc_type="certificate_of_origin", doc_type_confidence=0.9,
                   pages=[page])
    assert _certificate_number(doc, view_pages(doc, LABELS)).value == "R25CN3261 84722"


# ---------------------------------------------------------------- an issuing system's rows of captioned cells

def _rows(*rows):
    """Rows of a form printed as captioned cells: the caption in small print from x=40, its value from x=200, a
    row 18 points high or more (a value's further lines under its first)."""
    words, top = [], 100.0
    for caption, values in rows:
        for k, c in enumerate(caption):
            words += line(c, 40, top + k * 9.5, size=6.5)
        for k, v in enumerate(values):
            words += line(v, 200, top + k * 11)
        top += max(18.0, 6 + 11 * max(len(caption), len(values)))
    return page_of(words)


def test_a_box_title_with_its_value_in_the_cell_beside_it_reads_that_value():
    """'1. Exporter (name, address, country)' in a shaded cell, the exporter's name and address in the cell beside
    it: a box title is read under it on the form, but with nothing but its own wrapped words under it, its value is
    what stands beside it, with the lines under that."""
    page = _rows((["1. Exporter (name, address, country)"], ["ULSAN PETRO LUBRICANTS CO., LTD.",
                                                             "45 YEOMPO-RO, NAM-GU, ULSAN 44780, KOREA"]),
                 (["2. Importer or Consignee (name, address,", "country)"],
                  ["SYDNEY TOY DISTRIBUTORS PTY LTD", "8 PARRAMATTA ROAD, HOMEBUSH NSW 2140, AUSTRALIA"]),
                 (["3. Producer (name, address, country)"], ["ULSAN PETRO LUBRICANTS CO., LTD."]),
                 (["4. Means of Transport and Route"], []))
    anchors = find_anchors(page, LABELS)
    every = [a for v in anchors.values() for a in v]
    texts = {k: [ln.text for ln in region_of(page, anchors[k][0], every).lines] for k in ("box1", "box2", "box3")}
    assert texts == {"box1": ["ULSAN PETRO LUBRICANTS CO., LTD.", "45 YEOMPO-RO, NAM-GU, ULSAN 44780, KOREA"],
                     "box2": ["SYDNEY TOY DISTRIBUTORS PTY LTD", "8 PARRAMATTA ROAD, HOMEBUSH NSW 2140, AUSTRALIA"],
                     "box3": ["ULSAN PETRO LUBRICANTS CO., LTD."]}


def test_a_box_title_with_its_value_under_it_does_not_read_text_beside_it():
    """On the printed form a box's value stands under its title: text beside the title is another box's."""
    page = page_of(line("1. Exporter (name, address, country)", 40, 100), line("Reference: ABC-77", 300, 100),
                   line("ULSAN PETRO LUBRICANTS CO., LTD.", 46, 112),
                   line("3. Producer's name, address and country", 40, 160))
    anchors = find_anchors(page, LABELS)
    r = region_of(page, anchors["box1"][0], [a for v in anchors.values() for a in v])
    assert [ln.text for ln in r.lines] == ["ULSAN PETRO LUBRICANTS CO., LTD."]


@pytest.mark.parametrize("answer, meant", [("Yes", True), ("No", False), ("No signature", None)])
def test_a_question_answered_in_a_cell_of_its_own(answer, meant):
    """'Third-Party Invoicing' | 'Yes': the answer stands alone in the next cell, far from the question."""
    from extractors.fields import PageView, answered
    page = page_of(line("Third-Party Invoicing", 40, 657), line(answer, 192, 657))
    anchors = find_anchors(page, LABELS)
    assert answered(PageView(page, [], anchors), anchors["third_party_invoicing"][0]) is meant


def test_a_question_whose_answer_in_words_went_unread_is_unread_not_no():
    """Box 17 answered in words: 'Back-to-Back ... | No' and 'Issued Retroactively | No' read, 'Third-Party
    Invoicing | Yes' read without its answer off a scan. No box is ticked, but on such a form that is no 'No'."""
    from extractors.certificate import extract_certificate
    page = page_of(line("17. Back-to-Back Certificate of Origin", 40, 640), line("No", 260, 640),
                   line("Third-Party Invoicing", 40, 657), line("Issued Retroactively", 40, 674), line("No", 260, 674))
    page = page.model_copy(update={"source": "ocr"})
    doc = Document(file="co.png", sha256="x", doc_type="certificate_of_origin", doc_type_confidence=0.9, pages=[page])
    extract_certificate(doc)
    assert [doc.value(k) for k in ("back_to_back", "third_party_invoicing", "issued_retroactively")] == \
        [False, None, False]
    assert doc.fields["third_party_invoicing"].unread
    # on a form of checkboxes, a question with no box ticked is a 'no'
    boxes = page_of(line("Back-to-Back Certificate of Origin", 60, 640), line("Third-Party Invoicing", 60, 657),
                    line("Issued Retroactively", 60, 674)).model_copy(update={"source": "ocr"})
    doc = Document(file="co.png", sha256="x", doc_type="certificate_of_origin", doc_type_confidence=0.9, pages=[boxes])
    extract_certificate(doc)
    assert [doc.value(k) for k in ("back_to_back", "third_party_invoicing", "issued_retroactively")] == \
        [False, False, False]


def test_the_price_terms_after_a_caption_no_label_holds():
    """'Delivery: CIF BUSAN' on an accounting package's invoice: the Incoterm is read, though 'Delivery' alone says
    nothing of terms."""
    from extractors.trade_documents import extract_trade_document
    page = page_of(line("INVOICE", 450, 38), line("Invoice #", 380, 72), line("INV-UL240646", 470, 72),
                   line("Delivery: CIF BUSAN", 42, 200), line("Currency: USD", 300, 200))
    doc = Document(file="inv.pdf", sha256="x", doc_type="commercial_invoice", doc_type_confidence=0.9, pages=[page])
    extract_trade_document(doc)
    assert doc.value("incoterm") == "CIF"
    assert doc.value("invoice_number") == "INV-UL240646"


def test_a_row_of_captions_over_their_values_reads_each_under_its_own():
    """'P/L Date' | 'Invoice No.' | 'Vessel' | 'Destination' over their values: 'Vessel' is a caption (a carrier's),
    not the invoice number's value."""
    from extractors.trade_documents import extract_trade_document
    page = page_of(line("PACKING LIST", 450, 34),
                   line("P/L Date", 36, 154), line("Invoice No.", 166, 154), line("Vessel", 297, 154),
                   line("Destination", 428, 154),
                   line("16 Feb 2024", 36, 165), line("INV-HA243907", 166, 165), line("SITC JAKARTA V.088S", 297, 165),
                   line("AUCKLAND, NEW ZEALAND", 428, 165))
    doc = Document(file="pl.pdf", sha256="x", doc_type="packing_list", doc_type_confidence=0.9, pages=[page])
    extract_trade_document(doc)
    assert doc.value("invoice_number") == "INV-HA243907"
    assert doc.value("date") == "2024-02-16"


def test_a_caption_naming_its_thing_two_ways_after_a_slash_is_one_caption():
    """Off a scan, 'Vessei's name / Flight number' matched the wording "Vessel's name": the alternative after the
    slash is the caption's too, not the vessel's value."""
    from extractors.fields import region_of
    page = page_of(line("Vessei's name / Flight number", 43, 247, size=6.5), line("MSC AURORA V.054N", 154, 246))
    page = page.model_copy(update={"source": "ocr"})
    anchors = find_anchors(page, LABELS)
    assert caption(anchors, "transport") == "Vessei's name / Flight number"
    r = region_of(page, anchors["transport"][0], [a for v in anchors.values() for a in v])
    assert r.lines[0].text == "MSC AURORA V.054N"
    # words after the slash that are no caption's are the value
    page = page_of(line("Vessel's name / AURORA EXPRESS", 43, 247, size=6.5))
    assert caption(find_anchors(page, LABELS), "transport") == "Vessel's name"


def test_a_box_number_read_as_a_letter_is_still_the_box_number():
    """'J. Exporter's name, address and country': the 1 read as J does not keep the caption from being one."""
    page = page_of(line("J. Exporter's name, address and country", 38, 35, size=6)).model_copy(update={"source": "ocr"})
    assert caption(find_anchors(page, LABELS), "box1").endswith("Exporter's name, address and country")
