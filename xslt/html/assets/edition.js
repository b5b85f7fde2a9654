// teiedition: enhancements for readers with script. Every page works without this file
// (but the search page): filters hide list entries, citations get an access date, and each
// paragraph and note gets a "Cite paragraph" ("Cite note") button that copies its citation.
(function () {
  "use strict";

  const today = new Date().toISOString().slice(0, 10);

  function fillAccessDates() {
    document.querySelectorAll(".access-date").forEach((el) => { el.textContent = today; });
  }

  // "¶ 7" for a paragraph, "note 2" for a note (whose permalink shows its number alone)
  function unitLabel(unit) {
    const number = unit.querySelector(".permalink")?.textContent.trim() || "";
    return unit.classList.contains("endnote") ? `note ${number}` : number;
  }

  function paragraphCitation(paragraph) {
    const citation = document.querySelector(".citation");
    const base = citation ? citation.dataset.url : location.href.split("#")[0];
    const label = unitLabel(paragraph);
    const text = citation ? citation.textContent.replace(/\s+/g, " ").split(" http")[0].trim() : document.title;
    return `${text} ${label}. ${base}#${paragraph.id} (accessed ${today}).`;
  }

  function addCiteButtons() {
    document.querySelectorAll("p.para[id], p.endnote[id]").forEach((paragraph) => {
      const button = document.createElement("button");
      const caption = paragraph.classList.contains("endnote") ? "Cite note" : "Cite paragraph";
      button.type = "button";
      button.className = "cite-paragraph";
      button.textContent = caption;
      button.setAttribute("aria-label", `Copy the citation of ${unitLabel(paragraph) || "this paragraph"}`);
      button.addEventListener("click", async () => {
        const citation = paragraphCitation(paragraph);
        try {
          await navigator.clipboard.writeText(citation);
          button.textContent = "Copied";
        } catch (error) {
          window.prompt("Copy this citation:", citation);
        }
        button.dataset.citation = citation;
        setTimeout(() => { button.textContent = caption; }, 2000);
      });
      paragraph.appendChild(button);
    });
  }

  function enableFilters() {
    const form = document.querySelector("form.filters");
    if (!form) return;
    form.hidden = false;
    const items = Array.from(document.querySelectorAll("ol.documents > li"));
    const status = form.querySelector(".filter-status");
    function apply() {
      const wanted = Object.fromEntries(Array.from(form.querySelectorAll("select")).map((s) => [s.name, s.value]));
      let shown = 0;
      items.forEach((item) => {
        const match = Object.entries(wanted).every(([name, value]) =>
          !value || (item.dataset[name] || "").split(" ").includes(value));
        item.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = `${shown} of ${items.length} documents shown.`;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => event.preventDefault());
    apply();
  }

  function startSearch() {
    const target = document.getElementById("search");
    if (!target || typeof PagefindUI === "undefined") return;
    const base = new URL(".", location.href).pathname;
    // a large edition's index comes in shards: the others are merged into the main one
    const shards = (target.dataset.merge || "").split(" ").filter(Boolean);
    new PagefindUI({
      element: "#search", baseUrl: base, showSubResults: false, showImages: false,
      resetStyles: false,
      mergeIndex: shards.map((shard) => ({ bundlePath: base + shard })),
      // each record stands for a paragraph: open the paragraph, relative to the site
      processResult: (result) => {
        if (result.meta && result.meta.target) result.url = base + result.meta.target.replace(/^\//, "");
        return result;
      },
    });
    // a visible label for Pagefind's input (it has only a placeholder)
    const label = () => {
      const input = target.querySelector("input");
      if (!input) { requestAnimationFrame(label); return; }
      input.id = "search-input";
      const text = document.createElement("label");
      text.htmlFor = "search-input";
      text.className = "search-label";
      text.textContent = "Search the edition";
      target.before(text);
    };
    label();
  }

  document.addEventListener("DOMContentLoaded", () => {
    fillAccessDates();
    addCiteButtons();
    enableFilters();
    startSearch();
  });
})();
