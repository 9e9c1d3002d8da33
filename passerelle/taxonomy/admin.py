from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import CapacityArea, GCMObjective, GuidingPrinciple, MGIDomain


@admin.register(GCMObjective)
class GCMObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "short_title", "title"]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(TranslationAdmin):
    list_display = ["number", "title"]


@admin.register(MGIDomain)
class MGIDomainAdmin(TranslationAdmin):
    list_display = ["code", "name", "position"]


@admin.register(CapacityArea)
class CapacityAreaAdmin(TranslationAdmin):
    list_display = ["code", "name", "is_active", "position"]
    list_filter = ["is_active"]
    filter_horizontal = ["gcm_objectives", "guiding_principles", "mgi_domains"]
