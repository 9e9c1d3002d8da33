"""What the knowledge base adds to other modules' pages (core.sections): published practices,
lessons and resources on a country, an objective, a capacity area and an organisation; on a
request for support, the practices that may help (linked to it, or sharing its capacity areas
and objectives); on a project, its lessons and the items that cite or replicate it; on the
dashboard, what waits for the person (items to revise or submit, reviews to write); on the
home page, the figures."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.sections import register_section

from . import selectors
from .choices import ItemStatus, ReviewStatus
from .models import Item

LIMIT = 8


def _rows(request, items, *, title, more_query=None) -> dict | None:
    """A section listing published items (most recent first); None when there is none."""
    rows = list(
        selectors.published_items(user=request.user)
        .filter(pk__in=items.values("pk"))
        .order_by("-published_at")[:LIMIT]
    )
    if not rows:
        return None
    more_url = f"{reverse('knowledge:item_list')}?{urlencode(more_query)}" if more_query else None
    return {"title": title, "rows": rows, "more_url": more_url}


def country_items(request, country):
    return _rows(request, Item.objects.filter(countries=country),
                 title=_("Practices, lessons and resources"),
                 more_query={"country": country.iso3})  # fmt: skip


def objective_items(request, objective):
    return _rows(request, Item.objects.filter(gcm_objectives=objective),
                 title=_("Practices, lessons and resources"),
                 more_query={"objective": objective.number})  # fmt: skip


def area_items(request, area):
    return _rows(request, Item.objects.filter(capacity_areas=area),
                 title=_("Practices, lessons and resources"),
                 more_query={"capacity_area": area.code})  # fmt: skip


def organisation_items(request, organisation):
    return _rows(request, Item.objects.filter(organisation=organisation),
                 title=_("Shared in the knowledge base"))  # fmt: skip


def request_practices(request, obj):
    """Practices for a request: those linked to it first, then those sharing its capacity areas
    and GCM objectives, most shared first."""
    support_request = obj[0]
    linked = Q(requests=support_request)
    rows = list(
        selectors.sharing_tags(
            selectors.published_items(user=request.user), support_request, also=linked
        )
        .annotate(linked=Count("requests", filter=linked, distinct=True))
        .order_by("-linked", "-shared", "-published_at")[:LIMIT]
    )
    if not rows:
        return None
    return {"title": _("Practices that may help"), "rows": rows, "more_url": None}


def project_items(request, project):
    cited = Item.objects.filter(
        Q(projects=project) | Q(source_lesson__project=project) | Q(replications__project=project)
    )
    return _rows(request, cited, title=_("In the knowledge base"))


def dashboard_items(request, user):
    if not user.is_authenticated:
        return None
    mine = Item.objects.filter(organisation__in=user.organisation_ids)
    to_revise = mine.filter(status=ItemStatus.CHANGES_REQUESTED).count()
    drafts = mine.filter(status=ItemStatus.DRAFT).count()
    reviews = user.knowledge_reviews.filter(status=ReviewStatus.ASSIGNED).count()
    if not (to_revise or drafts or reviews):
        return None
    return {"to_revise": to_revise, "drafts": drafts, "reviews": reviews}


def home_figures(request, obj):
    published = Item.objects.visible_to(request.user).filter(status=ItemStatus.PUBLISHED)
    counts = dict(published.values_list("kind").annotate(n=Count("pk")).order_by())
    list_url = reverse("knowledge:item_list")
    return {
        "figures": [
            (_("practices"), counts.get("practice", 0), f"{list_url}?kind=practice"),
            (_("lessons learned"), counts.get("lesson", 0), f"{list_url}?kind=lesson"),
            (_("resources"), counts.get("resource", 0), f"{list_url}?kind=resource"),
        ]
    }


for page, key, template, get_context, order in (
    ("country", "knowledge", "knowledge/_items_section.html", country_items, 50),
    ("gcm_objective", "knowledge", "knowledge/_items_section.html", objective_items, 70),
    ("capacity_area", "knowledge", "knowledge/_items_section.html", area_items, 70),
    ("organisation", "knowledge", "knowledge/_items_section.html", organisation_items, 60),
    ("support_request", "knowledge", "knowledge/_items_section.html", request_practices, 40),
    ("project", "knowledge", "knowledge/_items_section.html", project_items, 40),
    ("dashboard", "knowledge", "knowledge/_dashboard_section.html", dashboard_items, 50),
    ("home", "knowledge", "knowledge/_home_figures.html", home_figures, 60),
):  # fmt: skip
    register_section(page, key, template=template, get_context=get_context, order=order)
