"""Comparing company names and addresses the way a reviewer does: "Co., Ltd." is "Company Limited", case and
punctuation do not matter, and a line break is a space (RCEP Art. 3.26 minor discrepancies)."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

ABBREVIATIONS = [
    (r"\bCO\b\.?,?\s*LTD\b\.?", "COMPANY LIMITED"), (r"\bCO\b\.?", "COMPANY"), (r"\bLTD\b\.?", "LIMITED"),
    (r"\bCORP\b\.?", "CORPORATION"), (r"\bINC\b\.?", "INCORPORATED"), (r"\bPTE\b\.?", "PRIVATE"),
    (r"\bPVT\b\.?", "PRIVATE"), (r"\bPTY\b\.?", "PROPRIETARY"), (r"\bSDN\b\.?\s*BHD\b\.?", "SENDIRIAN BERHAD"),
    (r"\bK\.?\s?K\b\.?", "KABUSHIKI KAISHA"), (r"\bJSC\b", "JOINT STOCK COMPANY"), (r"\bINT'?L\b\.?", "INTERNATIONAL"),
    (r"\bMFG\b\.?", "MANUFACTURING"), (r"\bIMP\b\.?\s*&\s*EXP\b\.?", "IMPORT AND EXPORT"), (r"&", " AND "),
]


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    t = name.upper()
    for pat, rep in ABBREVIATIONS:
        t = re.sub(pat, rep, t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def name_similarity(a: str | None, b: str | None) -> float:
    """0..100; 100 when the names are the same company written alike."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 100.0
    return float(max(fuzz.token_sort_ratio(na, nb), fuzz.ratio(na, nb)))


def mentions(text: str | None, name: str | None, threshold: float = 85.0) -> bool:
    """Does `text` (a remarks box) name the company `name`?"""
    if not text or not name:
        return False
    return fuzz.partial_ratio(normalise_name(name), normalise_name(text)) >= threshold
