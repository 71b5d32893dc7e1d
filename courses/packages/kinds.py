"""The kinds of package the platform accepts, each known by its manifest file and read by its own parser.

A kind registers itself with :func:`register`; :func:`detect` picks the kind of an upload from the manifest at
the root of its zip (or from a bare manifest file). Parsers return a :class:`ParsedPackage`: what the lesson
shows as items, in order, whatever the kind. SCORM plugs in beside cmi5 and Tin Can the same way.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .archive import PackageError


@dataclass
class ParsedItem:
    """One launchable unit of a package (a cmi5 AU, a Tin Can activity, a SCORM SCO)."""

    publisher_id: str
    title: dict  # language -> text
    url: str  # a path inside the package, or an absolute URL
    description: dict = field(default_factory=dict)
    move_on: str = "NotApplicable"
    mastery_score: float | None = None
    launch_method: str = "AnyWindow"
    launch_parameters: str = ""
    entitlement_key: str = ""
    activity_type: str = ""
    blocks: list = field(default_factory=list)  # publisher ids of the enclosing blocks, outermost first


@dataclass
class ParsedPackage:
    """A validated package: its kind, its own id and title, its items in order, and its block tree."""

    kind: str
    publisher_id: str
    title: dict
    items: list[ParsedItem]
    description: dict = field(default_factory=dict)
    blocks: list = field(default_factory=list)  # [{"id", "title", "parent"}] in document order


@dataclass(frozen=True)
class Kind:
    """A package kind: its name, its label, the manifest at the package's root, and its parser.

    ``parse(manifest_bytes, archive)`` gets the manifest's bytes and the :class:`~.archive.Archive` (None for a
    bare manifest) and returns a :class:`ParsedPackage` or raises :class:`~.archive.PackageError`.
    """

    name: str
    label: str
    manifest: str
    parse: object
    bare_manifest: bool = False  # may the manifest be uploaded alone, its items on another server?


KINDS: dict[str, Kind] = {}


def register(kind):
    """Add a package kind (called once per kind at import time)."""
    KINDS[kind.name] = kind
    return kind


def kind_of_archive(archive):
    """The kind whose manifest sits at the root of the zip."""
    for kind in KINDS.values():
        if kind.manifest in archive:
            return kind
    manifests = ", ".join(sorted(kind.manifest for kind in KINDS.values()))
    raise PackageError(_("The zip has none of these files at its root: %(names)s.") % {"names": manifests})


def kind_of_manifest(filename):
    """The kind whose manifest may be uploaded alone under this file name."""
    for kind in KINDS.values():
        if kind.bare_manifest and filename.lower().endswith(".xml"):
            return kind
    raise PackageError(_("Upload a zip file, or a cmi5.xml course structure."))
