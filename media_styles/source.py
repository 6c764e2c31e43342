"""Checking and decoding an uploaded source image, once.

``prepare()`` is both the upload validator and the decoder: it rejects what the
site cannot serve with a message an editor can act on, and otherwise returns the
decoded, upright, 8-bit RGB(A) image that every variant is derived from.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps

from .specs import MIN_HEIGHT, MIN_WIDTH, SIZES

# Sources above this are refused before decoding: a 50 MP RGBA image already
# takes 200 MB of memory, and a small file can declare billions of pixels.
MAX_PIXELS = 50_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# EXIF orientations 5 to 8 turn the image a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


@dataclass
class Source:
    image: PILImage.Image | None  # decoded, upright, RGB(A); maybe reduced; None: checked only
    sha256: str
    width: int  # of the full-resolution upright source
    height: int
    format: str


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def looks_like_svg(data, name=""):
    head = data[:1024].lstrip().lower()
    if name.lower().endswith((".svg", ".svgz")):
        return True
    # Markup, whatever the extension: an XML prologue, a doctype or comment before <svg>.
    return head.startswith(b"<") and b"<svg" in head


def prepare(data, name="", check_only=False):
    """Validate ``data`` (bytes of an upload) and decode it; raise ValidationError.

    ``check_only``: the caller only needs to know the file is sound (the worker will
    decode it): a JPEG is decoded at 1/8 scale, which still reads every byte, so a
    truncated or corrupt file is refused all the same, several times faster. The
    returned ``Source`` then has no ``image``.
    """
    if looks_like_svg(data, name):
        # Policy: refused, not sanitised. Vector files can carry scripts and
        # external references, and the variants are raster images anyway.
        raise ValidationError(
            "SVG files are not accepted: export the image as JPEG or PNG.", code="svg"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            img = PILImage.open(io.BytesIO(data))
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise too_large() from error
    except Exception as error:  # UnidentifiedImageError mostly; broken headers raise others
        raise ValidationError(
            "This file is not an image (accepted: JPEG, PNG, GIF, WebP).", code="not_image"
        ) from error
    if img.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            f"{img.format} images are not accepted (accepted: JPEG, PNG, GIF, WebP).",
            code="format",
        )
    if img.width * img.height > MAX_PIXELS:  # before anything reads pixel data
        raise too_large(img.width, img.height)
    width, height = upright_size(img)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        raise ValidationError(
            f"The image is {width}×{height} pixels; it must be at least "
            f"{MIN_WIDTH}×{MIN_HEIGHT} (the smallest named size).",
            code="too_small",
        )
    if check_only:
        img.draft(None, (1, 1))  # JPEG: the decoder's smallest scale; others: no-op
    else:
        reduce_while_decoding(img, width, height)
    try:
        img.load()
    except Exception as error:  # Pillow's decoders raise many kinds for broken data
        raise ValidationError(
            "The image file is truncated or corrupt; upload it again.", code="truncated"
        ) from error
    image = None if check_only else normalise(img)
    return Source(image, sha256_of(data), width, height, img.format)


def too_large(width=None, height=None):
    size = f" ({width}×{height}, {width * height / 1e6:.0f} MP)" if width else ""
    return ValidationError(
        f"The image is too large{size}: the limit is {MAX_PIXELS // 1_000_000} megapixels.",
        code="too_large",
    )


def upright_size(img):
    width, height = img.size
    if orientation(img) in QUARTER_TURNS:
        return height, width
    return width, height


def orientation(img):
    # A PNG's EXIF may follow its pixel data: Pillow would decode to find it.
    if img.format == "PNG" and "exif" not in img.info:
        return None
    try:
        return img.getexif().get(0x0112)
    except Exception:  # a broken EXIF block: decoding will tell if the file is usable
        return None


def reduce_while_decoding(img, width, height):
    """Let the JPEG decoder skip resolution no variant needs (draft mode)."""
    needed = max(size.cover_scale(width, height) for size in SIZES.values())
    if needed < 1:
        raw_w, raw_h = img.size
        img.draft(None, (int(raw_w * needed) + 1, int(raw_h * needed) + 1))


def normalise(img):
    """Upright, first frame, 8-bit RGB or RGBA in sRGB."""
    ImageOps.exif_transpose(img, in_place=True)
    if img.mode in {"I;16", "I;16L", "I;16B", "I;16N", "I"}:
        # 16-bit greyscale: scale to 8 bits (a plain convert clips to white).
        img = img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif img.mode == "F":
        img = img.convert("L")
    if img.mode == "CMYK":
        img = cmyk_to_rgb(img)
    elif img.mode in {"LA", "La", "PA", "RGBa"} or "transparency" in img.info:
        img = img.convert("RGBA")  # palette or greyscale with a transparent colour, too
    elif img.mode not in {"RGB", "RGBA"}:
        img = img.convert("RGB")
    else:
        img = to_srgb(img)
    if img.mode == "RGBA" and img.getchannel("A").getextrema() == (255, 255):
        img = img.convert("RGB")  # an opaque alpha channel only costs bytes
    img.info.pop("icc_profile", None)
    return img


SRGB = ImageCms.createProfile("sRGB")


def cmyk_to_rgb(img):
    profile = img.info.get("icc_profile")
    if profile:
        try:
            return ImageCms.profileToProfile(
                img, ImageCms.ImageCmsProfile(io.BytesIO(profile)), SRGB, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError):
            pass
    return img.convert("RGB")


def to_srgb(img):
    """Convert wide-gamut sources (Adobe RGB, Display P3) so browsers show them right."""
    profile = img.info.get("icc_profile")
    if not profile:
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if "srgb" in ImageCms.getProfileDescription(source).lower().replace(" ", ""):
            return img
        return ImageCms.profileToProfile(img, source, SRGB, outputMode=img.mode)
    except (ImageCms.PyCMSError, OSError):
        return img
