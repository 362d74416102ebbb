"""The sample generator: every defect kind, realistic files of the kinds it claims, consistent truth."""
import json

import pytest

from extractors.load import sniff
from sample_docs.generate import generate
from sample_docs.scenario import DEFECTS, plan


def test_plan_covers_every_defect_and_starts_clean():
    p = plan(40)
    assert p[0] is None
    assert {d for d in p if d} == set(DEFECTS)
    assert sum(1 for d in p if d is None) == 40 - len(DEFECTS)
    big = plan(200)
    assert sum(1 for d in big if d is None) == 100


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    return out, generate(out, seed=3, count=len(DEFECTS) + 4)


def test_layout_and_truth(generated):
    out, truth = generated
    subs = out / "submissions"
    assert (out / "truth.json").exists() and (out / "exporter_registry.csv").exists()
    assert json.loads((out / "truth.json").read_text()) == truth
    for cid, c in truth["cases"].items():
        if c["loose"]:
            assert (subs / f"{cid}.pdf").is_file()
            continue
        assert (subs / cid / "case.json").is_file()
        for f, d in c["documents"].items():
            data = (subs / cid / f).read_bytes()
            media = sniff(data)
            if d["broken"] == "empty_file":
                assert data == b""
            elif d["broken"] == "wrong_extension":
                assert f.endswith(".jpg") and media == "text/html"
            elif d["render"] in ("text_pdf", "scan_pdf") or d["broken"] in ("corrupt_pdf", "encrypted_pdf"):
                assert media == "application/pdf"
            elif d["render"] in ("png",):
                assert media == "image/png"
            elif d["render"] in ("jpeg", "rotated_jpeg", "heavy_scan"):
                assert media == "image/jpeg"
            elif d["render"] == "tiff":
                assert media == "image/tiff"


def test_every_defect_kind_is_generated(generated):
    _, truth = generated
    kinds = {(c["defect"], c["variant"]) for c in truth["cases"].values() if c["defect"]}
    assert kinds == set(DEFECTS)
    for c in truth["cases"].values():
        assert c["expected_decision"] == ("approve" if c["defect"] is None else "manual")


def test_duplicate_reuses_an_earlier_clean_number(generated):
    _, truth = generated
    dup = next(c for c in truth["cases"].values() if c["variant"] == "reused_number")
    number = next(d["fields"]["certificate_number"] for d in dup["documents"].values()
                  if d["doc_type"] == "certificate_of_origin")
    earlier = [c for c in truth["cases"].values() if c["defect"] is None and any(
        d["doc_type"] == "certificate_of_origin" and d["fields"]["certificate_number"] == number
        for d in c["documents"].values())]
    assert earlier and all(e["metadata"]["submitted_at"] < dup["metadata"]["submitted_at"] for e in earlier)


def test_same_seed_same_truth(tmp_path):
    a = generate(tmp_path / "a", seed=11, count=5)
    b = generate(tmp_path / "b", seed=11, count=5)
    assert a == b


def test_content_is_from_the_region(generated):
    _, truth = generated
    cos = [d["fields"] for c in truth["cases"].values() for d in c["documents"].values()
           if d["doc_type"] == "certificate_of_origin"]
    assert any("LINYI" in (f["exporter_address"] or "") for f in cos)
    assert {f["issued_in"] for f in cos} <= {"CN", "VN", "TH", "KR", "AU"}


def test_totals_said_in_words():
    """The fifth family's documents say their totals in words, as trade documents do."""
    from sample_docs.render_fifth import in_words
    assert in_words(718) == "SEVEN HUNDRED EIGHTEEN"
    assert in_words(193471) == "ONE HUNDRED NINETY-THREE THOUSAND FOUR HUNDRED SEVENTY-ONE"
    assert in_words(1_200_000) == "ONE MILLION TWO HUNDRED THOUSAND"
    assert in_words(20) == "TWENTY" and in_words(0) == "ZERO"


def test_sixth_family_long_names_wrap_short_of_the_title():
    """The enterprise system's invoice sets its title at the top right: a long seller name wraps before it
    rather than printing over it."""
    import io

    import pdfplumber

    from sample_docs.render_sixth import render_invoice_i
    fields = {"seller_name": "HAI PHONG MUSICAL INSTRUMENTS JOINT STOCK COMPANY", "seller_address": "LOT B4, HAI PHONG",
              "buyer_name": "X", "buyer_address": "Y", "invoice_number": "INV-1", "invoice_date": "2025-03-12",
              "currency": "USD", "incoterm": "FOB", "total_amount": 10.0,
              "items": [{"description": "GUITARS", "hs_code": "920290", "quantity": 1, "quantity_unit": "PCS",
                         "unit_price": 10.0, "amount": 10.0}]}
    with pdfplumber.open(io.BytesIO(render_invoice_i(fields, {}))) as pdf:
        words = pdf.pages[0].extract_words()
    title = next(x for x in words if x["text"] == "COMMERCIAL")
    name = [x for x in words if x["text"] in fields["seller_name"].split() and x["top"] < 60]
    assert {x["text"] for x in name} == set(fields["seller_name"].split())
    assert all(x["x1"] < title["x0"] for x in name)
