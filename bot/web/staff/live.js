// The console refreshes itself: queue counts, new alerts (a banner and a tone for a crisis or MENS),
// the conversation list and the open conversation. Without JavaScript every page still works: this only
// replaces parts of a page with what the server renders for them.
(function () {
  "use strict";
  var since = -1;  // the first answer says where the alerts stand; later ones bring what is new
  var EVERY = 3000;

  function tone() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) { return; }
      var context = new Context();
      [0, 0.35].forEach(function (start) {
        var oscillator = context.createOscillator();
        var gain = context.createGain();
        oscillator.frequency.value = 880;
        gain.gain.setValueAtTime(0.25, context.currentTime + start);
        gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + 0.3);
        oscillator.connect(gain);
        gain.connect(context.destination);
        oscillator.start(context.currentTime + start);
        oscillator.stop(context.currentTime + start + 0.3);
      });
    } catch (ignored) { /* no sound is no reason to stop refreshing */ }
  }

  function banner(alert) {
    var box = document.getElementById("live-alerts");
    if (!box) { return; }
    var item = document.createElement("p");
    item.className = "live-alert" + (alert.urgent ? " urgent" : "");
    item.setAttribute("data-alert-id", String(alert.id));
    var link = document.createElement("a");
    link.href = alert.url;
    link.textContent = alert.label + " · " + alert.person;
    item.appendChild(link);
    box.appendChild(item);
    box.hidden = false;
  }

  function counts(figures) {
    Object.keys(figures).forEach(function (name) {
      document.querySelectorAll('[data-count="' + name + '"]').forEach(function (element) {
        var quiet = element.classList.contains("nav-count") && !figures[name];
        element.textContent = quiet ? "" : String(figures[name]);
      });
    });
  }

  function replace(selector, url) {
    var target = document.querySelector(selector);
    if (!target) { return; }
    fetch(url, { credentials: "same-origin", headers: { "X-Live": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && target.innerHTML !== html) { target.innerHTML = html; } })
      .catch(function () {});
  }

  function tick() {
    fetch("/staff/live?since=" + since, { credentials: "same-origin" })
      .then(function (response) {
        // Logged out (a deactivated account, an expired session): the login page, like any click would.
        if (response.redirected && /\/staff\/login$/.test(response.url)) { window.location.href = "/staff/login"; return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) { return; }
        counts(data.counts);
        if (since < 0) { since = data.latest; return; }
        var loud = false;
        data.alerts.forEach(function (alert) {
          since = Math.max(since, alert.id);
          banner(alert);
          loud = loud || alert.urgent;
        });
        since = Math.max(since, data.latest);
        if (loud) { tone(); }
      })
      .catch(function () {});
    var list = document.querySelector("[data-live='rows']");
    if (list) {
      var query = window.location.search ? window.location.search + "&part=rows" : "?part=rows";
      replace("[data-live='rows']", "/staff/conversations" + query);
    }
    var chat = document.getElementById("chat-scroll");
    if (chat) { replace("#chat-scroll", chat.getAttribute("data-live")); }
  }

  // The header's navigation scrolls sideways on a phone: show the current page's link, and let the
  // account menu close on a click elsewhere (without JavaScript both still work, just less tidily).
  function showCurrent() {
    var row = document.querySelector(".nav-row");
    var current = row && row.querySelector('[aria-current="page"]');
    if (current && row.scrollWidth > row.clientWidth) { row.scrollLeft = current.offsetLeft - row.offsetLeft - 16; }
  }

  function header() {
    showCurrent();
    window.addEventListener("resize", showCurrent);
    var menu = document.getElementById("account-menu");
    if (menu) {
      document.addEventListener("click", function (event) {
        if (menu.open && !menu.contains(event.target)) { menu.open = false; }
      });
    }
  }

  header();
  tick();
  window.setInterval(tick, EVERY);
})();
