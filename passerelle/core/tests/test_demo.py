import pytest
from django.core.management import call_command

from passerelle.accounts.choices import OrganisationType
from passerelle.accounts.models import Membership, Organisation, User


@pytest.mark.django_db
def test_demo_is_idempotent_marked_and_covers_every_type_and_role(capsys):
    call_command("demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("demo")
    assert (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert not Organisation.objects.filter(is_demo=False).exists()
    assert set(Organisation.objects.values_list("type", flat=True)) == set(OrganisationType.values)
    assert set(Membership.objects.values_list("role", flat=True)) == {
        "viewer",
        "contributor",
        "editor",
        "admin",
    }
    assert User.objects.filter(is_broker=True).exists()
    assert User.objects.filter(is_superuser=True).exists()
    output = capsys.readouterr().out
    assert "DEMO DATA" in output and "focal.senegal@demo.passerelle.test" in output
