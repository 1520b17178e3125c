"""`kdrama upcoming --ics FILE`: the dated releases as an RFC 5545 calendar (iCalendar).

One all-day event per season with a release date on or after today. An event's UID is made
from the slug and the season, so importing a newer calendar updates an event rather than adding
a second one. The icalendar library is imported only here, and only when a calendar is asked
for. No Rich.
"""

from __future__ import annotations

import datetime as dt

from kdrama_cli import __version__
from kdrama_cli.answers.upcoming import Coming, Upcoming
from kdrama_cli.catalogue.models import Citation
from kdrama_cli.catalogue.wording import count_of
from kdrama_cli.views.spoiler_notes import hidden_as_spoilers
from kdrama_cli.views.text import clean, lookup_command, spoilers_command, status_label

CALENDAR_NAME = "K-drama releases (kdrama)"


def event_uid(entry: Upcoming) -> str:
    """Stable across runs and catalogue updates: 'squid-game-s3@kdrama'."""
    return f"{entry.slug}-s{entry.season.number}@kdrama"


def _description(entry: Upcoming) -> str:
    season = entry.season
    status = status_label(season.status)
    if season.as_of:
        status += f" (as of {season.as_of.isoformat()})"
    lines = [f"Status: {status}."]
    if season.note:
        lines.append(season.note)
    shown = _shown(entry)
    if shown:
        lines.append("Sources:")
        lines += [citation.url for citation in shown]
    hidden = len(entry.citations) - len(shown)
    if hidden:
        how = spoilers_command(entry.slug)
        lines.append(hidden_as_spoilers(count_of(hidden, "source"), hidden, how))
    lines.append(f"More: {lookup_command('title', entry.slug, season.number)}")
    return "\n".join(lines)


def _shown(entry: Upcoming) -> list[Citation]:
    """The sources a calendar may show: an address of a source flagged as a spoiler often
    repeats the headline that gives a result away, and a calendar has no --spoilers."""
    return [citation for citation in entry.citations if not citation.spoiler]


def calendar_bytes(coming: Coming, stamp: dt.datetime | None = None) -> bytes:
    """The calendar as iCalendar bytes (UTF-8, CRLF line ends, long lines folded)."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", f"-//kdrama//kdrama-cli {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for entry in coming.dated:
        day = entry.season.release_date
        if day is None:  # a dated entry always has one
            continue
        event = Event()
        event.add("uid", event_uid(entry))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        # Dataset text without control characters: iCalendar text has none, and with
        # --ics - the calendar can be printed on a terminal.
        event.add("summary", clean(f"{entry.title} — Season {entry.season.number}"))
        event.add("description", clean(_description(entry), keep_newlines=True))
        shown = _shown(entry)
        if shown:
            event.add("url", clean(shown[0].url))
        event.add("transp", "TRANSPARENT")  # an all-day release does not make you busy
        calendar.add_component(event)
    result: bytes = calendar.to_ical()
    return result
