"""Package lessons of the demo: a folder of ``<app>/demo/`` zipped and stored once, as an editor's upload is."""

import io
import zipfile

from .importing import read_upload, store_package


def stored_package(lesson, folder):
    """The lesson's package, made from the files of ``folder`` the first time (the demo data's ``make``)."""
    if lesson.package_id is not None:
        return lesson.package
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    buffer.seek(0)
    buffer.name = f"{folder.name}.zip"
    return store_package(read_upload(buffer), lesson_key=lesson.translation_key)
