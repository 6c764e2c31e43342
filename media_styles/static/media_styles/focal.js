/* Focal point picker of the image admin: click or drag on the picture, or move the
   marker with the arrow keys; the focal_x/focal_y fields and the crop previews follow.
   The crops use object-position, which reads the point as the variants do. */
(function () {
  "use strict";

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function init(picker) {
    var stage = picker.querySelector("[data-focal-stage]");
    var marker = picker.querySelector("[data-focal-marker]");
    var value = picker.querySelector("[data-focal-value]");
    var crops = picker.querySelectorAll(".focal__frame img");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!stage || !marker || !fieldX || !fieldY) {
      return;
    }

    function read(field) {
      var number = parseFloat(field.value);
      return isNaN(number) ? 0.5 : clamp(number);
    }

    function show(x, y) {
      var left = (x * 100).toFixed(1);
      var top = (y * 100).toFixed(1);
      marker.style.left = left + "%";
      marker.style.top = top + "%";
      crops.forEach(function (img) {
        img.style.objectPosition = left + "% " + top + "%";
      });
      var words = "Focal point: " + Math.round(x * 100) + " % from the left, " +
        Math.round(y * 100) + " % from the top";
      value.textContent = words;
      marker.setAttribute("aria-label", words);
    }

    function set(x, y) {
      x = clamp(x);
      y = clamp(y);
      fieldX.value = x.toFixed(3);
      fieldY.value = y.toFixed(3);
      show(x, y);
    }

    function fromPointer(event) {
      var box = stage.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    }

    var dragging = false;
    stage.addEventListener("pointerdown", function (event) {
      dragging = true;
      stage.setPointerCapture(event.pointerId);
      fromPointer(event);
      marker.focus({ preventScroll: true });
      event.preventDefault();
    });
    stage.addEventListener("pointermove", function (event) {
      if (dragging) {
        fromPointer(event);
      }
    });
    ["pointerup", "pointercancel"].forEach(function (name) {
      stage.addEventListener(name, function () {
        dragging = false;
      });
    });
    marker.addEventListener("keydown", function (event) {
      var step = event.shiftKey ? 0.1 : 0.01;
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      var move = moves[event.key];
      if (move) {
        set(read(fieldX) + move[0], read(fieldY) + move[1]);
        event.preventDefault();
      }
    });
    [fieldX, fieldY].forEach(function (field) {
      field.addEventListener("input", function () {
        show(read(fieldX), read(fieldY));
      });
    });
    show(read(fieldX), read(fieldY));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-picker]").forEach(init);
  });
})();
