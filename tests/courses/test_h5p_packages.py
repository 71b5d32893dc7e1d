"""Uploading H5P activities: a good .h5p is unpacked into storage; every bad one gets a form error naming the
file and the rule, and nothing of it is stored. The zip itself goes through the shared hostile-zip reader
(courses/packages/archive.py) with the H5P limits: each of its refusals is proved here through the H5P form too."""

import io
import stat
import warnings
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from courses.demo.h5p import zip_files
from courses.models import H5PActivity
from lms.accounts.factories import UserFactory
from tests.courses.h5p_helpers import make_activity, quick_check, upload

pytestmark = pytest.mark.django_db


def test_an_upload_through_the_admin_is_checked_and_unpacked(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    add = reverse("wagtailsnippets_courses_h5pactivity:add")
    good = client.post(
        add, {"title": "Who decides?", "package": SimpleUploadedFile("check.h5p", zip_files(quick_check()))}
    )
    assert good.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.main_library == "IPU.QuickCheck 1.0"
    assert default_storage.exists(f"{activity.content_root}/content/content.json")
    bad = client.post(add, {"title": "Broken", "package": SimpleUploadedFile("broken.h5p", b"not a zip")})
    assert bad.status_code == 200
    assert bad.context["form"].errors["package"] == ["The file is not a readable zip archive."]
    assert H5PActivity.objects.count() == 1


def test_a_good_package_is_unpacked_into_storage():
    activity = make_activity()
    assert activity.main_library == "IPU.QuickCheck 1.0"
    assert activity.h5p_json["title"] == "Who decides?"
    assert default_storage.exists(f"{activity.content_root}/content/content.json")
    assert default_storage.exists(f"{activity.content_root}/IPU.QuickCheck-1.0/quick-check.js")


def _symlink_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in quick_check().items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("content/images/passwd.png")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def _zip_with(extra, force_zip64=False):
    """quick_check's files, then ``extra`` ([(name, bytes)], repeats allowed), each written as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about a repeated name, and writes it
        for name, data in [*quick_check().items(), *extra]:
            with archive.open(name, "w", force_zip64=force_zip64) as member:
                member.write(data)
    return buffer.getvalue()


def _encrypted_zip():
    """A member whose central directory entry says it is encrypted (bit 0 of its flags)."""
    data = bytearray(_zip_with([("content/secret.json", b"{}")]))
    entry = data.rfind(b"PK\x01\x02", 0, data.find(b"content/secret.json", data.find(b"PK\x01\x02")))
    data[entry + 8] |= 0x1
    return bytes(data)


def _lying_zip():
    """A member whose header says 10 bytes but that inflates to a megabyte (a zip bomb's trick)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in quick_check().items():
            archive.writestr(name, data)
        archive.writestr("content/big.txt", b"0" * 1_000_000)
    data = bytearray(buffer.getvalue())
    # Patch the declared uncompressed size (local header and central directory) of the last member.
    for offset in _offsets(data, b"content/big.txt"):
        header = data.rfind(b"PK\x03\x04", 0, offset)
        central = data.rfind(b"PK\x01\x02", 0, offset)
        if central > header:
            data[central + 24 : central + 28] = (10).to_bytes(4, "little")
        else:
            data[header + 22 : header + 26] = (10).to_bytes(4, "little")
    return bytes(data)


def _offsets(data, needle):
    start = 0
    while (found := data.find(needle, start)) != -1:
        yield found
        start = found + 1


REFUSED = {
    "not a zip": (b"this is not a zip", "The file is not a readable zip archive."),
    "no h5p.json": (quick_check(**{"h5p.json": None}), "h5p.json: an H5P file must hold h5p.json"),
    "h5p.json not JSON": (quick_check(**{"h5p.json": b"{nope"}), "h5p.json: the file is not valid UTF-8 JSON"),
    "h5p.json odd encoding": (quick_check(**{"h5p.json": b"\xff\xfe\x00"}), "h5p.json: the file is not valid"),
    "no mainLibrary": (
        quick_check(**{"h5p.json": b'{"title": "x", "preloadedDependencies": []}'}),
        "h5p.json: mainLibrary is required.",
    ),
    "mainLibrary not a dependency": (
        quick_check(**{"h5p.json": b'{"title": "x", "mainLibrary": "IPU.Other", "preloadedDependencies": []}'}),
        "mainLibrary must be one of preloadedDependencies",
    ),
    "no content.json": (
        quick_check(**{"content/content.json": None}),
        "content/content.json: an H5P file must hold content/content.json",
    ),
    "missing library": (
        quick_check(**{"IPU.QuickCheck-1.0/library.json": None}),
        "IPU.QuickCheck-1.0/: the library is not in the file",
    ),
    "library.json of another library": (
        quick_check(
            **{"IPU.QuickCheck-1.0/library.json": b'{"machineName": "IPU.Other", "majorVersion": 1, "minorVersion": 0}'}
        ),
        "machineName and versions must match the folder's name",
    ),
    "missing script": (
        quick_check(**{"IPU.QuickCheck-1.0/quick-check.js": None}),
        "a file of preloadedJs is missing (quick-check.js)",
    ),
    "script outside a library": (
        quick_check(**{"content/evil.js": b"alert(1)"}),
        "content/evil.js: files of type “.js” are not allowed as content.",
    ),
    "server script": (
        quick_check(**{"IPU.QuickCheck-1.0/shell.php": b"<?php"}),
        "IPU.QuickCheck-1.0/shell.php: files of type “.php” are not allowed in a library.",
    ),
    "traversal": (
        quick_check(**{"../../etc/cron.d/x.json": b"{}"}),
        "The zip holds a path that leaves the package: “../../etc/cron.d/x.json”.",
    ),
    "absolute path": (quick_check(**{"/etc/x.json": b"{}"}), "The zip holds a file with an absolute path"),
    "drive path": (quick_check(**{"C:/x.json": b"{}"}), "The zip holds a file with an absolute path: “C:/x.json”."),
    "backslash": (quick_check(**{"content\\x.json": b"{}"}), "The file name “content\\x.json” in the zip"),
    # zipfile cuts a name at its NUL byte: what is left has no extension.
    "NUL in a name": (quick_check(**{"content/a\x00.json": b"{}"}), "content/a: files without an extension"),
    "symlink": (_symlink_zip(), "The zip holds a symbolic link: “content/images/passwd.png”."),
    "repeated member": (
        _zip_with([("content/a.json", b"{}"), ("content/a.json", b"[]")]),
        "The zip holds “content/a.json” twice.",
    ),
    "encrypted member": (_encrypted_zip(), "The zip holds an encrypted file: “content/secret.json”."),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_package_is_refused_with_the_file_and_rule_and_nothing_is_stored(case):
    files, message = REFUSED[case]
    if isinstance(files, dict):
        files = {name: data for name, data in files.items() if data is not None}
    form = upload(files)
    assert not form.is_valid()
    assert message in " ".join(form.errors["package"]), form.errors
    assert not H5PActivity.objects.exists()


def test_limits_on_files_and_bytes(settings):
    settings.H5P_MAX_FILES = 3
    form = upload(quick_check())
    assert not form.is_valid()
    assert "a package may hold at most 3" in form.errors["package"][0]
    settings.H5P_MAX_FILES = 5000
    settings.H5P_MAX_BYTES = 3 * 2**20
    form = upload(quick_check(**{"content/big.txt": b"0" * (3 * 2**20)}))
    assert not form.is_valid()
    assert "The package is larger than 3 MB once unzipped." in form.errors["package"][0]
    assert not H5PActivity.objects.exists()


def test_a_zip64_package_is_accepted():
    activity = make_activity(_zip_with([], force_zip64=True))
    assert default_storage.exists(f"{activity.content_root}/content/content.json")


def test_a_member_larger_than_it_declares_is_stopped_while_unpacking():
    before = _unpacked_folders()
    form = upload(_lying_zip())
    assert not form.is_valid()
    assert "The file “content/big.txt” in the zip cannot be read." in form.errors["package"][0]
    assert _unpacked_folders() == before


def _unpacked_folders():
    return set(default_storage.listdir("h5p/content")[0]) if default_storage.exists("h5p/content") else set()


def test_the_file_must_be_an_h5p():
    form = upload(quick_check(), name="check.zip")
    assert not form.is_valid()
    assert "Upload an .h5p file." in form.errors["package"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            quick_check(**{"IPU.QuickCheck-1.0/library.json": None}),
            "IPU.QuickCheck-1.0/ : la bibliothèque est absente du fichier : exportez l’activité avec ses "
            "bibliothèques.",
        ),
        (
            quick_check(**{"../../etc/cron.d/x.json": b"{}"}),
            "Le zip contient un chemin qui sort du paquet : « ../../etc/cron.d/x.json ».",
        ),
    ],
)
def test_an_administrator_working_in_french_reads_why_an_h5p_file_is_refused_in_french(client, files, message):
    admin = UserFactory(is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(admin)
    data = zip_files({name: content for name, content in files.items() if content is not None})
    response = client.post(
        reverse("wagtailsnippets_courses_h5pactivity:add"),
        {"title": "Qui décide ?", "package": SimpleUploadedFile("check.h5p", data)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["package"] == [message]
    assert message in response.content.decode()
    assert not H5PActivity.objects.exists()


def test_a_hub_host_uploads_an_activity_and_edits_only_their_own(client, hub):
    from hubs.roles import ensure_hub_roles

    host = UserFactory(email="host@example.org")  # not staff: what the host may do comes from the hub's group
    host.groups.add(ensure_hub_roles(hub).hosts)
    theirs = make_activity(title="An administrator's activity")
    client.force_login(host)
    response = client.post(
        reverse("wagtailsnippets_courses_h5pactivity:add"),
        {"title": "Budget check", "package": SimpleUploadedFile("check.h5p", zip_files(quick_check()))},
    )
    assert response.status_code == 302
    own = H5PActivity.objects.get(title="Budget check")
    assert own.uploaded_by_user == host and own.main_library == "IPU.QuickCheck 1.0"
    listing = client.get(reverse("wagtailsnippets_courses_h5pactivity:list")).content.decode()
    assert "Budget check" in listing and "An administrator&#x27;s activity" in listing
    assert client.get(reverse("wagtailsnippets_courses_h5pactivity:edit", args=[own.pk])).status_code == 200
    edit_theirs = reverse("wagtailsnippets_courses_h5pactivity:edit", args=[theirs.pk])
    assert client.get(edit_theirs).status_code in (302, 403)
    assert client.post(edit_theirs, {"title": "Taken over"}).status_code in (302, 403)
    delete_theirs = reverse("wagtailsnippets_courses_h5pactivity:delete", args=[theirs.pk])
    assert client.post(delete_theirs).status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.title == "An administrator's activity"
    chooser = client.get(reverse("wagtailsnippetchoosers_courses_h5pactivity:choose"))
    assert chooser.status_code == 200 and "An administrator" in chooser.content.decode()  # any may be placed
