// Runs before the app bundle so the page never flashes the wrong theme.
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem('kinde-explorer:ui') || 'null');
    var theme = saved && saved.state && saved.state.theme;
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (e) {
    /* no saved theme: CSS follows prefers-color-scheme */
  }
})();
