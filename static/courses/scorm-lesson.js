// The lesson side of a SCORM launch (platform origin): it hands the bridge on the content origin the data model
// to resume from, and posts every commit the bridge relays to the server with the learner's session and CSRF
// token, in order, each with its sequence number so a retry after a lost answer is stored once. When a SCORM 2004
// SCO asks to go elsewhere (adl.nav.request), the page goes there once its commits are stored.
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

  // A request the organisation cannot follow (continue from the last SCO, a choice of an unknown one) ends the
  // SCO's session, so the learner goes back to the lesson.
  function destination(request, target) {
    var nav = config.navigation;
    if (request === "continue" && nav.continue) return nav.continue.url;
    if (request === "previous" && nav.previous) return nav.previous.url;
    if (request === "choice" && Object.prototype.hasOwnProperty.call(nav.choice, target)) return nav.choice[target];
    return nav.exit;
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== config.contentOrigin) return;
    var message = event.data;
    if (!message || message.source !== "lms-scorm") return;
    if (message.event === "ready") {
      var nav = config.navigation;
      var valid = { continue: !!nav.continue, previous: !!nav.previous };
      frame.contentWindow.postMessage(
        { source: "lms-scorm", event: "launch", cmi: config.cmi, requestValid: valid }, config.contentOrigin
      );
    } else if (message.event === "navigate") {
      queue.then(function () { window.location.assign(destination(message.request, message.target)); });
    } else if (message.event === "commit") {
      sequence += 1;
      var body = { session: config.session, sequence: sequence, cmi: message.cmi, terminated: !!message.terminated };
      queue = queue.then(function () { return send(body, 0); });
    }
  });
})();
