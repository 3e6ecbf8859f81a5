// Starts Swagger UI (vendored, see VENDORED.txt) on the API's description; a file, as the CSP allows no inline script.
window.addEventListener("load", function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.getAttribute("data-url"), dom_id: "#swagger-ui", deepLinking: true });
});
