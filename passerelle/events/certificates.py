"""The certificate of attendance: one A4 page, in the registrant's language, saying that the
person attended the event (its title, dates and venue), with their personal code and its QR code
so that anyone can check it with the organisers. Only a registration checked in at the door has
one.

    certificates.certificate_pdf(registration)
"""

from __future__ import annotations

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from passerelle.core.content_translation import in_language
from passerelle.core.pdf import BOLD, BRAND, FONT, INK, MUTED, build_pdf, paragraph

from . import qr
from .choices import EventFormat

QR_SIZE = 40 * mm


def registrant_language(registration) -> str:
    """The language of the person registered: their account's, else that of the focal point
    who registered them, else the event's (as the confirmation e-mail does)."""
    person = registration.user or registration.registered_by
    return getattr(person, "preferred_language", "") or registration.event.language


def certificate_pdf(registration, *, compress: bool = True) -> bytes:
    """The certificate of a checked-in `registration` (ValueError otherwise). `compress=False`
    leaves the page stream readable (for tests)."""
    if registration.checked_in_at is None:
        raise ValueError("Only a registration checked in at the door has a certificate.")
    language = registrant_language(registration)
    with translation.override(language):
        event = registration.event
        title = in_language(event, ["title"], language).fields["title"]
        footer = _("Certificate of attendance issued by Passerelle on %(date)s") % {
            "date": formats.date_format(timezone.localdate(), "DATE_FORMAT")
        }
        return build_pdf(
            _story(registration, title), title=_("Certificate of attendance"),
            subject=title, footer=footer, language=language, compress=compress,
        )  # fmt: skip


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=12, leading=16, textColor=INK, alignment=TA_CENTER
    )
    return {
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=BOLD, fontSize=26, leading=32, textColor=BRAND
        ),
        "body": body,
        "name": ParagraphStyle("name", parent=body, fontName=BOLD, fontSize=22, leading=28),
        "event": ParagraphStyle("event", parent=body, fontName=BOLD, fontSize=16, leading=21),
        "muted": ParagraphStyle("muted", parent=body, fontSize=10, leading=13, textColor=MUTED),
        "code": ParagraphStyle("code", parent=body, fontName=BOLD, fontSize=14, leading=18),
    }


def _story(registration, title: str) -> list:
    s = _styles()
    event = registration.event
    story = [
        Spacer(1, 25 * mm),
        paragraph(_("Certificate of attendance"), s["heading"]),
        Spacer(1, 14 * mm),
        paragraph(_("This certifies that"), s["body"]),
        Spacer(1, 5 * mm),
        paragraph(registration.name, s["name"]),
    ]
    if registration.organisation:
        story.append(paragraph(registration.organisation.name, s["muted"]))
    story += [
        Spacer(1, 5 * mm),
        paragraph(_("attended"), s["body"]),
        Spacer(1, 5 * mm),
        paragraph(title, s["event"]),
    ]
    if registration.item:
        story.append(paragraph(registration.item.title, s["body"]))
    story += [Spacer(1, 4 * mm), paragraph(_dates(event), s["body"])]
    venue = _venue(event)
    if venue:
        story.append(paragraph(venue, s["body"]))
    checked_in = timezone.localtime(registration.checked_in_at, event.tz)
    story += [
        Spacer(1, 4 * mm),
        paragraph(
            _("Checked in on %(date)s") % {"date": formats.date_format(checked_in, "DATE_FORMAT")},
            s["muted"],
        ),
        Spacer(1, 16 * mm),
        paragraph(_("Personal code"), s["muted"]),
        paragraph(registration.code, s["code"]),
        Spacer(1, 3 * mm),
    ]
    code = qr.drawing(registration.code, size=QR_SIZE)
    code.hAlign = "CENTER"
    story += [
        code,
        Spacer(1, 3 * mm),
        paragraph(
            _("The organisers of the event can confirm this certificate from its code."),
            s["muted"],
        ),
    ]
    return story


def _dates(event) -> str:
    start = formats.date_format(event.starts_on, "DATE_FORMAT")
    if event.ends_on == event.starts_on:
        return _("on %(date)s") % {"date": start}
    end = formats.date_format(event.ends_on, "DATE_FORMAT")
    return _("from %(start)s to %(end)s") % {"start": start, "end": end}


def _venue(event) -> str:
    if event.format == EventFormat.ONLINE:
        return _("Online")
    parts = [event.venue_room, event.venue_building, event.venue_city]
    if event.country_id:
        parts.append(event.country.name)
    return ", ".join(part for part in parts if part)
