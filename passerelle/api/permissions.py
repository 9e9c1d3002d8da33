from rest_framework.permissions import SAFE_METHODS, BasePermission

from passerelle.core.permissions import user_can


class PolicyPermission(BasePermission):
    """The API's side of the permission door. Querysets are already restricted with
    `visible_to` by each viewset; writes must name the policy action they need
    (`policy_action`), or they are refused: deny by default."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(getattr(view, "policy_action", None)) and request.user.is_authenticated

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return user_can(request.user, view.policy_action, obj)
