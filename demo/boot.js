// Runs in <head>, before the page paints: applies the language and colour scheme the visitor chose
// (or that the address asks for: ?lang=en&scheme=dark), so a dark page never flashes white.
(function () {
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  function pick(name, allowed) {
    var asked = params.get(name);
    if (allowed.indexOf(asked) >= 0) {
      try { sessionStorage.setItem('lenig-demo:' + name, asked); } catch { /* storage blocked: fine */ }
      return asked;
    }
    try {
      var kept = sessionStorage.getItem('lenig-demo:' + name);
      if (allowed.indexOf(kept) >= 0) return kept;
    } catch { /* storage blocked: fine */ }
    return null;
  }
  var lang = pick('lang', ['nl', 'en']);
  if (lang) root.lang = lang;
  var scheme = pick('scheme', ['light', 'dark']) ||
    (window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.scheme = scheme;
})();
