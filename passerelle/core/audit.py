"""`log_action`: the audit trail every service writes to (pretix's LogEntry)."""

import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from .models import AuditEntry


def log_action(
    actor, obj: models.Model, action: str, data: dict[str, Any] | None = None
) -> AuditEntry:
    """Record that `actor` did `action` ("app.entity.verb_past") to `obj`.

    Call it inside the service's transaction, so the entry and the change land together or not
    at all. `data` may hold dates, decimals and UUIDs: they are stored as JSON strings.
    """
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
    )
