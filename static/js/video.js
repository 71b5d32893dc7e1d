// Replace a video's placeholder with the player only when the reader asks for it.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-play]");
  if (!link) return;
  var holder = link.closest("[data-embed-url]");
  if (!holder) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = holder.getAttribute("data-embed-url");
  frame.title = link.textContent.trim();
  frame.allow = "autoplay; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  frame.className = "video__frame";
  holder.replaceWith(frame);
  frame.focus();
});
