// IPU.QuickCheck: one question with one right answer. It reports "answered" with its score through H5P's
// xAPI events and keeps the learner's choice as its state (getCurrentState / previousState).
var IPU = window.IPU = window.IPU || {};

IPU.QuickCheck = (function () {
  function QuickCheck(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.state = (extras && extras.previousState) || {};
  }

  QuickCheck.prototype = Object.create(H5P.EventDispatcher.prototype);
  QuickCheck.prototype.constructor = QuickCheck;

  QuickCheck.prototype.getCurrentState = function () {
    return { chosen: this.state.chosen, checked: !!this.state.checked };
  };

  QuickCheck.prototype.getScore = function () {
    var answers = this.params.answers || [];
    var chosen = answers[this.state.chosen];
    return this.state.checked && chosen && chosen.correct ? 1 : 0;
  };

  QuickCheck.prototype.getMaxScore = function () { return 1; };

  QuickCheck.prototype.attach = function ($container) {
    var self = this;
    var root = document.createElement("form");
    root.className = "ipu-quick-check";
    var fieldset = root.appendChild(document.createElement("fieldset"));
    fieldset.appendChild(document.createElement("legend")).textContent = this.params.question || "";
    (this.params.answers || []).forEach(function (answer, index) {
      var label = fieldset.appendChild(document.createElement("label"));
      var input = label.appendChild(document.createElement("input"));
      input.type = "radio";
      input.name = "answer-" + self.contentId;
      input.value = String(index);
      input.checked = self.state.chosen === index;
      input.addEventListener("change", function () {
        self.state.chosen = index;
        self.state.checked = false;
        self.trigger("resize");
      });
      label.append(" " + (answer.text || ""));
    });
    var button = root.appendChild(document.createElement("button"));
    button.type = "submit";
    button.textContent = this.params.checkLabel || "Check";
    var feedback = root.appendChild(document.createElement("p"));
    feedback.setAttribute("role", "status");
    root.addEventListener("submit", function (event) {
      event.preventDefault();
      if (self.state.chosen === undefined) return;
      self.state.checked = true;
      var score = self.getScore();
      feedback.textContent = score ? self.params.correctFeedback || "Correct." : self.params.wrongFeedback || "Not quite.";
      self.triggerXAPIScored(score, 1, "answered", true, score === 1);
      self.trigger("resize");
    });
    if (this.state.checked) {
      feedback.textContent = this.getScore() ? this.params.correctFeedback || "Correct." : this.params.wrongFeedback || "Not quite.";
    }
    $container.get(0).appendChild(root);
  };

  return QuickCheck;
})();
