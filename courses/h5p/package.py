"""Checking and unpacking an ``.h5p`` file as the H5P file specification describes it.

An ``.h5p`` file is a zip holding ``h5p.json`` (title, ``mainLibrary``, ``preloadedDependencies``),
``content/content.json`` (the content's parameters), and one folder per library, named
``<machineName>-<major>.<minor>`` with its ``library.json``. The platform plays it with h5p-standalone, which
needs every library in the file, so a file whose libraries are missing is refused here rather than failing
in the learner's browser. File extensions are limited to H5P's own whitelist (scripts and styles only inside
library folders).
"""

import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings

from .archive import ArchiveError, Limits, open_archive, read_member, remove, unpack

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
    data = read_member(archive, name, max_bytes)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ArchiveError(f"the file is not valid UTF-8 JSON ({error})", name) from error


def _dependencies(owner, data, file):
    dependencies = data.get("preloadedDependencies", [])
    if not isinstance(dependencies, list):
        raise ArchiveError(f"{owner}: preloadedDependencies must be a list", file)
    folders = []
    for dependency in dependencies:
        if not isinstance(dependency, dict):
            raise ArchiveError(f"{owner}: each of preloadedDependencies must be an object", file)
        name, major, minor = (dependency.get(key) for key in ("machineName", "majorVersion", "minorVersion"))
        if not (isinstance(name, str) and MACHINE_NAME.match(name)) or not all(
            isinstance(value, int) and not isinstance(value, bool) for value in (major, minor)
        ):
            raise ArchiveError(
                f"{owner}: a dependency needs machineName, majorVersion and minorVersion (integers)", file
            )
        folders.append(f"{name}-{major}.{minor}")
    return folders


def _check_h5p_json(data):
    if not isinstance(data, dict):
        raise ArchiveError("h5p.json must be a JSON object", "h5p.json")
    for field in ("title", "mainLibrary"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise ArchiveError(f"h5p.json: {field} is required", "h5p.json")
    if "preloadedDependencies" not in data:
        raise ArchiveError("h5p.json: preloadedDependencies is required", "h5p.json")


def _check_extensions(names, libraries):
    for name in names:
        if name.endswith("/"):
            continue
        top = name.split("/", 1)[0]
        allowed = LIBRARY_EXTENSIONS if top in libraries else CONTENT_EXTENSIONS
        extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        if not extension:
            raise ArchiveError("files without an extension are not allowed", name)
        if extension not in allowed:
            where = "in a library" if top in libraries else "as content"
            raise ArchiveError(f"files of type '.{extension}' are not allowed {where}", name)


def _check_libraries(archive, names, h5p_json):
    """Every library h5p.json or a library needs is in the file, with a library.json that names it."""
    needed = _dependencies("h5p.json", h5p_json, "h5p.json")
    main = next((folder for folder in needed if folder.rsplit("-", 1)[0] == h5p_json["mainLibrary"]), None)
    if main is None:
        raise ArchiveError("h5p.json: mainLibrary must be one of preloadedDependencies", "h5p.json")
    checked = set()
    while needed:
        folder = needed.pop()
        if folder in checked:
            continue
        checked.add(folder)
        manifest = f"{folder}/library.json"
        if manifest not in names:
            raise ArchiveError("the library is not in the file: export the activity with its libraries", folder + "/")
        library = _json(archive, manifest, MANIFEST_BYTES)
        if not isinstance(library, dict):
            raise ArchiveError("library.json must be a JSON object", manifest)
        expected = LIBRARY_FOLDER.match(folder)
        named = (library.get("machineName"), library.get("majorVersion"), library.get("minorVersion"))
        if named != (expected["name"], int(expected["major"]), int(expected["minor"])):
            raise ArchiveError("library.json: machineName and versions must match the folder's name", manifest)
        for kind in ("preloadedJs", "preloadedCss"):
            for entry in library.get(kind, []) or []:
                path = entry.get("path") if isinstance(entry, dict) else None
                if not isinstance(path, str) or f"{folder}/{path}" not in names:
                    raise ArchiveError(f"library.json: a file of {kind} is missing ({path})", manifest)
        needed.extend(_dependencies(manifest, library, manifest))
    return main, checked


def read_package(upload):
    """Check an uploaded ``.h5p`` file (a file object) without storing anything; returns an :class:`H5PPackage`.

    Raises :class:`ArchiveError` naming the file inside the package and the rule it breaks.
    """
    limits = Limits(max_files=settings.H5P_MAX_FILES, max_bytes=settings.H5P_MAX_BYTES)
    archive = open_archive(upload, limits)
    names = set(archive.namelist())
    if "h5p.json" not in names:
        raise ArchiveError("an H5P file must hold h5p.json at its top level", "h5p.json")
    h5p_json = _json(archive, "h5p.json", MANIFEST_BYTES)
    _check_h5p_json(h5p_json)
    if "content/content.json" not in names:
        raise ArchiveError("an H5P file must hold content/content.json", "content/content.json")
    content = _json(archive, "content/content.json", CONTENT_BYTES)
    if not isinstance(content, dict):
        raise ArchiveError("content.json must be a JSON object", "content/content.json")
    main, libraries = _check_libraries(archive, names, h5p_json)
    _check_extensions(names, libraries)
    name, version = main.rsplit("-", 1)
    return H5PPackage(h5p_json=h5p_json, main_library=f"{name} {version}")


def store_package(upload):
    """Check ``upload`` with :func:`read_package`, then stream its files into storage under a new folder."""
    package = read_package(upload)
    upload.seek(0)
    archive = open_archive(upload, Limits(max_files=settings.H5P_MAX_FILES, max_bytes=settings.H5P_MAX_BYTES))
    package.root = f"h5p/content/{uuid.uuid4().hex}"
    try:
        unpack(archive, package.root)
    except ArchiveError:
        remove(package.root)
        raise
    return package
