/* The image chooser (Django's autocomplete select) shows each image's thumbnail and
   size. Loaded after select2: the defaults apply to choosers created afterwards;
   results without a "thumb" key (other autocompletes) keep their plain text. */
(function ($) {
  "use strict";
  if (!$ || !$.fn.select2) {
    return;
  }

  function option(item) {
    if (item.loading || item.thumb === undefined) {
      return item.text;
    }
    var row = $('<span class="chooser-option"></span>');
    if (item.thumb) {
      row.append($('<img alt="" width="40" height="40">').attr("src", item.thumb));
    } else {
      row.append('<span class="chooser-blank" aria-hidden="true"></span>');
    }
    var words = $("<span></span>").text(item.text);
    words.append($("<small></small>").text(item.size || ""));
    row.append(words);
    return row;
  }

  $.fn.select2.defaults.set("templateResult", option);
})(window.django && window.django.jQuery);
