from django.db import models


class Matchable(models.Model):
    """The matcher's view of a request's or an offer's text: its sentence embedding. Services
    clear it when the title or description changes; the matcher embeds what is missing."""

    embedding = models.BinaryField(null=True, editable=False)

    class Meta:
        abstract = True

    @property
    def matching_text(self) -> str:
        return f"{self.title}\n{self.description}"
