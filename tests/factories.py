"""Building cases in code, for check and routing tests: documents with fields as the extractors produce them."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.model import Case, CaseMetadata, Document, ExtractedField


def fields(values: dict[str, Any], confidence: float = 0.99) -> dict[str, ExtractedField]:
    return {k: ExtractedField(value=v, confidence=confidence) for k, v in values.items()}


def document(doc_type: str, values: dict[str, Any], items: list[dict[str, Any]] | None = None, file: str | None = None,
             confidence: float = 0.99) -> Document:
    return Document(file=file or f"{doc_type}.pdf", sha256=doc_type, doc_type=doc_type, doc_type_confidence=0.98,
                    fields=fields(values, confidence), items=[fields(i, confidence) for i in (items or [])])


def certificate(**overrides) -> Document:
    items = overrides.pop("items", None)
    values = {
        "certificate_number": "R25CN3712345678", "issued_in": "CN",
        "exporter_name": "LINYI HUASHENG FOODSTUFF CO., LTD.",
        "exporter_address": "NO. 18 BEIJING ROAD, LANSHAN DISTRICT, LINYI, SHANDONG 276000, CHINA",
        "exporter_country": "CN", "importer_name": "TOKYO FRESH TRADING CO., LTD.",
        "importer_address": "3-5-1 TSUKIJI, CHUO-KU, TOKYO 104-0045, JAPAN", "importer_country": "JP",
        "producer_name": "LINYI HUASHENG FOODSTUFF CO., LTD.", "departure_date": "2025-03-12",
        "transport": "COSCO SHIPPING ARIES V.025E", "port_of_discharge": "TOKYO, JAPAN", "remarks": None,
        "declaration_place": "LINYI, CHINA", "declaration_date": "2025-03-09", "importing_country": "JP",
        "issue_place": "LINYI, CHINA", "issue_date": "2025-03-10",
        "issuing_authority": "CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE",
        "back_to_back": False, "third_party_invoicing": False, "issued_retroactively": False,
    }
    values.update(overrides)
    if items is None:
        items = [item()]
    return document("certificate_of_origin", values, items, file="co.pdf")


def item(**overrides) -> dict[str, Any]:
    v = {"item_number": 1, "marks": "N/M", "packages": "1,200 MESH BAGS",
         "description": "FRESH WHITE GARLIC, 10KG MESH BAG PACKING", "hs_code": "070320", "origin_criterion": "WO",
         "country_of_origin": "CN", "quantity": 12000.0, "quantity_unit": "KGS", "fob_value": None,
         "fob_currency": None, "invoice_number": "INV-LI250001", "invoice_date": "2025-03-05"}
    v.update(overrides)
    return v


def invoice(**overrides) -> Document:
    items = overrides.pop("items", None)
    values = {"invoice_number": "INV-LI250001", "invoice_date": "2025-03-05",
              "seller_name": "LINYI HUASHENG FOODSTUFF CO., LTD.", "seller_address": "LINYI, SHANDONG, CHINA",
              "seller_country": "CN", "buyer_name": "TOKYO FRESH TRADING COMPANY LIMITED",
              "buyer_address": "TOKYO, JAPAN", "buyer_country": "JP", "currency": "USD", "incoterm": "FOB",
              "total_amount": 13800.0}
    values.update(overrides)
    if items is None:
        items = [{"description": "FRESH WHITE GARLIC, 10KG MESH BAG PACKING", "hs_code": "070320",
                  "quantity": 12000.0, "quantity_unit": "KGS", "unit_price": 1.15, "amount": 13800.0}]
    return document("commercial_invoice", values, items, file="invoice.pdf")


def bill_of_lading(**overrides) -> Document:
    values = {"bl_number": "COSU6284103920", "shipper_name": "LINYI HUASHENG FOODSTUFF CO., LTD.",
              "consignee_name": "TOKYO FRESH TRADING CO., LTD.", "notify_party": "SAME AS CONSIGNEE",
              "vessel": "COSCO SHIPPING ARIES", "voyage": "025E", "port_of_loading": "QINGDAO, CHINA",
              "port_of_discharge": "TOKYO, JAPAN", "on_board_date": "2025-03-12", "total_packages": 1200,
              "gross_weight": 13200.0, "weight_unit": "KGS"}
    values.update(overrides)
    return document("bill_of_lading", values, file="bl.pdf")


def packing_list(**overrides) -> Document:
    values = {"invoice_number": "INV-LI250001", "date": "2025-03-05",
              "shipper_name": "LINYI HUASHENG FOODSTUFF COMPANY LIMITED", "consignee_name": "TOKYO FRESH TRADING CO., LTD.",
              "total_packages": 1200, "total_net_weight": 12000.0, "total_gross_weight": 13200.0, "weight_unit": "KGS"}
    values.update(overrides)
    return document("packing_list", values, file="pl.pdf")


def case(*docs: Document, reference_date: str = "2025-04-01", case_id: str = "case-x", **meta) -> Case:
    docs = docs or (certificate(), invoice(), packing_list(), bill_of_lading())
    return Case(case_id=case_id, documents=list(docs),
                metadata=CaseMetadata(reference_date=dt.date.fromisoformat(reference_date), **meta))
