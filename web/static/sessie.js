// The meeting's presenter view: one part at a time on the projector, moved with the arrow keys (and Page Up /
// Page Down, Home, End); without this script every part is shown below the other. No inline script: see the CSP.
(function () {
  "use strict";
  var current = 0;

  function parts() { return Array.prototype.slice.call(document.querySelectorAll("#sessie .dia")); }

  function show(index, focus) {
    var all = parts();
    if (!all.length) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (part, n) { part.classList.toggle("verborgen", n !== current); });
    if (focus) all[current].focus();
  }

  function start() {
    var root = document.getElementById("sessie");
    if (!root || root.classList.contains("dia-klaar")) return;
    root.classList.add("dia-klaar");
    var wanted = window.location.hash ? document.querySelector(window.location.hash) : null;
    var all = parts();
    var index = 0;
    all.forEach(function (part, n) { if (wanted && part.contains(wanted)) index = n; });
    if (document.querySelector("#dia-kiezen [role=alert]")) index = all.length - 1;
    show(index, false);
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("sessie")) return;
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.altKey || event.ctrlKey || event.metaKey) return;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (event.key in moves) { show(current + moves[event.key], true); event.preventDefault(); }
    else if (event.key === "Home") { show(0, true); event.preventDefault(); }
    else if (event.key === "End") { show(parts().length - 1, true); event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#sessie .dia-nav a[href^='#']");
    if (!link) return;
    var all = parts();
    all.forEach(function (part, n) { if ("#" + part.id === link.getAttribute("href")) { show(n, true); } });
    event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", start);
})();
