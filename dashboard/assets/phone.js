/* Charts on a narrow screen (< 576 px, a phone): the legend moves under the plot and a long
   title breaks at its " · ", so neither the legend nor the toolbar covers the title; a chart
   drawn wider than its card is resized to it. Restored when the screen widens again.
   Dash redraws a figure with its own layout, so the check runs again every moment. */
(function () {
  var NARROW = 576;

  // A chart whose legend is under its plot by design is left as drawn.
  function narrowed(el) {
    return el.layout && el.layout.legend && el.layout.legend.yanchor === "top";
  }

  function settled(el) {
    var box = el.querySelector(".svg-container");
    var graph = el.closest(".dash-graph");
    el._stmTicks = (el._stmTicks || 0) + 1;
    return el._stmTicks >= 3 && box && /px$/.test(box.style.height) &&
      !(graph && graph.classList.contains("dash-graph--pending"));
  }

  // A long title of a chart whose legend is under its plot by design breaks at its " · " too.
  function breakable(el) {
    var title = (el.layout.title && el.layout.title.text) || "";
    return title.indexOf(" · ") >= 0 && title.indexOf("<br>") < 0;
  }

  function fit(el) {
    if (!window.Plotly || !el.layout) { return; }
    var narrow = window.innerWidth < NARROW;
    var svg = el.querySelector(".main-svg");
    if (svg && svg.getBoundingClientRect().width > el.clientWidth + 2) {
      window.Plotly.Plots.resize(el);
    }
    if (narrow && !narrowed(el)) {
      var title = (el.layout.title && el.layout.title.text) || "";
      el._stmWide = {
        legend: JSON.parse(JSON.stringify(el.layout.legend || {})),
        margin: JSON.parse(JSON.stringify(el.layout.margin || {})),
        title: title
      };
      var broken = title.split(" · ").join("<br>");
      var margin = el.layout.margin || {};
      window.Plotly.relayout(el, {
        "legend.orientation": "h", "legend.x": 0, "legend.xanchor": "left",
        "legend.y": -0.18, "legend.yanchor": "top",
        "title.text": broken, "title.font.size": 14,
        "margin.l": 44, "margin.r": 44,
        "margin.t": (margin.t || 80) + (broken !== title ? 18 : 0),
        "margin.b": (margin.b || 56) + 60
      });
    } else if (narrow && breakable(el)) {
      // Not while Dash is still drawing it: relaid out then, a chart sized by its box (no
      // height of its own) was drawn again at that box's height, 0 px, under the next card.
      if (!settled(el)) { return; }
      window.Plotly.relayout(el, {
        "title.text": el.layout.title.text.split(" · ").join("<br>"), "title.font.size": 14,
        "margin.t": ((el.layout.margin || {}).t || 80) + 18
      });
    } else if (!narrow && narrowed(el) && el._stmWide) {
      var wide = el._stmWide;
      el._stmWide = null;
      window.Plotly.relayout(el, {
        legend: wide.legend, margin: wide.margin, "title.text": wide.title, "title.font.size": 16
      });
    }
  }

  // The legend under the plot sat on the x-axis title (月份 between the legend's items at
  // 414 px): moved down past the title's drawn box, the bottom margin grown by as much. Once a
  // narrowing: the legend's place is a share of the plot's height, which the margin shrinks.
  function clearAxisTitle(el) {
    if (!el._stmWide || el._stmWide.axisClear || !narrowed(el) || !el._fullLayout) { return; }
    var title = el.querySelector(".g-xtitle text");
    var legend = el.querySelector(".legend");
    if (!title || !legend || !title.textContent) { return; }
    var t = title.getBoundingClientRect();
    if (t.height === 0) { return; }
    var overlap = t.bottom + 4 - legend.getBoundingClientRect().top;
    if (overlap <= 0) { return; }
    var h = el._fullLayout._size.h;
    var below = -el.layout.legend.y * h;  // the legend's top, in px under the plot
    var margin = el.layout.margin || {};
    window.Plotly.relayout(el, {
      "legend.y": -(below + overlap) / (h - overlap),
      "margin.b": (margin.b || 56) + overlap
    });
    el._stmWide.axisClear = true;
  }

  function fitAll() {
    var charts = document.querySelectorAll(".stm-main .js-plotly-plot");
    Array.prototype.forEach.call(charts, fit);
    Array.prototype.forEach.call(charts, clearAxisTitle);
  }

  setInterval(fitAll, 600);
  window.addEventListener("resize", fitAll);
})();
