// warledger dashboard: small progressive enhancements; every page works without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filters apply as soon as a select changes (the Filter button still works).
  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });

  // Scroll each claim's source text to its first highlighted evidence sentence.
  document.querySelectorAll(".claim .source-text").forEach((box) => {
    const mark = box.querySelector("mark.evidence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  });

  // Matrix cells take their stance's colour (set here: the CSP forbids inline styles).
  document.querySelectorAll("td.stance[data-colour]").forEach((cell) => {
    cell.style.backgroundColor = cell.dataset.colour;
  });
});
