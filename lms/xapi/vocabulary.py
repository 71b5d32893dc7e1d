"""The verbs and activity types the platform emits, with the IRIs of the ADL vocabulary and the xAPI registry.

Other apps import these constants and hand them to :func:`lms.xapi.api.record`; nothing else in the platform
spells an xAPI IRI. Display names are English (``en-US`` as the ADL vocabulary publishes them); a statement's
verb display is informative only, the IRI is what reports and external LRSs match on.
"""

from dataclasses import dataclass, field

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
REGISTRY_VERBS = "https://w3id.org/xapi/adl/verbs/"
VIDEO_VERBS = "https://w3id.org/xapi/video/verbs/"
VIDEO_ACTIVITIES = "https://w3id.org/xapi/video/activity-type/"
TINCAN_VERBS = "http://id.tincanapi.com/verb/"
TINCAN_ACTIVITIES = "http://id.tincanapi.com/activitytype/"


@dataclass(frozen=True)
class Verb:
    """An xAPI verb: its IRI and a display language map."""

    id: str
    display: dict = field(default_factory=dict)

    def as_xapi(self):
        """The verb as it appears in a statement."""
        return {"id": self.id, "display": dict(self.display)}


def _verb(iri, word):
    return Verb(iri, {"en-US": word})


# Verbs (ADL vocabulary, https://registry.tincanapi.com and https://w3id.org/xapi/adl).
REGISTERED = _verb(ADL_VERBS + "registered", "registered")
LAUNCHED = _verb(ADL_VERBS + "launched", "launched")
INITIALIZED = _verb(ADL_VERBS + "initialized", "initialized")
EXPERIENCED = _verb(ADL_VERBS + "experienced", "experienced")
PROGRESSED = _verb(ADL_VERBS + "progressed", "progressed")
ATTEMPTED = _verb(ADL_VERBS + "attempted", "attempted")
ANSWERED = _verb(ADL_VERBS + "answered", "answered")
COMPLETED = _verb(ADL_VERBS + "completed", "completed")
PASSED = _verb(ADL_VERBS + "passed", "passed")
FAILED = _verb(ADL_VERBS + "failed", "failed")
SCORED = _verb(ADL_VERBS + "scored", "scored")
SUSPENDED = _verb(ADL_VERBS + "suspended", "suspended")
RESUMED = _verb(ADL_VERBS + "resumed", "resumed")
TERMINATED = _verb(ADL_VERBS + "terminated", "terminated")
EXITED = _verb(ADL_VERBS + "exited", "exited")
ATTENDED = _verb(ADL_VERBS + "attended", "attended")
COMMENTED = _verb(ADL_VERBS + "commented", "commented")
SHARED = _verb(ADL_VERBS + "shared", "shared")
VOIDED = _verb(ADL_VERBS + "voided", "voided")
EARNED = _verb(TINCAN_VERBS + "earned", "earned")
UNREGISTERED = _verb(TINCAN_VERBS + "unregistered", "unregistered")
VIEWED = _verb(TINCAN_VERBS + "viewed", "viewed")
DOWNLOADED = _verb(TINCAN_VERBS + "downloaded", "downloaded")
SUBMITTED = _verb(TINCAN_VERBS + "submitted", "submitted")
PLAYED = _verb(VIDEO_VERBS + "played", "played")
PAUSED = _verb(VIDEO_VERBS + "paused", "paused")
SEEKED = _verb(VIDEO_VERBS + "seeked", "seeked")
SATISFIED = _verb(REGISTRY_VERBS + "satisfied", "satisfied")
WAIVED = _verb(REGISTRY_VERBS + "waived", "waived")
ABANDONED = _verb(REGISTRY_VERBS + "abandoned", "abandoned")

VERBS = {
    verb.id: verb
    for verb in (
        REGISTERED, LAUNCHED, INITIALIZED, EXPERIENCED, PROGRESSED, ATTEMPTED, ANSWERED, COMPLETED,
        PASSED, FAILED, SCORED, SUSPENDED, RESUMED, TERMINATED, EXITED, ATTENDED, COMMENTED, SHARED,
        VOIDED, EARNED, UNREGISTERED, VIEWED, DOWNLOADED, SUBMITTED, PLAYED, PAUSED, SEEKED, SATISFIED,
        WAIVED, ABANDONED,
    )
}  # fmt: skip

# Activity types (ADL vocabulary, the video profile and the TinCan registry).
COURSE = ADL_ACTIVITIES + "course"
MODULE = ADL_ACTIVITIES + "module"
LESSON = ADL_ACTIVITIES + "lesson"
ASSESSMENT = ADL_ACTIVITIES + "assessment"
QUESTION = ADL_ACTIVITIES + "question"
INTERACTION = ADL_ACTIVITIES + "cmi.interaction"
MEDIA = ADL_ACTIVITIES + "media"
MEETING = ADL_ACTIVITIES + "meeting"
PROFILE = ADL_ACTIVITIES + "profile"
LINK = ADL_ACTIVITIES + "link"
FILE = ADL_ACTIVITIES + "file"
OBJECTIVE = ADL_ACTIVITIES + "objective"
PERFORMANCE = ADL_ACTIVITIES + "performance"
SIMULATION = ADL_ACTIVITIES + "simulation"
INTERACTION_TYPES = ("true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
                     "sequencing", "likert", "numeric", "other")  # fmt: skip
VIDEO = VIDEO_ACTIVITIES + "video"
DOCUMENT = TINCAN_ACTIVITIES + "document"
WEBPAGE = TINCAN_ACTIVITIES + "webpage"
CERTIFICATE = TINCAN_ACTIVITIES + "certificate"
BADGE = TINCAN_ACTIVITIES + "badge"
EVENT = TINCAN_ACTIVITIES + "event"
CATEGORY = TINCAN_ACTIVITIES + "category"
SOURCE = TINCAN_ACTIVITIES + "source"

ACTIVITY_TYPES = (
    COURSE, MODULE, LESSON, ASSESSMENT, QUESTION, INTERACTION, MEDIA, MEETING, PROFILE, LINK, FILE, OBJECTIVE,
    PERFORMANCE, SIMULATION, VIDEO, DOCUMENT, WEBPAGE, CERTIFICATE, BADGE, EVENT, CATEGORY, SOURCE,
)  # fmt: skip

# Result extension for a partial completion, in percent (cmi5).
EXTENSION_PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"

# The versions the LRS speaks, chosen per request (see lms.xapi.protocol.negotiate_version): 1.0.0 to 1.0.3 are
# answered as 1.0.3, and 2.0.0 is xAPI 2.0 (IEEE 9274.1.1-2023).
XAPI_VERSION = "1.0.3"
XAPI_2 = "2.0.0"
SUPPORTED_VERSIONS = ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0")
