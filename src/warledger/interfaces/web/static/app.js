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

  // Clicking an oblast opens the table of its events (keeping the other filters).
  const map = document.getElementById("map");
  if (map) {
    map.querySelectorAll("path.oblast").forEach((shape) => {
      shape.addEventListener("click", () => {
        const url = new URL(window.location.href);
        url.pathname = "/events";
        url.searchParams.set("oblast", shape.dataset.oblast);
        window.location.href = url.toString();
      });
    });
  }
});
