"""The evaluation harness counts what it claims to count."""
from pipeline.evaluate import evaluate, render_table

TRUTH = {"cases": {
    "c1": {"defect": None, "variant": None, "documents": {"co.pdf": {
        "doc_type": "certificate_of_origin", "render": "text_pdf", "broken": None,
        "fields": {"certificate_number": "A1", "items": [{"hs_code": "070320"}]}}}},
    "c2": {"defect": "co.validity", "variant": "expired", "documents": {"co.jpg": {
        "doc_type": "certificate_of_origin", "render": "jpeg", "broken": None,
        "fields": {"certificate_number": "B2", "items": []}}}},
    "c3": {"defect": "rcep.party", "variant": "x", "documents": {}},
}}


def result(case_id, decision, fails, docs):
    return {"case_id": case_id, "decision": decision, "checks": [{"id": f, "status": "fail"} for f in fails],
            "documents": docs}


def test_counts():
    results = {
        "c1": result("c1", "approve", [], [{"file": "co.pdf", "doc_type": "certificate_of_origin",
                                             "fields": {"certificate_number": "A1", "items": [{"hs_code": "070320"}]}}]),
        "c2": result("c2", "manual", ["co.validity"], [{"file": "co.jpg", "doc_type": "certificate_of_origin",
                                                         "fields": {"certificate_number": "B3", "items": []}}]),
        "c3": result("c3", "approve", [], []),
    }
    ev = evaluate(results, TRUTH)
    assert ev.by_group[("certificate_of_origin", "text")].rate == 1.0
    assert ev.by_group[("certificate_of_origin", "scan")].rate == 0.0
    assert ev.automation_rate == 1.0 and ev.false_approvals == ["c3"]
    assert ev.caught["co.validity"].right == 1 and ev.caught["rcep.party"].right == 0
    table = render_table(ev)
    assert "false approvals (defective cases approved): 1/2" in table


def test_missing_result_is_reported():
    ev = evaluate({}, TRUTH)
    assert ev.missing_results == ["c1", "c2", "c3"]
