"""Reading an uploaded zip as hostile input: no traversal, no absolute paths, no links, bounded size.

The one reader of uploaded zips: content packages (cmi5, Tin Can, SCORM) and H5P activities, each with its own
limits. Every check runs on the central directory when the zip is opened, before anything is read or stored.
A member is never read past the size its header declares: ``zipfile`` stops there and checks the CRC, so a
member that lies about its size (a zip bomb's trick) fails instead of filling memory or storage.
"""

import contextlib
import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _


class PackageError(ValueError):
    """The upload is not an acceptable package; the message says which file, element or rule is at fault."""


@dataclass(frozen=True)
class Entry:
    """One regular file of the archive: its normalised path inside the package and its uncompressed size."""

    path: str
    size: int
    info: zipfile.ZipInfo


def _normalised(name):
    if "\x00" in name or "\\" in name:
        raise PackageError(_("The file name “%(name)s” in the zip is not allowed.") % {"name": name[:200]})
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(_("The zip holds a file with an absolute path: “%(name)s”.") % {"name": name[:200]})
    parts = name.split("/")
    if ".." in parts:
        raise PackageError(_("The zip holds a path that leaves the package: “%(name)s”.") % {"name": name[:200]})
    return posixpath.normpath(name)


def _is_link(info):
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


class Archive:
    """The regular files of a zip, checked once on opening; :meth:`read` returns one file's bytes.

    ``max_files`` and ``max_bytes`` (uncompressed) default to ``PACKAGE_MAX_FILES`` and ``PACKAGE_MAX_BYTES``.
    """

    def __init__(self, file, max_files=None, max_bytes=None):
        max_files = settings.PACKAGE_MAX_FILES if max_files is None else max_files
        max_bytes = settings.PACKAGE_MAX_BYTES if max_bytes is None else max_bytes
        try:
            self._zip = zipfile.ZipFile(file)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
            raise PackageError(_("The file is not a readable zip archive.")) from error
        if len(infos) > max_files:
            raise PackageError(
                _("The zip holds %(count)s files; a package may hold at most %(limit)s.")
                % {"count": len(infos), "limit": max_files}
            )
        self.entries = {}
        total = 0
        for info in infos:
            if _is_link(info):
                raise PackageError(_("The zip holds a symbolic link: “%(name)s”.") % {"name": info.filename[:200]})
            path = _normalised(info.filename)
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise PackageError(_("The zip holds an encrypted file: “%(name)s”.") % {"name": path})
            total += info.file_size
            if total > max_bytes:
                raise PackageError(
                    _("The package is larger than %(limit)s MB once unzipped.") % {"limit": max_bytes // 2**20}
                )
            if path in self.entries:
                raise PackageError(_("The zip holds “%(name)s” twice.") % {"name": path})
            self.entries[path] = Entry(path=path, size=info.file_size, info=info)

    def __contains__(self, path):
        return path in self.entries

    def read(self, path, max_bytes=None):
        """The bytes of the file at ``path``, never more than the size its header declared (nor ``max_bytes``)."""
        entry = self.entries[path]
        if max_bytes is not None and entry.size > max_bytes:
            raise PackageError(
                _("The file “%(name)s” is larger than %(limit)s kB.") % {"name": path, "limit": max_bytes // 1024}
            )
        try:
            with self._zip.open(entry.info) as member:
                data = member.read(entry.size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise PackageError(_("The file “%(name)s” in the zip cannot be read.") % {"name": path}) from error
        if len(data) > entry.size:
            raise PackageError(_("The file “%(name)s” is larger than the zip says.") % {"name": path})
        return data

    def extract(self, root):
        """Stream every file into Django's storage under ``root`` (a new folder), in chunks, so memory stays flat
        whatever the size. If one file fails, everything under ``root`` is removed again."""
        try:
            for path, entry in self.entries.items():
                self._save(entry, posixpath.join(root, path))
        except BaseException:
            remove(root)
            raise

    def _save(self, entry, name):
        try:
            with self._zip.open(entry.info) as member:
                content = File(member, name=entry.path)
                content.size = entry.size
                default_storage.save(name, content)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            raise PackageError(_("The file “%(name)s” in the zip cannot be read.") % {"name": entry.path}) from error


def remove(root):
    """Delete what :meth:`Archive.extract` stored under ``root`` (best effort: a refused or replaced upload)."""
    try:
        directories, files = default_storage.listdir(root)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        default_storage.delete(posixpath.join(root, name))
    for name in directories:
        remove(posixpath.join(root, name))
    with contextlib.suppress(NotImplementedError, OSError):  # a file system keeps empty folders, object stores none
        os.rmdir(default_storage.path(root))
