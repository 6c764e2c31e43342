"""Visitor-facing query forms: they read GET parameters and never fail a page.

A value that cannot be used is dropped and reported as a notice (a label key);
the rest of the filters still apply.
"""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.utils import timezone

from .search import MAX_QUERY_LENGTH

# Outside these, a date is a typo (and year 1 or 9999 overflows time zone arithmetic).
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Unknown values are sorted out by the form (kept as a notice), not rejected."""

    def validate(self, value):
        pass


class DateFilterField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError("Date out of range.", code="invalid")


class QueryForm(forms.Form):
    """Common ground: notices from errors, and a query string of the usable values."""

    # Which label explains an unusable value of each field.
    notice_labels = {}
    # Fields shown back in text inputs: a NUL byte is removed from the shown value and
    # makes the field unusable. (Other values with a NUL byte simply match nothing known.)
    text_fields = ()
    range_notice = "invalidDateRangeMessage"

    def __init__(self, data, **kwargs):
        # A NUL byte makes its field unusable, but the rest of the value is shown back.
        data = data.copy()
        self.nul_fields = set()
        for name, values in list(data.lists()):
            if name in self.text_fields and any("\x00" in value for value in values):
                self.nul_fields.add(name)
                data.setlist(name, [value.replace("\x00", "") for value in values])
        super().__init__(data, **kwargs)
        self.extra_notices = []

    def clean(self):
        for name in self.nul_fields & set(self.cleaned_data):
            self.add_error(name, forms.ValidationError("NUL byte.", code="null_characters"))
        return super().clean()

    @property
    def notices(self):
        self.is_valid()
        keys = [self.notice_labels.get(field, self.range_notice) for field in self.errors]
        return list(dict.fromkeys(keys + self.extra_notices))

    def usable(self):
        self.is_valid()
        return self.cleaned_data

    def query_string(self):
        """The usable values, URL-encoded (for pagination links); '' when there are none."""
        pairs = []
        for name, value in self.usable().items():
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, ""):
                    pairs.append((name, item.isoformat() if isinstance(item, date) else item))
        return urlencode(pairs)


class ReleaseFilterForm(QueryForm):
    """``?activity=explore&activity=connect&from=2024-01-01&to=2024-12-31&q=mars``."""

    notice_labels = {
        "activity": "invalidActivityMessage",
        "from": "invalidDateMessage",
        "to": "invalidDateMessage",
        "q": "invalidSearchMessage",
    }
    text_fields = ("q", "from", "to")

    activity = LenientMultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH)

    def __init__(self, data, *, activities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["activity"].choices = [(a.slug, a.name) for a in activities]
        # "from" and "to" are Python keywords, so they cannot be class attributes.
        self.fields["from"] = DateFilterField(required=False)
        self.fields["to"] = DateFilterField(required=False)

    def clean_activity(self):
        known = dict(self.fields["activity"].choices)
        slugs = [slug for slug in dict.fromkeys(self.cleaned_data["activity"]) if slug]
        if any(slug not in known for slug in slugs):
            self.extra_notices.append(self.notice_labels["activity"])
        return [slug for slug in slugs if slug in known]

    def clean(self):
        super().clean()
        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        if start and end and start > end:
            raise forms.ValidationError("The start date is after the end date.", code="range")
        return self.cleaned_data

    def usable(self):
        data = super().usable()
        if self.has_error(forms.forms.NON_FIELD_ERRORS):
            data = {key: value for key, value in data.items() if key not in ("from", "to")}
        return data

    @property
    def is_filtered(self):
        return any(self.usable().values())

    def filter(self, queryset, language):
        data = self.usable()
        if data.get("activity"):
            queryset = queryset.filter(activity__slug__in=data["activity"])
        if data.get("from"):
            queryset = queryset.filter(date__gte=local_midnight(data["from"]))
        if data.get("to"):
            # Inclusive: everything before the next local midnight.
            queryset = queryset.filter(date__lt=local_midnight(data["to"] + timedelta(days=1)))
        if data.get("q"):
            queryset = queryset.search(data["q"], language)
        return queryset


class SiteSearchForm(QueryForm):
    """``/<lang>/search?key=mars&category=press-releases``."""

    # Categories of the old site's search; only press releases live on this site so far.
    CATEGORY_LABELS = {
        "": "labelAll",
        "press-releases": "pressReleaseLabel",
        "news": "labelNews",
        "talents": "labelTalents",
        "gallery": "galleryLabel",
    }
    SEARCHABLE = {"", "press-releases"}
    notice_labels = {"key": "invalidSearchMessage", "category": "invalidSearchMessage"}
    text_fields = ("key", "category")

    key = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH)
    # Any category is accepted; one this site does not hold simply has no results.
    category = forms.CharField(required=False, max_length=50)

    @property
    def key_value(self):
        return self.usable().get("key", "")

    @property
    def category_value(self):
        return self.usable().get("category", "")

    @property
    def searches_releases(self):
        return bool(self.key_value) and self.category_value in self.SEARCHABLE


def local_midnight(day):
    """The start of ``day`` in the site's time zone (Europe/Paris)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())
