"""Submit an admin form as a browser would: every field of the rendered page, as sent."""

import lxml.html


def form_data(html, form_id="pressrelease_form"):
    """The values a browser would post for the form ``form_id`` of ``html`` (untouched).

    Textareas are sent with CRLF line endings, as browsers do.
    """
    form = lxml.html.fromstring(html).get_element_by_id(form_id)
    data = {}
    for element in form.iter("input", "textarea", "select"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "textarea":
            value = (element.text or "").removeprefix("\n").replace("\n", "\r\n")
        elif element.tag == "select":
            chosen = [option.get("value", option.text or "") for option in element.iter("option")
                      if option.get("selected") is not None]  # fmt: skip
            value = chosen[0] if chosen else ""
        else:
            kind = element.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            value = element.get("value", "on" if kind == "checkbox" else "")
        data.setdefault(name, value)
    return data
