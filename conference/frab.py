"""The programme in the frab / pretalx schedule JSON format (as read by conference apps such as Giggity)."""

from django.utils.html import strip_tags

SCHEMA = "https://c3voc.de/schedule/schema.json"


def _hours_minutes(delta):
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _person(person):
    return {
        "id": person.pk,
        "code": f"P{person.pk}",
        "name": person.name,
        "public_name": person.name,
        "biography": ", ".join(part for part in (person.position, person.affiliation) if part),
    }


def _event(session, conference, language):
    start = session.start.astimezone(conference.zone)
    persons = [_person(person) for person in session.speakers + session.moderators]
    return {
        "guid": str(session.translation_key),
        "id": session.pk,
        "logo": "",
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": _hours_minutes(session.duration),
        "room": session.room or conference.venue,
        "slug": f"{conference.acronym_slug}-{session.slug}",
        "url": session.get_full_url(),
        "title": session.title,
        "subtitle": "",
        "track": session.theme.title if session.theme_id else None,
        "type": session.get_kind_display(),
        "language": (session.languages.split(",")[0].strip() if session.languages else language),
        "abstract": strip_tags(session.description),
        "description": strip_tags(session.description),
        "recording_license": "",
        "do_not_record": session.kind != session.Kind.PLENARY,
        "persons": persons,
        "links": [{"url": session.live_url, "title": "Live stream"}] if session.live_url else [],
        "attachments": [{"url": m.href, "title": m.title} for m in session.materials.all() if m.href],
        "answers": [],
    }


def build_schedule(conference, days, version, base_url):
    """A frab schedule dict for ``days`` (ProgrammeDay objects of the conference's sessions)."""
    language = conference.locale.language_code
    rooms, tracks, schedule_days = [], [], []
    for index, day in enumerate(days):
        by_room = {}
        for row in day.rows:
            event = _event(row.session, conference, language)
            by_room.setdefault(event["room"], []).append(event)
            if event["room"] not in rooms:
                rooms.append(event["room"])
            if event["track"] and event["track"] not in tracks:
                tracks.append(event["track"])
        schedule_days.append(
            {
                "index": index + 1,
                "date": day.day.isoformat(),
                "day_start": day.rows[0].start.moment.isoformat(),
                "day_end": max(row.end.moment for row in day.rows).isoformat(),
                "rooms": by_room,
            }
        )
    return {
        "$schema": SCHEMA,
        "generator": {"name": "ipu-innovation-lms", "version": "1"},
        "schedule": {
            "version": version,
            "base_url": base_url,
            "conference": {
                "acronym": conference.acronym_slug,
                "title": conference.title,
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": (conference.end_date - conference.start_date).days + 1,
                "timeslot_duration": "00:15",
                "time_zone_name": conference.time_zone,
                "url": conference.full_url,
                "rooms": [{"name": room} for room in rooms],
                "tracks": [{"name": track} for track in tracks],
                "days": schedule_days,
            },
        },
    }
