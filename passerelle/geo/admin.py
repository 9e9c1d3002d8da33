from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Country, Region, RegionalBody


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["iso3", "name", "region"]
    list_filter = ["region"]
    search_fields = ["iso2", "iso3", "name"]


@admin.register(RegionalBody)
class RegionalBodyAdmin(TranslationAdmin):
    list_display = ["code", "acronym", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "acronym", "name"]
    filter_horizontal = ["members"]
