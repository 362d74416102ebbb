"""Field extraction on the committed sample documents, against their ground truth."""
from collections import defaultdict

import pytest

from conftest import SAMPLES, sample_path
from extractors.read import read_document
from pipeline.evaluate import same

import json

TRUTH = json.loads((SAMPLES / "truth.json").read_text())


def _docs(render_filter, per_layout=3):
    seen = defaultdict(int)
    out = []
    for cid, c in TRUTH["cases"].items():
        for f, d in c["documents"].items():
            if d["fields"] is None or not render_filter(d["render"]):
                continue
            key = (d["doc_type"], d["layout"])
            if seen[key] < per_layout:
                seen[key] += 1
                out.append(pytest.param(cid, f, d, id=f"{cid}/{f}/{d['layout']}"))
    return out


def _mistakes(doc, want):
    got = {k: f.value for k, f in doc.fields.items()}
    got["items"] = doc.item_values()
    wrong = []
    for name, value in want.items():
        if name == "items":
            for i, titem in enumerate(value):
                gitem = got["items"][i] if i < len(got["items"]) else {}
                wrong += [(f"items[{i}].{k}", v, gitem.get(k)) for k, v in titem.items() if not same(gitem.get(k), v)]
        elif not same(got.get(name), value):
            wrong.append((name, value, got.get(name)))
    return wrong


@pytest.mark.parametrize("case_id,file,spec", _docs(lambda r: r == "text_pdf"))
def test_text_pdf_fields_match_truth(case_id, file, spec):
    doc = read_document(sample_path(case_id, file), file)
    assert doc.doc_type == spec["doc_type"]
    assert _mistakes(doc, spec["fields"]) == []


def test_every_value_carries_source_and_confidence():
    cid, f, spec = _docs(lambda r: r == "text_pdf", 1)[0].values
    doc = read_document(sample_path(cid, f), f)
    values = list(doc.fields.values()) + [v for item in doc.items for v in item.values()]
    read = [v for v in values if v.value is not None and not isinstance(v.value, bool)]
    assert read
    for v in read:
        assert 0 < v.confidence <= 1
        assert v.source is not None and v.source.file == f and v.source.page == 1 and v.source.box is not None


def test_absent_field_is_null_not_guessed():
    # the certificate whose number was left blank
    cid = next(c for c, t in TRUTH["cases"].items() if t["variant"] == "no_certificate_number")
    f = next(f for f, d in TRUTH["cases"][cid]["documents"].items() if d["doc_type"] == "certificate_of_origin")
    doc = read_document(sample_path(cid, f), f)
    assert doc.value("certificate_number") is None
    assert doc.value("exporter_name") == TRUTH["cases"][cid]["documents"][f]["fields"]["exporter_name"]


@pytest.mark.slow
@pytest.mark.parametrize("case_id,file,spec", _docs(lambda r: r in ("scan_pdf", "png", "jpeg", "tiff", "rotated_jpeg"), 2))
def test_scanned_documents_read_with_ocr(case_id, file, spec):
    doc = read_document(sample_path(case_id, file), file)
    assert doc.text_source == "ocr" and doc.ocr_confidence > 0.8
    assert doc.doc_type == spec["doc_type"]
    wrong = _mistakes(doc, spec["fields"])
    total = len(spec["fields"]) + sum(len(i) for i in spec["fields"].get("items", [])) - 1
    # OCR of mild scans: at most a few fields wrong per document (issue 3 raises this bar)
    assert len(wrong) <= max(2, total // 10), wrong


def test_chinese_captions_are_found_without_english():
    from extractors.layout import find_anchors
    from extractors.trade_documents import INVOICE
    from pipeline.model import Box, Page, Word

    def w(text, x0, top):
        return Word(text=text, box=Box(x0=x0, top=top, x1=x0 + 9 * len(text), bottom=top + 9))
    page = Page(number=1, width=595, height=842, words=[
        w("商业发票", 250, 30), w("发票号码：", 40, 80), w("EXP/2025/5230", 120, 80), w("发票日期：", 300, 80),
        w("2025年05月01日", 380, 80), w("卖方：", 40, 110), w("临沂华盛食品有限公司", 40, 124)])
    found = find_anchors(page, INVOICE.labels)
    assert [a.words[0].text for a in found["invoice_number"]] == ["发票号码："]
    assert [a.words[0].text for a in found["invoice_date"]] == ["发票日期："]
    assert "seller" in found


def test_box_10_letter_read_twice_is_repaired_only_into_a_criterion():
    from extractors.certificate import _criterion
    assert _criterion("WOO") == "WO"
    assert _criterion("CTCC") == "CTC"
    assert _criterion("CTC, RVC") == "CTC, RVC"
    assert _criterion("IE)") == "IE)"      # no guess: it stays invalid and goes to a reviewer
    assert _criterion("RVC40") == "RVC40"


@pytest.mark.parametrize("read", ["crc", "cre", "cTc", "\u00a2T\u00a2", "ere"])
def test_courier_bold_ctc_read_off_a_scan(read):
    """Courier Bold's T reads as r and its C as e or a cent sign in a narrow Box 10 off a scan."""
    from extractors.certificate import _criterion
    assert _criterion(read) == "CTC"


def test_invoice_line_arithmetic_flags_a_misread_figure():
    from extractors.trade_documents import _check_arithmetic
    from pipeline.model import ExtractedField as F
    good = {"quantity": F(value=12280.0, confidence=0.95), "unit_price": F(value=2.85, confidence=0.95),
            "amount": F(value=34998.0, confidence=0.95)}
    _check_arithmetic(good)
    assert good["quantity"].confidence == 0.95
    misread = {"quantity": F(value=42280.0, confidence=0.95), "unit_price": F(value=2.85, confidence=0.95),
               "amount": F(value=34998.0, confidence=0.95)}
    _check_arithmetic(misread)
    assert all(f.confidence <= 0.5 for f in misread.values())

    # a unit price read without its point ('115' for 1.15): the amount says where it stood
    pointless = {"quantity": F(value=3860.0, confidence=0.95), "unit_price": F(value=115.0, confidence=0.9),
                 "amount": F(value=4439.0, confidence=0.95)}
    _check_arithmetic(pointless)
    assert (pointless["unit_price"].value, pointless["quantity"].confidence) == (1.15, 0.95)
    # a price that no power of ten makes agree is a misreading, trusted no more than the others
    wrong = {"quantity": F(value=3860.0, confidence=0.95), "unit_price": F(value=116.0, confidence=0.9),
             "amount": F(value=4439.0, confidence=0.95)}
    _check_arithmetic(wrong)
    assert wrong["unit_price"].value == 116.0 and all(f.confidence <= 0.5 for f in wrong.values())


def test_a_dotted_zero_in_an_hs_code_read_off_a_scan_is_put_back_only_where_one_code_exists():
    from extractors.certificate import _criterion, _restore_dotted_zeros
    from pipeline.model import ExtractedField

    items = [{"hs_code": ExtractedField(value=v, confidence=0.9)} for v in ("930499", "070320", "139219", "999999")]
    _restore_dotted_zeros(items)
    assert [i["hs_code"].value for i in items] == ["030499", "070320", "130219", "999999"]
    assert items[0]["hs_code"].confidence < 0.8 and items[0]["hs_code"].raw == "930499"
    assert items[1]["hs_code"].confidence == 0.9
    assert _criterion("‘WO") == "WO" and _criterion("CT¢") == "CTC"


def test_a_number_ocr_split_at_the_end_of_its_line_is_joined_but_not_a_date_after_it():
    from extractors.trade_documents import _code_read_apart
    from pipeline.model import Box, Word

    def w(t, x0, x1):
        return Word(text=t, confidence=0.9, box=Box(x0=x0, top=131, x1=x1, bottom=140))
    assert _code_read_apart("INV-BA241", [w("INV-BA241", 421, 464), w("198", 467, 479)]) == "INV-BA241198"
    assert _code_read_apart("INV-001", [w("INV-001", 421, 455), w("18", 458, 466), w("OCT", 468, 480),
                                        w("2024", 482, 500)]) == "INV-001"
    assert _code_read_apart("INV-001", [w("INV-001", 421, 455), w("18", 470, 478)]) == "INV-001"  # a space apart


def test_a_dotted_zero_with_two_readings_is_settled_by_the_goods_described():
    from extractors.certificate import _restore_dotted_zeros
    from pipeline.model import ExtractedField

    items = [{"hs_code": ExtractedField(value="970490", confidence=0.85),
              "description": ExtractedField(value="FRESH CHINESE CABBAGE", confidence=0.9)}]
    _restore_dotted_zeros(items)  # 070490 (cabbages) or 970400 (postage stamps)
    assert items[0]["hs_code"].value == "070490"


@pytest.mark.parametrize("read, code", [("ETCE", "CTC"), ("ETE", "CTC"), ("CTCE", "CTC"), ("RVE", "RVC"),
                                        ("PE", "PE"), ("WO", "WO"), ("EE", "EE")])
def test_a_typewriter_c_read_as_e_off_a_scan_is_the_criterion_it_can_only_be(read, code):
    """A typewriter face's C read as E in Box 10 ('ETCE' for CTC): repaired only where one criterion results;
    PE keeps its E, and a reading no criterion comes of stays as read for a reviewer."""
    from extractors.certificate import _criterion
    assert _criterion(read) == code
