"""Translate a demo page or record through wagtail-localize, as an editor does with the admin's "Translate".

The translated texts of a data file become string translations of the source's segments; wagtail-localize then
makes (or updates) the translated page and the page is published.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import CommandError
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField, copy_synchronised_fields, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments

TOOL_NAME = "load_demo"


class DemoDataError(CommandError):
    """A data file that cannot be loaded; the message names the file and the entry."""


def text_fields(model):
    """Names of the fields of ``model`` a translation file may give: texts, and inline children that translate."""
    names = set()
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, TranslatableField):
            continue
        field = translatable.get_field(model)
        if field.many_to_one:
            continue
        if field.one_to_many and not issubclass(field.related_model, TranslatableMixin):
            continue
        names.add(translatable.field_name)
    return names


def merged(source, translated, where):
    """The default language's value with the translated texts put in place; both must have the same shape.

    Where a translation leaves a text out, the default language's text stays; numbers, booleans and choices
    always come from the default language.
    """
    if translated is None:
        return source
    if isinstance(source, dict):
        if not isinstance(translated, dict) or set(translated) - set(source):
            raise DemoDataError(f"{where}: expected the keys {sorted(source)}, got {translated!r}")
        return {key: merged(value, translated.get(key), f"{where}.{key}") for key, value in source.items()}
    if isinstance(source, list):
        if not isinstance(translated, list) or len(translated) != len(source):
            raise DemoDataError(f"{where}: expected a list of {len(source)} items like the source")
        pairs = enumerate(zip(source, translated, strict=True))
        return [merged(item, other, f"{where}[{index}]") for index, (item, other) in pairs]
    if isinstance(source, str):
        if not isinstance(translated, str):
            raise DemoDataError(f"{where}: expected a text")
        return translated
    return source


def _translate_record(source, locale):
    """Make or update the translation of a record (a snippet) from its source's segments and string translations.

    This is ``create_or_update_translation`` with one step added before validation: links to pages are
    synchronised by wagtail-localize (they keep the source's page), but a record in French belongs to the French
    page (a session to the French conference), as an editor would set it.
    """
    original = source.as_instance()
    try:
        translation = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        translation = original.copy_for_translation(locale)
    copy_synchronised_fields(original, translation)
    ingest_segments(original, translation, source.locale, locale, source._get_segments_for_translation(locale))
    for field in translation._meta.concrete_fields:
        page = getattr(translation, field.name) if field.many_to_one else None
        if isinstance(page, Page) and page.locale_id != locale.pk:
            setattr(translation, field.name, page.get_translation(locale))
    translation.full_clean()
    translation.save()
    return translation


def translate(loader, instance, fields, texts, locale, where, seed):
    """Translate ``instance`` into ``locale`` with ``texts`` (the translation file's entry) and publish it.

    ``fields`` are the default language's values of the entry, ``seed`` the seed of its block ids.
    """
    allowed = text_fields(type(instance))
    source_values = {name: value for name, value in fields.items() if name in allowed}
    if "slug" in allowed:
        source_values.setdefault("slug", instance.slug)
    unknown = set(texts) - set(source_values)
    if unknown:
        raise DemoDataError(f"{where}: {sorted(unknown)} are not texts of this entry in the default language")
    copy = type(instance).objects.get(pk=instance.pk)
    values = {name: merged(value, texts.get(name), f"{where}: {name}") for name, value in source_values.items()}
    loader.assign(copy, values, seed)

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    wanted = [segment for segment in extract_segments(copy) if isinstance(segment, StringSegmentValue)]
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"))
    if [segment.context.path for segment in segments] != [segment.path for segment in wanted]:
        raise DemoDataError(
            f"{where}: the translated texts do not line up with the source's "
            "(a rich text with more or fewer paragraphs or list items?)"
        )
    for segment, value in zip(segments, wanted, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": value.string.data, "translation_type": "manual", "tool_name": TOOL_NAME},
        )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    if not isinstance(instance, Page):
        return _translate_record(source, locale)
    translated, _created = source.create_or_update_translation(locale, publish=False, fallback=False)
    translated.get_latest_revision().publish()
    return translated
