"""The one place that changes learner progress: enrolment, progress, quizzes, completion and certificates.

Views, admin views, tasks and the LRS call these functions; each runs in one transaction with the xAPI
statement it records (``lms.xapi.api.record``), so progress and its statement are stored together or not at all.
"""

from .activities import ActivityNotFinished, complete_by_activity
from .certificates import issue_certificate
from .enrolment import OUTCOMES as BULK_OUTCOMES
from .enrolment import EnrolmentError, PrerequisitesMissing, accept_invitations, bulk_enrol, enrol
from .prerequisites import prerequisites_for
from .progress import (
    CourseState,
    complete_item,
    complete_package_item,
    course_state,
    enrolment_for,
    open_item,
    open_package_item,
    progress_by_course,
    register_package_lesson,
)
from .quizzes import QuizError, attempts_for, review_attempt, shuffle_seed, submit_quiz
from .scorm import MAX_COMMIT_BYTES as SCORM_MAX_COMMIT_BYTES
from .scorm import CommitConflict as ScormCommitConflict
from .scorm import CommitError as ScormCommitError
from .scorm import launch_data as scorm_launch_data
from .scorm import record_commit as record_scorm_commit

__all__ = [
    "BULK_OUTCOMES",
    "SCORM_MAX_COMMIT_BYTES",
    "ActivityNotFinished",
    "CourseState",
    "EnrolmentError",
    "PrerequisitesMissing",
    "QuizError",
    "ScormCommitConflict",
    "ScormCommitError",
    "accept_invitations",
    "attempts_for",
    "bulk_enrol",
    "complete_by_activity",
    "complete_item",
    "complete_package_item",
    "course_state",
    "enrol",
    "enrolment_for",
    "issue_certificate",
    "open_item",
    "open_package_item",
    "prerequisites_for",
    "progress_by_course",
    "record_scorm_commit",
    "register_package_lesson",
    "review_attempt",
    "scorm_launch_data",
    "shuffle_seed",
    "submit_quiz",
]
