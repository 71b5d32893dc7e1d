"""Demo interactive content of the project's own making: an H5P exercise in a lesson and a SCORM 2004 lesson.

Idempotent: the activity and the package are uploaded once; later runs only update the pages' texts.
"""

import io

from django.core.files.base import ContentFile

from lms.core.demo.builders import upsert_child

from ..h5p.package import store_package as store_h5p
from ..models import H5PActivity, LessonPage, PackageLessonPage
from ..packages.importing import read_upload
from ..packages.importing import store_package as store_scorm
from .h5p import quick_check_files, zip_files
from .scorm import scorm_files

H5P_TITLE = "Quick check: who decides on ICT?"
QUESTION = "Who should decide on a parliament's ICT priorities?"
ANSWERS = [("A governance board of members and senior staff", True), ("The ICT vendor", False)]
SCOS = [
    {"title": "Who decides", "question": QUESTION, "answers": [list(answer) for answer in ANSWERS]},
    {
        "title": "Open formats",
        "question": "Which format lets anyone reuse a parliament's votes?",
        "answers": [["CSV or JSON published with an open licence", True], ["A scanned PDF", False]],
    },
]


def _h5p_activity():
    activity = H5PActivity.objects.filter(title=H5P_TITLE).first()
    if activity:
        return activity
    data = zip_files(quick_check_files(H5P_TITLE, QUESTION, ANSWERS))
    package = store_h5p(io.BytesIO(data))
    activity = H5PActivity(title=H5P_TITLE, content_root=package.root, main_library=package.main_library)
    activity.h5p_json = package.h5p_json
    activity.package.save("quick-check.h5p", ContentFile(data), save=False)
    activity.save()
    return activity


def load(course):
    """Add the H5P practice lesson and the SCORM lesson to ``course`` (English)."""
    activity = _h5p_activity()
    upsert_child(
        course,
        LessonPage,
        "practice-who-decides",
        title="Practice: who decides?",
        introduction="A short interactive check (H5P): your answer is saved, and answering completes the lesson.",
        body=[("h5p", {"activity": activity, "completion": "completed"})],
        estimated_minutes=3,
        required=False,
    )
    if not PackageLessonPage.objects.child_of(course).filter(slug="governance-in-practice").exists():
        lesson = PackageLessonPage(slug="governance-in-practice", title="Governance in practice (SCORM)")
        upload = io.BytesIO(zip_files(scorm_files("2004-4", "Governance in practice", SCOS)))
        upload.name = "governance-in-practice.zip"
        lesson.package = store_scorm(read_upload(upload), lesson_key=lesson.translation_key)
        course.add_child(instance=lesson)
    upsert_child(
        course,
        PackageLessonPage,
        "governance-in-practice",
        title="Governance in practice (SCORM)",
        introduction="Two short SCORM 2004 exercises: leave at any time and resume on any device.",
        estimated_minutes=5,
        required=False,
    )
