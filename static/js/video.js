// Replace a video's placeholder with the player only when the reader asks for it.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-play]");
  if (!link) return;
  var holder = link.closest("[data-embed-url]");
  if (!holder) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  var address = new URL(holder.getAttribute("data-embed-url"));
  // The YouTube player reports its state only to the page its "origin" names (courses/lesson.js listens).
  if (address.searchParams.has("enablejsapi")) address.searchParams.set("origin", window.location.origin);
  frame.src = address.href;
  frame.title = link.textContent.trim();
  frame.allow = "autoplay; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  frame.className = "video__frame";
  holder.replaceWith(frame);
  frame.focus();
});
