"""How the reading of a layout family holds up without the wordings learnt from it: a blind run, as far as
vocabulary goes.

    python -m benchmarks.unseen_wordings SET_DIR FAMILY [--jobs 2] [--json FILE]

SET_DIR is a set generated with `--layouts FAMILY` (`python -m sample_docs.generate`). Every caption wording,
table heading and classification phrase the family's renderer prints and no other family's renderer does is
taken out of the extractor's vocabulary (a wording is 'printed' when its text stands in the renderer's source).
The family's text PDFs are then read twice, with captions read by their meaning (`Label.meaning`, titles by
their words) and without, and scored field by field against the truth.

What it does not measure: conventions other than wording (where a value stands, how a date is written). A
family whose conventions were all new still needs a blind run of its own.
"""
from __future__ import annotations

import argparse
import json
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

FAMILY_FILES = {"dev": "render.py", "heldout": "render_heldout.py", "fresh": "render_fresh.py",
                "third": "render_third.py", "fourth": "render_fourth.py", "fifth": "render_fifth.py",
                "sixth": "render_sixth.py", "seventh": "render_seventh.py", "eighth": "render_eighth.py",
                "ninth": "render_ninth.py", "tenth": "render_tenth.py", "eleventh": "render_eleventh.py"}
TEXT_RENDERS = {"text_pdf"}


def _source(name: str) -> str:
    return re.sub(r"\s+", " ", (Path(__file__).parent.parent / "sample_docs" / name).read_text().lower())


def own_wordings(family: str):
    """A test: is this wording printed by the family's renderer and by no other's?"""
    own = _source(FAMILY_FILES[family])
    others = [_source(f) for k, f in FAMILY_FILES.items() if k != family]

    def test(text: str) -> bool:
        t = re.sub(r"\s+", " ", text.lower()).strip()
        return t in own and not any(t in o for o in others)
    return test


def leave_out(family: str, meaning: bool) -> list[str]:
    """Take the family's own wordings out of the extractor's vocabulary (in this process); with `meaning` False,
    captions and titles are not read by their meaning either. Returns the wordings taken out."""
    from extractors import certificate, classify, trade_documents
    own = own_wordings(family)
    removed: list[str] = []

    def strip(labels: list) -> None:
        kept = []
        for lab in labels:
            removed.extend(v for v in lab.variants if own(v))
            variants = tuple(v for v in lab.variants if not own(v))
            if variants:
                kept.append(replace(lab, variants=variants, meaning=lab.meaning if meaning else ()))
        labels[:] = kept
    for labels in (certificate.LABELS, certificate.COLUMNS, certificate.SPLIT_COLUMNS):
        strip(labels)
    for spec in trade_documents.SPECS.values():
        strip(spec.labels)
        if spec.table:
            strip(spec.table.columns)
    for signals in classify.SIGNALS.values():
        removed.extend(p for p, _ in signals if own(p))
        signals[:] = [(p, w) for p, w in signals if not own(p)]
    if not meaning:
        classify.TITLE_WORDS.clear()
        classify.TITLE_WORDS.update({k: [] for k in classify.SIGNALS})
    return sorted(set(removed))


def _read(args: tuple[str, str, str]) -> tuple[str, dict]:
    path, case_id, name = args
    from extractors.read import read_document
    doc = read_document(Path(path), name)
    fields = {k: f.value for k, f in doc.fields.items()}
    fields["items"] = doc.item_values()
    return case_id, {"file": name, "doc_type": doc.doc_type, "fields": fields}


def run(set_dir: Path, family: str, meaning: bool, jobs: int) -> dict[str, str]:
    from pipeline.evaluate import evaluate
    truth = json.loads((set_dir / "truth.json").read_text())
    tasks, kept = [], {"cases": {}}
    for cid, c in truth["cases"].items():
        docs = {f: d for f, d in c["documents"].items()
                if d["render"] in TEXT_RENDERS and d["fields"] is not None and not d.get("broken")
                and (set_dir / "submissions" / cid / f).exists()}
        if docs:
            kept["cases"][cid] = {**c, "documents": docs}
            tasks += [(str(set_dir / "submissions" / cid / f), cid, f) for f in docs]
    results: dict[str, dict] = {}
    # (each worker leaves the wordings out once: new labels for every document would miss every cache keyed by them,
    # the Chinese caption matcher's among them)
    with ProcessPoolExecutor(jobs, initializer=leave_out, initargs=(family, meaning)) as ex:
        for cid, doc in ex.map(_read, tasks, chunksize=4):
            results.setdefault(cid, {"case_id": cid, "decision": "review", "checks": [], "documents": []})
            results[cid]["documents"].append(doc)
    ev = evaluate(results, kept)
    return {dt: f"{t.right}/{t.total} ({100 * t.rate:.1f} %)" for (dt, mode), t in sorted(ev.by_group.items())} | \
        {"document type": f"{ev.doc_type.right}/{ev.doc_type.total}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("family", choices=sorted(FAMILY_FILES))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    out = {"family": a.family, "left_out": leave_out(a.family, True)}
    for meaning in (False, True):
        out["with meaning" if meaning else "wordings only"] = run(a.set_dir, a.family, meaning, a.jobs)
    print(f"family {a.family}: {len(out['left_out'])} wordings left out: {', '.join(out['left_out'])}")
    for k in ("wordings only", "with meaning"):
        print(f"  {k:14} " + "  ".join(f"{dt} {v}" for dt, v in out[k].items()))
    if a.json:
        a.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
