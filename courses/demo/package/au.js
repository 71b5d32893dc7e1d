/* A small cmi5 AU of the platform's demo: three questions in English or French, a score, and the cmi5
   statements (initialized, completed, passed or failed, terminated). No library: the protocol in plain fetch. */
(function () {
    "use strict";
    var TEXT = {
        en: {
            title: "Budget oversight quiz", ready: "Answer the three questions, then check your answers.",
            check: "Check my answers", back: "Back to the course", error: "The platform could not be reached: ",
            result: function (right, passed) { return right + " of 3 right: " + (passed ? "passed." : "not passed yet; launch the quiz again to retry."); },
            questions: [
                ["Who adopts the state budget?", ["Parliament", "The central bank", "The auditor general"], 0],
                ["What does a supreme audit institution report on?", ["How public money was spent", "Election results", "Court rulings"], 0],
                ["When should parliament see the draft budget?", ["Before the fiscal year starts", "After the money is spent", "Never"], 0]
            ]
        },
        fr: {
            title: "Quiz sur le contrôle budgétaire", ready: "Répondez aux trois questions, puis vérifiez vos réponses.",
            check: "Vérifier mes réponses", back: "Retour au cours", error: "La plateforme est injoignable : ",
            result: function (right, passed) { return right + " sur 3 justes : " + (passed ? "réussi." : "pas encore réussi ; relancez le quiz pour réessayer."); },
            questions: [
                ["Qui adopte le budget de l’État ?", ["Le parlement", "La banque centrale", "Le vérificateur général"], 0],
                ["Sur quoi une institution supérieure de contrôle fait-elle rapport ?", ["L’usage des fonds publics", "Les résultats électoraux", "Les décisions de justice"], 0],
                ["Quand le parlement doit-il recevoir le projet de budget ?", ["Avant le début de l’exercice", "Après la dépense", "Jamais"], 0]
            ]
        }
    };
    var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5",
        MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon",
        query = new URLSearchParams(window.location.search),
        endpoint = query.get("endpoint"), actor = JSON.parse(query.get("actor") || "null"),
        registration = query.get("registration"), activityId = query.get("activityId"),
        started = Date.now(), auth = null, launchData = null, text = TEXT.en;

    function xapi(method, resource, params, body) {
        var headers = {"X-Experience-API-Version": "1.0.3", Authorization: auth};
        if (body !== undefined) { headers["Content-Type"] = "application/json"; }
        return fetch(endpoint + "/" + resource + "?" + new URLSearchParams(params), {
            method: method, mode: "cors", headers: headers, body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            if (!response.ok && response.status !== 404) { throw new Error(resource + ": " + response.status); }
            return response.status === 200 ? response.json() : null;
        });
    }

    function duration() { return "PT" + ((Date.now() - started) / 1000).toFixed(2) + "S"; }

    function send(verb, result, moveOn) {
        var context = JSON.parse(JSON.stringify(launchData.contextTemplate));
        context.registration = registration;
        context.contextActivities.category = [{id: CMI5}].concat(moveOn ? [{id: MOVEON}] : []);
        var statement = {
            id: crypto.randomUUID(), actor: actor, timestamp: new Date().toISOString(),
            verb: {id: "http://adlnet.gov/expapi/verbs/" + verb, display: {"en-US": verb}},
            object: {id: activityId, objectType: "Activity"}, context: context
        };
        if (result) { statement.result = result; }
        return xapi("PUT", "statements", {statementId: statement.id}, statement);
    }

    function render() {
        document.documentElement.lang = text === TEXT.fr ? "fr" : "en";
        document.title = text.title;
        document.getElementById("title").textContent = text.title;
        document.getElementById("status").textContent = text.ready;
        var form = document.getElementById("quiz");
        text.questions.forEach(function (question, index) {
            var fieldset = document.createElement("fieldset"), legend = document.createElement("legend");
            legend.textContent = (index + 1) + ". " + question[0];
            fieldset.appendChild(legend);
            question[1].forEach(function (answer, choice) {
                var label = document.createElement("label"), input = document.createElement("input");
                input.type = "radio"; input.name = "q" + index; input.value = String(choice); input.required = true;
                label.appendChild(input); label.appendChild(document.createTextNode(" " + answer));
                fieldset.appendChild(label);
            });
            form.appendChild(fieldset);
        });
        var button = document.createElement("button");
        button.type = "submit"; button.textContent = text.check;
        form.appendChild(button);
        form.hidden = false;
        form.addEventListener("submit", submit);
    }

    function submit(event) {
        event.preventDefault();
        var form = event.target, right = 0;
        text.questions.forEach(function (question, index) {
            if (form.elements["q" + index].value === String(question[2])) { right += 1; }
        });
        var scaled = Math.round(right / 3 * 10000) / 10000, mastery = launchData.masteryScore,
            passed = mastery === undefined || scaled >= mastery,
            score = {scaled: scaled, raw: right, min: 0, max: 3};
        form.querySelector("button").disabled = true;
        send("completed", {completion: true, duration: duration()}, true)
            .then(function () { return send(passed ? "passed" : "failed", {success: passed, score: score, duration: duration()}, true); })
            .then(function () { return send("terminated", {duration: duration()}); })
            .then(function () {
                document.getElementById("result").textContent = text.result(right, passed);
                var back = document.getElementById("back");
                if (launchData.returnURL) { back.href = launchData.returnURL; back.textContent = text.back; back.hidden = false; }
            })
            .catch(fail);
    }

    function fail(error) { document.getElementById("status").textContent = text.error + error.message; }

    fetch(query.get("fetch"), {method: "POST", mode: "cors"})
        .then(function (response) { return response.json(); })
        .then(function (body) {
            if (!body["auth-token"]) { throw new Error("fetch " + body["error-code"]); }
            auth = "Basic " + body["auth-token"];
            return xapi("GET", "activities/state", {stateId: "LMS.LaunchData", activityId: activityId, agent: JSON.stringify(actor), registration: registration});
        })
        .then(function (data) {
            launchData = data;
            return xapi("GET", "agents/profile", {profileId: "cmi5LearnerPreferences", agent: JSON.stringify(actor)});
        })
        .then(function (preferences) {
            var wanted = (preferences && preferences.languagePreference) || query.get("lang") || navigator.language || "en";
            text = wanted.toLowerCase().indexOf("fr") === 0 ? TEXT.fr : TEXT.en;
            return send("initialized");
        })
        .then(render)
        .catch(fail);
}());
