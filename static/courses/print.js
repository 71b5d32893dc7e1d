// "Print this certificate": shown only where a script can print; without one the browser's own Print works.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
