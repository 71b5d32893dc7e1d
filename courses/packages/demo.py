"""Package lessons of the demo, stored once as an editor's upload is: a folder of ``<app>/demo/`` zipped as it
is (cmi5), or a SCORM package built from the questions of a folder's ``package.json``."""

import io
import json

from ..demo.h5p import zip_files
from ..demo.scorm import scorm_files
from .importing import read_upload, store_package


def _stored(lesson, name, make_files):
    """The lesson's package; ``make_files`` ({name: bytes}) is called, and the zip stored, only the first time
    (the loader asks again for each language and on every later load)."""
    if lesson.package_id is not None:
        return lesson.package
    buffer = io.BytesIO(zip_files(make_files()))
    buffer.name = name
    return store_package(read_upload(buffer), lesson_key=lesson.translation_key)


def stored_package(lesson, folder):
    """The lesson's package, made from the files of ``folder`` the first time (the demo data's ``make``)."""
    return _stored(
        lesson, f"{folder.name}.zip", lambda: {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
    )


def stored_scorm_package(lesson, folder):
    """The lesson's SCORM package, built the first time from ``folder/package.json``: ``version`` (``1.2``,
    ``2004-2``, ``2004-3`` or ``2004-4``), ``title``, ``mastery`` and ``scos`` (see ``courses.demo.scorm``)."""

    def make_files():
        spec = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        return scorm_files(spec["version"], spec["title"], spec["scos"], spec.get("mastery", 0.8))

    return _stored(lesson, f"{folder.name}.zip", make_files)
