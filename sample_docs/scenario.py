"""Builds submissions as data: what each document says (truth in the contract's value forms), how it is
rendered (layout, text PDF or scan), and which single defect the case carries, if any.

A defect is named by the check id that must fail for it. Clean cases carry the nuances a reviewer expects the
system to accept (abbreviated company names, a bill of lading consigned TO ORDER, third-party invoicing, CIF
invoices against FOB certificates).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from pipeline.routing import QUEUE_OF as ROUTING_QUEUES
from sample_docs.catalog import (BLOCKED_EXPORTER, COUNTRY_NAMES, EXPORTERS, GOODS, IMPORTERS, NON_PARTY_IMPORTERS,
                                 PORT_OF_DISCHARGE, THIRD_PARTY_INVOICERS, VESSELS, Company, Exporter)

# Each entry: (check id expected to fail, variant). Broken-file variants all fail document.unreadable.
DEFECTS: list[tuple[str, str]] = [
    ("document.unreadable", "corrupt_pdf"),
    ("document.illegible", "heavy_scan"),
    ("case.missing_document", "no_certificate"),
    ("co.incomplete", "no_certificate_number"),
    ("co.validity", "expired"),
    ("co.duplicate", "reused_number"),
    ("rcep.party", "non_party_importer"),
    ("hs.invalid", "nonexistent_subheading"),
    ("origin.criterion", "ctc_for_wo_only"),
    ("hs.description", "description_mismatch"),
    ("consistency.invoice", "invoice_number_differs"),
    ("consistency.parties", "different_importer"),
    ("consistency.transport", "vessel_differs"),
    ("exporter.registry", "blocked_exporter"),
    ("document.unreadable", "empty_file"),
    ("document.unreadable", "encrypted_pdf"),
    ("document.unreadable", "wrong_extension"),
    ("co.validity", "retroactive_unmarked"),
    ("origin.criterion", "rvc_without_fob"),
    ("co.incomplete", "missing_hs_code"),
    ("case.missing_document", "certificate_alone"),  # a loose file: the certificate uploaded on its own
]

# The queue each defect is expected to reach: the routing policy's own map of the catalogue (checks.md).
QUEUE_OF = ROUTING_QUEUES

SCAN_RENDERS = ["scan_pdf", "png", "jpeg", "tiff", "rotated_jpeg"]


@dataclass
class DocSpec:
    file: str
    doc_type: str
    layout: str | None
    render: str  # text_pdf | scan_pdf | png | jpeg | tiff | rotated_jpeg | heavy_scan | broken
    fields: dict[str, Any]
    opts: dict[str, Any] = field(default_factory=dict)
    broken: str | None = None  # corrupt_pdf | empty_file | encrypted_pdf | wrong_extension


@dataclass
class Submission:
    case_id: str
    defect: str | None
    variant: str | None
    metadata: dict[str, Any]
    documents: list[DocSpec]
    loose: bool = False  # a single file directly under INPUT

    @property
    def expected_decision(self) -> str:
        return "approve" if self.defect is None else "manual"

    def truth(self) -> dict[str, Any]:
        return {
            "loose": self.loose,
            "defect": self.defect,
            "variant": self.variant,
            "expected_decision": self.expected_decision,
            "expected_queue": QUEUE_OF.get(self.defect) if self.defect else None,
            "metadata": self.metadata,
            "documents": {
                d.file: {"doc_type": d.doc_type, "layout": d.layout, "render": d.render, "broken": d.broken,
                         "fields": None if d.broken else d.fields}
                for d in self.documents
            },
        }


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _number(rng: random.Random, digits: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(digits))


def _with_country(address: str, country: str) -> str:
    name = COUNTRY_NAMES[country]
    return address if address.upper().endswith(name) else f"{address}, {name}"


class ScenarioBuilder:
    """Makes one submission at a time from a seeded random generator, so a seed gives the same set."""

    def __init__(self, rng: random.Random, layouts: dict[str, list[str]] | None = None):
        self.rng = rng
        self.layouts = layouts or {"co": ["co-a", "co-b"], "inv": ["inv-a", "inv-b", "inv-c"], "pl": ["pl-a"],
                                   "bl": ["bl-a"]}
        self.issued_numbers: list[tuple[str, str]] = []  # (case_id, certificate number) of earlier clean cases
        self.clean_count = 0

    # ------------------------------------------------------------ the shipment behind a submission
    def shipment(self, exporter: Exporter | None = None, importer: Company | None = None) -> dict[str, Any]:
        rng = self.rng
        exporter = exporter or rng.choice(EXPORTERS)
        importers = [c for c in IMPORTERS if c.country != exporter.company.country]
        importer = importer or rng.choice(importers)
        n_items = rng.choices([1, 2, 3], weights=[5, 3, 2])[0]
        codes = rng.sample(list(exporter.goods), k=min(n_items, len(exporter.goods)))
        issue = dt.date(2024, 1, 15) + dt.timedelta(days=rng.randint(0, 520))
        departure = issue + dt.timedelta(days=rng.randint(0, 4))
        invoice_date = issue - dt.timedelta(days=rng.randint(1, 12))
        reference = departure + dt.timedelta(days=rng.randint(8, 60))
        vessel = rng.choice(VESSELS)
        voyage = f"{rng.randint(1, 99):03d}{rng.choice('EWNS')}"
        year = str(invoice_date.year)[2:]
        invoice_number = rng.choice([f"INV-{exporter.company.city[:2]}{year}{_number(rng, 4)}",
                                     f"{exporter.company.city[:3]}{year}-{_number(rng, 3)}",
                                     f"EXP/{invoice_date.year}/{_number(rng, 4)}"])
        items = []
        for code in codes:
            g = GOODS[code]
            packages = rng.randint(20, 900)
            qty = round(packages * g.per_package, 2)
            criterion = rng.choice(g.criteria)
            amount = round(qty * g.unit_price, 2)
            items.append({"good": g, "packages": packages, "quantity": qty, "criterion": criterion,
                          "amount": amount, "net": round(qty * g.net_per_unit, 2),
                          "gross": round(qty * g.net_per_unit * 1.06 + packages * 0.4, 2),
                          "marks": rng.choice(["N/M", f"{importer.name.split()[0]}/{year}/{_number(rng, 3)}"])})
        return {"exporter": exporter, "importer": importer, "items": items, "issue": issue, "departure": departure,
                "invoice_date": invoice_date, "reference": reference, "vessel": vessel, "voyage": voyage,
                "invoice_number": invoice_number, "third_party": None, "to_order": False, "incoterm": "FOB",
                "certificate_number": f"{exporter.certificate_prefix}{_number(rng, 7)}",
                "bl_number": f"{rng.choice(['COSU', 'SITU', 'ONEY', 'WHLC', 'OOLU'])}{_number(rng, 10)}",
                "retro": False, "name_variants": rng.random() < 0.5}

    # ------------------------------------------------------------ documents from a shipment
    def certificate(self, s: dict[str, Any]) -> dict[str, Any]:
        ex: Company = s["exporter"].company
        im: Company = s["importer"]
        items = []
        for n, it in enumerate(s["items"], 1):
            g = it["good"]
            rvc = it["criterion"] == "RVC"
            items.append({
                "item_number": n, "marks": it["marks"], "packages": f"{it['packages']} {g.package_kind}",
                "description": g.description, "hs_code": g.hs_code, "origin_criterion": it["criterion"],
                "country_of_origin": ex.country, "quantity": it["quantity"], "quantity_unit": g.unit,
                "fob_value": it["amount"] if rvc else None, "fob_currency": "USD" if rvc else None,
                "invoice_number": s["invoice_number"], "invoice_date": _iso(s["invoice_date"]),
            })
        remarks = None
        if s["third_party"] is not None:
            tp: Company = s["third_party"]
            remarks = f"THIRD-PARTY INVOICING: {tp.name}, {COUNTRY_NAMES[tp.country]}"
        place = f"{ex.city}, {COUNTRY_NAMES[ex.country]}"
        return {
            "certificate_number": s["certificate_number"], "issued_in": ex.country,
            "exporter_name": ex.name, "exporter_address": _with_country(ex.address, ex.country),
            "exporter_country": ex.country,
            "importer_name": im.name, "importer_address": _with_country(im.address, im.country),
            "importer_country": im.country,
            "producer_name": ex.name,
            "departure_date": _iso(s["departure"]), "transport": f"{s['vessel']} V.{s['voyage']}",
            "port_of_discharge": PORT_OF_DISCHARGE[im.city],
            "items": items, "remarks": remarks,
            "declaration_place": place, "declaration_date": _iso(s["issue"] - dt.timedelta(days=1)),
            "importing_country": im.country, "issue_place": place, "issue_date": _iso(s["issue"]),
            "issuing_authority": s["exporter"].issuing_authority,
            "back_to_back": False, "third_party_invoicing": s["third_party"] is not None,
            "issued_retroactively": s["retro"],
        }

    def invoice(self, s: dict[str, Any]) -> dict[str, Any]:
        seller: Company = s["third_party"] or s["exporter"].company
        im: Company = s["importer"]
        buyer_name = im.alias if (s["name_variants"] and im.alias) else im.name
        factor = 1.0 if s["incoterm"] == "FOB" else 1.045  # CIF carries freight and insurance on top of FOB
        items = []
        for it in s["items"]:
            g = it["good"]
            price = round(g.unit_price * factor, 4)
            items.append({"description": g.description, "hs_code": g.hs_code, "quantity": it["quantity"],
                          "quantity_unit": g.unit, "unit_price": round(price, 2),
                          "amount": round(it["quantity"] * round(price, 2), 2)})
        return {
            "invoice_number": s["invoice_number"], "invoice_date": _iso(s["invoice_date"]),
            "seller_name": seller.name, "seller_address": _with_country(seller.address, seller.country),
            "seller_country": seller.country,
            "buyer_name": buyer_name, "buyer_address": _with_country(im.address, im.country),
            "buyer_country": im.country, "currency": "USD", "incoterm": s["incoterm"],
            "total_amount": round(sum(i["amount"] for i in items), 2), "items": items,
        }

    def packing_list(self, s: dict[str, Any]) -> dict[str, Any]:
        ex: Company = s["exporter"].company
        im: Company = s["importer"]
        items = [{"description": it["good"].description, "quantity": it["quantity"],
                  "quantity_unit": it["good"].unit, "packages": it["packages"], "net_weight": it["net"],
                  "gross_weight": it["gross"]} for it in s["items"]]
        return {
            "invoice_number": s["invoice_number"], "date": _iso(s["invoice_date"]),
            "shipper_name": ex.alias if (s["name_variants"] and ex.alias) else ex.name,
            "consignee_name": im.name,
            "total_packages": sum(i["packages"] for i in items),
            "total_net_weight": round(sum(i["net_weight"] for i in items), 2),
            "total_gross_weight": round(sum(i["gross_weight"] for i in items), 2),
            "weight_unit": "KGS", "items": items,
        }

    def bill_of_lading(self, s: dict[str, Any]) -> dict[str, Any]:
        ex: Company = s["exporter"].company
        im: Company = s["importer"]
        return {
            "bl_number": s["bl_number"], "shipper_name": ex.name,
            "consignee_name": "TO ORDER" if s["to_order"] else im.name,
            "notify_party": im.name if s["to_order"] else "SAME AS CONSIGNEE",
            "vessel": s["vessel"], "voyage": s["voyage"],
            "port_of_loading": s["exporter"].port_of_loading, "port_of_discharge": PORT_OF_DISCHARGE[im.city],
            "on_board_date": _iso(s["departure"]),
            "total_packages": sum(it["packages"] for it in s["items"]),
            "gross_weight": round(sum(it["gross"] for it in s["items"]), 2), "weight_unit": "KGS",
        }

    # ------------------------------------------------------------ a whole submission
    def build(self, case_id: str, defect: tuple[str, str] | None) -> Submission:
        rng = self.rng
        check_id, variant = defect if defect else (None, None)
        exporter = BLOCKED_EXPORTER if variant == "blocked_exporter" else None
        importer = rng.choice(NON_PARTY_IMPORTERS) if variant == "non_party_importer" else None
        s = self.shipment(exporter, importer)
        if check_id is None:
            # the nuances clean cases must survive
            s["to_order"] = rng.random() < 0.25
            if rng.random() < 0.2:
                s["third_party"] = rng.choice(THIRD_PARTY_INVOICERS)
            s["incoterm"] = rng.choice(["FOB", "FOB", "CIF"])
        if variant == "retroactive_unmarked":
            s["departure"] = s["issue"] - dt.timedelta(days=rng.randint(5, 40))
        co, inv, pl, bl = self.certificate(s), self.invoice(s), self.packing_list(s), self.bill_of_lading(s)
        meta = {"submitted_at": dt.datetime.combine(s["reference"] - dt.timedelta(days=rng.randint(0, 3)),
                                                    dt.time(rng.randint(7, 19), rng.randint(0, 59))).isoformat(),
                "reference_date": _iso(s["reference"]), "direction": "import",
                "declared": {"importing_country": s["importer"].country}}

        # ---- the one defect
        if variant == "no_certificate_number":
            co["certificate_number"] = None
        elif variant == "expired":
            meta["reference_date"] = _iso(s["issue"] + dt.timedelta(days=rng.randint(380, 500)))
            meta["submitted_at"] = meta["reference_date"] + "T09:30:00"
        elif variant == "reused_number":
            if not self.issued_numbers:
                raise ValueError("a duplicate needs an earlier clean submission to copy (plan() puts one first)")
            co["certificate_number"] = self.issued_numbers[-1][1]
            meta["submitted_at"] = "2026-01-01T09:00:00"  # later than every earlier submission
            meta["reference_date"] = _iso(dt.date.fromisoformat(co["issue_date"]) + dt.timedelta(days=30))
        elif variant == "nonexistent_subheading":
            bad = {"07": "070330", "94": "940395", "95": "950310", "92": "920250", "03": "030498",
                   "13": "130240", "27": "271030", "15": "150230"}
            co["items"][0]["hs_code"] = bad[co["items"][0]["hs_code"][:2]]
            inv["items"][0]["hs_code"] = co["items"][0]["hs_code"]
        elif variant == "ctc_for_wo_only":
            s2 = self.shipment(EXPORTERS[0], s["importer"])  # Linyi garlic and vegetables: WO-only rules
            s2["certificate_number"] = s["certificate_number"]
            co, inv, pl, bl = self.certificate(s2), self.invoice(s2), self.packing_list(s2), self.bill_of_lading(s2)
            co["items"][0]["origin_criterion"] = "CTC"
            s = s2
        elif variant == "rvc_without_fob":
            s2 = self.shipment(EXPORTERS[1], s["importer"])  # furniture: CTH or RVC40
            for it in s2["items"]:
                it["criterion"] = "RVC"
            co, inv, pl, bl = self.certificate(s2), self.invoice(s2), self.packing_list(s2), self.bill_of_lading(s2)
            co["items"][0]["fob_value"] = None
            co["items"][0]["fob_currency"] = None
            s = s2
        elif variant == "missing_hs_code":
            co["items"][0]["hs_code"] = None
        elif variant == "description_mismatch":
            # furniture described, garlic declared: WO is always allowed, so only the classifier can see it
            co["items"][0]["description"] = "SOLID WOOD DINING TABLES, OAK VENEER"
            co["items"][0]["hs_code"] = "070320"
            co["items"][0]["origin_criterion"] = "WO"
            inv["items"][0]["description"] = co["items"][0]["description"]
            inv["items"][0]["hs_code"] = "070320"
        elif variant == "invoice_number_differs":
            inv["invoice_number"] = f"{inv['invoice_number'][:-3]}{(int(inv['invoice_number'][-3:]) + 417) % 1000:03d}"
        elif variant == "different_importer":
            other = rng.choice([c for c in IMPORTERS if c.name != s["importer"].name])
            inv["buyer_name"] = other.name
            inv["buyer_address"] = _with_country(other.address, other.country)
            inv["buyer_country"] = other.country
        elif variant == "vessel_differs":
            bl["vessel"] = rng.choice([v for v in VESSELS if v != s["vessel"]])
        if check_id is None:
            self.issued_numbers.append((case_id, s["certificate_number"]))

        # ---- documents and how they are rendered
        co_render = "text_pdf"
        if variant == "heavy_scan":
            co_render = "heavy_scan"
        elif check_id is None:
            # every other clean certificate is a scan, cycling through the formats so small sets cover them all
            self.clean_count += 1
            if self.clean_count % 2 == 0:
                co_render = SCAN_RENDERS[(self.clean_count // 2 - 1) % len(SCAN_RENDERS)]
        elif variant != "certificate_alone" and rng.random() < 0.35:
            co_render = rng.choice(SCAN_RENDERS)
        ext = {"text_pdf": "pdf", "scan_pdf": "pdf", "png": "png", "jpeg": "jpg", "tiff": "tif",
               "rotated_jpeg": "jpg", "heavy_scan": "jpg"}
        docs: list[DocSpec] = []
        names = self._file_names()
        if variant != "no_certificate":
            docs.append(DocSpec(f"{names[0]}.{ext[co_render]}", "certificate_of_origin", rng.choice(self.layouts["co"]),
                                co_render, co))
        inv_layout = rng.choice(self.layouts["inv"])
        inv_render = rng.choice(["text_pdf"] * 4 + ["scan_pdf"]) if check_id is None else "text_pdf"
        # (the shipping particulars some invoice and packing list forms repeat; layouts that have no box for them
        # ignore them)
        shipping = {"port_of_loading": bl["port_of_loading"], "destination": bl["port_of_discharge"],
                    "vessel": f"{s['vessel']} V.{s['voyage']}", "sailing": _iso(s["departure"])}
        inv_opts = {"incoterm_text": f"{s['incoterm']} {s['exporter'].port_of_loading.split(',')[0]}", **shipping}
        docs.append(DocSpec(f"{names[1]}.{ext[inv_render]}", "commercial_invoice", inv_layout, inv_render, inv, inv_opts))
        ex: Company = s["exporter"].company
        im: Company = s["importer"]
        party_opts = {"shipper_address": _with_country(ex.address, ex.country),
                      "consignee_address": _with_country(im.address, im.country),
                      "package_kinds": {it["good"].description: it["good"].package_kind for it in s["items"]},
                      **shipping}
        docs.append(DocSpec(f"{names[2]}.pdf", "packing_list", rng.choice(self.layouts["pl"]), "text_pdf", pl, party_opts))
        bl_opts = dict(party_opts, descriptions=[it["good"].description for it in s["items"]],
                       package_kind="PACKAGES", notify_address=party_opts["consignee_address"] if s["to_order"] else None)
        if s["to_order"]:
            bl_opts["consignee_address"] = None
        docs.append(DocSpec(f"{names[3]}.pdf", "bill_of_lading", rng.choice(self.layouts["bl"]), "text_pdf", bl, bl_opts))
        if variant == "certificate_alone":
            docs = [d for d in docs if d.doc_type == "certificate_of_origin"]
            docs[0].file = f"{case_id}.pdf"
            return Submission(case_id, check_id, variant, {}, docs, loose=True)
        if variant in ("corrupt_pdf", "empty_file", "encrypted_pdf", "wrong_extension"):
            docs.append(DocSpec({"corrupt_pdf": "customs_declaration.pdf", "empty_file": "attachment.pdf",
                                 "encrypted_pdf": "insurance_certificate.pdf",
                                 "wrong_extension": "photo_of_goods.jpg"}[variant],
                                "unknown", None, "broken", {}, broken=variant))
        return Submission(case_id, check_id, variant, meta, docs)

    def _file_names(self) -> list[str]:
        return self.rng.choice([
            ["certificate_of_origin", "commercial_invoice", "packing_list", "bill_of_lading"],
            ["CO", "INV", "PL", "BL"],
            ["rcep_co", "invoice", "packinglist", "bl_copy"],
            ["scan_001", "scan_002", "scan_003", "scan_004"],
            ["doc1", "doc2", "doc3", "doc4"],
        ])


def plan(count: int) -> list[tuple[str, str] | None]:
    """The defect of each case, in order: every defect kind at least once when count allows, about half the
    cases defective in larger sets, the rest clean, spread evenly. The first case is clean, so a duplicate
    certificate number always has an original to copy."""
    if count <= 0:
        return []
    n_defect = min(max(len(DEFECTS), count // 2), count - 1) if count > 1 else 0
    defects = [DEFECTS[i % len(DEFECTS)] for i in range(n_defect)]
    n_clean = count - n_defect
    out: list[tuple[str, str] | None] = []
    placed_clean = 0
    for i in range(count):
        # place clean case k at position round(k * count / n_clean)
        if placed_clean < n_clean and i >= round(placed_clean * count / n_clean):
            out.append(None)
            placed_clean += 1
        else:
            out.append(defects.pop(0))
    return out
