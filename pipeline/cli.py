"""The `origin-review` command: a thin shell over the flows and stages."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Optional

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402

from pipeline.errors import ReviewError  # noqa: E402

app = typer.Typer(help="Review RCEP certificates of origin and their trade documents.", no_args_is_help=True,
                  add_completion=False)
console = Console(stderr=True)


@app.command()
def batch(
    input_dir: Path = typer.Argument(..., help="folder of submissions (one sub-folder per case, or loose files)"),
    out: Path = typer.Option(..., "--out", help="where results.jsonl, report.html and report.csv are written"),
    db: Optional[str] = typer.Option(None, "--db", help="case store URL (SQLAlchemy); default: SQLite in the user's data folder"),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="YYYY-MM-DD for cases whose case.json gives none"),
    qa_sample_rate: Optional[float] = typer.Option(None, "--qa-sample-rate", help="share of would-be approvals sent to qa_sample (default 0.02)"),
    workers: int = typer.Option(2, "--workers", help="documents read at once (one tesseract process each)"),
    exporter_registry: Optional[Path] = typer.Option(None, "--exporter-registry", help="CSV of registered and blocked exporters"),
    again: bool = typer.Option(False, "--again", help="review every submission again, even those already stored from the "
                                                     "same files (documents already read are not read again): after a "
                                                     "knowledge base, model or policy change"),
) -> None:
    """Review every submission in INPUT_DIR (the nightly batch)."""
    from flows import PROGRESS, run_nightly_batch
    from pipeline.settings import Settings
    from pipeline.store import CaseStore
    from pipeline.submissions import discover

    try:
        ref = dt.date.fromisoformat(reference_date) if reference_date else None
    except ValueError:
        console.print(f"[red]--reference-date must be YYYY-MM-DD, not {reference_date!r}[/red]")
        raise typer.Exit(2)
    if qa_sample_rate is not None and not 0 <= qa_sample_rate <= 1:
        console.print("[red]--qa-sample-rate must be between 0 and 1[/red]")
        raise typer.Exit(2)
    try:
        subs = discover(input_dir)  # fail fast, before the engine starts
        CaseStore(db or Settings.from_env().db_url)
    except ReviewError as e:
        console.print(f"[red]{e.message}[/red]", soft_wrap=True)
        raise typer.Exit(2)
    total = sum(len(s.files) for s in subs)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        docs = progress.add_task("reading documents", total=total)
        cases = progress.add_task("reviewing cases", total=len(subs))

        def listener(kind: str, case_id: str, detail: str) -> None:
            progress.advance(docs if kind == "document" else cases)

        PROGRESS.append(listener)
        try:
            summary = run_nightly_batch(input_dir, out, workers=workers, db_url=db, reference_date=ref,
                                        qa_sample_rate=qa_sample_rate, again=again,
                                        exporter_registry=str(exporter_registry) if exporter_registry else None)
        except ReviewError as e:
            console.print(f"[red]{e.message}[/red]", soft_wrap=True)
            raise typer.Exit(2)
        finally:
            PROGRESS.remove(listener)
    console.print(f"{summary['cases']} submissions reviewed, {summary['approved']} approved automatically.")
    console.print(f"results: {summary['results']}\nreport:  {summary['html']}  and  {summary['csv']}")


@app.command()
def evaluate(
    results: Path = typer.Argument(..., help="results.jsonl from `origin-review batch`"),
    truth: Path = typer.Argument(..., help="truth.json written by the sample generator"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the numbers as JSON"),
    mistakes: int = typer.Option(0, "--mistakes", help="list this many field mistakes"),
) -> None:
    """Compare results with ground truth: field accuracy, automation rate, false approvals, defects caught."""
    from pipeline.evaluate import evaluate as run_eval
    from pipeline.evaluate import load_results, render_table

    ev = run_eval(load_results(results), json.loads(truth.read_text()))
    typer.echo(render_table(ev))
    for m in ev.mistakes[:mistakes]:
        typer.echo(f"  {m[0]} {m[1]} {m[2]}: expected {m[3]!r}, read {m[4]!r}")
    if json_out:
        json_out.write_text(json.dumps(ev.as_dict(), indent=1))


@app.command()
def schema() -> None:
    """Print the JSON schema of one line of results.jsonl."""
    from pipeline.contract import json_schema

    typer.echo(json.dumps(json_schema(), indent=1))


kb_app = typer.Typer(help="The RCEP knowledge base: rules, Parties, HS editions, tariffs.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("lookup")
def kb_lookup(
    hs: str = typer.Argument(..., help="a six-digit HS code (dots allowed: 0703.20)"),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD for the tariff year (default today)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """The product-specific rule, description, HS editions and tariff rates of a code."""
    from checkers.kb import load_kb

    info = load_kb().lookup(hs, dt.date.fromisoformat(date) if date else None)
    if as_json:
        typer.echo(json.dumps(info, indent=1, ensure_ascii=False))
        return
    typer.echo(f"{info['hs']}  {info['description'] or '(not an HS 2022 subheading)'}")
    typer.echo(f"  valid in: {', '.join(info['editions']) or 'no edition'}")
    typer.echo(f"  HS 2012: {', '.join(info['hs2012']) or '-'}   HS 2022: {', '.join(info['hs2022']) or '-'}")
    if info["rules"]:
        for r in info["rules"]:
            typer.echo(f"  rule: {r['rule']}  (Annex 3A {r['level']} {r['written_for']}, {r['confidence']}, "
                       f"{r['source']}); criteria allowed: {', '.join(r['criteria'])}")
    if info["rules_missing_for_hs2012"]:
        typer.echo(f"  rule: none in the knowledge base for HS 2012 {', '.join(info['rules_missing_for_hs2012'])} "
                   "(WO and PE are allowed for every line; CTC, RVC and CR cannot be confirmed there)")
    for t in info["tariffs"]:
        pref = t["preferential"] if t["preferential"] is not None else "no RCEP rate"
        typer.echo(f"  tariff {t['importing']} line {t['line']} for {t['origin']}: general {t['general']}, "
                   f"RCEP {pref}  ({t['source']}{'; ' + t['note'] if t['note'] else ''})")
    if not info["tariffs"]:
        typer.echo("  tariff: no data for this code")


@kb_app.command("parties")
def kb_parties() -> None:
    """The RCEP Parties and the date the Agreement entered into force for each."""
    from checkers.kb import load_kb

    for p in sorted(load_kb().parties.values(), key=lambda p: (p.entry_into_force, p.code)):
        note = "  disputed: some Parties do not apply the Agreement with it" if p.status == "disputed" else ""
        typer.echo(f"{p.code}  {p.entry_into_force.isoformat()}{note}")


@kb_app.command("info")
def kb_info() -> None:
    """Version and contents of the knowledge base."""
    from checkers.kb import default_imported_rules, load_kb

    kb = load_kb()
    imported = sum(1 for v in kb.rules_source.values() if v != "shipped")
    typer.echo(f"version: {kb.version}")
    typer.echo(f"data: {kb.data}")
    typer.echo(f"Parties: {len(kb.parties)}")
    typer.echo(f"Annex 3A rules: {len(kb.rules)} ({imported} imported from {default_imported_rules()})")
    typer.echo(f"HS subheadings: 2012 {len(kb.hs2012)}, 2017 {len(kb.hs2017)}, 2022 {len(kb.hs2022)}")
    typer.echo("tariffs: Australia (Annex I), China for ASEAN (Annex I), Japan (applied, 2026-07-09)")


@kb_app.command("import-psr")
def kb_import_psr(
    pdf: Path = typer.Argument(..., help="the official Annex 3A PDF (HS 2012)"),
    out: Optional[Path] = typer.Option(None, "--out", help="where to write the rules (default: the user's data folder, "
                                                           "read by every later run)"),
) -> None:
    """Load the Annex 3A table from the official PDF into the knowledge base."""
    from checkers.kb import default_imported_rules
    from checkers.kb.annex import read_annex, write_rules

    report = read_annex(pdf)
    target = out or default_imported_rules()
    write_rules(report, target, pdf.name)
    typer.echo(f"{len(report.rows)} rules read from {report.pages} pages of {pdf} -> {target}")
    for row, why in report.rejected:
        typer.echo(f"  not imported: page {row.page} {row.code}: {row.rule!r} ({why})")
    if report.rejected:
        raise typer.Exit(1)


models_app = typer.Typer(help="The learned components: the goods classifier behind hs.description.",
                         no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("train-hs")
def models_train_hs(
    labels: Optional[Path] = typer.Option(None, "--labels", help="reviewers' decisions: CSV with columns "
                                                                  "description, hs_code"),
    check: Optional[Path] = typer.Option(None, "--check", help="labelled descriptions to measure the new model on "
                                                                "(CSV like --labels, not trained on)"),
) -> None:
    """Train the goods classifier on the HS nomenclature and reviewers' labels, and install it for every later run."""
    from models.hs_description import read_labels, save, train

    model, version = train(labels)
    if check is not None:
        texts, codes = read_labels(check)
        verdicts = [model.judge(t, c) for t, c in zip(texts, codes)]
        fits = sum(v.status == "fits" for v in verdicts)
        flagged = [(t, c) for (t, c), v in zip(zip(texts, codes), verdicts) if v.status == "differs"]
        typer.echo(f"on {check}: {fits}/{len(verdicts)} declared codes fit, {len(flagged)} flagged as differing")
        for t, c in flagged:
            typer.echo(f"  flagged: {c} {t}")
    path = save(model, version)
    typer.echo(f"goods classifier {version} -> {path}")


@models_app.command("info")
def models_info() -> None:
    """The goods classifier in force and its thresholds."""
    from models.hs_description import load, model_path

    model, version = load()
    where = model_path() if model_path().exists() else "not saved: fitted on the HS nomenclature at start"
    typer.echo(f"hs_description: {version}  ({where})")
    typer.echo(f"  headings: {len(model.headings_)}, vocabulary: {len(model.vectorizer_.vocabulary_)} words")
    typer.echo(f"  fits at similarity >= {model.fits_at}; another chapter recognised at >= {model.recognised_at}")


@models_app.command("classify")
def models_classify(
    description: str = typer.Argument(..., help="a goods description"),
    hs: Optional[str] = typer.Option(None, "--hs", help="a declared HS code to judge"),
) -> None:
    """The HS headings a goods description reads as (and, with --hs, the verdict on a declared code)."""
    from checkers.kb import hs_description
    from models.hs_description import load

    model, _ = load()
    for heading, score in model.ranked(description):
        typer.echo(f"{heading}  {score:.3f}  {hs_description(heading) or ''}")
    if hs:
        v = model.judge(description, hs.replace(".", ""))
        typer.echo(f"declared {v.declared}: {v.status} (similarity {v.declared_score:.3f}, rank {v.rank})")


routing_app = typer.Typer(help="The routing policy: its thresholds, chosen on labelled results.", no_args_is_help=True)
app.add_typer(routing_app, name="routing")


@routing_app.command("show")
def routing_show() -> None:
    """The thresholds in force, how they were chosen and their measured precision."""
    from pipeline.calibrate import describe
    from pipeline.settings import Settings, _policy

    s = Settings.from_env()
    typer.echo(describe({**_policy(), "auto_approve_threshold": s.auto_approve_threshold,
                         "required_field_confidence": s.required_field_confidence}))
    typer.echo(f"QA sample: {100 * s.qa_sample_rate:.1f}% of would-be approvals go to a reviewer at random.")


@routing_app.command("calibrate")
def routing_calibrate(
    pairs: list[Path] = typer.Argument(..., help="results.jsonl and truth.json, in pairs: R1 T1 [R2 T2 ...]"),
    target: float = typer.Option(0.99, "--target", help="precision automatic approvals must reach"),
    write: bool = typer.Option(False, "--write", help="install the chosen thresholds (pipeline/routing_policy.json)"),
) -> None:
    """Choose the thresholds on labelled batch results: the most clean approvals at the target precision, never
    a defective submission approved. An approval is right when the submission is clean and every field it rests
    on was read right."""
    from pipeline.calibrate import calibrate, describe, write_policy

    if len(pairs) % 2:
        raise typer.BadParameter("give results.jsonl and truth.json in pairs")
    try:
        policy = calibrate(list(zip(pairs[::2], pairs[1::2])), target)
    except ValueError as e:
        console.print(f"[red]{e}[/red]")
        raise typer.Exit(1)
    typer.echo(describe(policy))
    if write:
        typer.echo(f"written to {write_policy(policy)}")


@app.command()
def queue(
    name: Optional[str] = typer.Argument(None, help="a queue (legibility, completeness, origin, classification, "
                                                    "consistency, fraud, qa_sample); all when left out"),
    db: Optional[str] = typer.Option(None, "--db", help="case store URL; default: SQLite in the user's data folder"),
) -> None:
    """Cases waiting for a reviewer, the least time left first."""
    from pipeline.settings import Settings
    from pipeline.store import CaseStore

    rows = CaseStore(db or Settings.from_env().db_url).queue(name)
    for r in rows:
        left = r["time_left_hours"]
        due = "overdue" if left is not None and left < 0 else f"{left:.1f} h left" if left is not None else "no deadline"
        typer.echo(f"{r['case_id']:<28} {r['queue'] or '':<15} {r['handling'] or 'standard':<11} {due:<14} "
                   f"suggest {r['suggested_outcome'] or '-'} ({r['confidence'] or 0:.2f})"
                   + (f"  claimed by {r['claimed_by']}" if r["claimed_by"] else ""))
    typer.echo(f"{len(rows)} case(s) waiting")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    db: Optional[str] = typer.Option(None, "--db", help="case store URL; default: SQLite in the user's data folder"),
) -> None:
    """The upload API and the public verification page (see pipeline/api.py)."""
    import uvicorn

    from pipeline.api import create_app
    from pipeline.settings import Settings

    uvicorn.run(create_app(Settings.from_env(db_url=db)), host=host, port=port)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
