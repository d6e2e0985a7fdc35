// Lede's progressive enhancement. Every control works without this file: these are
// shortcuts (/, arrows), instant filters, focus kept across htmx swaps, announcements.
(() => {
  "use strict";
  const $ = (sel, root = document) => root.querySelector(sel);
  const kept = { focus: null, filter: "", more: false };
  document.documentElement.classList.add("js");

  const isTyping = (t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement
    || t instanceof HTMLSelectElement || t.isContentEditable;

  // "/" focuses search; arrows move between results and back up to the search box.
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/" && !isTyping(t)) {
      const q = $("#q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [...document.querySelectorAll(".hit-title a")];
    if (!links.length) return;
    if (t.id === "q") {
      if (e.key === "ArrowDown") { e.preventDefault(); links[0].focus(); }
      return;
    }
    const i = links.indexOf(t);
    if (i < 0) return;
    e.preventDefault();
    const next = e.key === "ArrowDown" ? i + 1 : i - 1;
    if (next < 0) $("#q")?.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });

  // Checkboxes and the sort menu apply at once; without JS their Apply/Sort buttons do it.
  document.addEventListener("change", (e) => {
    const el = e.target;
    if (el.matches?.("[data-autosubmit], .outlets input") && el.form) el.form.requestSubmit();
  });

  // Client-side filter over a long outlet list (the <details> "more" holds the tail without JS).
  const applyFilter = (input) => {
    const term = input.value.trim().toLowerCase();
    const box = input.closest("fieldset");
    for (const li of box.querySelectorAll(".outlets li")) {
      li.hidden = Boolean(term) && !li.textContent.toLowerCase().includes(term);
    }
    const more = box.querySelector("details.more");
    if (more && term) more.open = true;
  };
  document.addEventListener("input", (e) => {
    if (!e.target.matches?.("[data-facet-filter]")) return;
    kept.filter = e.target.value;
    applyFilter(e.target);
  });

  const setup = (restore) => {
    const input = $("[data-facet-filter]");
    if (input) {
      input.closest("label").hidden = false;
      if (restore && kept.filter) { input.value = kept.filter; applyFilter(input); }
    }
    const more = $(".facet-outlet details.more");
    if (restore && more && kept.more) more.open = true;
  };

  const syncQuery = (force) => {
    const holder = $("[data-q]");
    const q = $("#q");
    if (!holder || !q || (!force && document.activeElement === q)) return;
    q.value = holder.dataset.q;
  };

  const announce = () => {
    const text = $("[data-announce]")?.textContent.trim();
    const live = $("#live");
    if (live && text) live.textContent = text;
    const q = $("[data-q]")?.dataset.q;
    if (q !== undefined) document.title = (q ? `${q} · ` : "") + "Lede news search";
  };

  // Remember what had focus inside #results, so a swap does not drop a keyboard user to <body>.
  const isResults = (e) => (e.detail?.target || e.target)?.id === "results";

  document.addEventListener("htmx:beforeSwap", (e) => {
    if (!isResults(e)) return;
    const a = document.activeElement;
    kept.focus = a && a.closest("#results") ? { name: a.name || "", value: a.type === "checkbox" ? a.value : null } : null;
    kept.more = Boolean($(".facet-outlet details.more")?.open);
  });

  const restoreFocus = () => {
    const f = kept.focus;
    kept.focus = null;
    if (!f) return;
    let sel = f.name ? `#results [name="${CSS.escape(f.name)}"]` : null;
    if (sel && f.value !== null) sel += `[value="${CSS.escape(f.value)}"]`;
    const el = (sel && $(sel)) || $("#results [data-announce]");
    el?.focus({ preventScroll: Boolean(f.name) });
  };

  document.addEventListener("htmx:afterSwap", (e) => {
    if (!isResults(e)) return;
    setup(true);
    syncQuery(false);
    announce();
    restoreFocus();
  });

  document.addEventListener("htmx:historyRestore", () => {
    setup(false);
    syncQuery(true);
    announce();
  });

  setup(false);
})();
