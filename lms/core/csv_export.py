"""The one CSV writer of the project, with the one formula guard that every CSV and spreadsheet download uses.

A cell a spreadsheet program would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe, which makes the program show it as text (OWASP "CSV injection").
Empty cells stay empty, and numbers stay numbers.
"""

import csv
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheet programs read a UTF-8 file as the local 8-bit encoding unless it starts with a byte order mark.
BOM = "\ufeff"


def guard_formula(text):
    """``text``, with an apostrophe in front when a spreadsheet program would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def cell_value(value, tz=None):
    """What a download writes for ``value``: numbers as they are, dates in ISO form, moments in ``tz`` (the
    current time zone by default), None as an empty cell, and any text through :func:`guard_formula`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if not timezone.is_aware(value):
            return value.isoformat(sep=" ")
        return value.astimezone(tz or timezone.get_current_timezone()).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        return value
    return guard_formula(str(value))


class _Echo:
    """A file whose ``write`` returns the line, so that ``csv.writer`` yields lines instead of storing them."""

    def write(self, value):
        return value


def csv_lines(header, rows, *, bom=True):
    """The lines of a CSV file with ``header`` then ``rows`` (iterables of values), each cell made safe."""
    writer = csv.writer(_Echo())
    tz = timezone.get_current_timezone()
    if bom:
        yield BOM
    yield writer.writerow([str(column) for column in header])
    for row in rows:
        yield writer.writerow([cell_value(value, tz) for value in row])


def _attach(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, header, rows, *, bom=True):
    """A CSV download built in memory, for small files (a transcript, a catalogue)."""
    response = HttpResponse("".join(csv_lines(header, rows, bom=bom)), content_type="text/csv; charset=utf-8")
    return _attach(response, filename)


def streaming_csv_response(filename, header, rows, *, bom=True):
    """A CSV download written as ``rows`` are read, so memory stays flat whatever their number (reports)."""
    response = StreamingHttpResponse(csv_lines(header, rows, bom=bom), content_type="text/csv; charset=utf-8")
    return _attach(response, filename)
