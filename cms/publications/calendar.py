"""Events as an iCalendar file (RFC 5545), written here: the format is small and the rules that
matter are few and testable (escaping, folding, CRLF, UID, DTSTAMP, one time zone).

Times are written in Europe/Warsaw local time with ``TZID``, and the file carries that zone's
VTIMEZONE (CET/CEST, the EU rule since 1996), as RFC 5545 requires of every TZID it names;
DTSTAMP is UTC: when the event was last published. An event without an end is written without
DTEND (RFC 5545 then takes it as ending when it starts) rather than with an invented one.
"""

from collections.abc import Iterable
from datetime import UTC
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")
PRODUCT = "-//Kooperacja//Publications//PL"
LINE_OCTETS = 75

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Warsaw",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as
    ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to lines of at most 75 octets (RFC 5545 3.1): each continuation
    starts with a space, and no UTF-8 character is cut in two."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def local_time(moment) -> str:
    return moment.astimezone(WARSAW).strftime("%Y%m%dT%H%M%S")


def utc_time(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, url: str, uid_domain: str) -> list[str]:
    """The VEVENT of one EventPage; ``url`` its absolute address."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{uid_domain}",
        f"DTSTAMP:{utc_time(event.last_published_at or event.first_published_at)}",
        f"DTSTART;TZID=Europe/Warsaw:{local_time(event.start)}",
    ]
    if event.end:
        lines.append(f"DTEND;TZID=Europe/Warsaw:{local_time(event.end)}")
    lines.append(f"SUMMARY:{escape_text(event.title)}")
    if event.intro:
        lines.append(f"DESCRIPTION:{escape_text(event.intro)}")
    if event.where:
        lines.append(f"LOCATION:{escape_text(event.where)}")
    lines += [f"URL:{url}", "END:VEVENT"]
    return lines


def calendar(events: Iterable, name: str, url_of, uid_domain: str) -> str:
    """The whole VCALENDAR: ``url_of(event)`` gives each event's absolute address."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Europe/Warsaw",
        *VTIMEZONE,
    ]
    for event in events:
        lines += event_lines(event, url_of(event), uid_domain)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
