"""The batch input layout: case folders, loose files, case.json."""
import datetime as dt
import json

import pytest

from pipeline.errors import InputFolderError
from pipeline.submissions import assemble_case, discover, read_metadata


def test_folders_and_loose_files(tmp_path):
    (tmp_path / "case-a").mkdir()
    (tmp_path / "case-a" / "co.pdf").write_bytes(b"%PDF")
    (tmp_path / "case-a" / "sub").mkdir()
    (tmp_path / "case-a" / "sub" / "inv.jpg").write_bytes(b"x")
    (tmp_path / "case-a" / "case.json").write_text("{}")
    (tmp_path / "case-a" / ".DS_Store").write_bytes(b"x")
    (tmp_path / "scan_0912.pdf").write_bytes(b"%PDF")
    subs = {s.case_id: s for s in discover(tmp_path)}
    assert set(subs) == {"case-a", "scan_0912"}
    assert [str(p) for p in subs["case-a"].files] == ["co.pdf", "sub/inv.jpg"]
    assert subs["case-a"].metadata_file is not None
    assert [str(p) for p in subs["scan_0912"].files] == ["scan_0912.pdf"]


def test_missing_input_folder_is_an_error(tmp_path):
    with pytest.raises(InputFolderError):
        discover(tmp_path / "nope")


def test_case_json_and_defaults(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "case.json").write_text(json.dumps({"submitted_at": "2025-03-01T09:00:00",
                                                          "reference_date": "2025-03-20", "direction": "export",
                                                          "declared": {"importing_country": "JP"}}))
    sub = discover(tmp_path)[0]
    meta, errors = read_metadata(sub, dt.date(2025, 1, 1))
    assert errors == [] and meta.reference_date == dt.date(2025, 3, 20) and meta.direction == "export"
    assert meta.declared == {"importing_country": "JP"}


def test_bad_case_json_is_a_finding_not_a_crash(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "case.json").write_text("{not json")
    meta, errors = read_metadata(discover(tmp_path)[0], dt.date(2025, 1, 1))
    assert meta.reference_date == dt.date(2025, 1, 1)
    assert errors[0].code == "case.metadata"
    case = assemble_case(discover(tmp_path)[0], [], meta, errors)
    assert case.errors[0].file == "case.json"
