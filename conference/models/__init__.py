from .pages import ConferencePage, HowToGuidePage, ShowcasePage, VideoLibraryPage
from .programme import ConferenceAxis, ConferenceTheme, Person, Session, SessionMaterial, SessionParticipant
from .showcase import ShowcaseStatusChange, ShowcaseSubmission
from .videos import VideoEntry

__all__ = [
    "ConferenceAxis",
    "ConferencePage",
    "ConferenceTheme",
    "HowToGuidePage",
    "Person",
    "Session",
    "SessionMaterial",
    "SessionParticipant",
    "ShowcasePage",
    "ShowcaseStatusChange",
    "ShowcaseSubmission",
    "VideoEntry",
    "VideoLibraryPage",
]
