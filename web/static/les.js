// The classroom page's presenter mode: large type and high contrast, switched without reloading and
// remembered in this browser. Everything else on the page is htmx (no inline script: see the CSP).
(function () {
  "use strict";
  var KEY = "sww-presentatie";

  function apply(on) {
    var les = document.getElementById("les");
    if (!les) return;
    les.classList.toggle("presentatie", on);
    var button = document.getElementById("presentatie-knop");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
    var form = document.getElementById("les-form");
    if (!form) return;
    var field = form.querySelector("input[name=presentatie]");
    if (on && !field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "presentatie";
      field.value = "ja";
      form.appendChild(field);
    } else if (!on && field) {
      field.remove();
    }
  }

  function stored() {
    try { return window.localStorage.getItem(KEY) === "ja"; } catch (e) { return false; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#presentatie-knop");
    if (!button) return;
    event.preventDefault();
    var on = !document.getElementById("les").classList.contains("presentatie");
    try { window.localStorage.setItem(KEY, on ? "ja" : "nee"); } catch (e) { /* private mode: not kept */ }
    apply(on);
  });

  // The replay of a finished meeting (/les/sessie/…): the arrow keys go to the previous and next step.
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".sessiestap") || event.altKey || event.ctrlKey || event.metaKey) return;
    var typing = event.target.closest && event.target.closest("input, select, textarea");
    if (typing) return;
    var rel = event.key === "ArrowRight" ? "next" : event.key === "ArrowLeft" ? "prev" : null;
    var link = rel && document.querySelector(".stappen a[rel=" + rel + "]");
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });

  function start() {
    var les = document.getElementById("les");
    if (les && (stored() || les.classList.contains("presentatie"))) apply(true);
  }
  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", start);
})();
