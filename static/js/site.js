// Progressive enhancement for the main menu (disclosure pattern). Without
// JavaScript every link is a plain link and submenus open on hover or focus.
// With it, submenus open with their buttons (aria-expanded), Escape closes the
// open one and returns focus to its button, and small screens get a menu button.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var menu = document.querySelector("[data-main-menu]");
  if (!menu) {
    return;
  }
  var toggles = Array.prototype.slice.call(menu.querySelectorAll(".main-menu__toggle"));
  var burger = menu.querySelector(".main-menu__burger");

  function isOpen(button) {
    return button.getAttribute("aria-expanded") === "true";
  }

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.parentNode.classList.toggle("is-open", open);
  }

  function closeAll(except) {
    toggles.forEach(function (button) {
      if (button !== except && isOpen(button)) {
        setOpen(button, false);
      }
    });
  }

  toggles.forEach(function (button) {
    button.addEventListener("click", function () {
      var open = !isOpen(button);
      closeAll(button);
      setOpen(button, open);
    });
    // Focus leaving an item (Tab past its last link) closes its submenu.
    button.parentNode.addEventListener("focusout", function (event) {
      if (isOpen(button) && !button.parentNode.contains(event.relatedTarget)) {
        setOpen(button, false);
      }
    });
  });

  function setBurger(open) {
    burger.setAttribute("aria-expanded", open ? "true" : "false");
    burger.textContent = burger.getAttribute(open ? "data-label-close" : "data-label-open");
    menu.classList.toggle("is-open", open);
  }

  if (burger) {
    burger.hidden = false;
    burger.addEventListener("click", function () {
      setBurger(!isOpen(burger));
    });
  }

  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = toggles.filter(isOpen)[0];
    if (open) {
      setOpen(open, false);
      open.focus();
      event.preventDefault();
    } else if (burger && isOpen(burger)) {
      setBurger(false);
      burger.focus();
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    if (!menu.contains(event.target)) {
      closeAll(null);
    }
  });
})();

// The list's filters: a <details> disclosure folded on narrow screens (open when
// filters are active, rendered by the server), always open beside the results on
// wide ones.
(function () {
  "use strict";
  var filters = document.querySelector("[data-filters]");
  if (!filters || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 900px)");
  function follow() {
    if (wide.matches) {
      filters.open = true;
    }
  }
  follow();
  wide.addEventListener("change", follow);
  filters.querySelector("summary").addEventListener("click", function (event) {
    if (wide.matches) {
      event.preventDefault();
    }
  });
})();
