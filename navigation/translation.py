from modeltranslation.translator import TranslationOptions, register

from .models import Label, MenuItem, SiteOptions


@register(MenuItem)
class MenuItemTranslationOptions(TranslationOptions):
    fields = ("name", "description", "url")


@register(Label)
class LabelTranslationOptions(TranslationOptions):
    fields = ("value",)


@register(SiteOptions)
class SiteOptionsTranslationOptions(TranslationOptions):
    fields = ("logo_header_description", "logo_footer_description", "press_path", "news_path",
              "what_we_do_path")  # fmt: skip
