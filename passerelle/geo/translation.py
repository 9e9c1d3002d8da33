from modeltranslation.translator import TranslationOptions, register

from .models import Country, Region, RegionalBody


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(RegionalBody)
class RegionalBodyTranslation(TranslationOptions):
    fields = ("name", "note")
