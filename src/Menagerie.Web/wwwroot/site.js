// Menagerie works without this file; it only saves clicks and confirms what cannot be undone.
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("change", event => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-submit-on-change")) {
    field.form?.requestSubmit();
  }
});

document.addEventListener("submit", event => {
  const form = event.target;
  const question = event.submitter?.getAttribute("data-confirm") ?? form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Problems found on the server: move the reader to their list.
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("problems")?.focus();
});

// The receipt form: a group's arrived, dead and missing counts, summed as they are typed, against what left.
// The server checks the same sum again; this only says it sooner.
function parseCounts(text) {
  const match = /^\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(text || "0.0.0");
  return match ? match.slice(1).map(Number) : null;
}

function checkReceiptLine(fieldset) {
  const texts = document.getElementById("sum-texts");
  const left = parseCounts(fieldset.getAttribute("data-left"));
  const out = fieldset.querySelector("[data-sum]");
  if (!texts || !left || !out) return;
  const sum = [0, 0, 0];
  for (const input of fieldset.querySelectorAll("[data-count]")) {
    const counts = parseCounts(input.value);
    if (!counts) { out.textContent = ""; return; }
    counts.forEach((n, i) => { sum[i] += n; });
  }
  const same = sum.every((n, i) => n === left[i]);
  out.textContent = (same ? texts.dataset.ok : texts.dataset.off)
    .replace("{0}", sum.join(".")).replace("{1}", left.join("."));
  out.classList.toggle("field-problem", !same);
}

document.addEventListener("input", event => {
  const fieldset = event.target.closest?.("[data-receipt-line][data-left]");
  if (fieldset) checkReceiptLine(fieldset);
});

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-receipt-line][data-left]").forEach(checkReceiptLine);
});

// Long work (a gene drop, a large studbook's first analysis) runs in the background: the page asks the server
// again every second and shows how far it has got, then the whole page once it is done. Without this file the
// page's own link does the same.
document.addEventListener("DOMContentLoaded", () => {
  const progress = document.querySelector("[data-progress]");
  if (!progress) return;
  const ask = async () => {
    try {
      const response = await fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = page.querySelector("[data-progress]");
      if (!response.ok || !next) {
        location.reload();
        return;
      }
      progress.replaceChildren(...Array.from(next.childNodes, node => document.importNode(node, true)));
    } catch {
      // The network failed for a moment: ask again.
    }
    setTimeout(ask, 1000);
  };
  setTimeout(ask, 1000);
});
