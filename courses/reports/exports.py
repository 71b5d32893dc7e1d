"""CSV and XLSX downloads of a report, streamed so memory stays flat whatever the number of rows."""

import csv
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    """A report as columns and an iterable of rows (tuples), read once while streaming."""

    name: str
    columns: list
    rows: object


def _cell(value, tz):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else str(value)
    if isinstance(value, (date, int, float, Decimal)):
        return value if not isinstance(value, date) else value.isoformat()
    text = str(value)
    # Spreadsheets run cells that start like a formula; a learner's name must never do that.
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    def write(self, value):
        return value


def csv_response(table):
    writer = csv.writer(_Echo())
    tz = timezone.get_current_timezone()

    def lines():
        yield "\ufeff"  # so spreadsheet programs read UTF-8
        yield writer.writerow([str(column) for column in table.columns])
        for row in table.rows:
            yield writer.writerow([_cell(value, tz) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, "csv")}"'
    return response


def _xlsx_cell(value, tz):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return value.astimezone(tz).replace(tzinfo=None)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (int, float, date)) or value is None:
        return value
    return _cell(value, tz)


def xlsx_response(table):
    # Write-only workbooks spill rows to disk as they come; the file is then streamed from disk.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(table.name)[:31])
    sheet.append([str(column) for column in table.columns])
    tz = timezone.get_current_timezone()
    for row in table.rows:
        sheet.append([_xlsx_cell(value, tz) for value in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename(table, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_response(table, file_format):
    return csv_response(table) if file_format == "csv" else xlsx_response(table)


def _filename(table, extension):
    return f"{table.name}-{timezone.localdate().isoformat()}.{extension}"
