"""Images inside release bodies point at the old site's image server, which goes away
with the old site (and which pages must not load from: no request leaves this site).

Each ``<img>`` whose file is in the media folder becomes a local ``Image`` and its
``_1920`` variant; any other is removed with a warning naming it, so a body never
shows a broken picture. Runs on cleaned HTML, whose ``<img>`` tags are normalised.
"""

import re
from html import unescape

from django.utils.html import escape

from navigation.links import is_external

from .pages import ImageRef, original_file_name

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"', re.IGNORECASE)
BODY_WIDTH = "_1920"


class BodyImages:
    def __init__(self, images, report):
        self.images = images
        self.report = report

    def localise(self, html, page, path):
        def replace(match):
            attributes = dict(ATTRIBUTE.findall(match.group(0)))
            src = unescape(attributes.get("src", ""))
            if src and not is_external(src):
                return match.group(0)
            name = original_file_name(src) if src else ""
            alt = unescape(attributes.get("alt", ""))
            image = None
            if name:
                ref = ImageRef(original_name=name, alt=alt, title="", path=path)
                image = self.images.get(ref, page.language, page.source)
            if image is None:
                self.report.warn(
                    page.source, path,
                    f"no local file for body image {name or src!r}; removed from the body",
                )  # fmt: skip
                return ""
            # The variant's name is known before the worker makes it (content addressed).
            url, width, height = image.planned_variant(BODY_WIDTH)
            return (
                f'<img src="{escape(url)}" alt="{escape(alt)}" width="{width}" height="{height}">'
            )

        return IMG_TAG.sub(replace, html)
