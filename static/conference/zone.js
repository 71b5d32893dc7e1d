// Offer the device's own time zone in the programme's zone select; the form works without this.
(function () {
  var button = document.querySelector("[data-detect-zone]");
  var select = document.getElementById("id_tz");
  if (!button || !select || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || !select.querySelector('option[value="' + zone + '"]') || select.value === zone) return;
  button.hidden = false;
  button.textContent = button.textContent + " (" + zone.replace(/_/g, " ") + ")";
  button.addEventListener("click", function () {
    select.value = zone;
    select.form.submit();
  });
})();
