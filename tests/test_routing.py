"""The routing policy: approval only when sure, otherwise the queue of the most serious finding."""
from factories import case, certificate, invoice, item
from pipeline.model import CheckResult
from pipeline.routing import SEVERITY, route
from pipeline.settings import Settings


def chk(check_id, status, **kw):
    return CheckResult(id=check_id, status=status, message="m", **kw)


def test_clean_confident_case_is_approved():
    d = route(case(), [chk("co.validity", "pass")], Settings(qa_sample_rate=0))
    assert (d.decision, d.queue, d.suggested_outcome) == ("approve", None, "approve")
    assert d.confidence >= 0.9


def test_warnings_do_not_block():
    d = route(case(), [chk("consistency.parties", "warn")], Settings(qa_sample_rate=0))
    assert d.decision == "approve"


def test_most_serious_failure_chooses_the_queue():
    d = route(case(), [chk("co.incomplete", "fail"), chk("origin.criterion", "fail")], Settings())
    assert (d.decision, d.queue, d.suggested_outcome) == ("manual", "origin", "reject")
    d = route(case(), [chk("origin.criterion", "fail"), chk("co.duplicate", "fail")], Settings())
    assert d.queue == "fraud"
    d = route(case(), [chk("consistency.invoice", "fail"), chk("document.unreadable", "fail")], Settings())
    assert d.queue == "legibility" and d.suggested_outcome is None
    assert SEVERITY[0] == "fraud"


def test_blocking_skip_stops_approval():
    d = route(case(), [chk("origin.criterion", "skip", blocking=True)], Settings(qa_sample_rate=0))
    assert (d.decision, d.queue) == ("manual", "origin")
    d = route(case(), [chk("exporter.registry", "skip", blocking=False)], Settings(qa_sample_rate=0))
    assert d.decision == "approve"


def test_low_confidence_field_goes_to_a_human():
    weak = case(certificate(), invoice())
    weak.documents[0].items[0]["hs_code"].confidence = 0.41
    d = route(weak, [], Settings(qa_sample_rate=0))
    assert (d.decision, d.queue, d.suggested_outcome) == ("manual", "legibility", "approve")
    assert any("hs_code" in r for r in d.reasons)


def test_qa_sample_is_a_reproducible_share():
    cases = [case(case_id=f"c{i}") for i in range(400)]
    for c in cases:
        c.documents[0].sha256 = c.case_id
    picked = [route(c, [], Settings(qa_sample_rate=0.1)).queue == "qa_sample" for c in cases]
    assert 20 <= sum(picked) <= 60
    assert picked == [route(c, [], Settings(qa_sample_rate=0.1)).queue == "qa_sample" for c in cases]
    assert not any(route(c, [], Settings(qa_sample_rate=0)).queue == "qa_sample" for c in cases)
