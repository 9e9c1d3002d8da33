"""An event's printable programme (ReportLab, the house kit of core.pdf), in the language the
reader reads it in (the translations where they exist, else the original): the event's title,
theme, dates, venue and languages; the programme at a glance (a table of every day's items); then
each day's items with their times in the venue's time zone, kind, description, guiding questions,
moderators and speakers.

    pdf.programme_pdf(event, event_text, days, url=...)
"""

from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from passerelle.core.content_translation import Rendering
from passerelle.core.pdf import build_pdf, data_table, header_cells, paragraph, report_styles

from .choices import EventStatus
from .selectors import Day, Entry, language_names

EN_DASH = "\u2013"


def programme_pdf(
    event, text: Rendering, days: list[Day], *, url: str, compress: bool = True
) -> bytes:
    styles = report_styles()
    fields = text.fields
    story = [
        paragraph(_kicker(event), styles["kicker"]),
        paragraph(fields["title"], styles["cover"]),
    ]
    if fields["theme"]:
        story.append(paragraph(fields["theme"], styles["subtitle"]))
    if event.status != EventStatus.PUBLISHED:
        story.append(paragraph(event.get_status_display(), styles["h3"]))
    if not text.is_original:
        note = _("Machine translation.") if text.machine else _("Translated.")
        story.append(paragraph(note, styles["muted"]))
    story += _facts(event, styles)
    if days:
        story += _at_a_glance(days, styles)
        for day in days:
            story.append(paragraph(_day(day.date), styles["h2"]))
            for slot in day.slots:
                for entry in slot.entries:
                    story += _entry(entry, slot.parallel, styles)
    else:
        story.append(paragraph(_("The agenda is not published yet."), styles["body"]))
    story.append(paragraph(url, styles["muted"]))
    footer = _("Programme of %(title)s, printed on %(date)s") % {
        "title": Truncator(fields["title"]).chars(60),
        "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
    }
    return build_pdf(
        story,
        title=fields["title"],
        subject=_("Programme"),
        footer=footer,
        language=text.language,
        compress=compress,
    )


def _kicker(event) -> str:
    dates = formats.date_format(event.starts_on, "DATE_FORMAT")
    if event.ends_on != event.starts_on:
        dates = f"{dates} {EN_DASH} {formats.date_format(event.ends_on, 'DATE_FORMAT')}"
    return " · ".join(part for part in (event.get_kind_display(), dates, event.venue_city) if part)


def _day(date) -> str:
    return formats.date_format(date, "l j F Y")


def _times(entry: Entry) -> str:
    return f"{entry.starts:%H:%M}{EN_DASH}{entry.ends:%H:%M}"


def _facts(event, styles) -> list:
    venue = ", ".join(
        part for part in (event.venue_room, event.venue_building, event.venue_city) if part
    )
    facts = [
        (_("Venue"), venue),
        (_("Online"), event.online_url),
        (_("Format"), event.get_format_display()),
        (_("Working languages"), ", ".join(language_names(event.languages))),
        (_("Interpretation"), event.interpretation),
        (_("Times"), _("in the venue's time zone, %(zone)s") % {"zone": event.time_zone}),
    ]
    return [paragraph(f"{label}: {value}", styles["body"]) for label, value in facts if value]


def _at_a_glance(days: list[Day], styles) -> list:
    rows = [header_cells([_("Day"), _("Time"), _("Kind"), _("Session")], styles)]
    for day in days:
        for slot in day.slots:
            for entry in slot.entries:
                session = entry.text.fields["title"]
                if slot.parallel:
                    session = f"{session} ({_('in parallel')})"
                cells = [
                    (formats.date_format(day.date, "SHORT_DATE_FORMAT"), "cell"),
                    (_times(entry), "cell"),
                    (entry.item.get_kind_display(), "cell"),
                    (session, "cell_bold"),
                ]
                rows.append([paragraph(value, styles[style]) for value, style in cells])
    heading = paragraph(_("The programme at a glance"), styles["h2"])
    return [heading, data_table(rows, [24, 24, 34, 0])]


def _entry(entry: Entry, parallel: bool, styles) -> list:
    heading = f"{_times(entry)} · {entry.item.get_kind_display()}"
    if parallel:
        heading = f"{heading} · {_('in parallel')}"
    story = [
        paragraph(heading, styles["intro"]),
        paragraph(entry.text.fields["title"], styles["h3"]),
    ]
    if entry.item.room:
        story.append(paragraph(_("Room: %(room)s") % {"room": entry.item.room}, styles["muted"]))
    for block in entry.text.fields["description"].split("\n\n"):
        if block.strip():
            story.append(paragraph(" ".join(block.split()), styles["body"]))
    if entry.questions:
        story.append(paragraph(_("Guiding questions"), styles["cell_bold"]))
        story += [
            paragraph(f"{number}. {question.fields['text']}", styles["quote"])
            for number, question in enumerate(entry.questions, start=1)
        ]
    for label, people in ((_("Moderators"), entry.moderators), (_("Speakers"), entry.speakers)):
        if people:
            story.append(paragraph(label, styles["cell_bold"]))
            story += [paragraph(_person(person), styles["quote"]) for person in people]
    return story


def _person(person) -> str:
    details = [person.text.fields["position"], person.speaker.affiliation]
    return ", ".join([person.speaker.name, *(part for part in details if part)])
