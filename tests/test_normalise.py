import pytest

from extractors.normalise import parse_country, parse_date, parse_hs, parse_money, parse_number, parse_quantity


@pytest.mark.parametrize("text,iso", [
    ("25 OCT 2021", "2021-10-25"), ("2021/10/25", "2021-10-25"), ("2021年10月25日", "2021-10-25"),
    ("2021-10-25", "2021-10-25"), ("OCTOBER 25, 2021", "2021-10-25"), ("25.10.2021", "2021-10-25"),
    ("Oct. 5, 2024", "2024-10-05"), ("05-SEP-2024", "2024-09-05"), ("LINYI, CHINA 10 MAR 2025", "2025-03-10"),
    ("12/03/2025", "2025-03-12"),  # numeric dates are read day first, as the region prints them
    ("FEB. “11,2025", "2025-02-11"),  # a speck read as a quote mark before the day
    ("MARCH 13; 2024", "2024-03-13"),  # the comma read as a semicolon off a scan
    ("NOVEMBER 1 9, 2024", "2024-11-19"),  # the day's figures read apart
    ("DEC, 29, 2024", "2024-12-29"),  # the month's stop read as a comma off a dot-matrix print
    ("2024.12.61", "2024-12-01"), ("2024.61.31", "2024-01-31"),  # a dotted zero read as a 6, year first
])
def test_dates_in_printed_forms(text, iso):
    assert parse_date(text)[0] == iso


@pytest.mark.parametrize("text", ["", None, "N/A", "31 FEB 2024", "INV-2024-0012"])
def test_no_date_is_none_not_a_guess(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text,code", [
    ("CHINA", "CN"), ("P.R. CHINA", "CN"), ("VIET NAM", "VN"), ("Korea, Republic of", "KR"), ("LAO PDR", "LA"),
    ("3-5-1 TSUKIJI, CHUO-KU, TOKYO 104-0045, JAPAN", "JP"), ("Australia *", "AU"), ("HONG KONG", "HK"),
    ("中国", "CN"), ("BRUNEI DARUSSALAM", "BN"),
    # a ruling beside the name read as its last letter off a scan
    ("AUSTRALIAI", "AU"), ("BRUNEI", "BN"),
])
def test_countries_to_alpha2(text, code):
    assert parse_country(text) == code


def test_unknown_country_is_none():
    assert parse_country("NO. 18 BEIJING ROAD") is None


@pytest.mark.parametrize("text,hs", [("0703.20", "070320"), ("070320", "070320"), ("9403.60.90", "940360"),
                                     ("HS 8517.62", "851762"), ("9202 90", "920290")])
def test_hs_codes_to_six_digits(text, hs):
    assert parse_hs(text) == hs


def test_hs_needs_six_digits():
    assert parse_hs("07.03") is None


def test_quantities_money_numbers():
    assert parse_quantity("12,500 KGS") == (12500.0, "KGS")
    assert parse_quantity("6,072 SETS") == (6072.0, "SETS")
    assert parse_quantity("754 PCS") == (754.0, "PCS")
    assert parse_money("FOB USD 19,430.40") == (19430.4, "USD")
    assert parse_money("US$ 1,176.00") == (1176.0, "USD")
    assert parse_money("FOB USD85, 363.20") == (85363.2, "USD")  # read apart at its comma off a scan
    assert parse_number("13,490.00") == 13490.0


def test_two_digit_years_and_vessel_voyage():
    from extractors.trade_documents import split_vessel_voyage
    assert parse_date("06-JUL-24")[0] == "2024-07-06"
    assert split_vessel_voyage("ONE HARMONY / 089E") == ("ONE HARMONY", "089E")
    assert split_vessel_voyage("MSC AURORA V.060W") == ("MSC AURORA", "060W")
    assert split_vessel_voyage("WAN HAI 315 VOYAGE NO. 039N") == ("WAN HAI 315", "039N")
    assert split_vessel_voyage("EVER LEGEND") == ("EVER LEGEND", None)


def test_a_dotted_zero_read_as_a_figure_is_put_back_only_where_the_date_is_impossible():
    assert parse_date("XUZHOU, CHINA 63.08.2024")[0] == "2024-08-03"
    assert parse_date("93.03.2025")[0] == "2025-03-03"
    assert parse_date("13.08.2024")[0] == "2024-08-13"
    assert parse_date("32.08.2024") is None
    assert parse_date("LINYI, CHINA 710 FEB 2024")[0] == "2024-02-10"  # a ruling read as a 7 before the day
    assert parse_date("LINYI, CHINA 10 FEB 2024")[0] == "2024-02-10"
    assert parse_date("MELBOURNE, AUSTRALIA 903.04,2024")[0] == "2024-04-03"
    assert parse_date("12.03.2025")[0] == "2025-03-12"


def test_implausible_years_are_no_dates():
    assert parse_date("11 MAY 0004") is None
    assert parse_date("11 MAY 2024")[0] == "2024-05-11"


def test_lower_case_pcs_read_off_a_scan_is_pieces():
    assert parse_quantity("1,470 pes") == (1470.0, "PCS")
    assert parse_quantity("114,380 kgs") == (114380.0, "KGS")


def test_figures_with_a_decimal_comma_are_read_so_on_a_document_that_prints_them():
    """Indonesia and Viet Nam print '12.345,00': on a document whose figures say so, every figure is read with
    a decimal comma ('14.600' is fourteen thousand six hundred); elsewhere the same text keeps its usual reading."""
    from extractors.normalise import decimal_comma, money_in_line, prints_decimal_comma

    texts = ["14.600", "KGS", "0,42", "6.132,00", "9.677,40", "070310", "17", "FEB", "2024"]
    assert prints_decimal_comma(texts)
    with decimal_comma(prints_decimal_comma(texts)):
        assert parse_money("USD 9.677,40") == (9677.4, "USD")
        assert parse_quantity("14.600 KGS") == (14600.0, "KGS")
        assert parse_number("0,42") == 0.42
        assert money_in_line("1.200 PCS USD 12.345,00") == (12345.0, "USD")
    assert parse_money("USD 9,677.40") == (9677.4, "USD")
    # figures one way or the other alone ('1,352', '4.015') and an HS code with its dot say nothing against
    # figures that can only be read one way
    assert not prints_decimal_comma(["6,132.00", "0.42", "0703.10", "1,352"])
    assert not prints_decimal_comma(["1,352", "4.015", "INV-2024"])
    # one stop read as a comma off a scan ('24,00' for '24.000 CBM') does not turn a bill of lading's figures
    assert not prints_decimal_comma(["25,906.600", "24,00", "1,352"])


@pytest.mark.parametrize("text, iso", [("dated Sth September 2024", "2024-09-05"), ("Ist March 2025", "2025-03-01"),
                                       ("lst Jan. 2025", "2025-01-01"), ("dated 3ist May 2024", "2024-05-31"),
                                       ("1Oth Jan 2025", "2025-01-10"), ("24th April 2025", "2025-04-24"),
                                       ("Apr. 24th, 2025", "2025-04-24")])
def test_an_ordinal_days_figure_read_as_a_letter_off_a_scan(text, iso):
    assert parse_date(text)[0] == iso


def test_a_word_like_sth_is_no_day_without_a_month_and_year():
    assert parse_date("5TH AVENUE") is None and parse_date("Sth") is None
    assert parse_date("packing list 2024") is None  # two letters before "st" are a word, not a day
