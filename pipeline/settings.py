"""All configuration in one object: defaults here, overridden by environment variables `ORIGIN_REVIEW_<NAME>`
and by the command line."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "origin-review"


@dataclass
class Settings:
    db_url: str = field(default_factory=lambda: f"sqlite:///{data_dir() / 'cases.db'}")
    originals_dir: Path = field(default_factory=lambda: data_dir() / "originals")  # files kept by content
    reference_date: dt.date | None = None  # default for cases whose case.json gives none; else today
    qa_sample_rate: float = 0.02
    workers: int = 2
    exporter_registry: Path | None = None  # CSV: exporter_name, country, status (registered | blocked)
    # routing: the defaults are the thresholds chosen on data (pipeline/routing_policy.json, written by
    # `origin-review routing calibrate`); environment or command line override them
    auto_approve_threshold: float = field(default_factory=lambda: _policy()["auto_approve_threshold"])
    required_field_confidence: float = field(default_factory=lambda: _policy()["required_field_confidence"])
    block_on_missing_rule: bool = True  # a product-specific rule missing from the knowledge base stops approval
    # checks: a finding that rests on a reading less sure than this is a blocking skip for a reviewer, not a
    # finding (a '1' read as '4' is no false declaration); kept apart from routing so that calibrating the
    # routing thresholds does not change what the checks say
    unsure_reading_below: float = 0.80
    # uploads (pipeline/api.py)
    upload_max_files: int = 20
    upload_max_file_mb: int = 25
    upload_max_total_mb: int = 60
    public_url: str = "http://127.0.0.1:8000"  # where the verification page is reached (printed in the QR code)
    # service clocks: hours from arrival to the deadline
    deadline_hours_express: float = 6.0  # goods the operator marks express or perishable
    deadline_hours_standard: float = 48.0
    # legibility
    illegible_below: float = 0.60  # mean OCR word confidence of a page under which its fields are not trusted
    # consistency tolerances
    quantity_tolerance: float = 0.02  # relative difference of quantities still taken as equal
    name_match_pass: float = 93.0  # rapidfuzz score of normalised names: equal
    name_match_warn: float = 75.0  # below pass, at or above this: a minor discrepancy (Art. 3.26)
    date_tolerance_days: int = 3
    # reading scans
    ocr_target_dpi: int = 300  # small print (7 pt box titles) needs about this many pixels for tesseract
    ocr_levelling: str = "nearest"  # resampling that levels a skewed page: nearest (fast) or bicubic
    tesseract_config: str = "--oem 1 --psm 6"  # forms and tables read best as one uniform block

    def deadline(self, received_at: dt.datetime, handling: str) -> dt.datetime:
        hours = self.deadline_hours_express if handling in ("express", "perishable") else self.deadline_hours_standard
        return received_at + dt.timedelta(hours=hours)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        s = cls()
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"ORIGIN_REVIEW_{f.name.upper()}")
            if raw is not None:
                setattr(s, f.name, _coerce(f.type, raw))
        for k, v in overrides.items():
            if v is not None:
                setattr(s, k, v)
        return s


POLICY_FILE = Path(__file__).with_name("routing_policy.json")


@lru_cache(maxsize=1)
def _policy() -> dict:
    """The routing thresholds in force and how they were chosen (a supervisor reads `origin-review routing show`)."""
    return json.loads(POLICY_FILE.read_text())


def _coerce(typ: object, raw: str):
    t = str(typ)
    if "bool" in t:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if "float" in t:
        return float(raw)
    if "int" in t:
        return int(raw)
    if "date" in t:
        return dt.date.fromisoformat(raw) if raw else None
    if "Path" in t:
        return Path(raw) if raw else None
    return raw
