"""The knowledge base: rule grammar, the most specific rule, HS editions and their correspondences, tariffs,
the Annex 3A importer (round trip through a PDF drawn in the official layout) and the `kb` commands."""
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from checkers.kb import Alternative, load_kb, parse_rule
from checkers.kb.annex import read_annex, write_rules
from checkers.kb.tariffs import year_of
from pipeline.cli import app
from sample_docs.annex3a import fixture_rows, place, render_annex3a


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_rule_grammar():
    assert parse_rule("WO") == (Alternative("WO"),)
    assert parse_rule("CTH or RVC40") == (Alternative("CTH"), Alternative("RVC", 40))
    assert parse_rule("CC except from Chapter 01") == (Alternative("CC", exceptions="Chapter 01"),)
    assert [a.criterion for a in parse_rule("CTSH; or RVC40; or CR")] == ["CTC", "RVC", "CR"]
    for bad in ("", "CTH and RVC40", "RVC", "WO provided that"):
        with pytest.raises(ValueError):
            parse_rule(bad)


def test_most_specific_rule_wins(kb):
    assert [r.level for r in kb.psr_for("030492", "HS2012")] == ["subheading"]
    assert [(r.level, r.text) for r in kb.psr_for("070320", "HS2012")] == [("heading", "WO")]
    assert [(r.level, r.hs) for r in kb.psr_for("940360", "HS2012")] == [("chapter", "94")]
    assert kb.psr_for("610910", "HS2012") == []  # chapter 61 is not in the verified rows: unknown, not guessed


def test_editions_and_their_correspondence(kb):
    assert kb.editions_of("070320") == ["HS2012", "HS2017", "HS2022"]
    assert kb.editions_of("940542") == ["HS2022"]          # LED luminaires were created in HS 2022
    assert "HS2022" not in kb.editions_of("940540")        # ... out of 9405.40
    assert kb.mapped("940542", "HS2022", "HS2012") == ("940540",)
    assert "853951" in kb.mapped("853990", "HS2012", "HS2022")
    assert kb.editions_of("999999") == []
    # an HS 2022 code over several HS 2012 subheadings, only some of which have a rule here
    assert kb.psr_gaps("853951") == ["853990", "854370"]
    assert kb.psr_gaps("940542") == []


def test_tariffs_show_the_preference_against_the_general_rate(kb):
    assert year_of("AU", dt.date(2022, 6, 1)) == 1 and year_of("AU", dt.date(2025, 6, 30)) == 4
    info = kb.lookup("070320", dt.date(2025, 6, 30))
    by = {(t["importing"], t["origin"]): t for t in info["tariffs"]}
    assert by[("CN", "ASEAN")]["general"] == "13%" and by[("CN", "ASEAN")]["preferential"] == "0%"
    jp = by[("JP", "ASEAN, Australia, New Zealand")]
    assert (jp["general"], jp["preferential"]) == ("3%", "1.9%")
    assert by[("JP", "China")]["preferential"] is None  # no RCEP rate for Chinese garlic: the general rate applies
    # China's schedule here is for ASEAN goods only
    from checkers.kb.tariffs import tariffs_for
    assert not [t for t in tariffs_for(kb.data, ["070320"], ["070320"], origin="KR") if t.importing == "CN"]


def _split_rows():
    """The shipped rules three times over, with one long rule, so rows break across columns and pages."""
    rows = fixture_rows()
    rows = rows + [(c, d + " (second listing, printed at greater length to make the row wrap)", r) for c, d, r in rows]
    rows += [("9999.99", "Goods of a long rule", "CC except from Chapter 01 " * 1 + "or RVC40 or CTSH or CR")]
    return rows + fixture_rows()


def test_annex_import_round_trips_the_table(tmp_path):
    rows = _split_rows()
    spots = place(rows)
    split = [r for r, s in zip(rows, spots) if r[2] and len({(p, c) for p, c, _ in s}) > 1]
    assert split, "the fixture must have rule rows broken across columns or pages"
    assert max(p for s in spots for p, _, _ in s) >= 3
    pdf = tmp_path / "annex3a.pdf"
    pdf.write_bytes(render_annex3a(rows))
    report = read_annex(pdf)
    assert [(r.code, r.description, r.rule) for r in report.rows] == [r for r in rows if r[2]]
    assert report.rejected == []
    # imported rows are read by the knowledge base over the shipped ones
    out = tmp_path / "psr.csv"
    write_rules(report, out, pdf.name)
    kb = load_kb(imported_rules=out)
    assert kb.rules["999999"].text == "CC except from Chapter 01 or RVC40 or CTSH or CR"
    assert kb.rules_source["999999"] == str(out)
    assert kb.version != load_kb().version


def test_annex_import_reports_rules_it_cannot_read(tmp_path):
    pdf = tmp_path / "annex3a.pdf"
    pdf.write_bytes(render_annex3a([("07.03", "Onions", "WO"), ("07.04", "Cabbages", "see note 7")]))
    report = read_annex(pdf)
    assert [r.code for r in report.rows] == ["07.03"]
    assert [(r.code, r.rule) for r, _ in report.rejected] == [("07.04", "see note 7")]


def test_kb_commands(tmp_path, monkeypatch):
    runner = CliRunner()
    r = runner.invoke(app, ["kb", "lookup", "0703.20", "--date", "2025-06-30"])
    assert r.exit_code == 0, r.output
    assert "rule: WO" in r.output and "garlic" in r.output and "tariff JP" in r.output
    r = runner.invoke(app, ["kb", "lookup", "853951", "--json"])
    info = json.loads(r.output)
    assert info["editions"] == ["HS2022"] and info["rules_missing_for_hs2012"] == ["853990", "854370"]
    r = runner.invoke(app, ["kb", "parties"])
    assert "MM  2022-05-01  disputed" in r.output and r.output.count("\n") == 15
    r = runner.invoke(app, ["kb", "info"])
    assert "version: kb-" in r.output and "2017 5387, 2022 5612" in r.output
    pdf = tmp_path / "annex3a.pdf"
    pdf.write_bytes(render_annex3a(fixture_rows()))
    r = runner.invoke(app, ["kb", "import-psr", str(pdf), "--out", str(tmp_path / "psr.csv")])
    assert r.exit_code == 0 and "64 rules read from" in r.output


def test_parsed_knowledge_base_is_cached_under_its_version(tmp_path, monkeypatch):
    from checkers.kb import _build_kb, _cache_dir, default_imported_rules
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_kb.cache_clear()
    try:
        kb = load_kb()
        cached = list(_cache_dir().glob("kb-*.pickle"))
        assert [p.stem.rsplit("-", 1)[0] for p in cached] == [kb.version]
        load_kb.cache_clear()
        again = load_kb()  # read back from the cache
        fresh = _build_kb(kb.data, default_imported_rules())
        assert again.version == fresh.version and again.rules == fresh.rules and again.hs2017 == fresh.hs2017
        assert again.lookup("070320") == fresh.lookup("070320")
    finally:
        load_kb.cache_clear()
