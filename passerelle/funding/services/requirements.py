"""A project's requirements: money, expert-days and in-kind items, as for a request (the same
lines and checks, `hub.services.requirement_errors`). Those who run the project set them."""

from django.core.exceptions import ValidationError
from django.db import transaction

from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.hub.services import requirement_errors

from ..models import ProjectRequirement


@transaction.atomic
def project_requirements_set(*, actor, project, lines: list[dict]) -> list[ProjectRequirement]:
    """Replace the project's requirements with `lines` (kind, description, quantity, currency,
    estimated_value), all or nothing."""
    require(actor, "change", project)
    errors = requirement_errors(lines)
    if errors:
        raise ValidationError({"requirements": errors})
    project.requirements.all().delete()
    created = ProjectRequirement.objects.bulk_create(
        ProjectRequirement(
            project=project,
            kind=line["kind"],
            description=line["description"].strip(),
            quantity=line["quantity"],
            currency=(line.get("currency") or "").upper(),
            estimated_value=line.get("estimated_value"),
        )
        for line in lines
    )
    log_action(actor, project, "funding.requirements.set",
               {"lines": [[r.kind, str(r.quantity), r.currency] for r in created]})  # fmt: skip
    return created
