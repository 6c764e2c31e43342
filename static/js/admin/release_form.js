/* The release change form: warn before leaving with unsaved changes, and preview in the
   language of the active tab. Loaded by PressReleaseAdmin.Media; no inline handlers (CSP). */
(function () {
  "use strict";

  function activeLanguage() {
    // The body's tabs say which language the writer is looking at (modeltranslation).
    var active = document.querySelector("li.ui-tabs-active[aria-controls^='tab_id_body_']") ||
      document.querySelector("li.ui-tabs-active[aria-controls^='tab_id_title_']");
    if (!active) return "";
    return active.getAttribute("aria-controls").replace(/^tab_id_(body|title)_/, "");
  }

  function setUp(form) {
    var dirty = false;
    var leaving = false;
    function markDirty(event) {
      // The Preview button's own language parameter is not an edit.
      if (event.target && event.target.name === "_preview") return;
      dirty = true;
    }
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.name === "_preview") {
        var language = activeLanguage();
        var url = submitter.getAttribute("data-preview-url");
        submitter.setAttribute("formaction", language ? url + "?language=" + language : url);
        return; // the form stays open: its changes are still unsaved
      }
      leaving = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !leaving) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  // Accessible names the admin's widgets leave out (axe runs on this form in the gates).
  function labelOf(id) {
    var label = id && document.querySelector("label[for='" + id + "']");
    return label ? label.textContent.replace(/[:\s]+$/, "").trim() : "";
  }

  function nameEditor(event) {
    var textarea = event.detail.textarea;
    var language = textarea.id.replace(/^id_body_/, "");
    var dom = event.detail.editor.view.dom;
    dom.setAttribute("aria-label", (labelOf(textarea.id) || "Body") + " (" + language + ")");
    var help = document.getElementById(textarea.id + "_helptext");
    if (help) dom.setAttribute("aria-describedby", help.id);
  }

  function nameWidgets() {
    document.querySelectorAll("p.datetime").forEach(function (row) {
      row.querySelectorAll("input").forEach(function (input, index) {
        var field = labelOf(input.id.replace(/_\d$/, "")) || input.name;
        if (!labelOf(input.id)) input.setAttribute("aria-label", field + (index ? ", time" : ", date"));
      });
    });
    document.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
      var select = box.closest(".select2-container").previousElementSibling;
      var name = select ? labelOf(select.id) : "";
      box.setAttribute("aria-label", name);
      var rendered = box.querySelector(".select2-selection__rendered");
      if (rendered) rendered.setAttribute("aria-label", name);
    });
    var mainSwitch = document.getElementById("modeltranslation-main-switch");
    if (mainSwitch) mainSwitch.setAttribute("aria-label", "Language of every tab");
    untangleTabs();
  }

  function untangleTabs() {
    // jQuery UI puts role=tab on the <li> around a focusable <a href>: a control inside a
    // control. The panels are found by aria-controls, so the links' href can go.
    var $ = window.django && window.django.jQuery;
    var tabs = $ && $.ui && $.ui.tabs && $.ui.tabs.prototype;
    if (!tabs) return;
    var isLocal = tabs._isLocal;
    tabs._isLocal = function (anchor) {
      return !anchor.getAttribute("href") || isLocal.apply(this, arguments);
    };
    document.querySelectorAll("li[role=tab] > a.ui-tabs-anchor[href]").forEach(function (a) {
      a.removeAttribute("href");
    });
  }

  function start() {
    var form = document.getElementById("pressrelease_form");
    if (form) setUp(form);
  }

  document.addEventListener("prose-editor:ready", nameEditor);
  // After every DOMContentLoaded handler (the tabs, select2) has run.
  window.addEventListener("load", nameWidgets);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
