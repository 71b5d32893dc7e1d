"""docs/xapi.md lists exactly the verbs and object types the platform emits: those of the golden statements.

Every statement the learning flow records has a golden file (``tests/*/golden/*.json``, see
``test_statements.py``); the table between the markers in docs/xapi.md is made from them. After adding a
golden statement, paste the table this test prints on failure.
"""

import json
from pathlib import Path

from lms.xapi import vocabulary

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "xapi.md"
START = "<!-- verbs: made from the golden statements by tests/courses/test_verbs_documented.py -->"
END = "<!-- end of verbs -->"


def constant_names(kind):
    return {value.id if kind is vocabulary.Verb else value: name
            for name, value in vars(vocabulary).items() if name.isupper() and isinstance(value, kind)}  # fmt: skip


def golden_table():
    """The Markdown table of (verb, object type) pairs found in the golden statements, with their events."""
    verbs, types = constant_names(vocabulary.Verb), constant_names(str)
    events = {}
    for path in sorted(ROOT.glob("tests/*/golden/*.json")):
        statement = json.loads(path.read_text())
        kind = statement["object"].get("definition", {}).get("type") or statement["object"].get("objectType")
        event = path.stem.rstrip("_0123456789").replace("_", " ")
        names = events.setdefault((statement["verb"]["id"], kind), [])
        if event not in names:
            names.append(event)
    rows = ["| verb | object type | golden statements |", "| --- | --- | --- |"]
    for (verb, kind), names in sorted(events.items(), key=lambda item: (verbs.get(item[0][0], ""), item[0][1])):
        rows.append(f"| `{verbs.get(verb, '?')}` `{verb}` | `{types.get(kind, '?')}` `{kind}` | {', '.join(names)} |")
    return "\n".join(rows)


def documented_table():
    text = DOC.read_text()
    assert START in text and END in text, f"docs/xapi.md lost its markers {START!r} ... {END!r}"
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_the_documented_verbs_are_the_emitted_ones():
    expected = golden_table()
    assert documented_table() == expected, f"Replace the table in docs/xapi.md with:\n\n{expected}\n"


def test_every_golden_verb_and_type_is_a_vocabulary_constant():
    assert "`?`" not in golden_table()
