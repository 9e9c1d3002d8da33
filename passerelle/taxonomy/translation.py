from modeltranslation.translator import TranslationOptions, register

from .models import CapacityArea, GCMObjective, GuidingPrinciple, MGIDomain


@register(GCMObjective)
class GCMObjectiveTranslation(TranslationOptions):
    fields = ("title", "short_title")


@register(GuidingPrinciple)
class GuidingPrincipleTranslation(TranslationOptions):
    fields = ("title",)


@register(MGIDomain)
class MGIDomainTranslation(TranslationOptions):
    fields = ("name", "description")


@register(CapacityArea)
class CapacityAreaTranslation(TranslationOptions):
    fields = ("name", "description")
