// The SCORM bridge on the content origin: it hosts scorm-again's real API (API for SCORM 1.2, API_1484_11 for
// SCORM 2004) where the SCO looks for it, its parent, so every call is answered at once with the full data
// model and error codes. What the SCO commits is relayed by postMessage to the lesson page on the platform's
// origin, which alone holds the learner's session and posts it to the server. A SCORM 2004 SCO's navigation
// request (adl.nav.request), which scorm-again raises when it terminates, is relayed the same way.
(function () {
  var config = JSON.parse(document.getElementById("scorm-bridge").textContent);
  var frame = document.getElementById("sco");
  var api = null;
  var calling = null;

  function tell(message) {
    message.source = "lms-scorm";
    window.parent.postMessage(message, config.platform);
  }

  function snapshot() {
    var data = api.renderCMIToJSONObject();
    return data && data.cmi ? data.cmi : data;
  }

  function start(launch) {
    var is2004 = config.version === "2004";
    var Runtime = is2004 ? window.Scorm2004API : window.Scorm12API;
    api = new Runtime({ autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false });
    api.loadFromJSON(launch.cmi, "cmi");
    api.on(is2004 ? "Commit" : "LMSCommit", function () { tell({ event: "commit", cmi: snapshot() }); });
    api.on(is2004 ? "Terminate" : "LMSFinish", function () {
      tell({ event: "commit", cmi: snapshot(), terminated: true });
    });
    if (is2004) {
      api.adl.nav.request_valid.continue = launch.requestValid.continue ? "true" : "false";
      api.adl.nav.request_valid.previous = launch.requestValid.previous ? "true" : "false";
      var requests = {
        SequenceNext: "continue", SequencePrevious: "previous", SequenceChoice: "choice", SequenceJump: "choice",
        SequenceExit: "exit", SequenceExitAll: "exit", SequenceAbandon: "exit", SequenceAbandonAll: "exit",
      };
      Object.keys(requests).forEach(function (name) {
        api.on(name, function (target) { tell({ event: "navigate", request: requests[name], target: target || "" }); });
      });
    }
    clearInterval(calling);
    if (is2004) window.API_1484_11 = api; else window.API = api;
    frame.src = config.sco;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== config.platform || event.source !== window.parent) return;
    var message = event.data;
    if (message && message.source === "lms-scorm" && message.event === "launch" && !api) start(message);
  });
  // The lesson page's deferred script may start listening after this frame is ready, so "ready" is repeated
  // until the launch arrives.
  tell({ event: "ready" });
  calling = setInterval(function () { tell({ event: "ready" }); }, 200);
})();
