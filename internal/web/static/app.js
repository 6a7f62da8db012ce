// Lokadaya's only script: small enhancements; every page works without it.
"use strict";

// ---------------------------------------------------------------------------
// Regions: the cascading region picker (templates/partials/region_picker.html).
// Without this the user presses "Tampilkan pilihan berikutnya" and the server
// fills the next select; with it, choosing a level fetches the next level's
// options from /api/v1/regions?parent=CODE at once.
(function () {
  function setOptions(select, items) {
    var first = select.options[0];
    select.textContent = "";
    if (first) select.appendChild(first);
    items.forEach(function (r) {
      var o = document.createElement("option");
      o.value = r.code;
      o.textContent = r.name;
      select.appendChild(o);
    });
    select.value = "";
  }

  function wire(picker) {
    var selects = Array.prototype.slice.call(picker.querySelectorAll("select[data-region-depth]"));
    var refresh = picker.querySelector("[data-region-refresh]");
    // While hidden it is no submit button, so Enter in a text field submits
    // the form's own button (Save), not this one.
    if (refresh) { refresh.hidden = true; refresh.type = "button"; }
    selects.forEach(function (select, i) {
      select.addEventListener("change", function () {
        // Clear and hide every level below the one that changed.
        for (var j = i + 1; j < selects.length; j++) {
          setOptions(selects[j], []);
          selects[j].parentNode.hidden = true;
        }
        var next = selects[i + 1];
        if (!next || !select.value) return;
        var code = select.value;
        fetch("/api/v1/regions?parent=" + encodeURIComponent(code), { headers: { Accept: "application/json" } })
          .then(function (res) { if (!res.ok) throw new Error(res.status); return res.json(); })
          .then(function (body) {
            if (select.value !== code) return; // the user moved on meanwhile
            setOptions(next, body.items || []);
            next.parentNode.hidden = next.options.length <= 1;
          })
          .catch(function () {
            // Offline or failing: fall back to the server round trip.
            if (refresh) { refresh.type = "submit"; refresh.hidden = false; }
          });
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-region-picker]"), wire);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// ---------------------------------------------------------------------------
// Copy buttons (the account number on the transfer instructions): hidden
// in the page, shown here where a script can copy. data-copy is what is
// copied: the digits without the spacing the page shows.
(function () {
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function wire(button) {
    var status = button.parentNode.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      }, function () {
        if (status) status.textContent = button.getAttribute("data-copy-failed");
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), wire);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// ---------------------------------------------------------------------------
// Forms: a refused form's error summary (templates/partials/form.html) takes
// the focus, so a screen reader reads it and the phone shows it; its links
// focus their field and show the field's label above it.
(function () {
  function init() {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (e) {
      var link = e.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      e.preventDefault();
      var label = field.id && document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
