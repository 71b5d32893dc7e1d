// The H5P player on the content origin: h5p-standalone plays the activity; its xAPI statements go to the
// platform's LRS with the learner's launch token (in order, as the learner); the lesson page that frames this
// one hears when the activity is completed and how tall it is. The saved state goes through H5P's own
// content user data protocol to this origin.
(function () {
  // A browser that keeps storage from third-party frames throws on any use of window.localStorage, and H5P's
  // core reads it on start (clipboard, offline queue): give it a memory store instead, for this page only.
  try {
    window.localStorage.getItem("h5p");
  } catch (error) {
    var kept = {};
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      value: {
        getItem: function (key) { return Object.prototype.hasOwnProperty.call(kept, key) ? kept[key] : null; },
        setItem: function (key, value) { kept[key] = String(value); },
        removeItem: function (key) { delete kept[key]; },
        clear: function () { kept = {}; },
        key: function (index) { return Object.keys(kept)[index] || null; },
        get length() { return Object.keys(kept).length; },
      },
    });
  }

  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var container = document.getElementById("h5p-container");
  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var FINISHING = [VERBS + "completed", VERBS + "passed", VERBS + "failed", VERBS + "answered"];
  var queue = Promise.resolve();

  function tell(message) {
    message.source = "lms-h5p";
    message.activity = config.activity;
    window.parent.postMessage(message, config.parent);
  }

  function withContext(statement) {
    statement.actor = config.actor;  // the server refuses any other
    var context = statement.context || {};
    if (config.registration) context.registration = config.registration;
    if (config.lesson) {
      var activities = context.contextActivities || {};
      activities.grouping = (activities.grouping || []).concat([{ objectType: "Activity", id: config.lesson }]);
      context.contextActivities = activities;
    }
    statement.context = context;
    return statement;
  }

  function finishes(statement) {
    var result = statement.result || {};
    var verb = statement.verb && statement.verb.id;
    return statement.object && statement.object.id === config.activity && FINISHING.indexOf(verb) !== -1 &&
      (verb !== VERBS + "answered" || result.completion === true);
  }

  function send(statement) {
    return fetch(config.endpoint, {
      method: "POST",
      headers: {
        Authorization: config.auth,
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3",
      },
      body: JSON.stringify(withContext(statement)),
    }).then(function (response) {
      if (!response.ok) return tell({ event: "refused", status: response.status });
      if (finishes(statement)) tell({ event: "completed", success: (statement.result || {}).success === true });
    });
  }

  function enqueue(statement) {
    queue = queue.then(function () { return send(statement); }).catch(function () { tell({ event: "offline" }); });
  }

  function reportHeight() {
    tell({ event: "resize", height: Math.ceil(document.documentElement.scrollHeight) });
  }

  new H5PStandalone.H5P(container, {
    id: config.id,
    embedType: "div",  // this page is already the activity's own frame, on the content origin
    h5pJsonPath: config.files,
    frameJs: container.getAttribute("data-frame-js"),
    frameCss: container.getAttribute("data-frame-css"),
    xAPIObjectIRI: config.activity,
    saveFreq: 2,
    user: { name: "learner", mail: "learner@invalid" },  // H5P saves state only for a known user
    ajax: { contentUserDataUrl: config.stateUrl },
    contentUserData: config.userData,  // preloaded: H5P reads the previous state before the content starts
  }).then(function () {
    H5P.externalDispatcher.on("xAPI", function (event) { enqueue(event.data.statement); });
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
    tell({ event: "ready" });
  });
})();
