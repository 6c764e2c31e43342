"""The named image sizes of the old site: the contract between templates, the JSON
endpoint and the importer. Names are the keys of ``api.data.image.url`` in the
old site's page JSON (plus the 241x143 "next release" thumbnail).

Each name is an ImageKit spec registered under that name. The specs are applied
by ``media_styles.variants`` to one decoded source (never through ImageKit's
cache files: there is no URL that generates an image on demand).
"""

from dataclasses import dataclass

from imagekit import ImageSpec, register
from PIL import Image as PILImage
from pilkit.processors import ResizeToFill, ResizeToFit

# Chosen by measurement: `python -m benchmarks.variants --sweep` (Pillow 13.0,
# libwebp 1.6, libaom 3.14). SSIM on luma, 11x11 Gaussian window; "vs JPEG" is the
# same variant encoded as JPEG q85, "vs pristine" the unencoded resize. Bytes are
# of the 15 variants against the JPEG ones.
#
#   image (JPEG q85 vs pristine)  WebP q75 m2          q80 m2               q85 m2
#   astronaut  (0.984)            40 % 0.960 0.968     48 % 0.966 0.973     60 % 0.970 0.979
#   rocket     (0.984)            44 % 0.951 0.973     54 % 0.955 0.978     68 % 0.959 0.982
#   hubble XDF (0.932)            45 % 0.877 0.913     59 % 0.886 0.931     78 % 0.892 0.949
#   moon 4k    (0.944)            50 % 0.887 0.903     65 % 0.901 0.927     84 % 0.915 0.949
#   (bytes vs JPEG, min SSIM vs JPEG, mean SSIM vs pristine)
#
# q80: on the photographs every variant is >= 0.95 SSIM against the JPEG at about
# half its bytes, and on the two star/moon textures WebP matches or nearly matches
# JPEG q85's own fidelity to the pristine resize (0.931 vs 0.932, 0.927 vs 0.944)
# at 59-65 % of its bytes. Those two never reach 0.95 against the JPEG (0.936 even
# at q95 in a run with method 4): JPEG's own loss bounds how well another codec
# can agree with it.
# method 2, not libwebp's default 4: moon 4k costs 656 ms CPU instead of 919 ms for
# 65 % instead of 61 % of the JPEG bytes (method 0: 556 ms but 69 %).
WEBP_OPTIONS = {"quality": 80, "method": 2}

# AVIF (libaom), same sweep: q60 at speed 9 is 45-56 % of the JPEG bytes (82-95 %
# of WebP q80's) at a slightly lower SSIM vs pristine than WebP q80. libaom's
# default speed 6 costs ~5x the time for ~2 % fewer bytes; speed 9 costs about
# as much CPU as the whole WebP pipeline (moon 4k: 853 ms, on several threads).
AVIF_OPTIONS = {"quality": 60, "speed": 9}

# Resizing cost grows with the source: Pillow first shrinks by an integer factor
# with a box filter while the result stays >= REDUCING_GAP times the target, then
# resamples with Lanczos. Pillow calls >= 3.0 indistinguishable from a full Lanczos
# resize; 2.0 is faster, and its (small) loss is inside the "vs pristine" SSIM above.
REDUCING_GAP = 2.0


class FocalResizeToFill(ResizeToFill):
    """ResizeToFill that crops around an anchor in a single resample.

    Same result as pilkit's (scale to cover, crop at ``anchor`` read as a CSS
    background position, so the focal point is always inside the crop), but the
    crop box is handed to ``Image.resize(box=...)``: only the kept pixels are
    resampled, and ``reducing_gap`` makes large downscales cheap.
    """

    def process(self, img):
        src_w, src_h = img.size
        scale = max(self.width / src_w, self.height / src_h)
        # min(): floating point must not make the box overhang the source.
        box_w, box_h = min(self.width / scale, src_w), min(self.height / scale, src_h)
        anchor_x, anchor_y = self.anchor or (0.5, 0.5)
        left = (src_w - box_w) * anchor_x
        top = (src_h - box_h) * anchor_y
        return img.resize(
            (self.width, self.height),
            PILImage.Resampling.LANCZOS,
            box=(left, top, left + box_w, top + box_h),
            reducing_gap=REDUCING_GAP if scale < 1 else None,
        )


class ResizeToWidth(ResizeToFit):
    """Scale to ``width``; height follows the source's aspect ratio."""

    def process(self, img):
        src_w, src_h = img.size
        height = max(1, round(src_h * self.width / src_w))
        return img.resize(
            (self.width, height),
            PILImage.Resampling.LANCZOS,
            reducing_gap=REDUCING_GAP if self.width < src_w else None,
        )


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int | None  # None: scale to width, keep the aspect ratio

    @property
    def crops(self):
        return self.height is not None

    def cover_scale(self, width, height):
        """How much a ``width`` x ``height`` source is scaled to produce this size."""
        if self.crops:
            return max(self.width / width, self.height / height)
        return self.width / width

    def processors(self, anchor=(0.5, 0.5)):
        if self.crops:
            return [FocalResizeToFill(self.width, self.height, anchor=anchor, upscale=True)]
        return [ResizeToWidth(width=self.width, upscale=True)]

    def fingerprint(self):
        """Changes whenever the output of this size would change (names its files)."""
        return f"{self.name}:{self.width}x{self.height}:{WEBP_OPTIONS}:{AVIF_OPTIONS}:v1"


SIZES = {
    size.name: size
    for size in [
        Size("_199x190", 199, 190),
        Size("_218x186", 218, 186),
        Size("_240x240", 240, 240),
        Size("_325x417", 325, 417),
        Size("_456x448", 456, 448),
        Size("_463x428", 463, 428),
        Size("_597x428", 597, 428),
        Size("_688x426", 688, 426),
        Size("_693x500", 693, 500),
        Size("_747x528", 747, 528),
        Size("_754x448", 754, 448),
        Size("_1175x570", 1175, 570),
        Size("_1920x1200", 1920, 1200),
        Size("_1920", 1920, None),
        Size("241x143", 241, 143),
    ]
}

# The 14 sizes listed under ``image.url`` in the old site's JSON (not the thumbnail).
PAGE_IMAGE_SIZES = [name for name in SIZES if name != "241x143"]
NEXT_THUMBNAIL = "241x143"

# Sources must be at least as large as the smallest page size (as on the old site).
MIN_WIDTH, MIN_HEIGHT = SIZES["_199x190"].width, SIZES["_199x190"].height


class VariantSpec(ImageSpec):
    """A named size as an ImageKit spec: WebP, cropped around the source's focal point."""

    size: Size
    format = "WEBP"
    options = WEBP_OPTIONS

    def __init__(self, source=None, anchor=(0.5, 0.5)):
        self.anchor = anchor
        super().__init__(source)

    @property
    def processors(self):
        return self.size.processors(self.anchor)


def _register(size):
    spec = type(f"Spec{size.name}", (VariantSpec,), {"size": size})
    register.generator(size.name, spec)
    return spec


SPECS = {name: _register(size) for name, size in SIZES.items()}
