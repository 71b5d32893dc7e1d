// The lesson side of a SCORM launch (platform origin): it hands the bridge on the content origin the data model
// to resume from, and posts every commit the bridge relays to the server with the learner's session and CSRF
// token, in order, each with its sequence number so a retry after a lost answer is stored once.
(function () {
  var config = JSON.parse(document.getElementById("scorm-launch").textContent);
  var frame = document.getElementById("scorm-frame");
  var status = document.getElementById("scorm-status");
  var sequence = 0;
  var queue = Promise.resolve();
  var RETRIES = 5;

  function say(text) { status.textContent = text; }

  function send(body, attempt) {
    return fetch(config.commitUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": config.csrfToken },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status >= 500) throw new Error("server");
      return response.json().then(function (answer) {
        if (!response.ok) return say(answer.error || config.messages.refused);
        if (answer.completed) say(config.messages.completed);
        else say(config.messages.saved);
      });
    }).catch(function () {
      if (attempt >= RETRIES) return say(config.messages.offline);
      return new Promise(function (resolve) { setTimeout(resolve, 500 * Math.pow(2, attempt)); })
        .then(function () { return send(body, attempt + 1); });
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== config.contentOrigin) return;
    var message = event.data;
    if (!message || message.source !== "lms-scorm") return;
    if (message.event === "ready") {
      frame.contentWindow.postMessage({ source: "lms-scorm", event: "launch", cmi: config.cmi }, config.contentOrigin);
    } else if (message.event === "commit") {
      sequence += 1;
      var body = { session: config.session, sequence: sequence, cmi: message.cmi, terminated: !!message.terminated };
      queue = queue.then(function () { return send(body, 0); });
    }
  });
})();
