"""lms.xapi knows the xAPI specification and nothing of courses, hubs or the conference."""

import ast
from pathlib import Path

import lms.xapi

FORBIDDEN = ("courses", "hubs", "conference")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_lms_xapi_imports_nothing_from_the_other_domain_apps():
    package = Path(lms.xapi.__file__).parent
    files = sorted(package.rglob("*.py"))
    assert len(files) > 5
    crossings = [
        f"{path.relative_to(package)} imports {module}"
        for path in files
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert crossings == []
