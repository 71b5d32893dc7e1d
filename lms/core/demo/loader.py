"""Load the demo site from data files: ``<app>/demo/<language>.yaml``, one per app and language.

The default language's file (``en.yaml``) lists the content in load order: ``records`` (rows of a model, found
by their ``match`` fields and updated) and ``page`` entries (found by their path of slugs and updated). Each other
language's file holds only the texts of the pages and translatable records it translates; the loader turns them
into wagtail-localize string translations, so the translated pages are made as the admin's "Translate" makes
them. The format is described in docs/architecture.md ("Demo content").
"""

import uuid
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.utils.module_loading import import_string
from wagtail.blocks import ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin

from .site import prepare_site, set_site_root, tree_root
from .translation import DemoDataError, translate

# Block ids are derived from the page and the block's place, so a second load keeps them (and with them the
# wagtail-localize segments and the learners' quiz answers).
BLOCK_NAMESPACE = uuid.UUID("6b1d3c9e-4f0e-4b8a-9a53-2f1c8d7e0c11")


def data_folders():
    """The ``demo`` folder of every installed app that has a default-language data file, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "demo"
        if (folder / f"{settings.LANGUAGE_CODE}.yaml").exists():
            yield app_config.label, folder


def read(path):
    """The mapping in a YAML data file (empty when the file does not exist)."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{path}: expected a mapping at the top level")
    return data


def stream_data(block, value, seed, resolve=None):
    """YAML stream content (a list of ``{block type: value}``) in Wagtail's raw form, with ids made from ``seed``.

    A chooser block (snippet, page, image) takes a reference (``{model: ..., title: ...}``), which ``resolve``
    turns into the instance whose id the block stores.
    """
    if isinstance(block, StreamBlock):
        raw = []
        for index, child in enumerate(value or []):
            if not isinstance(child, dict) or len(child) != 1:
                raise DemoDataError(f"{seed}[{index}]: each block is a mapping of one block type to its value")
            ((block_type, child_value),) = child.items()
            if block_type not in block.child_blocks:
                raise DemoDataError(f"{seed}[{index}]: unknown block type {block_type!r}")
            child_seed = f"{seed}/{index}"
            raw.append(
                {
                    "type": block_type,
                    "value": stream_data(block.child_blocks[block_type], child_value, child_seed, resolve),
                    "id": str(uuid.uuid5(BLOCK_NAMESPACE, child_seed)),
                }
            )
        return raw
    if isinstance(block, ListBlock):
        return [
            {
                "type": "item",
                "value": stream_data(block.child_block, item, f"{seed}/{index}", resolve),
                "id": str(uuid.uuid5(BLOCK_NAMESPACE, f"{seed}/{index}")),
            }
            for index, item in enumerate(value or [])
        ]
    if isinstance(block, StructBlock):
        return {
            name: stream_data(block.child_blocks[name], item, f"{seed}/{name}", resolve) for name, item in value.items()
        }
    if isinstance(block, ChooserBlock) and isinstance(value, dict):
        if resolve is None:
            raise DemoDataError(f"{seed}: a reference needs the loader")
        return resolve(value).pk
    return value


def child_relation(model, name):
    """The child relation (inline panel) of ``model`` called ``name``, or None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if field.one_to_many and field.auto_created else None


class Loader:
    """Loads every app's data files; one instance per ``load_demo`` run."""

    def __init__(self, stdout):
        self.stdout = stdout
        prepare_site()
        self.default = Locale.get_default()
        self.locales = Locale.objects.exclude(pk=self.default.pk).order_by("language_code")
        self.folder = None

    def load(self):
        for label, folder in data_folders():
            self.folder = folder
            source_file = folder / f"{self.default.language_code}.yaml"
            source = read(source_file)
            translations = {locale: read(folder / f"{locale.language_code}.yaml") for locale in self.locales}
            pages = records = 0
            for entry in source.get("entries", []):
                where = f"{source_file}: {entry.get('page') or entry.get('records')}"
                if "page" in entry:
                    self._page(entry, translations, where)
                    pages += 1
                elif "records" in entry:
                    records += self._records(entry, translations, where)
                else:
                    raise DemoDataError(f"{where}: an entry is either a 'page' or 'records'")
            languages = ", ".join(
                [self.default.language_code] + [locale.language_code for locale in self.locales if translations[locale]]
            )
            self.stdout.write(f"{label}: {pages} pages and {records} records ({languages})")

    # Values

    def resolve(self, value):
        """A reference in a data file made into what the field holds: a page, a stored file or a model instance."""
        if not isinstance(value, dict):
            return value
        if "model" in value:
            model = apps.get_model(value["model"])
            lookup = {name: self.resolve(item) for name, item in value.items() if name != "model"}
            if issubclass(model, TranslatableMixin):
                lookup.setdefault("locale", self.default)
            try:
                return model.objects.get(**lookup)
            except ObjectDoesNotExist as error:
                raise DemoDataError(f"no {value['model']} with {lookup}") from error
        if "page" in value:
            return self.page_at(value["page"])
        if "file" in value:
            return self.stored_file(value["file"])
        raise DemoDataError(f"a reference is {{page: ...}}, {{file: ...}} or {{model: ..., field: value}}: {value}")

    def stored_file(self, name):
        """The storage name of a sample file of the app's ``demo/media`` folder, copied there once."""
        source = (self.folder / "media" / name).resolve()
        if not source.is_relative_to(self.folder / "media") or not source.is_file():
            raise DemoDataError(f"{self.folder}/media has no file {name!r}")
        stored = f"{self.folder.parent.name}/demo/{name}"
        if not default_storage.exists(stored):
            stored = default_storage.save(stored, ContentFile(source.read_bytes()))
        return stored

    def assign(self, instance, values, seed):
        """Set ``values`` (field name: data-file value) on ``instance``; returns the many-to-many values to set."""
        model = type(instance)
        many = {}
        for name, value in values.items():
            relation = child_relation(model, name)
            if relation is not None:
                self.assign_children(instance, name, relation.related_model, value, f"{seed}/{name}")
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise DemoDataError(f"{model.__name__} has no field {name!r}") from error
            if isinstance(value, dict) and "make" in value:
                setattr(instance, name, self.made(instance, value))
            elif field.many_to_many:
                many[name] = [self.resolve(item) for item in value]
            elif isinstance(field, StreamField):
                setattr(instance, name, stream_data(field.stream_block, value, f"{seed}/{name}", self.resolve))
            elif isinstance(field, models.ForeignKey) or isinstance(value, dict):
                setattr(instance, name, self.resolve(value))
            else:
                setattr(instance, name, field.to_python(value))
        return many

    def made(self, instance, value):
        """A value an app's function makes from a folder of its ``demo/``: ``{make: dotted.path, from: folder}``."""
        folder = (self.folder / value["from"]).resolve()
        if not folder.is_relative_to(self.folder) or not folder.is_dir():
            raise DemoDataError(f"{self.folder} has no folder {value['from']!r}")
        return import_string(value["make"])(instance, folder)

    def assign_children(self, instance, name, model, rows, seed):
        """Update the inline children in place (the n-th row updates the n-th child), so their ids are kept."""
        existing = list(getattr(instance, name).all())
        children = []
        for index, row in enumerate(rows):
            child = existing[index] if index < len(existing) else model()
            if hasattr(child, "sort_order"):
                child.sort_order = index
            if isinstance(child, TranslatableMixin) and child.locale_id is None:
                child.locale = instance.locale
            self.assign(child, row, f"{seed}/{index}")
            children.append(child)
        setattr(instance, name, children)

    # Pages

    def page_at(self, path):
        """The default-language page at ``path`` (its slugs from the tree's root, for example ``home/centre``)."""
        page = Page.objects.filter(url_path=f"/{path.strip('/')}/", locale=self.default).first()
        if page is None:
            raise DemoDataError(f"no page at {path!r} (pages load in the order of the data files)")
        return page.specific

    def _page(self, entry, translations, where):
        path = entry["page"].strip("/")
        parent_path, _slash, slug = path.rpartition("/")
        model = apps.get_model(entry["type"])
        fields = {name: value for name, value in entry.items() if name not in {"page", "type", "site_root"}}
        parent = self.page_at(parent_path) if parent_path else tree_root()
        page = model.objects.child_of(parent).filter(slug=slug, locale=self.default).first()
        created = page is None
        if created:
            page = model(slug=slug, locale=self.default)
        try:
            self.assign(page, fields, path)
        except DemoDataError as error:
            raise DemoDataError(f"{where}: {error}") from error
        if created:
            parent.add_child(instance=page)
        page.save_revision().publish()
        page = type(page).objects.get(pk=page.pk)
        if entry.get("site_root"):
            set_site_root(page)
        for locale, translation in translations.items():
            texts = translation.get("pages", {}).get(path)
            if texts is not None:
                translate(self, page, fields, texts, locale, f"{where} ({locale.language_code})", path)

    # Records

    def _records(self, entry, translations, where):
        model = apps.get_model(entry["records"])
        match = entry.get("match", [])
        translatable = issubclass(model, TranslatableMixin)
        rows = entry.get("rows", [])
        for index, row in enumerate(rows):
            try:
                lookup = {name: self.resolve(row[name]) for name in match}
            except KeyError as error:
                raise DemoDataError(f"{where}: row {index} has no {error}") from error
            if translatable:
                lookup["locale"] = self.default
            record = model.objects.filter(**lookup).first() or model(**lookup)
            fields = {name: value for name, value in row.items() if name not in match}
            try:
                seed = f"{entry['records']}/{index}"
                many = self.assign(record, fields, seed)
            except DemoDataError as error:
                raise DemoDataError(f"{where}: row {index}: {error}") from error
            record.save()
            for name, values in many.items():
                getattr(record, name).set(values)
            if translatable:
                for locale, translation in translations.items():
                    texts = translation.get("records", {}).get(entry["records"], {}).get(row.get("slug"))
                    if texts is not None:
                        translate(self, record, fields, texts, locale, f"{where} {row.get('slug')} ({locale})", seed)
        return len(rows)
