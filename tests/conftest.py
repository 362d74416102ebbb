"""Shared fixtures: the committed sample set, the shared contract (when present beside the repo), and a
builder of cases for check and routing tests."""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")
# the user's data folder (case store, an imported Annex 3A table) stays out of the tests
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="origin-review-test-data-")
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="origin-review-test-cache-")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_docs" / "demo"
SHARED_SPEC = REPO.parent / "shared" / "spec"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def truth() -> dict:
    return json.loads((SAMPLES / "truth.json").read_text())


def find_case(truth: dict, *, defect: str | None = "any", variant: str | None = None, render: str | None = None,
              layout: str | None = None) -> str:
    """The id of a committed sample case with the given defect / variant / certificate rendering."""
    for cid, c in truth["cases"].items():
        if defect != "any" and c["defect"] != defect:
            continue
        if variant and c["variant"] != variant:
            continue
        co = [d for d in c["documents"].values() if d["doc_type"] == "certificate_of_origin"]
        if render and not any(d["render"] == render for d in co):
            continue
        if layout and not any(d["layout"] == layout for d in co):
            continue
        return cid
    raise LookupError(f"no sample case with defect={defect} variant={variant} render={render} layout={layout}")


def sample_path(case_id: str, file: str) -> Path:
    p = SAMPLES / "submissions" / case_id / file
    return p if p.exists() else SAMPLES / "submissions" / file


@pytest.fixture(scope="session")
def shared_schema() -> dict:
    path = SHARED_SPEC / "results.schema.json"
    if not path.exists():
        pytest.skip("shared/spec/results.schema.json is not beside this checkout")
    return json.loads(path.read_text())
