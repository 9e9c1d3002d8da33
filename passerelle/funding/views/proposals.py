"""Placeholder until built."""

urlpatterns = []
