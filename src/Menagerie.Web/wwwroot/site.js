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
