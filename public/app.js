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
  // A form kept over an expired session, filled in again: its notice first (saved-forms.ts).
  else if (document.getElementById('saved-form-notice')) document.getElementById('saved-form-notice').focus();
  // After a post/redirect to an anchor (a moved wish: /me/wishes#wish-…), focus the anchor when it
  // is a focus target (tabindex="-1"): the page already scrolled there; focus keeps the keyboard and
  // the screen reader there too.
  else {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.getAttribute('tabindex') === '-1') target.focus();
    // Otherwise the feedback after an action (the flash), so the keyboard and the screen reader
    // are where the answer is, not at the top of the page (#15).
    else if (document.getElementById('flash')) document.getElementById('flash').focus();
  }
})();
