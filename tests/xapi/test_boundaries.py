"""The boundaries between apps, walked through every import in both directions (DESIGN.md, "Boundaries").

``lms.xapi`` knows the xAPI specification and nothing of courses, hubs or the conference; the domain apps reach
it only through its public modules; and the apps depend on each other one way only, in the order of ``LAYERS``.
"""

import ast
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

# Each app may import the apps listed before it, never one listed after it.
LAYERS = ["lms.core", "lms.accounts", "lms.xapi", "hubs", "conference", "courses"]
APP_DIRS = {app: PROJECT_DIR / app.replace(".", "/") for app in LAYERS}
DOMAIN_APPS = ("hubs", "conference", "courses")
# What lms.xapi offers the rest of the platform: recording and reading statements, the verb and activity type
# IRIs, and the hooks through which statements reach the domain apps.
XAPI_PUBLIC = ("lms.xapi.api", "lms.xapi.vocabulary", "lms.xapi.cmi5.api")


def imported_modules(path):
    """Every module ``path`` imports by absolute name, with ``from package import module`` spelled out."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                yield f"{node.module}.{alias.name}"


def app_of(module):
    """The project app a dotted module name belongs to, or None for third-party and standard modules."""
    return next((app for app in sorted(LAYERS, key=len, reverse=True) if f"{module}.".startswith(f"{app}.")), None)


def imports_between_apps():
    """(importing file, its app, imported module, that module's app) for every import across two apps."""
    for app, folder in APP_DIRS.items():
        for path in sorted(folder.rglob("*.py")):
            for module in imported_modules(path):
                target = app_of(module)
                if target and target != app:
                    yield path.relative_to(PROJECT_DIR), app, module, target


def is_public_xapi(module):
    return any(f"{module}.".startswith(f"{public}.") for public in XAPI_PUBLIC)


def test_the_walk_sees_every_app():
    seen = {(app, target) for _path, app, _module, target in imports_between_apps()}
    assert ("courses", "lms.xapi") in seen and ("courses", "hubs") in seen and ("hubs", "lms.core") in seen


def test_lms_xapi_imports_nothing_from_the_domain_apps():
    crossings = [
        f"{path} imports {module}"
        for path, app, module, target in imports_between_apps()
        if app == "lms.xapi" and target in DOMAIN_APPS
    ]
    assert crossings == []


def test_domain_apps_reach_lms_xapi_only_through_its_public_modules():
    crossings = [
        f"{path} imports {module}"
        for path, app, module, target in imports_between_apps()
        if app in DOMAIN_APPS and target == "lms.xapi" and not is_public_xapi(module)
    ]
    assert crossings == []


def test_apps_depend_on_each_other_one_way():
    crossings = [
        f"{path} ({app}) imports {module} ({target})"
        for path, app, module, target in imports_between_apps()
        if LAYERS.index(target) > LAYERS.index(app)
    ]
    assert crossings == []


def test_cmi5_imports_no_domain_app():
    """The cmi5 protocol (``lms/xapi/cmi5/``) takes course structures as data and knows no course."""
    folder = APP_DIRS["lms.xapi"] / "cmi5"
    modules = [module for path in folder.rglob("*.py") for module in imported_modules(path)]
    assert modules and not [module for module in modules if app_of(module) in DOMAIN_APPS]
