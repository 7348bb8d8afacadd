// The warning before the idle timeout (GOV.UK's pattern), progressive enhancement only: without
// JavaScript the dialog stays hidden and a form sent after the timeout is kept until the person
// signs in again (saved-forms.ts).
(function () {
  var modal = document.getElementById('session-timeout');
  var form = document.getElementById('session-keep-alive');
  if (!modal || !form || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var idle = Number(modal.getAttribute('data-idle-seconds')) * 1000;
  if (!(idle > 0)) return;
  // The server notes activity at most once a minute, so the session may end up to a minute before
  // `idle` has passed since this page loaded: warn 3 minutes before, i.e. at least 2 before it ends.
  var warnAfter = Math.max(idle - 180000, idle / 2);
  var text = document.getElementById('session-timeout-text');
  var close = document.getElementById('session-timeout-close');
  var warning = text.textContent;
  var timers = [];
  var dialog = window.DKFDS && window.DKFDS.Modal ? new window.DKFDS.Modal(modal) : null;

  function show() {
    if (modal.getAttribute('aria-hidden') === 'false') return;
    if (dialog) dialog.show();
    else modal.setAttribute('aria-hidden', 'false');
    var button = form.querySelector('button');
    if (button && !form.hidden) button.focus();
  }
  function hide() {
    if (dialog) dialog.hide();
    else modal.setAttribute('aria-hidden', 'true');
  }
  function timedOut() {
    text.textContent = text.getAttribute('data-timed-out');
    form.hidden = true;
    close.hidden = false;
    show();
    close.focus();
  }
  function schedule() {
    timers.forEach(clearTimeout);
    timers = [setTimeout(show, warnAfter), setTimeout(timedOut, idle)];
  }

  close.addEventListener('click', hide);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-requested-with': 'fetch' },
      body: new URLSearchParams(new FormData(form)),
    })
      .then(function (response) {
        if (!response.ok) return timedOut();
        text.textContent = warning;
        hide();
        schedule();
      })
      .catch(timedOut);
  });
  schedule();
})();
