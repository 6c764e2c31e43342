class PageError(Exception):
    """Bad input in one page file: names the file and the JSON path of the culprit."""

    def __init__(self, source, path, message):
        self.source = source
        self.path = path
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.source}: {self.path}" if self.path else str(self.source)
        return f"{where}: {self.message}"


def describe(value):
    """A short JSON rendering of ``value`` for error messages (``got 20181008``)."""
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
