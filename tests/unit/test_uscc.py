"""统一社会信用代码 (GB 32100-2015): the docs/domain.md §3 codes, every kind of fault, and python-stdnum."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from etl.intake.uscc import (
    CHARSET,
    area_code,
    check_character,
    complete_uscc,
    is_valid_uscc,
    normalize_uscc,
    org_code_consistent,
    uscc_problem,
)

# docs/domain.md §3: checksums computed and passing both checks.
DOMAIN_CODES = ("914403001922038216", "91110108551385082Q", "91110000600037341L")


@pytest.mark.parametrize("code", DOMAIN_CODES)
def test_domain_codes_pass_both_checks(code):
    assert uscc_problem(code) is None
    assert org_code_consistent(code)


def test_wrong_check_character_is_reported_with_the_right_one():
    assert uscc_problem("914403001922038217") == "check"
    assert check_character("91440300192203821") == "6"


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_letters_never_used_are_rejected(letter):
    code = "91110108551385082Q"
    bad = code[:12] + letter + code[13:]
    assert uscc_problem(bad) == "charset"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("91110108551385082", "length"),
        ("91110108551385082QQ", "length"),
        ("91T10108551385082Q", "area"),
        ("", "length"),
    ],
)
def test_length_and_area_faults(text, problem):
    assert uscc_problem(text) == problem


@pytest.mark.parametrize(
    "written",
    [
        "91110108551385082q",  # lower case
        "９１１１０１０８５５１３８５０８２Ｑ",  # full-width
        " 9111 0108-5513 8508 2Q ",  # spaces and hyphens
    ],
)
def test_input_is_normalised_before_checking(written):
    assert normalize_uscc(written) == "91110108551385082Q"
    assert is_valid_uscc(written)


def test_area_code_is_positions_3_to_8():
    assert area_code("91120116MA05K3T11E") == "120116"


def _random_digit_code(rnd: random.Random) -> str:
    """Digits in 1–8 (stdnum's domain), any allowed characters after; check right half the time."""
    body = "".join(rnd.choice("0123456789") for _ in range(8))
    body += "".join(rnd.choice(CHARSET) for _ in range(9))
    last = check_character(body) if rnd.random() < 0.5 else rnd.choice(CHARSET)
    return body + last


def test_agrees_with_python_stdnum_on_digit_codes():
    """Where python-stdnum applies (first 8 characters digits), both must say the same."""
    rnd = random.Random(20190601)
    codes = [_random_digit_code(rnd) for _ in range(5000)]
    ours = [uscc_problem(c) is None for c in codes]
    theirs = [stdnum_uscc.is_valid(c) for c in codes]
    assert ours == theirs
    assert 2000 < sum(ours) < 3000  # both outcomes were exercised


def test_letter_authority_code_valid_here_but_rejected_by_stdnum():
    """Y (其他) and N authorities start with a letter: valid codes python-stdnum wrongly rejects."""
    code = complete_uscc("Y1120116MA05K3T1")
    assert uscc_problem(code) is None
    assert not stdnum_uscc.is_valid(code)


_BODY = st.text(alphabet=CHARSET, min_size=8, max_size=8)
_AREA = st.text(alphabet="0123456789", min_size=6, max_size=6)
_HEAD = st.text(alphabet=CHARSET, min_size=2, max_size=2)


@given(_HEAD, _AREA, _BODY)
def test_complete_uscc_makes_valid_codes(head, area, body):
    """Any 16 allowed characters (digits at 3–8) complete to a code passing both checks."""
    code = complete_uscc(head + area + body)
    assert code.startswith(head + area + body) and len(code) == 18
    assert uscc_problem(code) is None
    assert org_code_consistent(code)
