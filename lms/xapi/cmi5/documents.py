"""What an AU session may do with documents: read LMS.LaunchData but never change it, and write
cmi5LearnerPreferences only as the launch actor with a valid preferences object (cmi5 sections 10 and 11)."""

import json
import re

from ..protocol import XapiError
from .models import Cmi5Session
from .vocabulary import LAUNCH_DATA, LEARNER_PREFERENCES

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
AUDIO = ("on", "off")


def check(session, kind, request, keys, document_id):
    """Refuse (403) what the session may not do to this document; note a read of the learner preferences."""
    if keys.get("agent_key") and keys["agent_key"] != session.registration.actor_key:
        raise XapiError(403, "agent: an AU session reads and writes only its launch actor's documents")
    writing = request.method not in ("GET", "HEAD")
    if kind == "state" and document_id == LAUNCH_DATA and writing:
        raise XapiError(403, "LMS.LaunchData is written by the LMS only (cmi5 10.2.1.0-5)")
    if kind == "agent_profile" and document_id == LEARNER_PREFERENCES:
        if writing:
            _check_preferences(request)
        elif not session.preferences_read:
            Cmi5Session.objects.filter(pk=session.pk).update(preferences_read=True)
            session.preferences_read = True


def _check_preferences(request):
    if request.content_type != "application/json":
        raise XapiError(403, "cmi5LearnerPreferences: send a JSON object (cmi5 11.0.0.0-5)")
    try:
        document = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise XapiError(403, "cmi5LearnerPreferences: not valid JSON") from error
    if not isinstance(document, dict) or "languagePreference" not in document or "audioPreference" not in document:
        raise XapiError(403, "cmi5LearnerPreferences: languagePreference and audioPreference are required")
    languages = document["languagePreference"]
    if not isinstance(languages, str) or not all(LANGUAGE_TAG.match(tag) for tag in languages.split(",")):
        raise XapiError(403, "cmi5LearnerPreferences: languagePreference is a comma-separated list of language codes")
    if document["audioPreference"] not in AUDIO:
        raise XapiError(403, "cmi5LearnerPreferences: audioPreference is on or off")
