"""Typed reads from a decoded JSON document that remember where they are.

Every read knows its JSON path, so a bad value stops the import with
``en--x.json: props.pageProps.api.data.date: expected ..., got ...`` rather
than a KeyError far from the cause.
"""

from .errors import PageError, describe

_MISSING = object()

_TYPE_NAMES = {str: "a string", dict: "an object", list: "a list", bool: "true or false",
               int: "a number", float: "a number", type(None): "null"}  # fmt: skip


class Cursor:
    __slots__ = ("value", "path", "source")

    def __init__(self, value, path="", source=""):
        self.value = value
        self.path = path
        self.source = source

    def error(self, message):
        return PageError(self.source, self.path or "(top level)", message)

    def child_path(self, key):
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def __getitem__(self, key):
        """The required member ``key`` (a dotted path is allowed for objects)."""
        cursor = self
        for part in key.split(".") if isinstance(key, str) else [key]:
            cursor = cursor._child(part, required=True)
        return cursor

    def get(self, key):
        """The optional member ``key``: a cursor on None when it is absent."""
        cursor = self
        for part in key.split("."):
            cursor = cursor._child(part, required=False)
        return cursor

    def _child(self, key, *, required):
        if self.value is None and not required:
            return Cursor(None, self.child_path(key), self.source)
        container = self.expect(list if isinstance(key, int) else dict)
        if isinstance(key, int):
            value = container[key] if key < len(container) else _MISSING
        else:
            value = container.get(key, _MISSING)
        if value is _MISSING:
            if required:
                raise Cursor(None, self.child_path(key), self.source).error(
                    "missing required field"
                )
            value = None
        return Cursor(value, self.child_path(key), self.source)

    def expect(self, *types, nullable=False):
        if self.value is None and nullable:
            return None
        if isinstance(self.value, types) and not (
            isinstance(self.value, bool) and bool not in types
        ):
            return self.value
        wanted = " or ".join(dict.fromkeys(_TYPE_NAMES[t] for t in types))
        raise self.error(f"expected {wanted}, got {describe(self.value)}")

    @property
    def is_null(self):
        return self.value is None

    def text(self, *, nullable=False, blank=True, max_length=None):
        """A string; null reads as "" when ``nullable``."""
        value = self.expect(str, nullable=nullable)
        value = value or ""
        if not blank and not value.strip():
            raise self.error("must not be empty")
        if max_length is not None and len(value) > max_length:
            raise self.error(f"longer than {max_length} characters ({len(value)})")
        return value

    def integer(self, *, nullable=False):
        """An integer, also written as a string ("-50", as Drupal exports weights)."""
        value = self.expect(int, str, nullable=nullable)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError:
            raise self.error(f"expected an integer, got {describe(value)}") from None

    def flag(self):
        """A boolean the old site may write as true/false, 1/0 or null."""
        value = self.expect(bool, int, nullable=True)
        if value in (None, 0, 1, True, False):
            return bool(value)
        raise self.error(f"expected true, false, 1 or 0, got {describe(value)}")

    def items(self, *, nullable=False):
        value = self.expect(dict, nullable=nullable) or {}
        return [
            (key, Cursor(item, self.child_path(key), self.source)) for key, item in value.items()
        ]

    def each(self, *, nullable=False):
        value = self.expect(list, nullable=nullable) or []
        return [
            Cursor(item, self.child_path(index), self.source) for index, item in enumerate(value)
        ]
