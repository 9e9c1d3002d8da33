"""URLs of /diaspora/ the countries area tests in tests/test_url_access.py: a call open today, an
entry of Senegal's page and the owner's contribution (the owner is not the secretariat, so the
review pages are closed to everyone here)."""

from datetime import timedelta

from django.utils import timezone

from ..models import ContributionCall, FactsheetContribution, FactsheetEntry
from .factories import country


def build(government, owner, outsider) -> dict:
    today = timezone.localdate()
    call = ContributionCall.objects.create(
        year=today.year, opens_on=today - timedelta(days=30), closes_on=today + timedelta(days=30)
    )
    senegal = country("SEN")
    entry = FactsheetEntry.objects.create(
        country=senegal, kind="policy", name="Politique nationale de la diaspora", language="fr",
        reviewed_year=today.year,
    )  # fmt: skip
    contribution = FactsheetContribution.objects.create(
        call=call, country=senegal, entry=entry, kind="policy", name=entry.name, language="fr",
        source="Journal officiel", contributor=owner,
    )  # fmt: skip
    return {
        "factsheet_entry": entry,
        "factsheet_contribution": contribution,
        "factsheet_call": call,
    }


SENEGAL = {"iso3": "SEN"}


def _pk(key):
    return lambda w: {"pk": w[key].pk}


CASES = [
    ("diaspora:country_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:country_detail", "get", lambda w: SENEGAL, 200, 200, 200),
    ("diaspora:country_detail", "get", lambda w: {"iso3": "XXX"}, 404, 404, 404),
    ("diaspora:country_factsheet_pdf", "get", lambda w: SENEGAL, 200, 200, 200),
    ("diaspora:contribute", "get", lambda w: SENEGAL, 302, 200, 200),
    ("diaspora:call_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:call_create", "get", lambda w: {}, 302, 403, 403),
    ("diaspora:call_close", "post", _pk("factsheet_call"), 302, 403, 403),
    ("diaspora:contribution_queue", "get", lambda w: {}, 302, 403, 403),
    ("diaspora:my_contributions", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:contribution_detail", "get", _pk("factsheet_contribution"), 302, 404, 200),
    ("diaspora:contribution_accept", "post", _pk("factsheet_contribution"), 302, 404, 403),
    ("diaspora:contribution_reject", "post", _pk("factsheet_contribution"), 302, 404, 403),
    ("diaspora:entry_confirm", "post", _pk("factsheet_entry"), 302, 403, 403),
    ("api:diaspora-factsheet-entry-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diaspora-factsheet-entry-detail", "get", _pk("factsheet_entry"), 200, 200, 200),
]
