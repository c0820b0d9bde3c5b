// Small enhancements; every page works without them.

// Search-as-you-type: an input with data-suggest (the address of its suggestions) asks the node
// for the records matching what is typed, and offers them in the input's datalist. Without
// script, the datalist keeps the most recent records the page was served with.
const SUGGEST_DELAY_MS = 150;
const SUGGEST_MAX_CHARS = 200;
const servedOptions = new WeakMap();

// Lower case without accents or marks: "Müller" gives "muller".
function folded(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Fills `list` with `items` ({reference, label}). Browsers show an option only when each typed
// word appears in its value or label as written, so an option found without its accents
// (typing "mull" finds "Müller") also carries its folded label.
function offer(list, items, typed) {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const options = items.map(({ reference, label }) => {
    const written = (reference + " " + label).toLowerCase();
    const option = document.createElement("option");
    option.value = reference;
    option.textContent = words.every((w) => written.includes(w)) ? label : label + " · " + folded(label);
    return option;
  });
  list.replaceChildren(...options);
}

function suggestAsYouType(input) {
  const list = input.list;
  if (!list) return;
  if (!servedOptions.has(list)) {
    servedOptions.set(list, Array.from(list.options, (o) => ({ reference: o.value, label: o.textContent })));
  }
  let timer = 0;
  let pending = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    if (pending) pending.abort();
    pending = null;
    const typed = input.value;
    const q = typed.trim();
    // A suggestion just chosen: nothing more to look for.
    if (Array.from(list.options).some((o) => o.value === q)) return;
    if (!q || typed.length > SUGGEST_MAX_CHARS) {
      offer(list, servedOptions.get(list), "");
      return;
    }
    timer = setTimeout(() => {
      const request = new AbortController();
      pending = request;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(typed), {
        signal: request.signal,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((items) => {
          if (pending === request && Array.isArray(items)) offer(list, items, q);
        })
        // Aborted by a newer request, or no answer: the list stays as it is.
        .catch(() => {});
    }, SUGGEST_DELAY_MS);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    const button = select.form && select.form.querySelector("button");
    if (button) button.hidden = true;
    select.addEventListener("change", () => select.form.submit());
  }
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  if (window.fetch && window.AbortController) {
    for (const input of document.querySelectorAll("input[data-suggest]")) suggestAsYouType(input);
    for (const help of document.querySelectorAll("[data-suggest-help]")) help.append(" " + help.dataset.suggestHelp);
  }
});
