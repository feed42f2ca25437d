/*
 * stdcal widget. On any page:
 *   <script src="https://stdcal.example/embed.js" defer></script>
 *   <stdcal-events lang="zh-Hant" city="Qingdao" limit="5"></stdcal-events>
 * The element fetches /api/events (dates and labels already localized by the server:
 * when, relative, city_label, kind_label; kind and city are stable codes) and renders it in
 * a shadow root using text nodes only: article text is never parsed as HTML.
 * mode="iframe" shows the framed list (/embed/events) instead.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src).origin : "";
  var PARAMS = ["lang", "city", "kind", "limit", "tz"];

  function node(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url, ORIGIN || window.location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function render(box, data) {
    box.lang = data.lang || "";
    box.appendChild(node("h2", "heading", data.heading));
    var list = node("ul", "events");
    (data.events || []).forEach(function (item) {
      var row = node("li", "event");
      if (item.kind) row.setAttribute("data-kind", item.kind);
      var title = node("a", "title", item.title);
      var href = safeHref(item.url);
      if (href) title.href = href;
      title.target = "_blank";
      title.rel = "noopener";
      if (item.lang) title.lang = item.lang;
      row.appendChild(title);
      var when = node("time", "when", item.when);
      when.dateTime = item.start || "";
      row.appendChild(when);
      if (item.relative) row.appendChild(node("span", "relative", item.relative));
      if (item.city_label) row.appendChild(node("span", "city", item.city_label));
      if (item.kind_label) row.appendChild(node("span", "kind", item.kind_label));
      list.appendChild(row);
    });
    if (!list.children.length) list.appendChild(node("li", "empty", data.empty));
    box.appendChild(list);
    var more = node("p", "more");
    var link = node("a", null, data.more);
    var moreHref = safeHref(data.more_url);
    if (moreHref) link.href = moreHref;
    link.target = "_blank";
    link.rel = "noopener";
    more.appendChild(link);
    box.appendChild(more);
    box.setAttribute("data-state", "ready");
  }

  class StdcalEvents extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({ mode: "open" });
      var base = (this.getAttribute("src") || ORIGIN).replace(/\/$/, "");
      var query = new URLSearchParams();
      var element = this;
      PARAMS.forEach(function (name) {
        var value = element.getAttribute(name);
        if (value) query.set(name, value);
      });
      var style = node("link");
      style.rel = "stylesheet";
      style.href = base + "/static/widget.css";
      root.appendChild(style);
      if (this.getAttribute("mode") === "iframe") {
        var frame = node("iframe");
        frame.src = base + "/embed/events?" + query.toString();
        frame.title = this.getAttribute("title") || "stdcal";
        root.appendChild(frame);
        return;
      }
      var box = node("section", "stdcal");
      box.setAttribute("data-state", "loading");
      root.appendChild(box);
      fetch(base + "/api/events?" + query.toString(), { credentials: "omit" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) { render(box, data); })
        .catch(function (error) {
          box.textContent = "stdcal: " + error.message;
          box.setAttribute("data-state", "error");
        });
    }
  }

  if (!window.customElements.get("stdcal-events")) {
    window.customElements.define("stdcal-events", StdcalEvents);
  }
})();
