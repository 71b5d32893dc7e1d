"""The French, Spanish and Arabic catalogues are complete and keep every placeholder."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")


def catalogue(language):
    return polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_message_is_translated(language):
    po = catalogue(language)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_translations_keep_their_placeholders(language):
    for entry in catalogue(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            # Plural forms for small counts may spell the number out instead of using the placeholder.
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(entry.msgid_plural)), entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == expected, entry.msgid
