"""Generate a set of sample submissions with ground truth.

    python -m sample_docs.generate OUT --seed 7 --count 24

writes
    OUT/submissions/<case_id>/case.json and the documents   the batch input (contract layout)
    OUT/truth.json                                          expected fields, defects and decisions
    OUT/exporter_registry.csv                               the registry a customs office would load

The truth sits beside the submissions, not among them: every file directly under the batch input is a
submission of its own.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
from pathlib import Path

from sample_docs.catalog import BLOCKED_EXPORTER, EXPORTERS
from sample_docs.degrade import broken_file, render_scan
from sample_docs.render import RENDERERS
from sample_docs.render_fresh import RENDERERS_FRESH
from sample_docs.render_heldout import RENDERERS_HELDOUT
from sample_docs.render_eighth import RENDERERS_EIGHTH
from sample_docs.render_ninth import RENDERERS_NINTH
from sample_docs.render_tenth import RENDERERS_TENTH
from sample_docs.render_eleventh import RENDERERS_ELEVENTH
from sample_docs.render_twelfth import RENDERERS_TWELFTH
from sample_docs.render_thirteenth import RENDERERS_THIRTEENTH
from sample_docs.render_fourteenth import RENDERERS_FOURTEENTH
from sample_docs.render_fifteenth import RENDERERS_FIFTEENTH
from sample_docs.render_sixteenth import RENDERERS_SIXTEENTH
from sample_docs.render_seventeenth import RENDERERS_SEVENTEENTH
from sample_docs.render_fifth import RENDERERS_FIFTH
from sample_docs.render_fourth import RENDERERS_FOURTH
from sample_docs.render_seventh import RENDERERS_SEVENTH
from sample_docs.render_sixth import RENDERERS_SIXTH
from sample_docs.render_third import RENDERERS_THIRD
from sample_docs.scenario import ScenarioBuilder, Submission, plan

ALL_RENDERERS = {**RENDERERS, **RENDERERS_HELDOUT, **RENDERERS_FRESH, **RENDERERS_THIRD, **RENDERERS_FOURTH,
                 **RENDERERS_FIFTH, **RENDERERS_SIXTH, **RENDERERS_SEVENTH, **RENDERERS_EIGHTH,
                 **RENDERERS_NINTH, **RENDERERS_TENTH, **RENDERERS_ELEVENTH, **RENDERERS_TWELFTH,
                 **RENDERERS_THIRTEENTH, **RENDERERS_FOURTEENTH, **RENDERERS_FIFTEENTH,
                 **RENDERERS_SIXTEENTH, **RENDERERS_SEVENTEENTH}
# The development layouts, and held-out families the extractor was not developed on ('fresh' was drawn after
# extraction had been tuned on 'heldout', for a blind measurement again; 'third' after it had been tuned on 'fresh';
# 'fourth' after it had been tuned on 'third'; 'fifth' after it had been tuned on 'fourth'; 'sixth' after it had
# been tuned on 'fifth'; 'seventh' after it had been tuned on 'sixth'; 'eighth' after it had been tuned on
# 'seventh'; 'ninth' after it had been tuned on 'eighth'; 'tenth' after it had been tuned on 'ninth'; 'eleventh'
# after it had been tuned on 'tenth' and had learnt to read captions by their meaning; 'twelfth' after it had been
# tuned on 'eleventh'; 'thirteenth' after it had been tuned on 'twelfth'; 'fourteenth' after it had been tuned on
# 'thirteenth'; 'fifteenth' after it had been tuned on 'fourteenth'; 'sixteenth' after it had been tuned on
# 'fifteenth'; 'seventeenth' after it had been tuned on 'sixteenth').
LAYOUTS = {
    "dev": {"co": ["co-a", "co-b"], "inv": ["inv-a", "inv-b", "inv-c"], "pl": ["pl-a"], "bl": ["bl-a"]},
    "heldout": {"co": ["co-c"], "inv": ["inv-d"], "pl": ["pl-b"], "bl": ["bl-b"]},
    "fresh": {"co": ["co-d"], "inv": ["inv-e"], "pl": ["pl-c"], "bl": ["bl-c"]},
    "third": {"co": ["co-e"], "inv": ["inv-f"], "pl": ["pl-d"], "bl": ["bl-d"]},
    "fourth": {"co": ["co-f"], "inv": ["inv-g"], "pl": ["pl-e"], "bl": ["bl-e"]},
    "fifth": {"co": ["co-g"], "inv": ["inv-h"], "pl": ["pl-f"], "bl": ["bl-f"]},
    "sixth": {"co": ["co-h"], "inv": ["inv-i"], "pl": ["pl-g"], "bl": ["bl-g"]},
    "seventh": {"co": ["co-i"], "inv": ["inv-j"], "pl": ["pl-h"], "bl": ["bl-h"]},
    "eighth": {"co": ["co-j"], "inv": ["inv-k"], "pl": ["pl-i"], "bl": ["bl-i"]},
    "ninth": {"co": ["co-k"], "inv": ["inv-l"], "pl": ["pl-j"], "bl": ["bl-j"]},
    "tenth": {"co": ["co-l"], "inv": ["inv-m"], "pl": ["pl-k"], "bl": ["bl-k"]},
    "eleventh": {"co": ["co-m"], "inv": ["inv-n"], "pl": ["pl-l"], "bl": ["bl-l"]},
    "twelfth": {"co": ["co-n"], "inv": ["inv-o"], "pl": ["pl-m"], "bl": ["bl-m"]},
    "thirteenth": {"co": ["co-o"], "inv": ["inv-p"], "pl": ["pl-n"], "bl": ["bl-n"]},
    "fourteenth": {"co": ["co-p"], "inv": ["inv-q"], "pl": ["pl-o"], "bl": ["bl-o"]},
    "fifteenth": {"co": ["co-q"], "inv": ["inv-r"], "pl": ["pl-p"], "bl": ["bl-p"]},
    "sixteenth": {"co": ["co-r"], "inv": ["inv-s"], "pl": ["pl-q"], "bl": ["bl-q"]},
    "seventeenth": {"co": ["co-s"], "inv": ["inv-t"], "pl": ["pl-r"], "bl": ["bl-r"]},
}
LAYOUTS["all"] = {k: sum((LAYOUTS[f][k] for f in ("dev", "heldout", "fresh", "third", "fourth", "fifth", "sixth",
                                                                  "seventh", "eighth", "ninth", "tenth", "eleventh",
                                                                  "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                                                  "sixteenth", "seventeenth")), [])
                  for k in LAYOUTS["dev"]}

GENERATOR_VERSION = 1


def write_submission(sub: Submission, root: Path, rng: random.Random) -> None:
    if sub.loose:  # a file directly under the input folder is a submission of its own, without case.json
        folder = root
    else:
        folder = root / sub.case_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "case.json").write_text(json.dumps(sub.metadata, indent=2, ensure_ascii=False) + "\n")
    for d in sub.documents:
        if d.broken:
            data = broken_file(d.broken, rng)
        else:
            pdf = ALL_RENDERERS[d.layout](d.fields, d.opts)  # type: ignore[index]
            data = pdf if d.render == "text_pdf" else render_scan(pdf, d.render, rng)
        (folder / d.file).write_bytes(data)


def generate(out: Path, seed: int, count: int, layouts: str = "dev") -> dict:
    rng = random.Random(seed)
    builder = ScenarioBuilder(rng, LAYOUTS[layouts])
    subs_root = out / "submissions"
    if subs_root.exists():
        shutil.rmtree(subs_root)
    subs_root.mkdir(parents=True)
    cases = {}
    for i, defect in enumerate(plan(count), 1):
        sub = builder.build(f"case-{i:04d}", defect)
        write_submission(sub, subs_root, rng)
        cases[sub.case_id] = sub.truth()
    truth = {"generator": {"version": GENERATOR_VERSION, "seed": seed, "count": count, "layouts": layouts},
             "cases": cases}
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    with open(out / "exporter_registry.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["exporter_name", "country", "status", "note"])
        for e in EXPORTERS:
            w.writerow([e.company.name, e.company.country, "registered", ""])
        w.writerow([BLOCKED_EXPORTER.company.name, BLOCKED_EXPORTER.company.country, "blocked",
                    "certificates reported forged by the issuing body"])
    return truth


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count", type=int, default=24)
    ap.add_argument("--layouts", choices=sorted(LAYOUTS), default="dev",
                    help="dev: the layouts extraction was developed on; heldout, fresh, third, fourth: families kept apart for measuring")
    a = ap.parse_args(argv)
    truth = generate(a.out, a.seed, a.count, a.layouts)
    n_def = sum(1 for c in truth["cases"].values() if c["defect"])
    print(f"wrote {len(truth['cases'])} submissions ({n_def} with a defect) to {a.out / 'submissions'}; "
          f"truth in {a.out / 'truth.json'}")


if __name__ == "__main__":
    main()
