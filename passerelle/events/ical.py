"""iCalendar (RFC 5545) feeds of an event's agenda: one VEVENT per agenda item, for the whole
event or for one item, so that people put the sessions they attend in their own calendar.

Written by hand (a few lines, no dependency): text values escaped (backslash, semicolon, comma,
newline; RFC 5545 3.3.11), lines folded at 75 octets without cutting a UTF-8 character (3.1),
CRLF line ends, times in UTC ("Z"), which every calendar converts to its reader's zone. The UID
of an item is stable (its primary key and the site's host), so importing the feed again updates
the sessions instead of duplicating them.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import EventFormat, EventStatus
from .selectors import Entry

LINE_OCTETS = 75
PRODID = "-//Passerelle//Events//EN"


def escape_text(value) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (each continuation starts with a
    space, which counts), never inside a UTF-8 character."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > LINE_OCTETS:
            parts.append(current)
            current = b" "
        current += encoded
    parts.append(current)
    return "\r\n".join(part.decode() for part in parts)


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def uid(item) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "passerelle"
    return f"events-agenda-item-{item.pk}@{host}"


def location(event, item=None) -> str:
    """Where it happens: the item's room or the event's, the building, the city; the online link
    for an online event (or as well, for a hybrid one)."""
    room = (item.room if item is not None else "") or event.venue_room
    parts = [part for part in (room, event.venue_building, event.venue_city) if part]
    if event.country_id:
        parts.append(event.country.name)
    if event.online_url and (event.format != EventFormat.IN_PERSON or not parts):
        parts.append(event.online_url)
    return ", ".join(parts)


def calendar(event, entries: list[Entry], *, name: str, now=None) -> str:
    """The iCalendar text of `entries` (agenda items of `event` as the reader sees them)."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for entry in entries:
        lines += _vevent(event, entry, now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vevent(event, entry: Entry, now) -> list[str]:
    item = entry.item
    url = settings.SITE_URL.rstrip("/") + item.get_absolute_url()
    parts = [entry.text.fields["description"]]
    if entry.questions:
        numbered = [f"{n}. {q.fields['text']}" for n, q in enumerate(entry.questions, start=1)]
        parts.append("\n".join([_("Guiding questions:"), *numbered]))
    people = [person.speaker.name for person in entry.moderators + entry.speakers]
    if people:
        parts.append(_("Moderators and speakers: %(names)s") % {"names": ", ".join(people)})
    parts.append(url)
    details = "\n\n".join(part for part in parts if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid(item)}",
        f"DTSTAMP:{utc(now)}",
        f"LAST-MODIFIED:{utc(item.updated)}",
        f"DTSTART:{utc(item.starts_at)}",
        f"DTEND:{utc(item.ends_at)}",
        f"SUMMARY;LANGUAGE={entry.text.language}:{escape_text(entry.text.fields['title'])}",
        f"DESCRIPTION:{escape_text(details)}",
        f"CATEGORIES:{escape_text(item.get_kind_display())}",
        f"URL:{url}",
        "STATUS:" + ("CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED"),
    ]
    where = location(event, item)
    if where:
        lines.append(f"LOCATION:{escape_text(where)}")
    lines.append("END:VEVENT")
    return lines
