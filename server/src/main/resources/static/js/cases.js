// The case inbox and the case page: keyboard shortcuts, and live updates over server-sent events.
// Plain JavaScript, no build step; htmx (loaded before this file) swaps the parts that change.
(() => {
  "use strict";

  const inbox = document.querySelector("[data-case-inbox]");
  const casePage = document.querySelector("[data-case-page]");
  const root = inbox || casePage;
  if (!root) {
    return;
  }

  // --- keyboard shortcuts

  const help = document.getElementById("shortcuts");
  let selected = -1;
  let awaitingG = false;
  let gTimer = null;

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function items() {
    return Array.from(document.querySelectorAll(inbox ? "tr.case-row" : "#history > li"));
  }

  function select(index) {
    const all = items();
    if (all.length === 0) {
      return;
    }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((item, i) => {
      item.classList.toggle("selected", i === selected);
      item.setAttribute("aria-selected", i === selected ? "true" : "false");
    });
    all[selected].scrollIntoView({ block: "nearest" });
  }

  function current() {
    const all = items();
    return selected >= 0 && selected < all.length ? all[selected] : null;
  }

  function openSelected() {
    const item = current();
    const link = item && item.querySelector(inbox ? "a.open" : "a.original");
    if (link) {
      if (link.target === "_blank") {
        window.open(link.href, "_blank", "noopener");
      } else {
        window.location.assign(link.href);
      }
    }
  }

  function assignToMe() {
    const form = inbox
      ? current() && current().querySelector("form.take")
      : document.getElementById("assign-me");
    if (form) {
      form.requestSubmit();
    }
  }

  function focusField(id) {
    const field = document.getElementById(id);
    if (field) {
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  }

  function toggleHelp() {
    if (!help) {
      return;
    }
    if (help.open) {
      help.close();
    } else {
      help.showModal();
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (typing(event.target)) {
      if (event.key === "Escape") {
        event.target.blur();
      }
      return;
    }
    if (help && help.open && event.key !== "?") {
      return;
    }
    if (awaitingG) {
      awaitingG = false;
      clearTimeout(gTimer);
      if (event.key === "i") {
        event.preventDefault();
        window.location.assign(root.dataset.cases);
        return;
      }
    }
    switch (event.key) {
      case "j":
        select(selected + 1);
        break;
      case "k":
        select(selected < 0 ? 0 : selected - 1);
        break;
      case "Enter":
        // A focused link or button does what Enter does to it.
        if (event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement) {
          return;
        }
        openSelected();
        break;
      case "o":
        openSelected();
        break;
      case "r":
        focusField("reply-text");
        break;
      case "n":
        focusField("note-text");
        break;
      case "a":
        assignToMe();
        break;
      case "?":
        toggleHelp();
        break;
      case "g":
        awaitingG = true;
        gTimer = setTimeout(() => { awaitingG = false; }, 1500);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // --- live updates

  // A stream that broke and came back missed what changed meanwhile, and nothing sends it again:
  // the page fetches what it shows once more.
  const events = new EventSource(root.dataset.events);
  let interrupted = false;
  events.addEventListener("open", () => {
    root.dataset.live = "on";
    if (interrupted) {
      interrupted = false;
      catchUp();
    }
  });
  events.addEventListener("error", () => {
    root.dataset.live = "off";
    interrupted = true;
  });
  events.addEventListener("case", (message) => {
    const signal = JSON.parse(message.data);
    if (inbox) {
      caseChanged(signal.number);
    } else if (signal.number === root.dataset.number) {
      refreshCase();
    }
  });
  window.addEventListener("pagehide", () => events.close());

  function catchUp() {
    if (!inbox) {
      refreshCase();
      return;
    }
    document.querySelectorAll("tr.case-row").forEach((row) => {
      caseChanged(row.id.substring("case-".length));
    });
    scheduleCounts();
  }

  // The inbox: a changed row is replaced; a case new to this view is announced, not pushed in
  // under the rep's selection; the counts of the views follow.
  const pending = new Set();
  let countsTimer = null;

  function query() {
    return new URL(root.dataset.self, window.location.origin).search;
  }

  async function caseChanged(number) {
    scheduleCounts();
    const response = await fetch(
      root.dataset.cases + "/" + encodeURIComponent(number) + "/row" + query(),
      { headers: { "HX-Request": "true" } });
    if (!response.ok) {
      return;
    }
    const template = document.createElement("template");
    template.innerHTML = (await response.text()).trim();
    const row = template.content.querySelector("tr.case-row");
    if (!row) {
      return;
    }
    const existing = document.getElementById("case-" + number);
    if (existing) {
      row.classList.toggle("selected", existing.classList.contains("selected"));
      existing.replaceWith(row);
      if (window.htmx) {
        window.htmx.process(row);
      }
    } else if (row.dataset.inView === "true") {
      pending.add(number);
      announce();
    }
  }

  function announce() {
    const banner = document.getElementById("new-cases");
    if (!banner) {
      return;
    }
    banner.querySelector(".text").textContent =
      pending.size + (pending.size === 1 ? " new case" : " new cases");
    banner.hidden = false;
  }

  function showNew() {
    window.htmx.ajax("GET", root.dataset.self, {
      target: "#case-list",
      select: "#case-list",
      swap: "outerHTML",
    }).then(() => {
      pending.clear();
      document.getElementById("new-cases").hidden = true;
      selected = -1;
    });
  }

  function scheduleCounts() {
    clearTimeout(countsTimer);
    countsTimer = setTimeout(() => {
      window.htmx.ajax("GET", root.dataset.cases + "/views" + query(), {
        target: "#views",
        swap: "outerHTML",
      });
    }, 250);
  }

  // The case page: what changes as the case does is fetched again; the forms stay as they are.
  function refreshCase() {
    window.htmx.ajax("GET", root.dataset.liveUrl, { target: "#live", swap: "outerHTML" })
      .then(() => {
        if (selected >= 0) {
          select(selected);
        }
      });
  }

  if (inbox) {
    const show = document.getElementById("show-new-cases");
    if (show) {
      show.addEventListener("click", showNew);
    }
  }
})();
