"""Building H5P activities for tests the way a hub host does: an .h5p file through the admin form."""

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.demo.h5p import quick_check_files, zip_files
from courses.h5p.forms import H5PActivityForm
from courses.models import H5PActivity

ANSWERS = [("Members and the secretary general together", True), ("The ICT vendor", False)]


def quick_check(**overrides):
    files = quick_check_files("Who decides?", "Who should decide on ICT in a parliament?", ANSWERS)
    files.update(overrides)
    return files


def upload(files, name="check.h5p", title="Who decides?"):
    """The bound admin form of an upload of ``files`` ({name: bytes}, or raw bytes)."""
    data = files if isinstance(files, bytes) else zip_files(files)
    return H5PActivityForm(
        data={"title": title}, files={"package": SimpleUploadedFile(name, data)}, instance=H5PActivity()
    )


def make_activity(files=None, title="Who decides?"):
    form = upload(files or quick_check(), title=title)
    assert form.is_valid(), form.errors
    return form.save()
