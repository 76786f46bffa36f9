"""The two documents' texts and their parsed task tables, for every test of the parser."""

from __future__ import annotations

import pytest

from etl.tasks.annex import (
    parse_documents,
    parse_liangjiang,
    parse_tianjin,
)
from tests.unit.annex.texts import read_document


@pytest.fixture(scope="module")
def tianjin_text():
    return read_document("tianjin_2018.txt")


@pytest.fixture(scope="module")
def liangjiang_text():
    return read_document("liangjiang_2016.txt")


@pytest.fixture(scope="module")
def tianjin(tianjin_text):
    return {item.number: item for item in parse_tianjin(tianjin_text)}


@pytest.fixture(scope="module")
def liangjiang(liangjiang_text):
    return {item.number: item for item in parse_liangjiang(liangjiang_text)}


@pytest.fixture(scope="module")
def all_items(tianjin_text, liangjiang_text):
    return parse_documents({"tianjin": tianjin_text, "liangjiang": liangjiang_text})
