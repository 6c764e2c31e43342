// Progressive enhancement for the main menu: submenus open with buttons that
// report aria-expanded and close with Escape. Without JavaScript the headings
// stay plain links and submenus open on focus.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
})();
