"""One path for every upload: read and validate the file, then store its files and items, or nothing at all."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from . import cmi5, scorm, tincan  # noqa: F401 - each registers its kind
from .archive import Archive, PackageError, remove
from .kinds import ParsedPackage, kind_of_archive, kind_of_manifest

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass
class Upload:
    """A validated upload, not stored yet."""

    parsed: ParsedPackage
    archive: Archive | None
    source_name: str

    @property
    def size(self):
        return sum(entry.size for entry in self.archive.entries.values()) if self.archive else 0


def read_upload(file, name=None):
    """Validate an uploaded file (a zip package or a bare manifest); raises :class:`PackageError`."""
    name = (name or getattr(file, "name", "") or "package").rsplit("/", 1)[-1][:255]
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if head in ZIP_MAGIC:
        archive = Archive(file)
        kind = kind_of_archive(archive)
        return Upload(parsed=kind.parse(archive.read(kind.manifest), archive), archive=archive, source_name=name)
    if name.lower().endswith(".zip"):
        raise PackageError(_("The file is not a readable zip archive."))
    kind = kind_of_manifest(name)
    data = file.read(settings.PACKAGE_MAX_MANIFEST_BYTES + 1)
    if len(data) > settings.PACKAGE_MAX_MANIFEST_BYTES:
        raise PackageError(_("The course structure file is too large."))
    return Upload(parsed=kind.parse(data, None), archive=None, source_name=name)


def store_package(upload, *, lesson_key=None, user=None):
    """Store a validated upload: its files in Django's storage and a :class:`ContentPackage` with its items.

    Either everything is stored or nothing: files written before a failure are deleted again.
    """
    from ..models.packages import ContentPackage, PackageItem, item_key_for

    parsed = upload.parsed
    extracted = None
    try:
        with transaction.atomic():
            package = ContentPackage.objects.create(
                kind=parsed.kind,
                lesson_key=lesson_key,
                publisher_id=parsed.publisher_id,
                title=_first(parsed.title)[:255],
                structure={"title": parsed.title, "description": parsed.description, "blocks": parsed.blocks},
                source_name=upload.source_name,
                file_count=len(upload.archive.entries) if upload.archive else 0,
                size=upload.size,
                uploaded_by=user if getattr(user, "is_authenticated", False) else None,
            )
            scope = lesson_key or package.id
            PackageItem.objects.bulk_create(
                PackageItem(
                    package=package,
                    position=position,
                    item_key=item_key_for(scope, item.publisher_id),
                    publisher_id=item.publisher_id,
                    title=_first(item.title)[:255],
                    titles=item.title,
                    url=item.url,
                    move_on=item.move_on,
                    mastery_score=item.mastery_score,
                    launch_method=item.launch_method,
                    launch_parameters=item.launch_parameters,
                    entitlement_key=item.entitlement_key,
                    activity_type=item.activity_type,
                    blocks=item.blocks,
                )
                for position, item in enumerate(parsed.items)
            )
            if upload.archive:
                upload.archive.extract(package.storage_prefix)
                extracted = package.storage_prefix
    except BaseException:
        if extracted:  # the transaction failed after the files were stored (extract cleans up its own failures)
            remove(extracted)
        raise
    return package


def _first(texts):
    return next(iter(texts.values()), "") if texts else ""
