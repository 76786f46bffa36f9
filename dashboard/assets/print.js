/* Before printing: stamp the 打印于 time and fit every chart to the page width; restore after. */
(function () {
  var PAGE_WIDTH = 700; /* A4 (210 mm) less 2 × 12 mm margins, in CSS px at 96 dpi */

  function stamp() {
    var el = document.getElementById("shell-print-time");
    if (!el) { return; }
    var root = document.getElementById("shell-root");
    var en = root && root.getAttribute("lang") === "en";
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var text = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
      " " + pad(now.getHours()) + ":" + pad(now.getMinutes());
    el.textContent = (en ? el.getAttribute("data-label-en") + " " : el.getAttribute("data-label-zh")) + text;
  }

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll(".js-plotly-plot"));
  }

  window.addEventListener("beforeprint", function () {
    stamp();
    if (!window.Plotly) { return; }
    charts().forEach(function (el) {
      el.setAttribute("data-stm-print", "1");
      window.Plotly.relayout(el, { width: PAGE_WIDTH });
    });
  });
  window.addEventListener("afterprint", function () {
    if (!window.Plotly) { return; }
    charts().forEach(function (el) {
      if (el.getAttribute("data-stm-print")) {
        el.removeAttribute("data-stm-print");
        window.Plotly.relayout(el, { width: null, autosize: true });
      }
    });
  });
  /* Stamped every half minute too, for a browser that prints without beforeprint. */
  setInterval(stamp, 30000);
})();
