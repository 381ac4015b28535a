def test_a_types_code_run_into_a_bodys_gets_its_dash_back():
    from khplan.extractors.terms import canonical_code

    assert canonical_code("5556/QĐBYT") == "5556/QĐ-BYT"  # a site that drops every hyphen
    assert canonical_code("75/2017/NĐCP") == "75/2017/NĐ-CP"
    assert canonical_code("10/QĐTTg") == "10/QĐ-TTg"
    assert canonical_code("278/PGD&ĐT-THCS") == "278/PGD&ĐT-THCS"  # no type's code opens it: kept
    assert canonical_code("2928/SGDĐT-KHTC") == "2928/SGDĐT-KHTC"


def test_only_the_type_s_segment_is_split_from_a_body_s_code():
    from khplan.extractors.terms import canonical_code

    assert canonical_code("12/CT-CTUBND") == "12/CT-CTUBND"  # the chairman's directive, as printed
    assert canonical_code("CT-CTUBND") == "CT-CTUBND"  # the chairman's directive, as printed
    assert canonical_code("QĐBYT") == "QĐ-BYT"
