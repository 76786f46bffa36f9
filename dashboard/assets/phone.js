/* Charts on a narrow screen (< 576 px, a phone): the legend moves under the plot and a long
   title breaks at its " · ", so neither the legend nor the toolbar covers the title; a chart
   drawn wider than its card is resized to it. Restored when the screen widens again.
   Dash redraws a figure with its own layout, so the check runs again every moment. */
(function () {
  var NARROW = 576;

  function narrowed(el) {
    return el.layout && el.layout.legend && el.layout.legend.yanchor === "top";
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
    } else if (!narrow && narrowed(el) && el._stmWide) {
      var wide = el._stmWide;
      el._stmWide = null;
      window.Plotly.relayout(el, {
        legend: wide.legend, margin: wide.margin, "title.text": wide.title, "title.font.size": 16
      });
    }
  }

  function fitAll() {
    var charts = document.querySelectorAll(".stm-main .js-plotly-plot");
    Array.prototype.forEach.call(charts, fit);
  }

  setInterval(fitAll, 600);
  window.addEventListener("resize", fitAll);
})();
