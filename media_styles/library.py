"""What staff see of an image: plain-word size names, thumbnails, status, crop previews.

Shared by the image admin and the image chooser used by releases and site options.
Reads only the database row (the variants JSON), like pages do.
"""

from django.utils.html import format_html, format_html_join

from .specs import SIZES

# Where each size shows, in words a press officer knows.
LABELS = {
    "_1920x1200": "Release hero and share image",
    "_1175x570": "Featured on the home page",
    "_463x428": "Card",
    "241x143": "Next-release thumbnail",
    "_218x186": "Footer",
    "_1920": "Full width, in release text",
    "_240x240": "Square",
    "_199x190": "Small card",
    "_456x448": "Card, old site",
    "_325x417": "Portrait",
    "_597x428": "Medium",
    "_688x426": "Wide medium",
    "_693x500": "Large",
    "_747x528": "Large, old site",
    "_754x448": "Wide large",
}
# The crops previewed live while the focal point moves (aspect ratios of real layouts).
CROP_PREVIEWS = ["_463x428", "_1920x1200", "_1175x570", "241x143"]
THUMBNAIL = "_240x240"


def size_label(name, width=None, height=None):
    size = SIZES[name]
    width = width or size.width
    height = height or size.height
    shape = f"{width}×{height}" if height else f"{width} wide"
    return f"{LABELS.get(name, name)} {shape}"


def thumbnail_url(image):
    variant = image.variants.get(THUMBNAIL) if image else None
    return variant["webp"] if variant else ""


def status_text(image):
    if image.variants_status == image.FAILED:
        return f"failed: {image.variants_error or 'unknown reason'}"
    if image.variants_status == image.WAITING and image.variants_error:
        return f"waiting ({image.variants_error})"
    return image.get_variants_status_display()


def thumbnail(image, size=80, alt=None):
    """An <img> of the square thumbnail, or a neutral box while it is being made.

    ``alt``: the image's alt text unless given (a list's row header names the image)."""
    url = thumbnail_url(image)
    if not url:
        return format_html(
            '<span class="image-thumb image-thumb--waiting" title="{}">{}'
            '<span class="visually-hidden">{}</span></span>',
            status_text(image),
            "…" if image.variants_status == image.WAITING else "!",
            alt if alt is not None else status_text(image),
        )
    return format_html(
        '<img class="image-thumb" src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        url, size, size, image.alt if alt is None else alt,
    )  # fmt: skip


def upload_thumbnail(image, size=48):
    """The thumbnail of the message after a save: the original while its sizes are made
    (recorded variants may be replaced, and their files removed, before it is shown)."""
    if thumbnail_url(image) and image.variants_status == image.DONE:
        return thumbnail(image, size)
    return format_html(
        '<img class="image-thumb" src="{}" width="{}" height="{}" alt="">',
        image.file.url,
        size,
        size,
    )


def size_links(image):
    if not image.variants:
        return format_html("<p>{}</p>", "Made in the background after you save.")
    return format_html(
        '<ul class="image-sizes">{}</ul>',
        format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (entry["webp"], size_label(name, entry["width"], entry["height"]))
                for name, entry in sorted(image.variants.items(), key=order)
            ),
        ),
    )


def order(item):
    names = list(LABELS)
    return names.index(item[0]) if item[0] in names else len(names)


def preview_source(image):
    """What the focal-point picker shows: the full-width variant, else the original
    (staff only: the original may be large, but it is the picture being edited)."""
    variant = image.variants.get("_1920")
    if variant:
        return variant["webp"], variant["width"], variant["height"]
    return image.file.url, image.width, image.height


def focal_picker(image):
    url, width, height = preview_source(image)
    x = 0.5 if image.focal_x is None else image.focal_x
    y = 0.5 if image.focal_y is None else image.focal_y
    position = f"{x * 100:.1f}% {y * 100:.1f}%"
    crops = format_html_join(
        "",
        '<figure class="focal__crop"><div class="focal__frame" style="aspect-ratio: {} / {}">'
        '<img src="{}" alt="" style="object-position: {}"></div>'
        "<figcaption>{}</figcaption></figure>",
        (
            (SIZES[name].width, SIZES[name].height, url, position, size_label(name))
            for name in CROP_PREVIEWS
        ),
    )
    return format_html(
        '<div class="focal" data-focal-picker>'
        '<div class="focal__stage" data-focal-stage>'
        '<img class="focal__image" src="{}" width="{}" height="{}" alt="{}" draggable="false">'
        '<button type="button" class="focal__marker" data-focal-marker '
        'style="left: {}%; top: {}%" aria-describedby="focal-help">'
        '<span class="visually-hidden">Focal point</span></button></div>'
        '<p id="focal-help" class="help">Click or drag on the picture to set the focal point, '
        "or focus the marker and use the arrow keys (Shift: bigger steps). "
        "Every crop keeps it in view.</p>"
        '<p class="focal__value" data-focal-value aria-live="polite"></p>'
        '<div class="focal__crops" aria-label="Crop previews" role="group">{}</div></div>',
        url, width, height, image.alt or "Picture being edited", x * 100, y * 100, crops,
    )  # fmt: skip
