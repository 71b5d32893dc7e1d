"""Reading an uploaded zip as hostile input: names, kinds, counts and sizes checked before anything is stored.

Unpacking streams each member into Django's storage in chunks and counts the bytes it really reads, so a
member that lies about its size (a zip bomb) is stopped at the limit and memory stays flat whatever the size.
"""

import contextlib
import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass

from django.core.files.base import File
from django.core.files.storage import default_storage

CHUNK = 256 * 1024


class ArchiveError(ValueError):
    """Why an archive is refused: ``file`` is the member concerned (or empty), ``rule`` what it breaks."""

    def __init__(self, message, file=""):
        super().__init__(message)
        self.file = file


@dataclass(frozen=True)
class Limits:
    max_files: int
    max_bytes: int


def _check_name(name):
    if "\x00" in name or "\\" in name:
        raise ArchiveError("the name holds a NUL byte or a backslash", name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ArchiveError("absolute paths are not allowed", name)
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ArchiveError("the path leaves the package or has empty parts", name)
    if len(name) > 200:
        raise ArchiveError("the path is longer than 200 characters", name)


def _is_symlink(info):
    return stat.S_ISLNK(info.external_attr >> 16)


def open_archive(upload, limits):
    """A :class:`zipfile.ZipFile` of ``upload`` (a file object) whose every member passed the checks.

    Raises :class:`ArchiveError` for a file that is not a zip, an encrypted member, a symlink, a name that
    is absolute, leaves the package or repeats, more than ``limits.max_files`` members, or more than
    ``limits.max_bytes`` uncompressed.
    """
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchiveError("the file is not a zip archive") from error
    members = archive.infolist()
    if len(members) > limits.max_files:
        raise ArchiveError(f"the archive holds {len(members)} files, more than {limits.max_files}")
    seen, total = set(), 0
    for info in members:
        _check_name(info.filename)
        if info.filename.lower() in seen:
            raise ArchiveError("the name appears twice", info.filename)
        seen.add(info.filename.lower())
        if _is_symlink(info):
            raise ArchiveError("symbolic links are not allowed", info.filename)
        if info.flag_bits & 0x1:
            raise ArchiveError("encrypted files are not allowed", info.filename)
        total += info.file_size
        if total > limits.max_bytes:
            raise ArchiveError(f"the archive unpacks to more than {limits.max_bytes // (1024 * 1024)} MB")
    return archive


def read_member(archive, name, max_bytes):
    """The bytes of one small member (a manifest), read no further than ``max_bytes``."""
    try:
        with archive.open(name) as member:
            data = member.read(max_bytes + 1)
    except KeyError as error:
        raise ArchiveError("the file is missing", name) from error
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise ArchiveError(f"the file cannot be read ({error})", name) from error
    if len(data) > max_bytes:
        raise ArchiveError(f"the file is larger than {max_bytes // 1024} kB", name)
    return data


class _Bounded(File):
    """A member being unpacked, refused once it yields more than it declared."""

    def __init__(self, member, info):
        super().__init__(member, name=info.filename)
        self.info, self.read_so_far = info, 0

    def chunks(self, chunk_size=None):
        while True:
            data = self.file.read(chunk_size or CHUNK)
            if not data:
                return
            self.read_so_far += len(data)
            if self.read_so_far > self.info.file_size:
                raise ArchiveError("the file is larger than the archive says", self.info.filename)
            yield data

    @property
    def size(self):
        return self.info.file_size


def unpack(archive, root, accept=lambda name: True):
    """Stream every file member that ``accept`` keeps into storage under ``root``; returns how many."""
    count = 0
    for info in archive.infolist():
        if info.is_dir() or not accept(info.filename):
            continue
        with archive.open(info) as member:
            try:
                default_storage.save(posixpath.join(root, info.filename), _Bounded(member, info))
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
                raise ArchiveError(f"the file cannot be read ({error})", info.filename) from error
        count += 1
    return count


def remove(root):
    """Delete what :func:`unpack` stored under ``root`` (best effort, for a refused or replaced package)."""
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
