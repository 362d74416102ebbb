"""Document type from what the first page says, never from the file name.

Each type has title phrases and tell-tale labels with weights; a phrase counts when a line of the page
matches it fuzzily (OCR noise). The confidence is the winner's share of the evidence, tempered by how much
evidence there is.
"""
from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from extractors.layout import CJK, group_lines, norm, split_segments
from pipeline.model import Document

SIGNALS: dict[str, list[tuple[str, float]]] = {
    "certificate_of_origin": [("certificate of origin", 3), ("form rcep", 4), ("goods consigned from", 3),
                              ("goods consigned to", 2), ("origin conferring criterion", 3),
                              ("regional comprehensive economic partnership", 2), ("issued retroactively", 1.5),
                              ("back to back certificate of origin", 1.5), ("rcep country of origin", 2)],
    "commercial_invoice": [("commercial invoice", 4), ("invoice", 1.5), ("unit price", 2), ("amount", 1),
                           ("商业发票", 4), ("sold to", 1.5), ("payment terms", 1), ("terms of delivery", 1),
                           ("invoice total", 2), ("incoterms", 1), ("invoice no", 1.5), ("currency of invoice", 1.5),
                           ("this invoice is true and correct", 1.5),
                           # the numbered grid form (its title may be lost on a scan: it stands close over the grid)
                           ("no date of invoice", 2), ("for account risk of messrs", 2), ("l c issuing bank", 1)],
    "packing_list": [("packing list", 5), ("weight list", 5), ("packing and weight list", 5), ("n w", 1.5),
                     ("g w", 1.5), ("net weight", 1.5), ("net wt", 1.5), ("gross weight", 0.8), ("gross wt", 0.8),
                     ("装箱单", 4), ("total packages", 1.5), ("no date of invoice", 2), ("for account risk of messrs", 2)],
    "bill_of_lading": [("bill of lading", 5), ("b l no", 3), ("notify party", 2.5), ("port of loading", 2),
                       ("ocean vessel", 2), ("shipped on board", 2), ("freight prepaid", 1), ("提单", 3)],
}


# The titles a document of each type prints. A page printing one type's title only is that type's document: what it
# also says in words of another type's (a certificate's Box 13 heading 'Invoice number(s) and date of invoice(s)')
# is weaker evidence than on a page without a title, and counts half.
TITLES = {"certificate_of_origin": {"certificate of origin", "form rcep"},
          "commercial_invoice": {"commercial invoice", "商业发票"},
          "packing_list": {"packing list", "weight list", "packing and weight list", "装箱单"},
          "bill_of_lading": {"bill of lading", "提单"}}
OTHERS_UNDER_A_TITLE = 0.5
# A title in words no phrase above holds ('PACKING AND WEIGHT LIST', 'WEIGHT NOTE', 'SEA WAYBILL'): a short run of
# text holding the words every such title of a type holds, in any order and with others between
TITLE_WORDS = {"certificate_of_origin": [{"certificate", "origin"}],
               "commercial_invoice": [{"commercial", "invoice"}, {"tax", "invoice"}, {"customs", "invoice"}],
               "packing_list": [{"packing", "list"}, {"weight", "list"}, {"packing", "specification"},
                                {"weight", "note"}, {"packing", "note"}],
               "bill_of_lading": [{"bill", "lading"}, {"waybill"}]}
TITLE_BY_WORDS = 4.0

PHRASES = sorted({p for signals in SIGNALS.values() for p, _ in signals})
PHRASE_ROW = {p: i for i, p in enumerate(PHRASES)}
PREFIXES = {w[:3] for p in PHRASES for w in p.split()} | {w[:3] for sets in TITLE_WORDS.values() for ws in sets
                                                          for w in ws}


def classify(doc: Document) -> tuple[str, float]:
    if not doc.pages:
        return "unknown", 0.0
    # a line of an OCR'd form runs across its cells: each run of text (a caption, a cell) is judged on its own
    lines = [(norm(seg.text), len(seg.words)) for ln in group_lines(doc.pages[0].words) for seg in split_segments(ln)]
    # only runs that share a word's beginning with some phrase can match one: the fuzzy comparison (the costly
    # part) is spared the rest of the page
    lines = [(t, n) for t, n in lines if any(w[:3] in PREFIXES for w in t.split()) or CJK.search(t)] or [("", 0)]
    texts = [t for t, _ in lines]
    # every phrase against every line in one call
    scores_matrix = process.cdist(PHRASES, texts, scorer=fuzz.partial_ratio, score_cutoff=88, workers=1)
    scores: dict[str, float] = {}
    titled: set[str] = set()
    word_sets = [(set(text.split()), n) for text, n in lines]  # (for titles told by their words)
    for dtype, signals in SIGNALS.items():
        s = 0.0
        for phrase, weight in signals:
            row = scores_matrix[PHRASE_ROW[phrase]]
            best = 0.0
            for j in np.flatnonzero(row):
                text, n_words = lines[j]
                if len(text) < len(phrase) * 0.6:
                    continue
                # a title or caption stands (nearly) alone; inside running text ("see certificate of origin")
                # the phrase says little about what this document is
                alone = n_words <= len(phrase.split()) + 4
                best = max(best, weight if alone else weight * 0.3)
            s += best
            if best == weight and phrase in TITLES[dtype]:
                titled.add(dtype)
        if dtype not in titled and any(words <= line_words and n_words <= len(words) + 3
                                       for line_words, n_words in word_sets for words in TITLE_WORDS[dtype]):
            s += TITLE_BY_WORDS
            titled.add(dtype)
        scores[dtype] = s
    if len(titled) == 1:
        scores = {k: v if k in titled else v * OTHERS_UNDER_A_TITLE for k, v in scores.items()}
    best_type = max(scores, key=lambda k: scores[k])
    total = sum(scores.values())
    top = scores[best_type]
    if top < 3:
        return "unknown", round(1 - top / 3, 3)
    share = top / total if total else 0.0
    strength = min(1.0, top / 6)
    return best_type, round(share * (0.6 + 0.4 * strength), 4)
