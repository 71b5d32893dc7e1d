"""The house rules every page type of every app follows (DESIGN.md, house habit 2), checked on each of them.

A page type added anywhere is picked up by ``get_page_models()``, so it cannot skip these checks.
"""

import ast
import inspect
import textwrap

import pytest
from wagtail.models import Page, get_page_models

from lms.core.models import BasePage, HomePage

PAGE_MODELS = [model for model in get_page_models() if model is not Page]
# Wagtail's own Page fields (title, slug, SEO and publishing fields) carry Wagtail's own help.
WAGTAIL_FIELDS = {field.name for field in Page._meta.get_fields()}


def by_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def parametrize_models(test):
    return pytest.mark.parametrize("model", PAGE_MODELS, ids=by_name)(test)


def body_order(model):
    """The kinds of statement in the class body, in source order: field, panels, search, tree, behaviour."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(model)))
    kinds = []
    for node in tree.body[0].body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            kinds.append("behaviour" if not isinstance(node, ast.ClassDef) else "meta")
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names = {target.id for target in targets if isinstance(target, ast.Name)}
        if names & {"parent_page_types", "subpage_types"}:
            kinds.append("tree")
        elif "search_fields" in names:
            kinds.append("search")
        elif any(name.endswith("panels") or name == "edit_handler" for name in names):
            kinds.append("panels")
        elif names and _is_field(node.value):
            kinds.append("field")
        # Other class attributes (max_count, base_form_class, template, constants) are options, free to sit
        # anywhere before the behaviour.
    return [kind for kind in kinds if kind != "meta"]


def _is_field(value):
    """Whether an assignment's value builds a model field (``models.CharField(...)``, ``StreamField(...)``)."""
    if not isinstance(value, ast.Call):
        return False
    name = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", "")
    return name.endswith(("Field", "Key")) or name in {"ForeignKey", "OneToOneField", "ManyToManyField"}


def test_every_app_with_pages_is_checked():
    assert {model._meta.app_label for model in PAGE_MODELS} >= {"core", "hubs", "courses", "conference"}


@parametrize_models
def test_page_type_inherits_the_base_page_and_says_what_it_is(model):
    assert issubclass(model, BasePage), "every page type inherits lms.core.models.BasePage"
    assert model.__dict__.get("__doc__"), "a class docstring says what the page is for"


@parametrize_models
def test_page_type_declares_both_sides_of_its_place_in_the_tree(model):
    assert "parent_page_types" in model.__dict__
    assert "subpage_types" in model.__dict__
    if model is HomePage:
        assert model.allowed_parent_page_models() == [Page]
        return
    parents = model.allowed_parent_page_models()
    assert parents, "a page type no page may hold cannot be created"
    assert any(model in parent.allowed_subpage_models() for parent in parents), (
        "no parent it names lists it among its own subpage types"
    )
    for child in model.allowed_subpage_models():
        assert model in child.allowed_parent_page_models(), f"{by_name(child)} does not accept {by_name(model)}"


@parametrize_models
def test_page_type_body_is_in_the_house_order(model):
    order = ["field", "panels", "search", "tree", "behaviour"]
    kinds = body_order(model)
    ranks = [order.index(kind) for kind in kinds]
    assert ranks == sorted(ranks), (
        f"{by_name(model)} body order {kinds}; expected fields, panels, search, tree, behaviour"
    )


@parametrize_models
def test_editor_facing_fields_have_help_text(model):
    own_fields = [
        field
        for field in model._meta.get_fields()
        if getattr(field, "model", None) is not None
        and field.model is not Page
        and getattr(field, "editable", False)
        and field.name not in WAGTAIL_FIELDS
        and not field.auto_created
    ]
    panel_fields = set()
    for panels in ("content_panels", "promote_panels", "settings_panels"):
        for panel in getattr(model, panels, []):
            panel_fields |= set(_panel_field_names(panel))
    missing = [field.name for field in own_fields if field.name in panel_fields and not field.help_text]
    assert missing == [], f"{by_name(model)}: fields without help_text: {missing}"


def _panel_field_names(panel):
    if getattr(panel, "field_name", None):
        yield panel.field_name
    if getattr(panel, "relation_name", None):
        yield panel.relation_name
    for child in getattr(panel, "children", ()):
        yield from _panel_field_names(child)
