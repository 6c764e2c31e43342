from modeltranslation.translator import TranslationOptions, register

from .models import Activity, PressRelease


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "description", "body", "image_caption")
    # A release in French must never show English text: no fallback at all.
    fallback_languages = {"default": ()}
