// The case page's reply box: a canned response fills it in for the case, and while the page is
// open it says which colleagues are writing to the same customer, so two reps do not answer twice.
(() => {
  "use strict";

  const root = document.querySelector("[data-case-page]");
  const text = document.getElementById("reply-text");
  if (!root || !text) {
    return;
  }
  const headers = { Accept: "application/json" };
  headers[root.dataset.csrfHeader] = root.dataset.csrf;

  const picker = document.getElementById("canned");
  if (picker) {
    picker.addEventListener("change", async () => {
      if (!picker.value) {
        return;
      }
      const response = await fetch(picker.dataset.url + encodeURIComponent(picker.value), {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        return;
      }
      const filled = (await response.json()).text;
      text.value = text.value.trim() === "" ? filled : text.value.trimEnd() + "\n\n" + filled;
      text.focus();
      picker.value = "";
      beat();
    });
  }

  const warning = document.getElementById("replying-now");
  function show(names) {
    if (!warning) {
      return;
    }
    if (names.length === 0) {
      warning.hidden = true;
      return;
    }
    warning.textContent =
      names.join(" and ") + (names.length === 1 ? " is" : " are") +
      " writing a reply to this case right now. Read theirs before you send yours.";
    warning.hidden = false;
  }

  async function ask(method) {
    try {
      const response = await fetch(root.dataset.replying, { method, headers });
      if (response.ok) {
        show((await response.json()).names);
      }
    } catch (e) {
      // The next round asks again.
    }
  }

  // A beat at most every ten seconds while the rep types; the hub forgets them 30 s after the last.
  let lastBeat = 0;
  function beat() {
    const now = Date.now();
    if (now - lastBeat >= 10000) {
      lastBeat = now;
      ask("POST");
    }
  }
  text.addEventListener("input", beat);

  ask("GET");
  const every = Number(root.dataset.replyingEvery || 5000);
  const timer = setInterval(() => {
    if (!document.hidden) {
      ask("GET");
    }
  }, every);
  window.addEventListener("pagehide", () => clearInterval(timer));
})();
