"""Finding page files and decoding them, one at a time."""

import json
from pathlib import Path

from .cursor import Cursor
from .errors import PageError


def find_files(paths):
    """Every ``*.json`` file under ``paths`` (files or folders, recursively), sorted, once."""
    found = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(path.rglob("*.json")):
                if file.is_file():
                    found.setdefault(file.resolve(), file)
        elif path.is_file():
            found.setdefault(path.resolve(), path)
        else:
            raise PageError(raw, "", "no such file or folder")
    return list(found.values())


def load(file):
    """The decoded document as a Cursor, or a PageError saying why it is not valid JSON."""
    try:
        with open(file, "rb") as handle:
            document = json.load(handle)
    except UnicodeDecodeError as error:
        raise PageError(
            file, "", f"not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except json.JSONDecodeError as error:
        raise PageError(
            file, "", f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except OSError as error:
        raise PageError(file, "", f"cannot be read ({error.strerror})") from None
    cursor = Cursor(document, "", str(file))
    cursor.expect(dict)
    return cursor
