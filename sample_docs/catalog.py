"""Realistic trading content for generated submissions: exporters in Linyi, Shandong and elsewhere in the RCEP
region, importers in other Parties, and goods whose HS codes and product-specific rules the knowledge base has.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Company:
    name: str
    address: str  # as printed, lines joined with ", "
    country: str  # ISO alpha-2
    city: str
    # the same company as another document might print it (Art. 3.26 minor discrepancy)
    alias: str | None = None


@dataclass(frozen=True)
class Good:
    hs_code: str  # HS 2022 six digits
    description: str
    criteria: tuple[str, ...]  # origin criteria a real exporter would claim for it
    unit: str  # quantity unit printed
    package_kind: str
    per_package: float  # quantity per package
    unit_price: float  # USD per unit
    net_per_unit: float  # kg per quantity unit
    chinese: str = ""


@dataclass(frozen=True)
class Exporter:
    company: Company
    goods: tuple[str, ...]  # hs codes it ships
    port_of_loading: str
    issuing_authority: str
    certificate_prefix: str


GOODS: dict[str, Good] = {g.hs_code: g for g in [
    Good("070320", "FRESH WHITE GARLIC, 10KG MESH BAG PACKING", ("WO",), "KGS", "MESH BAGS", 10, 1.15, 1.0, "新鲜白蒜"),
    Good("070310", "FRESH YELLOW ONIONS, SIZE 5-7CM", ("WO",), "KGS", "MESH BAGS", 20, 0.42, 1.0, "新鲜黄洋葱"),
    Good("070490", "FRESH CHINESE CABBAGE", ("WO",), "KGS", "CARTONS", 15, 0.38, 1.0, "新鲜大白菜"),
    Good("940360", "SOLID WOOD DINING TABLES, OAK VENEER", ("CTC", "RVC"), "PCS", "CARTONS", 1, 86.0, 32.0, "实木餐桌"),
    Good("940161", "UPHOLSTERED DINING CHAIRS WITH WOODEN FRAMES", ("CTC", "RVC"), "PCS", "CARTONS", 2, 24.5, 7.5, "软垫木框餐椅"),
    Good("940542", "LED PANEL LIGHTS 600X600MM 40W", ("CTC", "RVC"), "PCS", "CARTONS", 4, 9.8, 2.1, "LED平板灯"),
    Good("950300", "PLASTIC BUILDING BLOCK TOYS IN RETAIL BOXES", ("CTC", "RVC"), "SETS", "CARTONS", 24, 3.2, 0.45, "塑料积木玩具"),
    Good("920290", "ACOUSTIC GUITARS 41 INCH WITH GIG BAG", ("CTC",), "PCS", "CARTONS", 1, 38.0, 3.4, "41寸民谣吉他"),
    Good("030499", "FROZEN TILAPIA MINCED MEAT, IQF", ("CTC",), "KGS", "CARTONS", 20, 2.85, 1.0, "冷冻罗非鱼糜"),
    Good("130219", "GINKGO BILOBA LEAF EXTRACT POWDER 24/6", ("CTC",), "KGS", "DRUMS", 25, 68.0, 1.0, "银杏叶提取物"),
    Good("271019", "LUBRICATING BASE OIL SN500", ("CTC", "RVC"), "LTRS", "DRUMS", 208, 1.35, 0.88, "润滑油基础油"),
    Good("150210", "INEDIBLE BEEF TALLOW", ("WO", "CTC"), "KGS", "DRUMS", 190, 1.05, 1.0, "工业牛油"),
]}

EXPORTERS: list[Exporter] = [
    Exporter(Company("LINYI HUASHENG FOODSTUFF CO., LTD.",
                     "NO. 18 BEIJING ROAD, LANSHAN DISTRICT, LINYI, SHANDONG 276000", "CN", "LINYI",
                     alias="LINYI HUASHENG FOODSTUFF COMPANY LIMITED"),
             ("070320", "070310", "070490"), "QINGDAO, CHINA", "CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE",
             "R25CN37"),
    Exporter(Company("SHANDONG LINYI XINGDA WOOD INDUSTRY CO., LTD.",
                     "FEIXIAN ECONOMIC DEVELOPMENT ZONE, LINYI, SHANDONG 273400", "CN", "LINYI",
                     alias="SHANDONG LINYI XINGDA WOOD INDUSTRY COMPANY LIMITED"),
             ("940360", "940161"), "QINGDAO, CHINA", "GENERAL ADMINISTRATION OF CUSTOMS OF THE PEOPLE'S REPUBLIC OF CHINA",
             "K25RC37"),
    Exporter(Company("LINYI JINXIN TOYS CO., LTD.", "NO. 66 TONGDA ROAD, HEDONG DISTRICT, LINYI, SHANDONG 276034",
                     "CN", "LINYI", alias="LINYI JINXIN TOYS COMPANY LIMITED"),
             ("950300", "940542"), "LIANYUNGANG, CHINA", "CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE",
             "R25CN37"),
    Exporter(Company("QINGDAO OCEANWIDE AQUATIC PRODUCTS CO., LTD.", "NO. 7 HAIXI ROAD, HUANGDAO DISTRICT, QINGDAO, SHANDONG",
                     "CN", "QINGDAO", alias="QINGDAO OCEANWIDE AQUATIC PRODUCTS CO LTD"),
             ("030499",), "QINGDAO, CHINA", "GENERAL ADMINISTRATION OF CUSTOMS OF THE PEOPLE'S REPUBLIC OF CHINA", "K25RC37"),
    Exporter(Company("XUZHOU TIANYIN BIOTECH CO., LTD.", "NO. 9 HUAIHAI EAST ROAD, XUZHOU, JIANGSU 221000", "CN", "XUZHOU",
                     alias="XUZHOU TIANYIN BIOTECH COMPANY LIMITED"),
             ("130219",), "SHANGHAI, CHINA", "CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE", "R25CN32"),
    Exporter(Company("HAI PHONG MUSICAL INSTRUMENTS JOINT STOCK COMPANY", "LOT B4, DINH VU INDUSTRIAL PARK, HAI AN, HAI PHONG",
                     "VN", "HAI PHONG", alias="HAI PHONG MUSICAL INSTRUMENTS JSC"),
             ("920290",), "HAI PHONG, VIET NAM", "MINISTRY OF INDUSTRY AND TRADE OF VIET NAM", "VN-RC25"),
    Exporter(Company("SIAM AGRO PRODUCE CO., LTD.", "88/9 MOO 4, BANG NA-TRAT ROAD, BANGKOK 10260", "TH", "BANGKOK",
                     alias="SIAM AGRO PRODUCE COMPANY LIMITED"),
             ("070310", "070490"), "LAEM CHABANG, THAILAND", "DEPARTMENT OF FOREIGN TRADE, MINISTRY OF COMMERCE", "T25RC"),
    Exporter(Company("ULSAN PETRO LUBRICANTS CO., LTD.", "45 YEOMPO-RO, NAM-GU, ULSAN 44780", "KR", "ULSAN",
                     alias="ULSAN PETRO LUBRICANTS COMPANY LIMITED"),
             ("271019",), "BUSAN, KOREA", "KOREA CUSTOMS SERVICE", "25KRRC"),
    Exporter(Company("VICTORIA RENDERING PTY LTD", "12 SOMERVILLE ROAD, BROOKLYN VIC 3012", "AU", "MELBOURNE",
                     alias="VICTORIA RENDERING PTY. LTD."),
             ("150210",), "MELBOURNE, AUSTRALIA", "AUSTRALIAN CHAMBER OF COMMERCE AND INDUSTRY", "AU25RC"),
]

IMPORTERS: list[Company] = [
    Company("TOKYO FRESH TRADING CO., LTD.", "3-5-1 TSUKIJI, CHUO-KU, TOKYO 104-0045", "JP", "TOKYO",
            alias="TOKYO FRESH TRADING COMPANY LIMITED"),
    Company("OSAKA INTERIOR K.K.", "2-4-10 NAMBA, CHUO-KU, OSAKA 542-0076", "JP", "OSAKA", alias="OSAKA INTERIOR KK"),
    Company("SEOUL MART CORPORATION", "123 TEHERAN-RO, GANGNAM-GU, SEOUL 06133", "KR", "BUSAN",
            alias="SEOUL MART CORP."),
    Company("SINGAPORE GOURMET PTE. LTD.", "25 PANDAN CRESCENT, SINGAPORE 128477", "SG", "SINGAPORE",
            alias="SINGAPORE GOURMET PTE LTD"),
    Company("KL FURNISHINGS SDN. BHD.", "LOT 12, JALAN PERUSAHAAN 2, 47100 PUCHONG, SELANGOR", "MY", "PORT KLANG",
            alias="KL FURNISHINGS SDN BHD"),
    Company("AUCKLAND HOMEWARE IMPORTS LIMITED", "40 CORONATION ROAD, PAPATOETOE, AUCKLAND 2025", "NZ", "AUCKLAND",
            alias="AUCKLAND HOMEWARE IMPORTS LTD"),
    Company("SYDNEY TOY DISTRIBUTORS PTY LTD", "8 PARRAMATTA ROAD, HOMEBUSH NSW 2140", "AU", "SYDNEY",
            alias="SYDNEY TOY DISTRIBUTORS PTY. LTD."),
    Company("HANOI TRADING AND SERVICES CO., LTD.", "15 LANG HA STREET, DONG DA DISTRICT, HANOI", "VN", "HAI PHONG",
            alias="HANOI TRADING AND SERVICES COMPANY LIMITED"),
]

# Not an RCEP Party: India left the negotiations in 2019; Hong Kong is not a Party.
NON_PARTY_IMPORTERS: list[Company] = [
    Company("MUMBAI AGRO IMPORTS PVT. LTD.", "401 MAKER CHAMBERS, NARIMAN POINT, MUMBAI 400021", "IN", "NHAVA SHEVA"),
]

# Companies that invoice from a third country under Art. 3.20.
THIRD_PARTY_INVOICERS: list[Company] = [
    Company("PACIFIC BRIDGE TRADING LIMITED", "UNIT 1203, 12/F, HARBOUR CENTRE, 25 HARBOUR ROAD, WAN CHAI, HONG KONG",
            "HK", "HONG KONG"),
    Company("ORIENT LINK COMMODITIES PTE. LTD.", "10 ANSON ROAD, #22-01 INTERNATIONAL PLAZA, SINGAPORE 079903", "SG",
            "SINGAPORE"),
]

# An exporter the registry has blocked (a shell company reported for certificate fraud).
BLOCKED_EXPORTER = Exporter(
    Company("LINYI HENGTAI INTERNATIONAL TRADE CO., LTD.", "ROOM 808, LINYI COMMERCIAL CITY TOWER B, LANSHAN DISTRICT, LINYI",
            "CN", "LINYI"),
    ("070320", "940360"), "QINGDAO, CHINA", "CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE", "R25CN37")

PORT_OF_DISCHARGE: dict[str, str] = {
    "TOKYO": "TOKYO, JAPAN", "OSAKA": "OSAKA, JAPAN", "BUSAN": "BUSAN, KOREA", "SINGAPORE": "SINGAPORE",
    "PORT KLANG": "PORT KLANG, MALAYSIA", "AUCKLAND": "AUCKLAND, NEW ZEALAND", "SYDNEY": "SYDNEY, AUSTRALIA",
    "HAI PHONG": "HAI PHONG, VIET NAM", "NHAVA SHEVA": "NHAVA SHEVA, INDIA",
}

VESSELS: list[str] = ["COSCO SHIPPING ARIES", "SITC JAKARTA", "ONE HARMONY", "WAN HAI 315", "KMTC SHANGHAI",
                      "YM WELLNESS", "OOCL TOKYO", "MSC AURORA", "EVERGREEN EVER LEGEND", "CMA CGM TAGE"]

COUNTRY_NAMES: dict[str, str] = {
    "CN": "CHINA", "JP": "JAPAN", "KR": "KOREA", "SG": "SINGAPORE", "MY": "MALAYSIA", "NZ": "NEW ZEALAND",
    "AU": "AUSTRALIA", "VN": "VIET NAM", "TH": "THAILAND", "ID": "INDONESIA", "PH": "PHILIPPINES",
    "IN": "INDIA", "HK": "HONG KONG", "LA": "LAO PDR", "KH": "CAMBODIA", "BN": "BRUNEI DARUSSALAM",
    "MM": "MYANMAR",
}

