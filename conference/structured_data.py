"""schema.org Event markup (JSON-LD) of a conference and its sessions, for search engines."""

from django.utils.html import strip_tags

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _locations(conference):
    locations = []
    if conference.mode in ("online", "hybrid"):
        locations.append({"@type": "VirtualLocation", "url": conference.online_url or conference.full_url})
    if conference.mode in ("in_person", "hybrid"):
        locations.append({"@type": "Place", "name": conference.venue, "address": conference.venue_address})
    return locations[0] if len(locations) == 1 else locations


def conference_event(conference, sessions, organiser):
    """The conference as a schema.org Event with its sessions as ``subEvent``."""
    zone = conference.zone
    mode = ATTENDANCE_MODES[conference.mode]
    location = _locations(conference)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": conference.title,
        "description": conference.introduction,
        "url": conference.full_url,
        "inLanguage": conference.locale.language_code,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": location,
        "organizer": {"@type": "Organization", "name": organiser, "url": "https://www.ipu.org"},
        "subEvent": [
            {
                "@type": "Event",
                "name": session.title,
                "description": strip_tags(session.description)[:500],
                "url": session.get_full_url(),
                "startDate": session.start.astimezone(zone).isoformat(),
                "endDate": session.end.astimezone(zone).isoformat(),
                "eventAttendanceMode": mode,
                "eventStatus": "https://schema.org/EventScheduled",
                "location": location,
                "performer": [{"@type": "Person", "name": person.name} for person in session.speakers],
            }
            for session in sessions
        ],
    }
    if sessions:
        data["startDate"] = min(s.start for s in sessions).astimezone(zone).isoformat()
        data["endDate"] = max(s.end for s in sessions).astimezone(zone).isoformat()
    else:
        data["startDate"] = conference.start_date.isoformat()
        data["endDate"] = conference.end_date.isoformat()
    return data
