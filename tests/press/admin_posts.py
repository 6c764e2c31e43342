"""What a browser would post back from an admin change form, untouched (files left out)."""

from datetime import datetime

from django.db.models.fields.files import FieldFile
from django.utils import timezone


def form_data(response, **changes):
    """The data of the change form in ``response``, as a browser sends it (``\\r\\n`` lines)."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, FieldFile) or value is None:
            continue
        if isinstance(value, datetime) or hasattr(field, "fields"):
            value = form[name].field.prepare_value(value) if not isinstance(value, list) else value
            moment = value if isinstance(value, datetime) else None
            if moment is not None:
                moment = timezone.localtime(moment)  # the form shows Paris time
                data[f"{name}_0"] = moment.strftime("%Y-%m-%d")
                data[f"{name}_1"] = moment.strftime("%H:%M:%S")
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\n", "\r\n")
        data[name] = value
    data.update(changes)
    return data
