from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

register = template.Library()


@register.simple_tag
def audit_url(obj) -> str:
    """Address of an object's audit trail page."""
    content_type = ContentType.objects.get_for_model(obj)
    return reverse(
        "core:audit_object", kwargs={"content_type_id": content_type.pk, "object_id": obj.pk}
    )
