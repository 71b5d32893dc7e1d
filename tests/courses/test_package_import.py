"""Uploading packages: what is accepted, what is refused (with the reason), and that a refusal stores nothing."""

import io
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from courses.models import ContentPackage, PackageItem
from courses.packages.archive import PackageError
from courses.packages.importing import read_upload, store_package

from .package_files import INDEX_HTML, au_xml, block_xml, cmi5_xml, cmi5_zip, tincan_xml, zip_bytes

LTS = Path("/work/shared/conformance/catapult-lts/lts/pkg/dist")
if not LTS.exists():
    LTS = Path(__file__).resolve().parents[3] / "shared/conformance/catapult-lts/lts/pkg/dist"


def upload(data, name="package.zip"):
    file = io.BytesIO(data)
    file.name = name
    return read_upload(file)


def refused(data, name="package.zip"):
    with pytest.raises(PackageError) as caught:
        upload(data, name)
    return str(caught.value)


@pytest.mark.django_db
def test_a_cmi5_zip_becomes_a_package_with_one_item_per_au_in_order():
    xml = cmi5_xml(
        block_xml(1, au_xml(1), au_xml(2, attributes='moveOn="CompletedAndPassed" masteryScore="0.8"')), au_xml(3)
    )
    stored = store_package(upload(cmi5_zip(xml)))
    items = list(stored.items.order_by("position"))
    assert [item.title for item in items] == ["Unit 1", "Unit 2", "Unit 3"]
    assert items[1].move_on == "CompletedAndPassed" and float(items[1].mastery_score) == 0.8
    assert items[0].blocks == ["https://example.org/cmi5/block/1"] and items[2].blocks == []
    assert stored.structure["title"] == {"en": "Budget oversight", "fr": "Contrôle budgétaire"}
    assert default_storage.open(f"packages/{stored.id}/index.html").read() == INDEX_HTML


@pytest.mark.django_db
def test_item_keys_stay_the_same_for_the_same_lesson_and_unit_ids():
    import uuid

    lesson_key = uuid.uuid4()
    first = store_package(upload(cmi5_zip()), lesson_key=lesson_key)
    second = store_package(upload(cmi5_zip()), lesson_key=lesson_key)
    assert first.items.get().item_key == second.items.get().item_key


def test_a_bare_cmi5_xml_with_absolute_urls_is_accepted():
    parsed = upload(cmi5_xml(au_xml(1, url="https://content.example.org/au/1.html")), "cmi5.xml").parsed
    assert parsed.items[0].url == "https://content.example.org/au/1.html"


@pytest.mark.django_db
def test_a_tincan_zip_becomes_a_package_with_its_launchable_activity():
    stored = store_package(upload(zip_bytes({"tincan.xml": tincan_xml(), "index.html": INDEX_HTML})))
    item = stored.items.get()
    assert (stored.kind, item.publisher_id, item.title) == (
        "tincan",
        "https://example.org/tincan/course",
        "Open data basics",
    )


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"just text", "package.zip", "not a readable zip"),
        (b"# notes", "notes.md", "Upload a zip file"),
        (zip_bytes({"readme.txt": b"x"}), "package.zip", "none of these files at its root"),
        (cmi5_zip(**{"../evil.js": b"x"}), "package.zip", "leaves the package"),
        (cmi5_zip(**{"/etc/passwd": b"x"}), "package.zip", "absolute path"),
        (cmi5_zip(**{"C:/evil.js": b"x"}), "package.zip", "absolute path"),
        (
            zip_bytes({"cmi5.xml": cmi5_xml(), "index.html": INDEX_HTML}, symlinks=[("link", "/etc")]),
            "p.zip",
            "symbolic link",
        ),
        (cmi5_zip(b"<courseStructure"), "package.zip", "not well-formed"),
        (
            cmi5_zip(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'),
            "package.zip",
            "not well-formed",
        ),
        (cmi5_zip(cmi5_xml(course_id="example.org/course")), "package.zip", "absolute IRI"),
        (cmi5_zip(cmi5_xml(au_xml(1), au_xml(1))), "package.zip", "used twice"),
        (cmi5_zip(cmi5_xml(block_xml(1, au_xml(1)), block_xml(1, au_xml(2)))), "package.zip", "used twice"),
        (cmi5_zip(cmi5_xml(au_xml(1, attributes='moveOn="Done"'))), "package.zip", "moveOn must be"),
        (cmi5_zip(cmi5_xml(au_xml(1, attributes='masteryScore="1.5"'))), "package.zip", "masteryScore"),
        (cmi5_zip(cmi5_xml(au_xml(1, attributes='masteryScore="0.12345"'))), "package.zip", "masteryScore"),
        (cmi5_zip(cmi5_xml(au_xml(1, attributes='launchMethod="Popup"'))), "package.zip", "launchMethod"),
        (cmi5_zip(cmi5_xml(au_xml(1, url="index.html?fetch=x"))), "package.zip", "launch parameter"),
        (cmi5_zip(cmi5_xml(au_xml(1, url="missing.html"))), "package.zip", "not in the zip"),
        (cmi5_zip(cmi5_xml(au_xml(1, url="http://example.com index.html"))), "package.zip", "not a valid URL"),
        (cmi5_xml(au_xml(1)), "cmi5.xml", "needs absolute AU URLs"),
        (
            cmi5_zip(cmi5_xml(au_xml(1, inner="<launchParameters>x</launchParameters>"))),
            "p.zip",
            "CourseStructure schema",
        ),
        (
            cmi5_zip(cmi5_xml(au_xml(1, inner='<objectives><objective idref="https://x.org/o"/></objectives>'))),
            "p.zip",
            "not declared",
        ),
        (zip_bytes({"tincan.xml": tincan_xml(launch="missing.html")}), "package.zip", "not in the zip"),
        (zip_bytes({"tincan.xml": tincan_xml(activity_id="course-1")}), "package.zip", "absolute IRI"),
    ],
)
def test_bad_packages_are_refused_with_the_reason(data, name, reason):
    assert reason in refused(data, name)


@override_settings(PACKAGE_MAX_FILES=3)
def test_a_zip_with_too_many_files_is_refused():
    assert "at most 3" in refused(cmi5_zip(**{"a.js": b"", "b.js": b""}))


@override_settings(PACKAGE_MAX_BYTES=10_000)
def test_a_zip_bomb_is_refused_before_anything_is_unpacked():
    assert "larger than" in refused(cmi5_zip(**{"bomb.bin": b"\0" * 50_000}))


@pytest.mark.django_db
def test_a_refused_package_stores_nothing():
    before = set(default_storage.listdir("packages")[0]) if default_storage.exists("packages") else set()
    with pytest.raises(PackageError):
        store_package(upload(cmi5_zip(cmi5_xml(au_xml(1, url="missing.html")))))
    assert ContentPackage.objects.count() == 0 and PackageItem.objects.count() == 0
    after = set(default_storage.listdir("packages")[0]) if default_storage.exists("packages") else set()
    assert after == before


@pytest.mark.skipif(not LTS.exists(), reason="the CATAPULT test packages are not beside the repository")
@pytest.mark.parametrize("name", sorted(path.name for path in LTS.glob("*")) if LTS.exists() else [])
def test_the_catapult_packages_are_accepted_or_refused_as_the_suite_expects(name):
    data = (LTS / name).read_bytes()
    if name.startswith("2"):
        refused(data, name)
    else:
        assert upload(data, name).parsed.items
