"""Printed values to the contract's value forms: ISO dates, ISO alpha-2 countries, six-digit HS codes, numbers
with their unit or currency. Each parser returns None when the text holds no such value: absent, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Iterable, Iterator

import pycountry

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
MONTHS.update({"SEPT": 9})
MONTH_RE = r"(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)"

_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "ymd"),
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})(?:ST|ND|RD|TH)?[\s\-./]*{MONTH_RE}[\s\-.,/]*(\d{{4}})\b", re.I), "dMy"),
    # (a speck off a scan read as a quote mark before the day: 'FEB. “11,2025'; the comma read as ';' or '.', the
    # month's stop as a comma, 'DEC, 29, 2024'; the day's figures read apart: 'NOVEMBER 1 9, 2024')
    (re.compile(rf"\b{MONTH_RE}[\s\-.,“”\"']*(\d ?\d|\d)(?:ST|ND|RD|TH)?[,;.]?\s*(\d{{4}})\b", re.I), "Mdy"),
    # a dotted date with one dot read as a comma off a scan ('03.04,2024') is still the date
    # (and a figure read before the day, as a dotted zero read '90': no day has three figures)
    (re.compile(r"\b(?:\d(?=\d{2}[.,/-]))?(\d{1,2})(?:[./-](\d{1,2})[./-]|\.(\d{1,2}),|,(\d{1,2})\.)(\d{4})\b"),
     "dmy"),
    # a ruling or speck read as a figure before the day ('710 FEB 2024' off a scan): no day has three figures
    (re.compile(rf"\b\d(\d{{2}})[\s\-./]*{MONTH_RE}[\s\-.,/]*(\d{{4}})\b", re.I), "dMy"),
    # two-digit years, as shipping clerks type them: 12-MAR-25
    (re.compile(rf"\b(\d{{1,2}})[\s\-./]*{MONTH_RE}[\s\-./]*(\d{{2}})\b(?!\d)", re.I), "dMy2"),
]


# a day of one letter that can only be the figure ('Sth', 'Ist'), or of a figure and a letter ('3ist', '1Oth'); never
# two letters ('list')
ORDINAL_MISREAD = re.compile(r"\b(?:[Ss](?=[Tt][Hh]\b)|[lI|](?=[Ss][Tt]\b)|\d[SsIil|O]|[SIil|O]\d)"
                             r"(?=(?:[Ss][Tt]|[Nn][Dd]|[Rr][Dd]|[Tt][Hh])\b)")
ORDINAL_FIGURES = str.maketrans("SsIil|O", "5511110")


def _zero_read_as(digits: str, most: int) -> int:
    """A day or month no calendar has, whose first figure is a 6, 8 or 9: a zero with a dot or slash inside
    (typewriter faces) read wrongly ('63.08.2024' is '03.08.2024', '2024.12.61' is '2024.12.01'); any other
    impossible number stays as read."""
    n = int(digits)
    if n > most and len(digits) == 2 and digits[0] in "689" and digits[1] != "0":
        return int(digits[1])
    return n


def parse_date(text: str | None) -> tuple[str, tuple[int, int]] | None:
    """The first date in `text` as ISO, with the span it was read from. Numeric d/m/y is read day first,
    as certificates in the region print it."""
    if not text:
        return None
    # an ordinal day's figure read as a letter off a scan ('Sth' for 5th, 'Ist' for 1st; same length, so the
    # span still points into the text as given)
    text = ORDINAL_MISREAD.sub(lambda m: m[0].translate(ORDINAL_FIGURES), text)
    best: tuple[int, str, tuple[int, int]] | None = None
    for pat, order in _DATE_PATTERNS:
        for m in pat.finditer(text):
            try:
                if order == "ymd":
                    y, mo, d = int(m[1]), _zero_read_as(m[2], 12), _zero_read_as(m[3], 31)
                elif order == "dMy":
                    d, mo, y = int(m[1]), MONTHS[m[2].upper()[:4] if m[2].upper().startswith("SEPT") else m[2].upper()[:3]], int(m[3])
                elif order == "dMy2":
                    d, mo, y = int(m[1]), MONTHS[m[2].upper()[:4] if m[2].upper().startswith("SEPT") else m[2].upper()[:3]], 2000 + int(m[3])
                elif order == "Mdy":
                    mo, d, y = MONTHS[m[1].upper()[:4] if m[1].upper().startswith("SEPT") else m[1].upper()[:3]], \
                        int(m[2].replace(" ", "")), int(m[3])
                else:
                    month = m[2] or m[3] or m[4]
                    d, mo, y = _zero_read_as(m[1], 31), _zero_read_as(month, 12), int(m[5])
                    if mo > 12 and d <= 12:
                        d, mo = mo, d
                if not 1990 <= y <= 2100:
                    continue  # no trade document of ours is dated so: a misread year ('0004')
                iso = dt.date(y, mo, d).isoformat()
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), iso, m.span())
            break
    return (best[1], best[2]) if best else None


# Customs spellings that pycountry does not know, upper case.
COUNTRY_ALIASES = {
    "CHINA": "CN", "P.R. CHINA": "CN", "P.R.CHINA": "CN", "PR CHINA": "CN", "PRC": "CN",
    "THE PEOPLE'S REPUBLIC OF CHINA": "CN", "PEOPLE'S REPUBLIC OF CHINA": "CN", "中国": "CN",
    "KOREA": "KR", "SOUTH KOREA": "KR", "REPUBLIC OF KOREA": "KR", "KOREA, REPUBLIC OF": "KR", "KOREA (REPUBLIC OF)": "KR",
    "VIET NAM": "VN", "VIETNAM": "VN", "LAO PDR": "LA", "LAOS": "LA", "LAO": "LA",
    "BRUNEI": "BN", "BRUNEI DARUSSALAM": "BN", "HONG KONG": "HK", "HONG KONG SAR": "HK", "HONG KONG, CHINA": "HK",
    "MYANMAR": "MM", "BURMA": "MM", "JAPAN": "JP", "日本": "JP", "SINGAPORE": "SG", "MALAYSIA": "MY",
    "THAILAND": "TH", "INDONESIA": "ID", "PHILIPPINES": "PH", "THE PHILIPPINES": "PH", "CAMBODIA": "KH",
    "AUSTRALIA": "AU", "NEW ZEALAND": "NZ", "INDIA": "IN", "TAIWAN": "TW", "USA": "US", "U.S.A.": "US",
    "UNITED STATES": "US",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names[v.upper()] = c.alpha_2
    names.update(COUNTRY_ALIASES)
    return names


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern[str]:
    names = sorted(_country_names(), key=len, reverse=True)
    return re.compile(r"(?<![A-Z])(" + "|".join(re.escape(n) for n in names) + r")(?![A-Z])")


def parse_country(text: str | None, *, last: bool = True) -> str | None:
    """A country named in `text` (the last one by default, as addresses end with it) as ISO alpha-2."""
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.upper()).strip()
    t = t.rstrip(" *")  # "AUSTRALIA *": RCEP country of origin under Art. 2.6.6
    if t in _country_names():
        return _country_names()[t]
    if re.fullmatch(r"[A-Z]{2}", t) and pycountry.countries.get(alpha_2=t):
        return t
    found = _country_regex().findall(t)
    if not found:
        # a ruling beside the name read as its last letter, off a scan: 'AUSTRALIAI'
        found = _country_regex().findall(re.sub(r"(?<=[A-Z]{3})[I|!l](?=[\s,]|$)", "", t))
    if not found:
        return None
    return _country_names()[found[-1] if last else found[0]]


def parse_hs(text: str | None) -> str | None:
    """A six-digit HS subheading: `0703.20`, `070320`, `0703.20.00` (national digits dropped)."""
    if not text:
        return None
    m = re.search(r"(?<!\d)(\d{4})[.\s]?(\d{2})(?:[.\s]?\d{2,4})?(?!\d)", text)
    return m[1] + m[2] if m else None


_POINT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 12,345.00
_COMMA = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"  # 12.345,00, as Indonesia and Viet Nam print numbers
# A document prints its figures one way throughout: set for the document being read (`decimal_comma`)
_DECIMAL_COMMA: ContextVar[bool] = ContextVar("decimal_comma", default=False)
# figures only one way can print: '6.132,00' / '0,42' against '6,132.00' / '0.42' (a group of three after the
# separator, '1,352' or '4.015', could be either)
_ONLY_COMMA = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2})$")
_ONLY_POINT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+\.\d{1,2}|\d+\.\d{1,2})$")


def prints_decimal_comma(texts: Iterable[str]) -> bool:
    """Whether a document's figures put a comma before their decimals: at least two of them can only be read so,
    and more than can only be read the other way (one stop read as a comma off a scan does not turn a document)."""
    comma = point = 0
    for t in texts:
        t = t.strip("()[]:;$")
        comma += bool(_ONLY_COMMA.match(t))
        point += bool(_ONLY_POINT.match(t))
    return comma >= 2 and comma > point


@contextmanager
def decimal_comma(on: bool) -> Iterator[None]:
    """Figures parsed inside are read with a decimal comma ('12.345,00') when `on`."""
    token = _DECIMAL_COMMA.set(on)
    try:
        yield
    finally:
        _DECIMAL_COMMA.reset(token)


def _num() -> str:
    return _COMMA if _DECIMAL_COMMA.get() else _POINT


def _float(figure: str) -> float:
    if _DECIMAL_COMMA.get():
        return float(figure.replace(".", "").replace(",", "."))
    return float(figure.replace(",", ""))


def parse_number(text: str | None) -> float | None:
    if not text:
        return None
    m = re.search(_num(), text.replace(" ", "") if re.fullmatch(r"[\d ,.]+", text.strip() or "x") else text)
    if not m:
        return None
    return _float(m[0])


UNITS = {"KGS": "KGS", "KG": "KGS", "KGM": "KGS", "KILOGRAMS": "KGS", "PCS": "PCS", "PC": "PCS", "PIECES": "PCS",
         "SETS": "SETS", "SET": "SETS", "LTRS": "LTRS", "LTR": "LTRS", "LITRES": "LTRS", "L": "LTRS", "MT": "MT",
         "TONS": "MT", "CTNS": "CTNS", "CARTONS": "CTNS", "M": "M", "M2": "M2", "M3": "M3", "PAIRS": "PRS", "PRS": "PRS",
         "UNITS": "UNITS", "DOZ": "DOZ",
         # lower-case 'pcs' read off a scan ('c' as 'e'): no unit is spelt so
         "PES": "PCS"}


def parse_quantity(text: str | None) -> tuple[float, str | None] | None:
    """`12,500 KGS` -> (12500.0, 'KGS'). The unit is kept in its usual customs spelling."""
    if not text:
        return None
    m = re.search(rf"({_num()})\s*([A-Za-z][A-Za-z0-9]*)?", text)
    if not m:
        return None
    unit = m[2].upper() if m[2] else None
    if unit and unit not in UNITS:
        unit = None
    return _float(m[1]), (UNITS[unit] if unit else None)


CURRENCIES = {"USD", "EUR", "JPY", "CNY", "RMB", "AUD", "NZD", "SGD", "KRW", "THB", "VND", "MYR", "IDR", "PHP", "HKD", "GBP"}


def parse_money(text: str | None) -> tuple[float, str | None] | None:
    """`FOB USD 23,400.00` or `US$ 23,400.00` -> (23400.0, 'USD')."""
    if not text:
        return None
    t = text.upper().replace("US$", "USD ")
    # (a figure read apart at its thousands' comma off a scan: 'USD85, 363.20')
    t = re.sub(r"(?<=\d), (?=\d{3}(?:[.,]\d{2})?\b)", ",", t)
    m = re.search(rf"({_num()})", t)
    if not m:
        return None
    cur = None
    for c in re.findall(r"[A-Z]{3}", t):
        if c in CURRENCIES:
            cur = "CNY" if c == "RMB" else c
            break
    return _float(m[1]), cur


def money_in_line(text: str | None) -> tuple[float, str | None] | None:
    """The sum in a line that may hold other figures ('863 PCS  USD 32,794.00'): the figure a currency stands
    beside, else the line's last figure."""
    if not text:
        return None
    t = text.upper().replace("US$", "USD ")
    cur = "|".join(sorted(CURRENCIES))
    num = _num()
    m = re.search(rf"\b({cur})\s*({num})|({num})\s*({cur})\b", t)
    if m:
        c = m[1] or m[4]
        return _float(m[2] or m[3]), "CNY" if c == "RMB" else c
    figures = re.findall(num, t)
    return (_float(figures[-1]), None) if figures else None


def collapse(text: str | None) -> str | None:
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text).strip()
    return t or None
