"""Time zones: which ones a visitor may choose, and how a session's time reads in each."""

import zoneinfo
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import ngettext

COOKIE_NAME = "conference_tz"
COOKIE_MAX_AGE = 365 * 24 * 3600


@lru_cache(maxsize=1)
def selectable_zones():
    """Every region/city IANA zone, sorted; legacy aliases (US/Eastern, Etc/GMT+3) are left out."""
    prefixes = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/")
    return sorted(zone for zone in zoneinfo.available_timezones() if zone.startswith((*prefixes, "Pacific/")))


def get_zone(name):
    """The ZoneInfo called ``name``, or None when it is not a zone a visitor may choose."""
    if name in selectable_zones() or name == "UTC":
        return zoneinfo.ZoneInfo(name)
    return None


def city_of(zone_name):
    """'America/Argentina/Buenos_Aires' -> 'Buenos Aires'."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


@dataclass(frozen=True)
class LocalTime:
    """A moment as read in one zone, with the day shift against the conference's own calendar day."""

    moment: datetime
    place: str
    day_shift: int = 0

    @property
    def clock(self):
        return self.moment.strftime("%H:%M")

    @property
    def abbreviation(self):
        return self.moment.tzname()

    @property
    def label(self):
        """'14:00 CEST, Geneva'."""
        return f"{self.clock} {self.abbreviation}, {self.place}"

    @property
    def day_shift_label(self):
        if not self.day_shift:
            return ""
        sign = "+" if self.day_shift > 0 else "−"
        return ngettext("%(sign)s%(count)d day", "%(sign)s%(count)d days", abs(self.day_shift)) % {
            "sign": sign,
            "count": abs(self.day_shift),
        }

    @property
    def date_label(self):
        return date_format(self.moment, "l j F Y")

    @property
    def iso(self):
        return self.moment.isoformat()


def local_time(moment, zone, place, reference_zone=None):
    """``moment`` read in ``zone``; the day shift compares with the calendar day in ``reference_zone``."""
    local = moment.astimezone(zone)
    shift = 0
    if reference_zone is not None:
        shift = (local.date() - moment.astimezone(reference_zone).date()).days
    return LocalTime(local, place, shift)
