"""``{% picture %}``: an Image as <picture> with AVIF and WebP sources.

Reads only ``Image.variants`` (the database row): rendering never opens, decodes
or stats a file.
"""

from django import template

register = template.Library()

# Variants whose aspect ratio is within 1.5 % of the requested size's join its
# srcset: the layouts crop with `object-fit: cover`, so that is a few pixels.
RATIO_TOLERANCE = 0.015


@register.inclusion_tag("media_styles/picture.html")
def picture(image, spec, sizes="100vw", priority=False, css_class=""):
    """``image`` at size ``spec`` (a name from ``specs.SIZES``), sized by ``sizes``.

    ``priority``: the page's main image (fetched early, never lazy).
    """
    context = {
        "image": image,
        "sizes": sizes or "100vw",
        "priority": priority,
        "css_class": css_class,
        "main": None,
    }
    if not image:
        return context
    main = image.variant(spec)
    if main is None:
        # Not generated yet: a neutral box of the variant's shape, never the original
        # (megabytes) and never a broken image.
        context["placeholder"] = image.placeholder_size(spec)
        return context
    candidates = same_shape(image.variants, spec)
    context["main"] = main
    context["webp_srcset"] = srcset(candidates, "webp")
    if all(variant.get("avif") for variant in candidates):
        context["avif_srcset"] = srcset(candidates, "avif")
    return context


def same_shape(variants, spec):
    """The variant ``spec`` and those of (nearly) its aspect ratio, one per width."""
    main = variants[spec]
    ratio = main["width"] / main["height"]
    by_width = {main["width"]: main}
    for variant in variants.values():
        shape = variant["width"] / variant["height"]
        if abs(shape - ratio) <= RATIO_TOLERANCE * ratio:
            by_width.setdefault(variant["width"], variant)
    return [by_width[width] for width in sorted(by_width)]


def srcset(variants, fmt):
    return ", ".join(f"{variant[fmt]} {variant['width']}w" for variant in variants)
