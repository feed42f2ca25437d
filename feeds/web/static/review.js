/*
 * stdcal review page. Corrections need `Authorization: Bearer <editor token>`, a header no
 * browser sends by itself (which is what keeps cross-site forms out), so this script reads the
 * token the editor typed (kept in sessionStorage, i.e. this tab only), submits each review form
 * with fetch() and shows the server's answer as text. Served as a file: the CSP allows no
 * inline script.
 */
(function () {
  "use strict";

  var KEY = "stdcal-editor-token";

  function start() {
    var editor = document.getElementById("editor");
    var field = document.getElementById("editor-token");
    if (!editor || !field) return;
    field.value = window.sessionStorage.getItem(KEY) || "";
    field.addEventListener("input", function () {
      window.sessionStorage.setItem(KEY, field.value);
    });
    document.getElementById("token-form").addEventListener("submit", function (event) {
      event.preventDefault();
    });
    var forms = document.querySelectorAll("form.review-form");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (event) {
        event.preventDefault();
        send(event.target, event.submitter, field.value.trim(), editor.dataset);
      });
    }
  }

  function send(form, submitter, token, messages) {
    var output = form.querySelector("output");
    if (!token) {
      output.textContent = messages.noToken;
      document.getElementById("editor-token").focus();
      return;
    }
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) body.set(submitter.name, submitter.value);
    fetch(form.action, {
      method: "POST",
      headers: { Authorization: "Bearer " + token, Accept: "application/json" },
      body: body,
      credentials: "omit",
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === 0) return response.json();
        return response.text().then(function (text) {
          return { ok: false, error: text.trim() };
        });
      })
      .then(function (answer) {
        output.textContent = answer.ok ? messages.saved : answer.error;
        if (answer.ok) window.setTimeout(function () { window.location.reload(); }, 600);
      })
      .catch(function (error) {
        output.textContent = String(error);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
