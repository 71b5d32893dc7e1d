// Complete a lesson when its video plays to the end or its H5P activity is completed; without JavaScript,
// "Mark as complete" does the same. An uploaded <video> fires "ended"; a YouTube or Vimeo player says so
// through its postMessage API; the H5P player on the content origin too (the server checks its statements).
(function () {
  var PLAYERS = {
    "https://www.youtube-nocookie.com": "youtube",
    "https://www.youtube.com": "youtube",
    "https://player.vimeo.com": "vimeo",
  };
  // What each player must hear before it reports its state (YouTube IFrame API, Vimeo player.js protocol).
  var SUBSCRIPTIONS = {
    youtube: [
      { event: "listening", id: 1, channel: "widget" },
      { event: "command", func: "addEventListener", args: ["onStateChange"], id: 1, channel: "widget" },
    ],
    vimeo: [
      { method: "addEventListener", value: "ended" },
      { method: "addEventListener", value: "finish" },
    ],
  };
  var YOUTUBE_ENDED = 0;

  function complete(by, activity) {
    var form = document.querySelector("[data-lesson-complete]");
    if (!form || form.hasAttribute("data-sending")) return;
    form.setAttribute("data-sending", "");
    var data = new FormData(form);
    data.append("by", by);
    if (activity) data.append("activity", activity);
    var retry = function () { form.removeAttribute("data-sending"); };
    fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) return retry();
        return response.json().then(function (update) {
          var done = document.createElement("p");
          done.setAttribute("role", "status");
          done.appendChild(document.createElement("strong")).textContent = form.getAttribute("data-done");
          form.replaceWith(done);
          showProgress(update);
        });
      }).catch(retry);
  }

  // The sidebar as a reload would show it: the course's progress bar and this lesson ticked in the outline.
  function showProgress(update) {
    var bar = document.querySelector("progress[aria-labelledby='course-progress']");
    var label = document.getElementById("course-progress");
    if (bar) bar.value = update.percent;
    if (label) label.textContent = update.progress_label;
    var current = document.querySelector(".outline a[aria-current='page']");
    var item = current && current.closest(".outline__item");
    if (!item || item.classList.contains("outline__item--done")) return;
    item.classList.add("outline__item--done");
    var mark = document.createElement("span");
    mark.className = "outline__done";
    mark.textContent = update.completed_label;
    item.querySelector("small").append(" · ", mark);
  }

  function originOf(address) {
    try { return new URL(address).origin; } catch (error) { return ""; }
  }

  function subscribe(frame) {
    var origin = originOf(frame.src);
    var player = PLAYERS[origin];
    if (!player || !frame.contentWindow) return;
    SUBSCRIPTIONS[player].forEach(function (message) {
      frame.contentWindow.postMessage(JSON.stringify(message), origin);
    });
  }

  // A player may not listen yet when its frame loads: ask again, as the providers' own libraries do,
  // until it answers.
  function subscribeUntilAnswered(frame) {
    var tries = 0;
    var timer = setInterval(function () {
      if (frame.hasAttribute("data-player-answered") || ++tries > 40) clearInterval(timer);
      else subscribe(frame);
    }, 250);
    subscribe(frame);
  }

  function hasEnded(player, message) {
    if (player === "youtube") {
      return (message.event === "onStateChange" && message.info === YOUTUBE_ENDED) ||
        (message.event === "infoDelivery" && !!message.info && message.info.playerState === YOUTUBE_ENDED);
    }
    return message.event === "ended" || message.event === "finish";
  }

  function frameOf(source) {
    var frames = document.querySelectorAll("iframe");
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  document.addEventListener("ended", function (event) {
    if (event.target.tagName === "VIDEO") complete("video");
  }, true);

  // "load" does not bubble: catch the player's frame while capturing.
  document.addEventListener("load", function (event) {
    if (event.target.tagName === "IFRAME") subscribeUntilAnswered(event.target);
  }, true);

  // The H5P player's messages: its height, and that the activity was completed (or passed).
  function fromH5P(event) {
    var frame = frameOf(event.source);
    var message = event.data;
    if (!frame || !frame.hasAttribute("data-h5p-activity") || event.origin !== frame.getAttribute("data-h5p-origin") ||
        !message || message.source !== "lms-h5p") return false;
    if (message.event === "resize" && message.height > 0) frame.style.height = Math.min(message.height, 4000) + "px";
    var needed = frame.getAttribute("data-h5p-completion");
    if (message.event === "completed" && (needed === "completed" || (needed === "passed" && message.success))) {
      complete("activity", frame.getAttribute("data-h5p-activity"));
    }
    return true;
  }

  window.addEventListener("message", function (event) {
    if (fromH5P(event)) return;
    var player = PLAYERS[event.origin];
    var frame = player && frameOf(event.source);
    if (!frame || PLAYERS[originOf(frame.src)] !== player) return;
    var message;
    try { message = typeof event.data === "string" ? JSON.parse(event.data) : event.data; } catch (error) { return; }
    if (!message || typeof message !== "object") return;
    frame.setAttribute("data-player-answered", "");
    if (message.event === "ready") subscribe(frame);  // Vimeo announces it is ready for subscriptions
    if (hasEnded(player, message)) complete("video");
  });
})();
