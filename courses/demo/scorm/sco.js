// A SCO of the platform's own making, for SCORM 1.2 and SCORM 2004: it finds the LMS's API where the standards
// say (this window's parents, then its opener's), resumes from cmi.location and cmi.suspend_data, scores one
// question and reports completion and success. Its question comes from sco-content.js beside it. In SCORM 2004,
// when the LMS says there is a next SCO (adl.nav.request_valid.continue), it offers to go on to it.
(function () {
  var content = window.SCO_CONTENT;
  // The standards' search: this window's parents, nearest first, then the opener's. A frame of another origin
  // cannot be searched, so the search stops there.
  function find(name) {
    try {
      for (var win = window, tries = 0; win && tries < 10; tries++) {
        if (win[name]) return win[name];
        if (win.parent === win) break;
        win = win.parent;
      }
      return window.opener && window.opener[name];
    } catch (crossOrigin) {
      return null;
    }
  }
  var api2004 = find("API_1484_11");
  var api12 = !api2004 && find("API");
  var api = api2004 || api12;
  var call = api2004 ? {
    init: function () { return api.Initialize(""); },
    get: function (k) { return api.GetValue(k); },
    set: function (k, v) { return api.SetValue(k, v); },
    commit: function () { return api.Commit(""); },
    finish: function () { return api.Terminate(""); },
  } : {
    init: function () { return api.LMSInitialize(""); },
    get: function (k) { return api.LMSGetValue(k); },
    set: function (k, v) { return api.LMSSetValue(k, v); },
    commit: function () { return api.LMSCommit(""); },
    finish: function () { return api.LMSFinish(""); },
  };
  var KEYS = api2004 ? {
    location: "cmi.location", suspend: "cmi.suspend_data", exit: "cmi.exit", entry: "cmi.entry",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", time: "cmi.session_time",
  } : {
    location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", exit: "cmi.core.exit", entry: "cmi.core.entry",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max", time: "cmi.core.session_time",
  };
  var started = Date.now();
  var finished = false;

  function sessionTime() {
    var seconds = Math.round((Date.now() - started) / 1000);
    if (api2004) return "PT" + seconds + "S";
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  document.getElementById("title").textContent = content.title;
  document.getElementById("question").textContent = content.question;
  var answers = document.getElementById("answers");
  content.answers.forEach(function (answer, index) {
    var label = answers.appendChild(document.createElement("label"));
    label.style.display = "block";
    var input = label.appendChild(document.createElement("input"));
    input.type = "radio";
    input.name = "answer";
    input.value = String(index);
    input.addEventListener("change", function () {
      call.set(KEYS.location, "question-1");
      call.set(KEYS.suspend, JSON.stringify({ chosen: index }));
      if (!api2004) call.set("cmi.core.lesson_status", "incomplete");
      else call.set("cmi.completion_status", "incomplete");
      call.commit("");
    });
    label.append(" " + answer[0]);
  });

  if (!api) {
    document.getElementById("feedback").textContent = "No LMS was found: progress is not recorded.";
    return;
  }
  call.init();
  var saved = call.get(KEYS.suspend);
  if (call.get(KEYS.entry) === "resume" && saved) {
    try {
      var chosen = JSON.parse(saved).chosen;
      var input = answers.querySelector("input[value='" + chosen + "']");
      if (input) input.checked = true;
      document.getElementById("resumed").textContent = "Welcome back: you were at " + call.get(KEYS.location) + ".";
    } catch (error) { /* not ours: start again */ }
  }

  var next = document.getElementById("next");
  next.hidden = !(api2004 && call.get("adl.nav.request_valid.continue") === "true");
  next.addEventListener("click", function () { leave("continue"); });

  document.getElementById("check").addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = answers.querySelector("input:checked");
    if (!chosen) return;
    var right = content.answers[Number(chosen.value)][1];
    var score = right ? 100 : 0;
    call.set(KEYS.min, "0");
    call.set(KEYS.max, "100");
    call.set(KEYS.raw, String(score));
    if (api2004) {
      call.set("cmi.score.scaled", String(score / 100));
      call.set("cmi.completion_status", "completed");
      call.set("cmi.success_status", right ? "passed" : "failed");
      call.set("cmi.interactions.0.id", "question-1");
      call.set("cmi.interactions.0.type", "choice");
      call.set("cmi.interactions.0.learner_response", "answer-" + chosen.value);
      call.set("cmi.interactions.0.result", right ? "correct" : "incorrect");
    } else {
      call.set("cmi.core.lesson_status", right ? "passed" : "failed");
      call.set("cmi.interactions.0.id", "question-1");
      call.set("cmi.interactions.0.type", "choice");
      call.set("cmi.interactions.0.student_response", chosen.value);
      call.set("cmi.interactions.0.result", right ? "correct" : "wrong");
    }
    call.set(KEYS.exit, "");
    call.set(KEYS.time, sessionTime());
    call.commit("");
    call.finish("");
    finished = true;
    next.hidden = true;
    document.getElementById("feedback").textContent = right ? "Correct: you passed." : "Not quite: you can try again.";
  });

  // Suspend the attempt and end the session; ``request`` (SCORM 2004) asks the LMS to go somewhere next.
  function leave(request) {
    if (finished) return;
    finished = true;
    call.set(KEYS.exit, "suspend");
    call.set(KEYS.time, sessionTime());
    if (request) call.set("adl.nav.request", request);
    call.commit("");
    call.finish("");
    document.getElementById("feedback").textContent = "Saved. You can close this lesson and come back later.";
  }
  document.getElementById("leave").addEventListener("click", function () { leave(); });
  window.addEventListener("pagehide", function () { leave(); });
})();
