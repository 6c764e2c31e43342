/* Language tabs of translated fields (modeltranslation's jQuery UI tabs):
   - each tab names its language and says "— empty" when its fields are blank
     (text in the tab, not colour alone), updated as people type;
   - inactive languages (settings.OTHER_LANGUAGES, e.g. Spanish) are tucked
     behind a "More languages" button unless they hold text or an error;
   - a link to "#id_<field>_<lang>" (the completeness board) opens the field's tab
     and focuses the field.
   Runs after modeltranslation has built the tabs (queued behind its ready handler). */
(function () {
  "use strict";

  var dataNode = document.getElementById("admin-languages");
  if (!dataNode) return;
  var languages = {};
  JSON.parse(dataNode.textContent).forEach(function (language) {
    languages[language.code] = language;
  });

  function fieldsOf(panel) {
    return panel.querySelectorAll(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea"
    );
  }

  function isEmpty(panel) {
    var fields = fieldsOf(panel);
    if (!fields.length) return false;
    return Array.prototype.every.call(fields, function (field) {
      return !field.value.trim();
    });
  }

  function markTab(anchor, panel, compact) {
    var code = anchor.dataset.lang;
    var language = languages[code] || { name: code };
    var empty = isEmpty(panel);
    anchor.textContent = compact ? code.toUpperCase() : language.name;
    if (empty && compact) {
      // Table rows have little room: a visible sign, and the words for screen readers.
      var sign = document.createElement("span");
      sign.className = "mt-empty";
      sign.setAttribute("aria-hidden", "true");
      sign.textContent = " ∅";
      var words = document.createElement("span");
      words.className = "visually-hidden";
      words.textContent = " " + language.name + " — empty";
      anchor.append(sign, words);
    } else if (empty) {
      var marker = document.createElement("span");
      marker.className = "mt-empty";
      marker.textContent = " — empty";
      anchor.appendChild(marker);
    }
    anchor.parentNode.classList.toggle("mt-tab--empty", empty);
    return empty;
  }

  var jq = window.django && window.django.jQuery;
  if (jq && jq.ui && jq.ui.tabs && !jq.ui.tabs.prototype._tasLocalPanels) {
    // Tabs whose link lost its address (below) show a panel of this page, never load one.
    var isLocal = jq.ui.tabs.prototype._isLocal;
    jq.ui.tabs.prototype._isLocal = function (anchor) {
      return !anchor.hasAttribute("href") || isLocal.call(this, anchor);
    };
    jq.ui.tabs.prototype._tasLocalPanels = true;
  }

  function panelId(anchor) {
    // Set up once already (its address moved to data-panel), or a link of another script.
    return anchor.dataset.panel || (anchor.getAttribute("href") || "").slice(1);
  }

  function quietAnchor(anchor) {
    // jQuery UI makes the <li> the tab and leaves a focusable link inside it (axe:
    // nested-interactive). Its handlers are bound already; the link needs no address.
    anchor.dataset.panel = panelId(anchor);
    anchor.removeAttribute("href");
    anchor.removeAttribute("tabindex");
  }

  function setUpTabs(container) {
    var list = container.querySelector(":scope > ul");
    if (!list) return;
    var compact = container.tagName === "TD";
    var hidden = [];
    list.querySelectorAll(":scope > li > a").forEach(function (anchor) {
      var id = panelId(anchor);
      var panel = id && document.getElementById(id);
      if (!panel) return;
      quietAnchor(anchor);
      anchor.dataset.lang = anchor.dataset.lang || anchor.textContent.trim().replace("-", "_");
      var language = languages[anchor.dataset.lang];
      var empty = markTab(anchor, panel, compact);
      panel.addEventListener("input", function () {
        markTab(anchor, panel, compact);
      });
      var item = anchor.parentNode;
      var keep = !empty || item.classList.contains("ui-tab-has-errors") ||
        item.classList.contains("ui-tabs-active");
      if (language && !language.active && !keep) {
        item.classList.add("mt-tab--inactive");
        hidden.push(language.name);
      }
    });
    if (!hidden.length) return;
    if (compact) {
      // One button above an inline table rather than one per row.
      var table = container.closest("table");
      if (table && !table.previousElementSibling?.classList.contains("mt-more")) {
        table.insertAdjacentElement("beforebegin", moreButton(hidden));
      }
    } else {
      list.insertAdjacentElement("afterend", moreButton(hidden));
    }
  }

  function moreButton(hidden) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mt-more";
    button.setAttribute("aria-expanded", document.body.classList.contains("mt-show-inactive")
      ? "true" : "false");
    button.textContent = "More languages";
    button.title = "Show " + hidden.join(", ");
    button.addEventListener("click", toggleInactive);
    return button;
  }

  function toggleInactive() {
    var shown = document.body.classList.toggle("mt-show-inactive");
    document.querySelectorAll(".mt-more").forEach(function (button) {
      button.setAttribute("aria-expanded", shown ? "true" : "false");
    });
  }

  function openLinkedField() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var field = id && document.getElementById(id);
    if (!field) return;
    var panel = field.closest(".ui-tabs-panel");
    if (panel) {
      var anchor = document.querySelector('a[data-panel="' + CSS.escape(panel.id) + '"]');
      if (anchor) {
        if (anchor.parentNode.classList.contains("mt-tab--inactive")) {
          document.body.classList.add("mt-show-inactive");
        }
        anchor.click();
      }
    }
    field.scrollIntoView({ block: "center" });
    field.focus();
  }

  // Names for controls Django admin and its widgets leave unnamed (axe: label, select-name,
  // aria-input-field-name, label-title-only).
  function nameUnlabelledControls() {
    var mainSwitch = document.getElementById("modeltranslation-main-switch");
    if (mainSwitch) mainSwitch.setAttribute("aria-label", "Language shown in every tab");
    var search = document.getElementById("searchbar");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    document.querySelectorAll("p.datetime").forEach(function (row) {
      var label = row.closest(".form-row, .fieldBox, div");
      var text = label && label.querySelector("label");
      var name = text ? text.textContent.replace(/:\s*$/, "").trim() : "";
      row.querySelectorAll("input.vDateField").forEach(function (input) {
        input.setAttribute("aria-label", (name + " date").trim());
      });
      row.querySelectorAll("input.vTimeField").forEach(function (input) {
        input.setAttribute("aria-label", (name + " time").trim());
      });
    });
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + CSS.escape(select.id) + '"]');
      var name = label ? label.textContent.replace(/:\s*$/, "").trim() : select.name;
      var container = select.nextElementSibling;
      if (!container) return;
      container.querySelectorAll("[role=combobox], [role=textbox]").forEach(function (part) {
        part.setAttribute("aria-label", name);
      });
    });
  }

  function init() {
    document.querySelectorAll(".ui-tabs").forEach(setUpTabs);
    nameUnlabelledControls();
    openLinkedField();
  }

  function start() {
    // django.jQuery(fn) after DOMContentLoaded still runs fn after the handlers
    // queued earlier, modeltranslation's included.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(init);
    } else {
      init();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
