"""An item as a printable A4 sheet (ReportLab, the house kit of core.pdf), in the language the
reader reads it in (its translation when there is one, else the original): the kind, the sharing
organisation, publication date and version; the summary and every section of its template; its
tags and where it comes from; the address of its page. Drafts print too, marked as such, for
their authors to share inside their organisation.

    pdf.item_pdf(item, rendering, url=...)

Markdown becomes plain paragraphs (one per block); links keep their text."""

from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from passerelle.core.content_translation import Rendering
from passerelle.core.pdf import build_pdf, paragraph, report_styles

from .forms.items import section_label
from .models import Item
from .search_index import plain


def item_pdf(item: Item, rendering: Rendering, *, url: str, compress: bool = True) -> bytes:
    styles = report_styles()
    fields = rendering.fields
    story = [
        paragraph(_kicker(item), styles["kicker"]),
        paragraph(fields["title"], styles["cover"]),
        paragraph(item.organisation.name, styles["subtitle"]),
    ]
    if not item.is_published:
        story.append(paragraph(_("Not published: %(status)s.") % {
            "status": item.get_status_display()}, styles["muted"]))  # fmt: skip
    if not rendering.is_original:
        note = _("Machine translation.") if rendering.machine else _("Translated.")
        story.append(paragraph(note, styles["muted"]))
    story += _section(_("Summary"), fields["summary"], styles)
    for name in item.sections:
        if fields.get(name):
            story += _section(section_label(name), fields[name], styles)
    story += _facts(item, styles)
    story.append(paragraph(url, styles["muted"]))
    footer = _("Passerelle knowledge base, %(title)s, printed on %(date)s") % {
        "title": Truncator(fields["title"]).chars(60),
        "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
    }
    return build_pdf(story, title=fields["title"], subject=item.get_kind_display(),
                     footer=footer, language=rendering.language, compress=compress)  # fmt: skip


def _kicker(item: Item) -> str:
    parts = [item.get_kind_display()]
    if item.published_at:
        parts.append(formats.date_format(item.published_at, "DATE_FORMAT"))
        parts.append(_("version %(number)s") % {"number": item.version})
    return " · ".join(parts)


def _section(label: str, markdown: str, styles) -> list:
    blocks = [block for block in plain(markdown).split("\n\n") if block.strip()]
    return [paragraph(label, styles["h2"])] + [
        paragraph(" ".join(block.split()), styles["body"]) for block in blocks
    ]


def _facts(item: Item, styles) -> list:
    facts = [
        (_("Capacity areas"), [area.name for area in item.capacity_areas.all()]),
        (_("GCM objectives"), [str(objective) for objective in item.gcm_objectives.all()]),
        (_("Guiding principles"), [str(p) for p in item.guiding_principles.all()]),
        (_("Countries"), [country.name for country in item.countries.all()]),
        (_("Regions"), [region.name for region in item.regions.all()]),
        (_("Scope"), [item.get_scope_display()]),
        (_("Call for practices"), [item.call.title] if item.call else []),
    ]
    story = [paragraph(_("Tags"), styles["h2"])]
    for label, values in facts:
        if values:
            story.append(paragraph(f"{label}: {', '.join(values)}", styles["body"]))
    return story
