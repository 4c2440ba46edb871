/* global document */
// Enhancements only: every page works without this script.
// The date slider moves the date field it belongs to (and is hidden without script).
document.querySelectorAll('input.ledger-slider').forEach((slider) => {
  const field = document.getElementById(slider.dataset.for);
  const day = 86400000;
  const first = Date.parse(slider.dataset.first + 'T12:00:00Z');
  const last = Date.parse(slider.dataset.last + 'T12:00:00Z');
  if (!field || Number.isNaN(first) || Number.isNaN(last)) return;
  slider.min = '0';
  slider.max = String(Math.round((last - first) / day));
  const current = Date.parse((field.value || slider.dataset.last) + 'T12:00:00Z');
  slider.value = String(Math.round((current - first) / day));
  slider.hidden = false;
  slider.addEventListener('input', () => {
    field.value = new Date(first + Number(slider.value) * day).toISOString().slice(0, 10);
  });
});
