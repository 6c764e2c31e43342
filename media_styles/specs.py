"""The named image sizes of the old site: the contract between templates, the JSON
endpoint and the importer. Names are the keys of ``api.data.image.url`` in the
old site's page JSON (plus the 241x143 "next release" thumbnail).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int | None  # None: scale to width, keep the aspect ratio

    @property
    def crops(self):
        return self.height is not None


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
