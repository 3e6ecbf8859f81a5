// A "Kopiëren" button copies the field it names (data-copy) to the clipboard, and says so.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  var said = function () {
    var label = button.firstChild;
    var before = label.nodeValue;
    label.nodeValue = "Gekopieerd";
    setTimeout(function () { label.nodeValue = before; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(said, function () { field.select(); });
  } else {
    field.select();
    try { if (document.execCommand("copy")) said(); } catch (e) { /* the field stays selected to copy by hand */ }
  }
});
