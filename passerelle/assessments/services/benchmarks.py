"""An organisation's targets: reach a level on an indicator by a date."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from .. import selectors
from ..choices import VersionStatus
from ..models import Benchmark


@transaction.atomic
def benchmark_create(
    *, actor, organisation, indicator, target_level: int, target_date, note: str = ""
) -> Benchmark:
    """Set a target. The level the organisation stands at now (its latest validated or published
    answer) is kept as the starting point progress is judged from."""
    if not actor.has_role(organisation.pk, MembershipRole.ADMIN):
        raise PermissionDenied
    if indicator.version.status != VersionStatus.PUBLISHED:
        raise ValidationError({"indicator": _("Choose an indicator of a published framework.")})
    top = indicator.version.levels_range.stop - 1
    if not 1 <= target_level <= top:
        raise ValidationError(
            {"target_level": _("Choose a level from 1 to %(top)d.") % {"top": top}}
        )
    if target_date <= timezone.localdate():
        raise ValidationError({"target_date": _("Choose a date in the future.")})
    if Benchmark.objects.filter(
        organisation=organisation, indicator=indicator, target_date=target_date
    ).exists():
        raise ValidationError(
            {"target_date": _("This indicator has a target on this date already.")}
        )
    start_level = selectors.latest_level(organisation, indicator)
    if start_level is not None and start_level >= target_level:
        raise ValidationError(
            {"target_level": _("The organisation is at level %(level)d already: aim higher.")
             % {"level": start_level}}
        )  # fmt: skip
    benchmark = Benchmark(
        organisation=organisation,
        indicator=indicator,
        target_level=target_level,
        target_date=target_date,
        start_level=start_level,
        note=note.strip(),
        created_by=actor,
        is_demo=organisation.is_demo,
    )
    benchmark.full_clean(exclude=["created_by"])
    benchmark.save()
    log_action(
        actor,
        benchmark,
        "assessments.benchmark.created",
        {"indicator": indicator.code, "target_level": target_level, "date": str(target_date)},
    )
    return benchmark


@transaction.atomic
def benchmark_delete(*, actor, benchmark: Benchmark) -> None:
    require(actor, "delete", benchmark)
    data = {"indicator": benchmark.indicator.code, "target_level": benchmark.target_level}
    organisation = benchmark.organisation
    benchmark.delete()
    log_action(actor, organisation, "assessments.benchmark.deleted", data)
