"""Extraction cost against the raw floor, measured in one run.

    python -m benchmarks.extraction [--set sample_docs/demo] [--scans 8] [--texts 40] [--repeat 3]

- Text PDFs: `read_document` (load, classify, extract) against pdfplumber alone (open + extract_words) on the
  same files. Target: within 1.3x. The pipeline reads the text layer more cheaply than `extract_words` (it
  takes five attributes of each character, not all of them: `extractors.load._page_objects`), so the ratio
  is also given against that reading alone (open + layout + the same word grouping): what classifying and
  extracting the fields cost on top of reading the page.
- Scanned pages: `read_document` against tesseract alone on the same page images, prepared the same way
  (decoded, brought to 300 dpi) and with the same settings (`--oem 1 --psm 6`, OMP_THREAD_LIMIT=1). Target:
  within 1.15x: a page costs one OCR pass plus little.

Baseline and pipeline runs alternate file by file, so load on the machine hits both alike; the ratio is of
the summed medians. Prints a table and writes JSON beside it (`--json`).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pdfplumber  # noqa: E402
from PIL import Image  # noqa: E402

from extractors.load import DEFAULT_LIMITS, WORDS, _page_objects, pdf_page_image, sniff  # noqa: E402
from extractors.ocr import TESSERACT_CONFIG, _prepare, image_dpi, tesseract_data  # noqa: E402
from extractors.read import read_document  # noqa: E402

SCAN_RENDERS = {"scan_pdf", "png", "jpeg", "tiff", "rotated_jpeg"}


def _files(set_dir: Path, scans: int, texts: int) -> tuple[list[Path], list[Path]]:
    truth = json.loads((set_dir / "truth.json").read_text())
    scan_files, text_files = [], []
    for cid, c in truth["cases"].items():
        for f, d in c["documents"].items():
            p = set_dir / "submissions" / cid / f
            if not p.exists() or d.get("broken"):
                continue
            if d["render"] in SCAN_RENDERS and len(scan_files) < scans:
                scan_files.append(p)
            elif d["render"] == "text_pdf" and len(text_files) < texts:
                text_files.append(p)
    return scan_files, text_files


def pdfplumber_alone(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()


def text_layer_alone(path: Path) -> None:
    # the pipeline's own reading of the text layer, and nothing after it
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            WORDS.extract_words(_page_objects(page)[0])


def page_images(path: Path) -> list[Image.Image]:
    data = path.read_bytes()
    if sniff(data) == "application/pdf":
        with pdfplumber.open(path) as pdf:
            n = len(pdf.pages)
        return [pdf_page_image(data, i, DEFAULT_LIMITS) for i in range(n)]
    img = Image.open(io.BytesIO(data))
    out = []
    for i in range(getattr(img, "n_frames", 1)):
        img.seek(i)
        out.append(img.copy())
    return out


def tesseract_alone(images: list[Image.Image]) -> None:
    # handed over the way the pipeline hands pages over (an uncompressed file), so the floor is tesseract's work
    for img in images:
        tesseract_data(img)


def _timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def measure(files: list[Path], baseline, prepare, repeat: int, reading=None) -> dict:
    base, ours, own, passes = [], [], [], []
    for p in files:
        arg = prepare(p)
        b = [_timed(baseline, arg) for _ in range(repeat)]
        o = [_timed(read_document, p, p.name) for _ in range(repeat)]
        base.append(statistics.median(b))
        ours.append(statistics.median(o))
        if reading is not None:
            own.append(statistics.median([_timed(reading, arg) for _ in range(repeat)]))
        doc = read_document(p, p.name)
        passes.append(max((pg.ocr_passes for pg in doc.pages), default=0))
    out = {"files": len(files), "baseline_s": round(sum(base), 3), "pipeline_s": round(sum(ours), 3),
           "ratio": round(sum(ours) / sum(base), 3) if sum(base) else None,
           "per_file_ms": {"baseline": round(1000 * sum(base) / len(files), 1),
                           "pipeline": round(1000 * sum(ours) / len(files), 1)}}
    if own:
        out["own_reading_s"] = round(sum(own), 3)
        out["ratio_to_own_reading"] = round(sum(ours) / sum(own), 3) if sum(own) else None
    if any(passes):
        # pages read in one tesseract pass (upright and sideways) apart from pages read twice (upside down)
        one = [(b, o) for b, o, n in zip(base, ours, passes) if n <= 1]
        out["one_pass_files"] = len(one)
        out["one_pass_ratio"] = round(sum(o for _, o in one) / sum(b for b, _ in one), 3) if one else None
        out["two_pass_files"] = sum(1 for n in passes if n >= 2)
    return out


def prepared_pages(p: Path) -> list[Image.Image]:
    # the same preparation the pipeline gives a page before its one tesseract pass
    return [_prepare(img, image_dpi(img))[0] for img in page_images(p)]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=Path("sample_docs/demo"))
    ap.add_argument("--scans", type=int, default=8)
    ap.add_argument("--texts", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args(argv)
    scan_files, text_files = _files(a.set, a.scans, a.texts)
    for p in text_files:  # one-off loads (imports, the Chinese segmenter's dictionary) are not per document
        read_document(p, p.name)
    report = {
        "text_pdf": measure(text_files, pdfplumber_alone, lambda p: p, a.repeat, text_layer_alone) | {"target": 1.3},
        "scanned": measure(scan_files, tesseract_alone, prepared_pages, a.repeat) | {"target": 1.15},
        "tesseract_config": TESSERACT_CONFIG, "omp_thread_limit": os.environ.get("OMP_THREAD_LIMIT"),
    }
    print(f"{'kind':<10}{'files':>6}{'floor s':>10}{'pipeline s':>12}{'ratio':>8}{'target':>8}")
    for kind in ("text_pdf", "scanned"):
        r = report[kind]
        print(f"{kind:<10}{r['files']:>6}{r['baseline_s']:>10}{r['pipeline_s']:>12}{r['ratio']:>8}{r['target']:>8}")
    t = report["text_pdf"]
    print(f"text PDFs against the pipeline's own reading of the text layer ({t['own_reading_s']} s): "
          f"ratio {t['ratio_to_own_reading']}")
    s = report["scanned"]
    if "one_pass_ratio" in s:
        print(f"scanned pages read in one pass: {s['one_pass_files']} files, ratio {s['one_pass_ratio']}; "
              f"read twice (first reading upside down): {s['two_pass_files']}")
    if a.json:
        a.json.write_text(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
