"""The one CSV writer and its formula guard, and that every download in the project goes through it."""

import ast
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from lms.core.csv_export import cell_value, csv_lines, guard_formula

ROOT = Path(__file__).resolve().parents[2]
APPS = ("lms", "courses", "hubs", "conference")


@pytest.mark.parametrize("text", ["=1+1", '=HYPERLINK("http://evil")', "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_is_kept_as_text(text):
    assert guard_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Ana", "a=b", "100", "'quoted"])
def test_other_text_is_written_as_it_is(text):
    assert guard_formula(text) == text


def test_cells_keep_their_type_and_empty_cells_stay_empty():
    zurich = ZoneInfo("Europe/Zurich")
    assert cell_value(None) == ""
    assert cell_value("") == ""
    assert cell_value(4) == 4 and cell_value(-4) == -4 and cell_value(Decimal("2.5")) == Decimal("2.5")
    assert cell_value(date(2021, 6, 16)) == "2021-06-16"
    assert cell_value(datetime(2021, 6, 16, 12, 0, tzinfo=UTC), zurich) == "2021-06-16 14:00"
    assert cell_value(datetime(2021, 6, 16, 12, 0)) == "2021-06-16 12:00:00"


def test_lines_read_back_as_the_rows_with_formulas_neutralised():
    text = "".join(csv_lines(["name", "note"], [["=cmd|' /C calc'!A0", ""], ['Zoë, "Z"', None]]))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["name", "note"], ["'=cmd|' /C calc'!A0", ""], ['Zoë, "Z"', ""]]
    assert not "".join(csv_lines(["name"], [], bom=False)).startswith("\ufeff")


def _python_files():
    for app in APPS:
        yield from (ROOT / app).rglob("*.py")


def _calls(path, names):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in names and getattr(node.value, "id", "") == "csv":
            yield node.attr


def test_no_other_module_writes_csv():
    writers = [
        f"{path.relative_to(ROOT)} uses csv.{name}"
        for path in _python_files()
        if path.name != "csv_export.py"
        for name in _calls(path, {"writer", "DictWriter"})
    ]
    assert writers == []


def test_no_other_module_builds_json_ld():
    builders = [
        str(path.relative_to(ROOT))
        for path in _python_files()
        if path.name != "json_ld.py" and "application/ld+json" in path.read_text()
    ]
    assert builders == []
