/* The shell's language buttons and navigation links, computed in the browser from the address.
   A server round trip left them one step behind it: a click on EN right after a filter change
   opened the English page without that filter (CI run 46). The rules are
   dashboard.shell.links's (with_query, shared_filters); test_shl008 holds the two to the same
   answers. The filter keys come from the callback (dashboard.filter_state.KEYS). */
(function () {
  // As Python's urlencode(safe=",:-"): a space as "+", "," and ":" kept, !'()* escaped.
  function encode(text) {
    return encodeURIComponent(text)
      .replace(/%2C/gi, ",").replace(/%3A/gi, ":").replace(/%20/g, "+")
      .replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      });
  }

  // As Python's dict(parse_qsl(...)): blank values dropped, a repeated key's last value kept
  // where it first stood.
  function parse(search) {
    var keys = [];
    var values = {};
    new URLSearchParams((search || "").replace(/^\?/, "")).forEach(function (value, key) {
      if (value === "") { return; }
      if (!(key in values)) { keys.push(key); }
      values[key] = value;
    });
    return { keys: keys, values: values };
  }

  function build(path, query) {
    var parts = query.keys.map(function (k) { return encode(k) + "=" + encode(query.values[k]); });
    return parts.length ? path + "?" + parts.join("&") : path;
  }

  function withQuery(path, search, params) {
    var query = parse(search);
    Object.keys(params || {}).forEach(function (key) {
      if (!(key in query.values)) { query.keys.push(key); }
      query.values[key] = params[key];
    });
    return build(path, query);
  }

  function sharedFilters(search, filterKeys) {
    var query = parse(search);
    query.keys = query.keys.filter(function (k) { return filterKeys.indexOf(k) >= 0; });
    return build("", query);
  }

  function pageLang(search) {
    var asked = parse(search).values.lang || "";
    return asked.trim().toLowerCase().indexOf("en") === 0 ? "en" : "zh";
  }

  function langHrefs(pathname, search) {
    var path = pathname || "/";
    return [withQuery(path, search, { lang: "zh" }), withQuery(path, search, { lang: "en" })];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    stm_links: {
      withQuery: withQuery,
      sharedFilters: sharedFilters,

      /* The language buttons for the address of the page shown. */
      langHrefs: langHrefs,

      /* The language buttons and every navigation link, carrying the page's filters: a link
         keeps its own page's path and takes the filters and language of this address. */
      carryFilters: function (search, pathname, navHrefs, filterKeys) {
        var lang = pageLang(search);
        var shared = sharedFilters(search, filterKeys || []);
        var nav = (navHrefs || []).map(function (href) {
          return withQuery(String(href || "/").split("?")[0], shared, { lang: lang });
        });
        return langHrefs(pathname, search).concat([nav]);
      }
    }
  });
})();
