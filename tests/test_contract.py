"""The exported schema of a results line against the shared contract."""
import json

import jsonschema

from conftest import SAMPLES
from factories import case
from pipeline.contract import FIELDS_OF, json_schema, validate_line
from pipeline.model import CaseResult, CheckResult, Decision


def _line():
    c = case()
    return CaseResult(case=c, checks=[CheckResult(id="co.validity", status="pass", message="ok")],
                      decision=Decision(decision="approve", suggested_outcome="approve", confidence=0.97),
                      kb_version="kb-test").to_contract()


def test_same_required_keys_and_enumerations(shared_schema):
    ours = json_schema()
    assert set(ours["required"]) >= set(shared_schema["required"])
    props = ours["properties"]

    def enum_of(p):
        vals = set()
        for alt in p.get("anyOf", [p]):
            vals |= set(alt.get("enum", [])) | ({alt["const"]} if "const" in alt else set())
            if alt.get("type") == "null":
                vals.add(None)
        return vals
    for key in ("decision", "queue", "suggested_outcome"):
        assert enum_of(props[key]) == set(shared_schema["properties"][key]["enum"]), key
    defs = ours["$defs"]
    assert enum_of(defs["CheckLine"]["properties"]["status"]) == set(
        shared_schema["properties"]["checks"]["items"]["properties"]["status"]["enum"])
    assert enum_of(defs["DocumentLine"]["properties"]["doc_type"]) == set(
        shared_schema["properties"]["documents"]["items"]["properties"]["doc_type"]["enum"])


def test_every_contract_field_name_is_modelled(shared_schema):
    for rule in shared_schema["properties"]["documents"]["items"]["allOf"]:
        doc_type = rule["if"]["properties"]["doc_type"]["const"]
        want = rule["then"]["properties"]["fields"]["properties"]
        model = FIELDS_OF[doc_type]
        assert set(want) <= set(model.model_fields), doc_type
        if "items" in want:
            item_model = model.model_fields["items"].annotation.__args__[0]
            assert set(want["items"]["items"]["properties"]) <= set(item_model.model_fields), doc_type


def test_lines_validate_against_both_schemas(shared_schema):
    line = _line()
    jsonschema.validate(line, shared_schema)
    jsonschema.validate(line, json_schema())


def test_contract_rejects_a_bad_line():
    import pytest
    bad = _line()
    bad["documents"][0]["fields"]["issue_date"] = "10 MAR 2025"
    with pytest.raises(ValueError):
        validate_line(bad)
