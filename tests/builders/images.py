"""Images made in memory with Pillow, and Image rows built from them."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from media_styles.models import Image


def encoded(img, format, **options):
    buffer = io.BytesIO()
    img.save(buffer, format=format, **options)
    return buffer.getvalue()


def upload(data, name="picture.jpg"):
    return SimpleUploadedFile(name, data)


def create(data, name="picture.jpg", **fields):
    return Image.objects.create(file=upload(data, name), **fields)


def noisy(width, height, seed=1):
    """Texture a JPEG cannot describe in a few bytes (so truncation hits pixel data)."""
    return PILImage.frombytes("L", (width, height), bytes(
        (x * 31 + y * 17 + seed * (x ^ y)) % 251 for y in range(height) for x in range(width)
    )).convert("RGB")  # fmt: skip


def png_header_only(width, height):
    """A PNG that declares ``width`` x ``height`` pixels and holds none (a bomb's header)."""

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def decoded(url, media_root):
    """Open a variant by its URL under ``media_root`` (tests may touch storage)."""
    img = PILImage.open(media_root / url.removeprefix("/media/"))
    img.load()
    return img


def image_bytes(width=640, height=480, *, mode="RGB", format="JPEG", colour=(20, 80, 160)):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), colour).save(buffer, format=format)
    return buffer.getvalue()


def make_image(width=640, height=480, *, name="picture.jpg", alt="", **fields):
    upload = SimpleUploadedFile(name, image_bytes(width, height), content_type="image/jpeg")
    return Image.objects.create(file=upload, alt=alt, **fields)
