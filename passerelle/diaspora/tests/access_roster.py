"""URLs of /diaspora/ the roster area tests in tests/test_url_access.py: an expert on the
roster (a third person) and a pending contact the government (its owner) sent them."""

from passerelle.accounts.tests.factories import UserFactory

from ..services import roster as services
from .factories_roster import roster_data


def build(government, owner, outsider) -> dict:
    expert = UserFactory()
    entry = services.roster_join(actor=expert, data=roster_data(), consent=True)
    contact = services.contact_create(
        actor=owner, entry=entry, organisation=government, message="Can you help us?"
    )
    return {"roster_entry": entry, "expert_contact": contact}


def _entry(w):
    return {"pk": w["roster_entry"].pk}


def _contact(w):
    return {"pk": w["expert_contact"].pk}


def _none(w):
    return {}


CASES = [
    ("diaspora:roster_list", "get", _none, 200, 200, 200),
    ("diaspora:roster_detail", "get", _entry, 200, 200, 200),
    ("diaspora:roster_join", "get", _none, 302, 200, 200),
    # Neither is on the roster: sent to the join page.
    ("diaspora:roster_edit", "get", _none, 302, 302, 302),
    ("diaspora:roster_pause", "post", _none, 302, 302, 302),
    ("diaspora:roster_resume", "post", _none, 302, 302, 302),
    ("diaspora:roster_leave", "post", _none, 302, 302, 302),
    ("diaspora:contact_create", "get", _entry, 302, 200, 200),
    ("diaspora:contact_list", "get", _none, 302, 200, 200),
    ("diaspora:contact_detail", "get", _contact, 302, 404, 200),
    ("diaspora:contact_accept", "post", _contact, 302, 404, 403),
    ("diaspora:contact_decline", "post", _contact, 302, 404, 403),
    ("diaspora:contact_withdraw", "post", _contact, 302, 404, 302),
    ("diaspora:contact_complete", "post", _contact, 302, 404, 403),
    ("diaspora:cofunding", "get", _none, 200, 200, 200),
    ("api:diaspora-roster-list", "get", _none, 200, 200, 200),
    ("api:diaspora-roster-detail", "get", _entry, 200, 200, 200),
]
