"""A model that exists only in the test suite, to exercise the owned-object visibility rules
(private / shared / public) before a product module uses them."""

from django.db import models

from passerelle.core.models import TimeStampedModel
from passerelle.core.permissions import Visibility


class Note(TimeStampedModel):
    owner = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    shared_with = models.ManyToManyField("accounts.Organisation", related_name="+", blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    text = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return f"/notes/{self.pk}/"
