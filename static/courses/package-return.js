/* A cmi5 unit played in a frame of the lesson page ends by sending that frame to its returnURL, this page: take
   the whole window back to the lesson, whose page then shows what the unit recorded. */
(function () {
    "use strict";
    window.top.location.replace(document.getElementById("return").href);
}());
