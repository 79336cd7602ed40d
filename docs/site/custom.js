// typedoc `customJs`: loaded (deferred) on every page of the site. On the
// "Classify your scheme" page it loads the library's browser build and the
// interactive classifier, from this site's own assets (no network).
(function () {
  'use strict';
  if (!document.getElementById('sp-classifier')) return;
  var base = document.documentElement.getAttribute('data-base') || './';
  function load(src, next) {
    var s = document.createElement('script');
    s.src = base + 'assets/' + src;
    s.onload = next;
    s.onerror = function () {
      var mount = document.getElementById('sp-classifier');
      if (mount) mount.textContent = 'The classifier could not be loaded (' + src + ').';
    };
    document.head.appendChild(s);
  }
  load('social-prescribing.global.js', function () {
    load('classifier-app.js', function () {});
  });
})();
