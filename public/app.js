// Progressive enhancement only: every page works without JavaScript.
(function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    try {
      window.DKFDS.init();
    } catch (e) {
      /* the page works without it */
    }
  }
  // Move focus to the error summary after a failed submit, so screen readers hear it first.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
