"""CSV and XLSX downloads of a report, streamed so memory stays flat whatever the number of rows."""

import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook

from lms.core.csv_export import cell_value, streaming_csv_response

FORMATS = ("csv", "xlsx")


@dataclass
class Table:
    """A report as columns and an iterable of rows (tuples), read once while streaming."""

    name: str
    columns: list
    rows: object


def csv_response(table):
    return streaming_csv_response(_filename(table, "csv"), table.columns, table.rows)


def _xlsx_cell(value, tz):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return value.astimezone(tz).replace(tzinfo=None)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (int, float, date)) or value is None:
        return value
    return cell_value(value, tz)


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
