"""SCORM 1.2 and SCORM 2004 packages as a package kind: ``imsmanifest.xml`` read by ``courses.scorm.manifest``.

Each launchable item of the default organisation (a SCO or an asset) becomes one item of the lesson, in the
manifest's order; its identifier is the publisher's id, so a new version of the package that keeps its item
identifiers keeps every learner's progress.
"""

from django.utils.translation import gettext as _

from ..scorm.manifest import MANIFEST, parse_manifest
from .archive import PackageError
from .kinds import Kind, ParsedItem, ParsedPackage, register


def parse(data, archive):
    """The :class:`ParsedPackage` of a SCORM manifest; a SCORM package cannot come as a bare manifest."""
    if archive is None:
        raise PackageError(_("A SCORM package must be uploaded as a zip holding imsmanifest.xml."))
    manifest = parse_manifest(data, set(archive.entries))
    language = "und"
    return ParsedPackage(
        kind="scorm2004" if manifest.is_2004 else "scorm12",
        publisher_id=manifest.identifier or manifest.title,
        title={language: manifest.title},
        items=[
            ParsedItem(
                publisher_id=sco.identifier,
                title={language: sco.title},
                url=sco.href,
                move_on="Passed" if sco.mastery_score is not None else "Completed",
                mastery_score=float(sco.mastery_score) if sco.mastery_score is not None else None,
                launch_method="OwnWindow" if sco.scorm_type == "asset" else "AnyWindow",
                activity_type=sco.scorm_type,
            )
            for sco in manifest.scos
        ],
        description={"version": manifest.version},
    )


register(Kind(name="scorm", label="SCORM 1.2 / 2004", manifest=MANIFEST, parse=parse))
