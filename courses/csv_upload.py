"""Reading the CSV files that hosts upload, as spreadsheet programs export them.

Excel in French or Spanish saves "CSV" with semicolons, "Unicode text" is UTF-16 with a byte-order mark, and
older exports are Windows-1252: all are read. A file that is none of these (a spreadsheet saved as .xlsx, a PDF)
is refused with a message rather than read as garbage.
"""

import csv
import io

BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
DELIMITERS = ",;\t"


class UnreadableFile(ValueError):
    """The bytes are not text in any encoding a spreadsheet program exports."""


def _utf16_without_bom(raw):
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL, as in UTF-16 of Latin text; else None."""
    if len(raw) < 2 or len(raw) % 2:
        return None
    if raw[1::2].count(0) > len(raw) // 4:
        return "utf-16-le"
    if raw[0::2].count(0) > len(raw) // 4:
        return "utf-16-be"
    return None


def decode(raw):
    """The text of an uploaded file: UTF-8 (with or without BOM), UTF-16 (BOM or not) or Windows-1252."""
    candidates = [encoding for bom, encoding in BOMS if raw.startswith(bom)]
    candidates += [encoding for encoding in (_utf16_without_bom(raw),) if encoding]
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:  # binary content that happens to decode
            break
        return text
    raise UnreadableFile


def delimiter(text):
    """The separator of the first non-empty line: the most frequent of comma, semicolon and tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {candidate: first.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def rows(text):
    """The rows of ``text`` as lists of cells; raises ``csv.Error`` on what cannot be read (an overlong field)."""
    return csv.reader(io.StringIO(text), delimiter=delimiter(text))
