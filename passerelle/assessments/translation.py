from modeltranslation.translator import TranslationOptions, register

from .models import Domain, Framework, Indicator, Level, LevelDescriptor, SubArea


@register(Framework)
class FrameworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Level)
class LevelTranslation(TranslationOptions):
    fields = ("label",)


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("name",)


@register(SubArea)
class SubAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("question", "guidance")


@register(LevelDescriptor)
class LevelDescriptorTranslation(TranslationOptions):
    fields = ("text",)
