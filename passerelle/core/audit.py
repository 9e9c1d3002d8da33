"""`log_action`: the audit trail every service writes to (pretix's LogEntry).

Higher modules react to what happened through `register_audit_listener` (the community layer
derives notifications from audit entries, as pretix does): a listener is called with each new
entry inside the writing transaction and must defer any work with `transaction.on_commit`.
"""

import json
from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from .models import AuditEntry

_listeners: list[Callable[[AuditEntry], None]] = []


def register_audit_listener(listener: Callable[[AuditEntry], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def log_action(
    actor, obj: models.Model, action: str, data: dict[str, Any] | None = None
) -> AuditEntry:
    """Record that `actor` did `action` ("app.entity.verb_past") to `obj`.

    Call it inside the service's transaction, so the entry and the change land together or not
    at all. `data` may hold dates, decimals and UUIDs: they are stored as JSON strings.
    """
    entry = AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
    )
    for listener in _listeners:
        listener(entry)
    return entry
