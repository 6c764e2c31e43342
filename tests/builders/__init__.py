"""Small builders for test data: each test makes only what it needs.

One import path for every builder: ``from tests.builders import make_release, page, ...``.
The modules group them by subject: releases, images (in memory with Pillow), navigation
(menus, labels, options), pages (the old site's page JSON and the import command) and
admin forms (what a browser posts for an untouched change form) and users (staff in a group).
"""

from .admin_forms import form_data
from .images import (
    create,
    decoded,
    encoded,
    image_bytes,
    make_image,
    noisy,
    png_header_only,
    upload,
)
from .navigation import (
    make_items_from_navs,
    make_label,
    make_menu_item,
    make_options,
    make_seed_like_menus,
)
from .pages import (
    DELETE,
    OLD,
    SEED,
    at,
    common,
    image_json,
    make_media,
    menu_item,
    page,
    run_import,
    snapshot,
    with_value,
    write,
)
from .releases import make_release
from .users import make_staff, make_superuser

__all__ = [
    "DELETE",
    "OLD",
    "SEED",
    "at",
    "common",
    "create",
    "decoded",
    "encoded",
    "form_data",
    "image_bytes",
    "image_json",
    "make_image",
    "make_items_from_navs",
    "make_label",
    "make_media",
    "make_menu_item",
    "make_options",
    "make_release",
    "make_seed_like_menus",
    "make_staff",
    "make_superuser",
    "menu_item",
    "noisy",
    "page",
    "png_header_only",
    "run_import",
    "snapshot",
    "upload",
    "with_value",
    "write",
]
