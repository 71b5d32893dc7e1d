"""Checking and unpacking an ``.h5p`` file as the H5P file specification describes it.

An ``.h5p`` file is a zip holding ``h5p.json`` (title, ``mainLibrary``, ``preloadedDependencies``),
``content/content.json`` (the content's parameters), and one folder per library, named
``<machineName>-<major>.<minor>`` with its ``library.json``. The platform plays it with h5p-standalone, which
needs every library in the file, so a file whose libraries are missing is refused here rather than failing
in the learner's browser. File extensions are limited to H5P's own whitelist (scripts and styles only inside
library folders). The zip itself is read by the platform's one hostile-zip reader,
:class:`courses.packages.archive.Archive`, with the H5P limits; only the H5P rules are here.
"""

import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from ..packages.archive import Archive, PackageError

MANIFEST_BYTES = 1024 * 1024
CONTENT_BYTES = 16 * 1024 * 1024
# H5P's default list of allowed content file extensions, plus scripts and styles for libraries.
CONTENT_EXTENSIONS = frozenset(
    ("json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "eot", "ttf", "woff", "woff2", "otf", "webm",
     "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
     "odp", "xml", "csv", "diff", "patch", "md", "textile", "vtt", "webvtt")
)  # fmt: skip
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css"}
LIBRARY_FOLDER = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)-(?P<major>\d+)\.(?P<minor>\d+)$")
MACHINE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,255}$")


@dataclass
class H5PPackage:
    """A checked ``.h5p`` file: its ``h5p.json``, main library (``H5P.MultiChoice 1.16``) and storage root."""

    h5p_json: dict
    main_library: str
    root: str = ""


def _json(archive, name, max_bytes):
    data = archive.read(name, max_bytes)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageError(
            _("%(name)s: the file is not valid UTF-8 JSON (%(error)s).") % {"name": name, "error": error}
        ) from error


def _object(archive, name, max_bytes):
    data = _json(archive, name, max_bytes)
    if not isinstance(data, dict):
        raise PackageError(_("%(name)s must be a JSON object.") % {"name": name})
    return data


def _dependencies(data, file):
    dependencies = data.get("preloadedDependencies", [])
    if not isinstance(dependencies, list):
        raise PackageError(_("%(name)s: preloadedDependencies must be a list.") % {"name": file})
    folders = []
    for dependency in dependencies:
        if not isinstance(dependency, dict):
            raise PackageError(_("%(name)s: each of preloadedDependencies must be an object.") % {"name": file})
        name, major, minor = (dependency.get(key) for key in ("machineName", "majorVersion", "minorVersion"))
        if not (isinstance(name, str) and MACHINE_NAME.match(name)) or not all(
            isinstance(value, int) and not isinstance(value, bool) for value in (major, minor)
        ):
            raise PackageError(
                _("%(name)s: a dependency needs machineName, majorVersion and minorVersion (integers).")
                % {"name": file}
            )
        folders.append(f"{name}-{major}.{minor}")
    return folders


def _check_h5p_json(data):
    for field in ("title", "mainLibrary"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise PackageError(_("h5p.json: %(field)s is required.") % {"field": field})
    if "preloadedDependencies" not in data:
        raise PackageError(_("h5p.json: %(field)s is required.") % {"field": "preloadedDependencies"})


def _check_extensions(names, libraries):
    for name in names:
        top = name.split("/", 1)[0]
        extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        if not extension:
            raise PackageError(_("%(name)s: files without an extension are not allowed.") % {"name": name})
        if top in libraries and extension not in LIBRARY_EXTENSIONS:
            raise PackageError(
                _("%(name)s: files of type “.%(extension)s” are not allowed in a library.")
                % {"name": name, "extension": extension}
            )
        if top not in libraries and extension not in CONTENT_EXTENSIONS:
            raise PackageError(
                _("%(name)s: files of type “.%(extension)s” are not allowed as content.")
                % {"name": name, "extension": extension}
            )


def _check_libraries(archive, h5p_json):
    """Every library h5p.json or a library needs is in the file, with a library.json that names it."""
    needed = _dependencies(h5p_json, "h5p.json")
    main = next((folder for folder in needed if folder.rsplit("-", 1)[0] == h5p_json["mainLibrary"]), None)
    if main is None:
        raise PackageError(_("h5p.json: mainLibrary must be one of preloadedDependencies."))
    checked = set()
    while needed:
        folder = needed.pop()
        if folder in checked:
            continue
        checked.add(folder)
        manifest = f"{folder}/library.json"
        if manifest not in archive:
            raise PackageError(
                _("%(folder)s/: the library is not in the file: export the activity with its libraries.")
                % {"folder": folder}
            )
        library = _object(archive, manifest, MANIFEST_BYTES)
        expected = LIBRARY_FOLDER.match(folder)
        named = (library.get("machineName"), library.get("majorVersion"), library.get("minorVersion"))
        if named != (expected["name"], int(expected["major"]), int(expected["minor"])):
            raise PackageError(
                _("%(name)s: machineName and versions must match the folder's name.") % {"name": manifest}
            )
        for kind in ("preloadedJs", "preloadedCss"):
            for entry in library.get(kind, []) or []:
                path = entry.get("path") if isinstance(entry, dict) else None
                if not isinstance(path, str) or f"{folder}/{path}" not in archive:
                    raise PackageError(
                        _("%(name)s: a file of %(kind)s is missing (%(path)s).")
                        % {"name": manifest, "kind": kind, "path": path}
                    )
        needed.extend(_dependencies(library, manifest))
    return main, checked


def _check(archive):
    """The :class:`H5PPackage` of an opened ``.h5p`` file, once every H5P rule holds."""
    if "h5p.json" not in archive:
        raise PackageError(_("h5p.json: an H5P file must hold h5p.json at its top level."))
    h5p_json = _object(archive, "h5p.json", MANIFEST_BYTES)
    _check_h5p_json(h5p_json)
    if "content/content.json" not in archive:
        raise PackageError(_("content/content.json: an H5P file must hold content/content.json."))
    _object(archive, "content/content.json", CONTENT_BYTES)
    main, libraries = _check_libraries(archive, h5p_json)
    _check_extensions(archive.entries, libraries)
    name, version = main.rsplit("-", 1)
    return H5PPackage(h5p_json=h5p_json, main_library=f"{name} {version}")


def store_package(upload):
    """Check an uploaded ``.h5p`` file (a file object), then stream its files into storage under a new folder.

    Raises :class:`~courses.packages.archive.PackageError` naming the file inside the package and the rule it
    breaks; nothing is stored then.
    """
    archive = Archive(upload, max_files=settings.H5P_MAX_FILES, max_bytes=settings.H5P_MAX_BYTES)
    package = _check(archive)
    package.root = f"h5p/content/{uuid.uuid4().hex}"
    archive.extract(package.root)
    return package
