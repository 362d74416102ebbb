"""Checks of the certificate against the Agreement: validity, duplicate numbers, Parties in force, HS codes,
origin criteria against the product-specific rules, and the goods description against the HS code."""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from checkers.kb import Party
from checkers.registry import CheckContext, check, iso_date, result, unless_unsure
from pipeline.model import Case, CheckResult, Document

CO = "certificate_of_origin"
CRITERIA = ("WO", "PE", "CTC", "RVC", "CR", "ACU", "DMI")



def _co(case: Case) -> Document | None:
    return case.first(CO)


@check("co.validity")
def validity(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = _co(case)
    if co is None:
        return [result("co.validity", "skip", "no certificate of origin")]
    issued = iso_date(co.value("issue_date"))
    if issued is None:
        return [result("co.validity", "skip", "the date of issue could not be read (see co.incomplete)", co,
                       field="issue_date")]
    ref = ctx.reference_date
    out = []
    expires = issued + relativedelta(years=1)
    if issued > ref:
        out.append(result("co.validity", "fail", f"issued on {issued} after the reference date {ref}", co,
                          field="issue_date", issue_date=str(issued), reference_date=str(ref)))
    elif ref > expires:
        out.append(result("co.validity", "fail",
                          f"issued on {issued}: valid until {expires} (one year, Art. 3.16.6), the reference date is "
                          f"{ref}", co, field="issue_date", issue_date=str(issued), reference_date=str(ref)))
    shipped = iso_date(co.value("departure_date"))
    retro = co.value("issued_retroactively")
    if shipped and issued > shipped:
        if not retro:
            out.append(result("co.validity", "fail",
                              f"issued on {issued}, after shipment on {shipped}, without the ISSUED RETROACTIVELY "
                              f"mark (Art. 3.17.8)", co, field="issued_retroactively", departure_date=str(shipped)))
        elif issued > shipped + relativedelta(years=1):
            out.append(result("co.validity", "fail",
                              f"issued retroactively on {issued}, more than one year after shipment on {shipped} "
                              f"(Art. 3.17.8)", co, field="issue_date"))
    original_note = None
    if co.value("back_to_back"):
        # a back-to-back certificate is valid no longer than the original it is based on (Art. 3.19); the
        # original's number and date stand in Box 14
        original = _original_certificate(co.value("remarks"))
        if original is None:
            out.append(result("co.validity", "warn",
                              "back-to-back certificate: Box 14 does not give the original certificate's date, so its "
                              "validity could not be compared with the original's", co, field="remarks"))
        else:
            number, orig_issued = original
            orig_expires = orig_issued + relativedelta(years=1)
            if ref > orig_expires:
                out.append(result("co.validity", "fail",
                                  f"back-to-back certificate based on {number or 'an original'} issued {orig_issued}: "
                                  f"the original was valid until {orig_expires}, the reference date is {ref}", co,
                                  field="remarks", original_issue_date=str(orig_issued)))
            else:
                original_note = f"; back-to-back within the original {number or ''} valid until {orig_expires}"
    if out:
        return out
    note = f"issued {issued}, valid until {expires}; reference date {ref}" + (original_note or "")
    if shipped and issued > shipped:
        note += f"; issued retroactively after shipment on {shipped}, within one year"
    return [result("co.validity", "pass", note, co, field="issue_date")]


ORIGINAL = re.compile(r"ORIGINAL\s+(?:CERTIFICATE(?:\s+OF\s+ORIGIN)?|C/?O)\s*(?:NO\.?|NUMBER)?\s*:?\s*"
                      r"((?=[A-Z/\-]*\d)[A-Z0-9][A-Z0-9/\-]{4,})?[\s,;]*(?:ISSUED|DATED)?\s*(?:ON)?\s*:?\s*(.+)", re.I)


def _original_certificate(remarks: str | None) -> tuple[str | None, dt.date] | None:
    """'BACK-TO-BACK CO; ORIGINAL CO NO. VN-RC25... ISSUED ON 12 MAR 2025 BY ...' -> (number, date)."""
    from extractors.normalise import parse_date

    m = ORIGINAL.search(remarks or "")
    if not m:
        return None
    found = parse_date(m[2])
    return (m[1], dt.date.fromisoformat(found[0])) if found else None


@check("co.duplicate")
def duplicate(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = _co(case)
    number = co.value("certificate_number") if co else None
    if not number:
        return [result("co.duplicate", "skip", "no certificate number to look up", co)]
    earlier = ctx.earlier_uses(number, case)
    if earlier:
        cases = ", ".join(f"{cid}" + (f" (submitted {at})" if at else "") for cid, at in earlier)
        return [result("co.duplicate", "fail", f"certificate number {number} was already used by {cases}", co,
                       field="certificate_number", earlier=[cid for cid, _ in earlier])]
    return [result("co.duplicate", "pass", f"certificate number {number} has not been used before", co,
                   field="certificate_number")]


def _party_finding(ctx: CheckContext, role: str, code: str | None, when: dt.date, co: Document, field: str,
                   importer: str | None = None) -> CheckResult | None:
    if not code:
        return None
    p: Party | None = ctx.kb.party(code)
    if p is None:
        return result("rcep.party", "fail", f"the {role} ({code}) is not an RCEP Party", co, field=field, country=code)
    if when < p.entry_into_force:
        return result("rcep.party", "fail",
                      f"RCEP entered into force for {code} on {p.entry_into_force}, after {when}", co, field=field,
                      country=code)
    if p.status == "disputed":
        # New Zealand and the Philippines declared they do not apply the Agreement with Myanmar (2022)
        if importer in ("NZ", "PH"):
            return result("rcep.party", "fail", f"{importer} does not apply RCEP with {code}", co, field=field)
        return result("rcep.party", "warn",
                      f"the Agreement's application with {code} is disputed; check the importing Party's position",
                      co, field=field)
    return None


@check("rcep.party")
def party(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = _co(case)
    if co is None:
        return [result("rcep.party", "skip", "no certificate of origin")]
    issued = iso_date(co.value("issue_date")) or ctx.reference_date
    exporter = co.value("exporter_country") or co.value("issued_in")
    importer = co.value("importing_country") or co.value("importer_country")
    declared = case.metadata.declared.get("importing_country")
    out = []
    for f in (_party_finding(ctx, "exporting country", exporter, issued, co, "exporter_country", importer),
              _party_finding(ctx, "importing country", importer, ctx.reference_date, co, "importing_country", importer)):
        if f:
            out.append(f)
    for i, item in enumerate(co.item_values()):
        f = _party_finding(ctx, f"RCEP country of origin of item {i + 1}", item.get("country_of_origin"), issued, co,
                           f"items[{i}].country_of_origin", importer)
        if f:
            f.item = i
            out.append(f)
    if declared and importer and declared != importer:
        out.append(result("rcep.party", "warn",
                          f"the applicant declared importing country {declared}; the certificate says {importer}", co,
                          field="importing_country"))
    fails = [r for r in out if r.status == "fail"]
    if fails or out:
        return out
    return [result("rcep.party", "pass", f"exporting Party {exporter} and importing Party {importer} are RCEP Parties "
                                         f"in force", co)]


@check("hs.invalid")
def hs_invalid(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = _co(case)
    if co is None:
        return [result("hs.invalid", "skip", "no certificate of origin")]
    edition = ctx.kb.edition_for(iso_date(co.value("issue_date")))
    out = []
    for i, item in enumerate(co.item_values()):
        hs = item.get("hs_code")
        field = f"items[{i}].hs_code"
        if not hs:
            continue  # missing: co.incomplete
        editions = ctx.kb.editions_of(hs)
        if edition in editions:
            out.append(result("hs.invalid", "pass", f"item {i + 1}: {hs} is a valid {edition} subheading", co,
                              field=field, item=i))
        elif editions:
            # a code of another edition (an exporter still on HS 2017, say): a warning with the code it maps to
            other = editions[-1]
            mapped = sorted(set(ctx.kb.mapped(hs, other, edition)))
            out.append(result("hs.invalid", "warn",
                              f"item {i + 1}: {hs} is an {other} code; a certificate of this date states {edition}"
                              + (f" ({', '.join(mapped)})" if mapped else ""), co, field=field, item=i,
                              edition=other, mapped=mapped))
        else:
            # '970490' read unsurely off a scan is a misreading to check, not a code the exporter declared
            out.append(unless_unsure(
                result("hs.invalid", "fail", f"item {i + 1}: {hs} is not a subheading of {edition} (nor of any "
                                             f"other HS edition since 2012)", co, field=field, item=i),
                ctx, ("HS code", co.confidence("hs_code", i)), then="a reviewer reads Box 9"))
    return out or [result("hs.invalid", "skip", "no HS code was read", co)]


def _criteria(text: str) -> list[str]:
    return [p for p in re.split(r"[\s,/+;&]+", text.upper()) if p]


@check("origin.criterion")
def origin_criterion(case: Case, ctx: CheckContext) -> list[CheckResult]:
    co = _co(case)
    if co is None:
        return [result("origin.criterion", "skip", "no certificate of origin")]
    edition = ctx.kb.edition_for(iso_date(co.value("issue_date")))
    out = []
    for i, item in enumerate(co.item_values()):
        field = f"items[{i}].origin_criterion"
        raw = item.get("origin_criterion")
        if not raw:
            continue  # missing: co.incomplete
        codes = _criteria(raw)
        unknown = [c for c in codes if c not in CRITERIA]
        if unknown or not codes:
            # 'CRE' read unsurely off a scan is a misreading to check, not a criterion the exporter claimed
            out.append(unless_unsure(
                result("origin.criterion", "fail", f"item {i + 1}: '{raw}' is not an origin conferring criterion "
                                                   f"(WO, PE, CTC, RVC, CR, ACU, DMI)", co, field=field, item=i),
                ctx, ("criterion", co.confidence("origin_criterion", i)), then="a reviewer reads Box 10"))
            continue
        if "RVC" in codes and item.get("fob_value") is None:
            out.append(result("origin.criterion", "fail", f"item {i + 1}: RVC is claimed without an FOB value in Box 12",
                              co, field=f"items[{i}].fob_value", item=i))
            continue
        needs_rule = [c for c in codes if c in ("CTC", "RVC", "CR")]
        if not needs_rule:
            out.append(result("origin.criterion", "pass",
                              f"item {i + 1}: {'/'.join(codes)} is allowed for every tariff line (Annex 3A headnote 2)"
                              if set(codes) <= {"WO", "PE"} else f"item {i + 1}: {'/'.join(codes)} stated", co,
                              field=field, item=i))
            continue
        hs = item.get("hs_code")
        rules = ctx.kb.psr_for(hs, edition) if hs else []
        if not rules:
            out.append(result("origin.criterion", "skip",
                              f"item {i + 1}: no product-specific rule for {hs or 'an unread HS code'} in the knowledge "
                              f"base, so {'/'.join(needs_rule)} cannot be confirmed", co, field=field, item=i,
                              blocking=ctx.settings.block_on_missing_rule))
            continue
        rule_text = " | ".join(f"{r.text} ({r.level} {r.hs})" for r in rules)
        never = [c for c in needs_rule if not any(r.allows(c) for r in rules)]
        sometimes = [c for c in needs_rule if c not in never and not all(r.allows(c) for r in rules)]
        gaps = ctx.kb.psr_gaps(hs, edition)
        if never:
            out.append(result("origin.criterion", "fail",
                              f"item {i + 1}: {'/'.join(never)} is not allowed by the rule for {hs}: {rule_text}", co,
                              field=field, item=i, rule=rule_text))
        elif sometimes or gaps:
            # an HS 2022 code that splits over several HS 2012 subheadings: which rule applies depends on the goods
            why = (f"{'/'.join(sometimes)} is allowed by only some of the rules for the HS 2012 subheadings {hs} "
                   f"corresponds to ({rule_text})" if sometimes else
                   f"no rule in the knowledge base for HS 2012 {', '.join(gaps)}, which {hs} also corresponds to")
            out.append(result("origin.criterion", "skip", f"item {i + 1}: {why}", co, field=field, item=i,
                              rule=rule_text, blocking=ctx.settings.block_on_missing_rule))
        else:
            out.append(result("origin.criterion", "pass", f"item {i + 1}: {'/'.join(codes)} allowed by the rule for "
                                                          f"{hs}: {rule_text}", co, field=field, item=i))
    return out or [result("origin.criterion", "skip", "no origin criterion was read", co)]


@check("hs.description")
def hs_description(case: Case, ctx: CheckContext) -> list[CheckResult]:
    """Each item's goods description against its declared HS code, by the goods classifier
    (`models.hs_description`): a description that reads clearly as another chapter's goods and shares nothing
    with the declared heading fails; one the classifier cannot place is a non-blocking skip."""
    from checkers.kb import hs_description as text_of
    from models.hs_description import load

    co = _co(case)
    if co is None:
        return [result("hs.description", "skip", "no certificate of origin")]
    classifier, version = ctx.extra.get("goods_classifier") or load()
    out = []
    for i, item in enumerate(co.item_values()):
        desc, hs = item.get("description"), item.get("hs_code")
        if not desc or not hs or not re.fullmatch(r"\d{6}", hs):
            continue  # missing or malformed: co.incomplete, hs.invalid
        v = classifier.judge(desc, hs)
        field = f"items[{i}].description"
        declared = f"HS {hs[:4]} ({text_of(hs[:4]) or 'not an HS 2022 heading'})"
        if v.status == "fits":
            out.append(result("hs.description", "pass", f"item {i + 1}: '{desc}' fits {declared} "
                                                        f"(similarity {v.declared_score:.2f}, rank {v.rank})",
                              co, field=field, item=i, model=version))
        elif v.status == "differs":
            finding = result("hs.description", "fail",
                             f"item {i + 1}: '{desc}' reads as goods of chapter {v.best[:2]} ({text_of(v.best[:2])}; "
                             f"closest heading {v.best}); nothing of it fits the declared {declared}",
                             co, field=field, item=i, model=version,
                             reads_as=v.best, similarity=v.best_score)
            # a description or code misread off a scan is a reading to check, not a false declaration
            out.append(unless_unsure(finding, ctx, ("description", co.confidence("description", i)),
                                     ("HS code", co.confidence("hs_code", i)), then="a reviewer compares them"))
        else:
            out.append(result("hs.description", "skip",
                              f"item {i + 1}: the goods classifier cannot place '{desc}' (no words it knows from "
                              f"the nomenclature or reviewers' decisions); not compared with {declared}",
                              co, field=field, item=i, model=version))
    return out or [result("hs.description", "skip", "no item with both a description and an HS code", co)]


@check("tariff.preference")
def tariff_preference(case: Case, ctx: CheckContext) -> list[CheckResult]:
    """Not a finding: what the preference is worth, so a reviewer sees what is at stake -- the importing Party's
    RCEP rate for the goods' origin against its general rate, where the tariff data exists. Never blocks."""
    from checkers.kb.tariffs import tariffs_for

    co = _co(case)
    if co is None:
        return [result("tariff.preference", "skip", "no certificate of origin")]
    importing = co.value("importing_country") or co.value("importer_country")
    edition = ctx.kb.edition_for(iso_date(co.value("issue_date")))
    out = []
    for i, item in enumerate(co.item_values()):
        hs, origin = item.get("hs_code"), item.get("country_of_origin")
        if not hs or not importing:
            continue
        lines = tariffs_for(ctx.kb.data, ctx.kb.mapped(hs, edition, "HS2012"), ctx.kb.mapped(hs, edition, "HS2022"),
                            ctx.reference_date, importing=importing, origin=origin)
        if not lines:
            out.append(result("tariff.preference", "skip", f"item {i + 1}: no tariff data for {hs} into {importing}",
                              co, field=f"items[{i}].hs_code", item=i))
            continue
        rates = "; ".join(f"line {t.line}: general {t.general}, RCEP "
                          f"{t.preferential if t.preferential is not None else 'none (general rate applies)'}"
                          for t in lines[:4]) + (f"; and {len(lines) - 4} more lines" if len(lines) > 4 else "")
        out.append(result("tariff.preference", "pass", f"item {i + 1}: {hs} into {importing} from {origin}: {rates} "
                                                       f"({lines[0].source})", co, field=f"items[{i}].hs_code", item=i,
                          tariffs=[t.as_dict() for t in lines]))
    return out or [result("tariff.preference", "skip", "no HS code and importing country to look up", co)]
