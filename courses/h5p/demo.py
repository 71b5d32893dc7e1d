"""The demo's H5P activity: an IPU.QuickCheck built from a folder's ``quick-check.json`` and uploaded once
through the admin form, as a hub host uploads an ``.h5p`` file."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from ..demo.h5p import quick_check_files, zip_files
from .forms import H5PActivityForm


def stored_activity(activity, folder):
    """The activity's package (the demo data's ``make``), checked and unpacked the first time only."""
    if activity.content_root:
        return activity.package
    spec = json.loads((folder / "quick-check.json").read_text(encoding="utf-8"))
    answers = [(answer["text"], answer["correct"]) for answer in spec["answers"]]
    files = quick_check_files(
        spec["title"], spec["question"], answers, feedback=(spec["correct_feedback"], spec["wrong_feedback"])
    )
    upload = SimpleUploadedFile(f"{folder.name}.h5p", zip_files(files))
    title = activity.title or spec["title"]
    form = H5PActivityForm(data={"title": title}, files={"package": upload}, instance=activity)
    if not form.is_valid():
        raise ValueError(f"{folder}: the demo H5P activity is refused: {form.errors.as_text()}")
    return form.save(commit=False).package
