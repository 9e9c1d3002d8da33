"""A country's factsheet as a printable A4 document (the house kit of core.pdf), in the reader's
language: the diaspora institutions by EUDiF's typology, the policies and the engagement
programmes (each with its year, link and the year it was last reviewed), then the diaspora
organisations of this origin by country of residence.

    factsheet_pdf(sheet, url=...)
"""

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from passerelle.core.pdf import build_pdf, data_table, header_cells, paragraph, report_styles

NOT_GIVEN = "—"


def factsheet_pdf(sheet, *, url: str, compress: bool = True) -> bytes:
    styles = report_styles()
    name = sheet.country.name
    story = [
        paragraph(_("iDiaspora country page"), styles["kicker"]),
        paragraph(name, styles["cover"]),
        paragraph(
            _("The government's diaspora institutions, policies and engagement programmes."),
            styles["subtitle"],
        ),
    ]
    story.append(paragraph(_("Diaspora institutions"), styles["h2"]))
    if sheet.institutions:
        for label, entries in sheet.institutions:
            story.append(paragraph(label, styles["h3"]))
            story.append(_entries_table(entries, styles))
    else:
        story.append(paragraph(_("None recorded yet."), styles["body"]))
    for heading, entries in ((_("Policies"), sheet.policies),
                             (_("Engagement programmes"), sheet.programmes)):  # fmt: skip
        story.append(paragraph(heading, styles["h2"]))
        if entries:
            story.append(_entries_table(entries, styles))
        else:
            story.append(paragraph(_("None recorded yet."), styles["body"]))
    story += _organisations(sheet, styles)
    story.append(paragraph(url, styles["muted"]))
    footer = _("Country page of %(country)s, printed on %(date)s") % {
        "country": name,
        "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
    }
    return build_pdf(
        story,
        title=name,
        subject=_("iDiaspora country page"),
        footer=footer,
        language=get_language(),
        compress=compress,
    )


def _entries_table(entries, styles):
    rows = [header_cells([_("Name"), _("Year"), _("Web page"), _("Last reviewed")], styles, {1, 3})]
    for entry in entries:
        name = entry.name if not entry.description else f"{entry.name}. {entry.description}"
        rows.append(
            [
                paragraph(name, styles["cell"]),
                paragraph(entry.year or NOT_GIVEN, styles["number"]),
                paragraph(entry.url or NOT_GIVEN, styles["cell"]),
                paragraph(entry.reviewed_year, styles["number"]),
            ]
        )
    return data_table(rows, [78, 14, 60, 20])


def _organisations(sheet, styles) -> list:
    story = [paragraph(_("Diaspora organisations of this origin"), styles["h2"])]
    if not sheet.origin_groups:
        return [*story, paragraph(_("None in the directory yet."), styles["body"])]
    rows = [header_cells([_("Country of residence"), _("Organisations"), _("Names")], styles, {1})]
    for group in sheet.origin_groups:
        names = ", ".join(str(profile.organisation) for profile in group.organisations)
        rows.append(
            [
                paragraph(group.country.name, styles["cell"]),
                paragraph(len(group.organisations), styles["number"]),
                paragraph(names, styles["cell"]),
            ]
        )
    return [*story, data_table(rows, [45, 25, 100])]
