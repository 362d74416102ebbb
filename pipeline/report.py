"""The batch's outputs: `results.jsonl` (the contract), `report.csv` (a row per case for spreadsheets) and
`report.html` (queues, findings and evidence for a supervisor)."""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from jinja2 import Environment, select_autoescape

QUEUE_LABELS = {None: "approved automatically", "legibility": "legibility", "completeness": "completeness",
                "origin": "origin", "classification": "classification", "consistency": "consistency",
                "fraud": "fraud", "qa_sample": "QA sample"}


def write_results(results: list[dict], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "results.jsonl"
    tmp = path.with_suffix(".jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(path)  # never a half-written results file
    return path


def write_csv(results: list[dict], out: Path) -> Path:
    path = out / "report.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["case_id", "decision", "queue", "suggested_outcome", "confidence", "certificate_number",
                    "exporter", "importer", "failed_checks", "warnings", "blocking_skips", "errors", "findings"])
        for r in results:
            co = next((d for d in r["documents"] if d["doc_type"] == "certificate_of_origin"), None)
            f = co["fields"] if co else {}
            fails = [c for c in r["checks"] if c["status"] == "fail"]
            warns = [c for c in r["checks"] if c["status"] == "warn"]
            w.writerow([r["case_id"], r["decision"], r["queue"] or "", r["suggested_outcome"] or "", r["confidence"],
                        f.get("certificate_number") or "", f.get("exporter_name") or "", f.get("importer_name") or "",
                        " ".join(sorted({c["id"] for c in fails})), " ".join(sorted({c["id"] for c in warns})),
                        " ".join(sorted({c["id"] for c in r["checks"] if c["status"] == "skip" and c.get("blocking")})),
                        len(r["errors"]), " | ".join(c["message"] for c in fails + warns)])
    return path


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>origin-review batch report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0;width:100%}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#f0f0f0}.fail{color:#b00020;font-weight:600}.warn{color:#a86400}.pass{color:#1b5e20}
.skip{color:#555}.approve{background:#e8f5e9}.manual{background:#fff8e1}
.summary td{font-size:15px}small{color:#666}
</style></head><body>
<h1>Batch review report</h1>
<p>{{ results|length }} submissions reviewed on {{ now }}; knowledge base {{ kb_version }}.</p>
<p><small>Routing policy: {{ policy }}</small></p>
<table class="summary"><tr><th>Outcome</th><th>Cases</th></tr>
{% for q, n in queues %}<tr><td>{{ q }}</td><td>{{ n }}</td></tr>{% endfor %}
</table>
<h2>Cases</h2>
<table><tr><th>Case</th><th>Decision</th><th>Queue</th><th>Suggested</th><th>Confidence</th><th>Due</th><th>Certificate</th><th>Findings</th></tr>
{% for r in results %}
<tr class="{{ r.decision }}"><td id="{{ r.case_id }}">{{ r.case_id }}</td><td>{{ r.decision }}</td><td>{{ r.queue or "" }}</td>
<td>{{ r.suggested_outcome or "" }}</td><td>{{ "%.2f"|format(r.confidence) }}</td>
<td>{% if r.deadline and r.decision == "manual" %}{{ r.deadline[:16]|replace("T", " ") }}{% if r.handling and r.handling != "standard" %} <b>{{ r.handling }}</b>{% endif %}{% endif %}</td><td>{{ r.cert }}</td>
<td>{% for c in r.findings %}<div class="{{ c.status }}">{{ c.status }} <b>{{ c.id }}</b>: {{ c.message }}
{% if c.document %}<small>({{ c.document }}{% if c.field %}, {{ c.field }}{% endif %})</small>{% endif %}</div>{% endfor %}
{% for e in r.errors %}<div class="fail">error {{ e.code }}: {{ e.file }}: {{ e.message }}</div>{% endfor %}
{% if not r.findings and not r.errors %}<span class="pass">no finding</span>{% endif %}</td></tr>
{% endfor %}
</table></body></html>
"""


def write_html(results: list[dict], out: Path) -> Path:
    env = Environment(autoescape=select_autoescape(default=True))
    counts = Counter(QUEUE_LABELS.get(r["queue"], r["queue"]) if r["decision"] == "manual" or r["queue"]
                     else QUEUE_LABELS[None] for r in results)
    rows = []
    for r in results:
        co = next((d for d in r["documents"] if d["doc_type"] == "certificate_of_origin"), None)
        findings = [c for c in r["checks"] if c["status"] in ("fail", "warn")
                    or (c["status"] == "skip" and c.get("blocking"))]
        findings.sort(key=lambda c: {"fail": 0, "skip": 1, "warn": 2}.get(c["status"], 3))
        # an error already shown as a failing check on the same file is not listed twice
        shown = {(c["id"], c.get("document")) for c in findings}
        errors = [e for e in r["errors"] if (e["code"], e["file"]) not in shown]
        rows.append({**r, "cert": (co["fields"].get("certificate_number") if co else None) or "",
                     "findings": findings, "errors": errors})
    html = env.from_string(TEMPLATE).render(
        results=rows, queues=sorted(counts.items(), key=lambda kv: -kv[1]),
        now=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        kb_version=next((r.get("kb_version") for r in results if r.get("kb_version")), "n/a"),
        policy=_policy_text())
    path = out / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def _policy_text() -> str:
    from pipeline.calibrate import describe
    from pipeline.settings import Settings, _policy

    st = Settings.from_env()
    return describe({**_policy(), "auto_approve_threshold": st.auto_approve_threshold,
                     "required_field_confidence": st.required_field_confidence}).split("\n  data:")[0]


def write_outputs(results: list[dict], out: Path) -> dict[str, Path]:
    results = sorted(results, key=lambda r: r["case_id"])
    return {"results": write_results(results, out), "csv": write_csv(results, out), "html": write_html(results, out)}
