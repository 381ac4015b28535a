// khplan review: selecting a field shows its evidence (boxes on the page, its span in the text),
// editing sends one JSON correction, the keyboard drives both. Text from the record is only ever
// set as textContent; the server renders and escapes everything else.
"use strict";

(function () {
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

  function typing(event) {
    const target = event.target;
    return target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = {};
    }
    if (!response.ok) {
      const detail = Array.isArray(answer.detail) ? answer.detail.map((d) => d.msg).join("; ") : answer.detail;
      throw new Error(answer.error || detail || `the server answered ${response.status}`);
    }
    return answer;
  }

  function setupHelp() {
    const help = $(".help");
    const toggle = () => { if (help) help.hidden = !help.hidden; };
    const button = $(".help-toggle");
    if (button) button.addEventListener("click", toggle);
    document.addEventListener("keydown", (event) => {
      if (!typing(event) && event.key === "?") toggle();
    });
  }

  // ---- the queue ------------------------------------------------------------------------------

  function setupQueue() {
    const rows = $$("tr.item[data-href]");
    let current = -1;
    const select = (index) => {
      if (!rows.length) return;
      current = Math.max(0, Math.min(rows.length - 1, index));
      rows.forEach((row, i) => row.classList.toggle("selected", i === current));
      rows[current].scrollIntoView({ block: "nearest" });
    };
    rows.forEach((row, i) => {
      row.addEventListener("click", (event) => {
        if (event.target instanceof HTMLAnchorElement) return;
        window.location.href = row.dataset.href;
      });
      row.addEventListener("mouseenter", () => { current = i; });
    });
    $$("form.filters select").forEach((box) => box.addEventListener("change", () => box.form.submit()));
    document.addEventListener("keydown", (event) => {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j" || event.key === "ArrowDown") { select(current + 1); event.preventDefault(); }
      else if (event.key === "k" || event.key === "ArrowUp") { select(current - 1); event.preventDefault(); }
      else if (event.key === "Enter" && current >= 0) { window.location.href = rows[current].dataset.href; }
    });
  }

  // ---- a document -----------------------------------------------------------------------------

  function setupDocument() {
    const main = $("main.document");
    const data = JSON.parse($("#review-data").textContent);
    const api = `/api/documents/${data.sha256}`;
    const pages = new Map(data.pages.map((p) => [p.page, p]));
    const segments = $$(".doc-text .seg").map((el) => ({ el, a: Number(el.dataset.a), b: Number(el.dataset.b) }));
    let selected = null;

    $$("figure.page").forEach((figure) => {
      figure.style.aspectRatio = `${figure.dataset.width} / ${figure.dataset.height}`;
    });

    const visibleFields = () => $$(".field[data-path]", main).filter((el) => el.offsetParent !== null);

    function drawEvidence(path) {
      $$(".box", main).forEach((box) => box.remove());
      segments.forEach((s) => s.el.classList.remove("hl"));
      const evidence = data.evidence[path] || [];
      let firstBox = null;
      let firstSegment = null;
      for (const span of evidence) {
        const page = pages.get(span.page);
        const figure = span.page ? $(`figure.page[data-page="${span.page}"]`) : null;
        if (span.box && page && figure) {
          const [left, top, width, height] = span.box;
          const box = document.createElement("div");
          box.className = "box";
          box.dataset.box = span.box.join(",");
          box.style.left = `${(100 * left) / page.width}%`;
          box.style.top = `${(100 * top) / page.height}%`;
          box.style.width = `${(100 * width) / page.width}%`;
          box.style.height = `${(100 * height) / page.height}%`;
          figure.appendChild(box);
          firstBox = firstBox || box;
        }
        for (const s of segments) {
          if (s.a >= span.start && s.b <= span.end && s.b > s.a) {
            s.el.classList.add("hl");
            firstSegment = firstSegment || s.el;
          }
        }
      }
      if (firstBox) firstBox.scrollIntoView({ block: "center", behavior: "instant" });
      if (firstSegment) firstSegment.scrollIntoView({ block: "center", behavior: "instant" });
    }

    function select(field, focus = true) {
      if (!field) return;
      if (selected) selected.classList.remove("selected");
      selected = field;
      field.classList.add("selected");
      const entry = field.closest("details.entry");
      if (entry && !entry.open && field.tagName !== "SUMMARY") entry.open = true;
      if (focus) field.focus({ preventScroll: true });
      field.scrollIntoView({ block: "nearest" });
      drawEvidence(field.dataset.path);
      history.replaceState(null, "", `#${encodeURIComponent(field.dataset.path)}`);
    }

    function move(step) {
      const fields = visibleFields();
      const at = selected ? fields.indexOf(selected) : -1;
      select(fields[Math.max(0, Math.min(fields.length - 1, at + step))]);
    }

    function openEditor(field) {
      const form = $(":scope > form.edit", field);
      if (!form) return;
      $$("form.edit").forEach((other) => { if (other !== form) other.hidden = true; });
      form.hidden = false;
      const box = form.elements.namedItem("value");
      if (box) { box.focus(); if (box.select) box.select(); }
    }

    function reloadAt(path) {
      window.location.hash = encodeURIComponent(path);
      window.location.reload();
    }

    async function send(body, errorPlace) {
      try {
        await post(`${api}/corrections`, body);
        reloadAt(body.path);
      } catch (error) {
        if (errorPlace) errorPlace.textContent = error.message;
        else window.alert(error.message);
      }
    }

    $$(".field[data-path]", main).forEach((field) => {
      field.addEventListener("click", (event) => {
        if (event.target.closest("form, button, a")) return;
        if (field.tagName === "SUMMARY") {
          select(field);
          return; // the summary still opens and closes its entry
        }
        event.stopPropagation();
        select(field);
      });
      field.addEventListener("dblclick", (event) => {
        if (event.target.closest("form")) return;
        openEditor(field);
      });
    });

    $$("form.edit", main).forEach((form) => {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const value = form.elements.namedItem("value").value;
        send({ op: "set", path: form.dataset.path, value }, $(".error", form));
      });
      $(".cancel", form).addEventListener("click", () => { form.hidden = true; });
      form.addEventListener("keydown", (event) => {
        if (event.key === "Escape") { form.hidden = true; form.closest(".field").focus(); event.stopPropagation(); }
        if (event.key === "Enter" && event.target.tagName === "TEXTAREA" && !event.shiftKey) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
    });

    $$("form.add-entry", main).forEach((form) => {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const list = form.dataset.list;
        let value;
        if (list === "recipients") {
          value = form.elements.namedItem("recipients").value;
        } else {
          value = {};
          $$("input, select, textarea", form).forEach((box) => { value[box.name] = box.value; });
        }
        send({ op: "add", path: list, value }, $(".error", form));
      });
    });

    $$(".remove-entry", main).forEach((button) => {
      button.addEventListener("click", () => {
        if (window.confirm("Remove this entry? The removal is kept across every later ingest.")) {
          send({ op: "remove", path: button.dataset.path }, null);
        }
      });
    });

    function acceptSuggestion(field) {
      const path = field.dataset.path;
      if (path in data.suggestions) send({ op: "set", path, value: data.suggestions[path] }, null);
    }
    $$(".accept-suggestion", main).forEach((button) => {
      button.addEventListener("click", () => acceptSuggestion(button.closest(".field")));
    });
    $$(".keep-mine", main).forEach((button) => {
      button.addEventListener("click", () => send({ op: "keep", path: button.closest(".field").dataset.path }, null));
    });

    async function markReviewed(reviewed, thenNext) {
      try {
        await post(`${api}/review`, { reviewed });
      } catch (error) {
        window.alert(error.message);
        return;
      }
      const next = $("a.next-pending");
      if (thenNext && next) window.location.href = next.getAttribute("href");
      else window.location.reload();
    }
    $$(".mark-reviewed").forEach((button) => {
      button.addEventListener("click", () => markReviewed(button.dataset.reviewed === "true", false));
    });

    document.addEventListener("keydown", (event) => {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === "j" || key === "ArrowDown") move(1);
      else if (key === "k" || key === "ArrowUp") move(-1);
      else if ((key === "Enter" || key === "e") && selected && selected.tagName !== "SUMMARY") openEditor(selected);
      else if (key === "a" && selected) {
        if (selected.dataset.path in data.suggestions) acceptSuggestion(selected);
        else move(1);
      } else if (key === "r") markReviewed(true, true);
      else if (key === "n" || key === "p") {
        const link = $(key === "n" ? 'a[rel="next"]' : 'a[rel="prev"]');
        if (link) window.location.href = link.getAttribute("href");
        else return;
      } else return;
      event.preventDefault();
    });

    const wanted = decodeURIComponent(window.location.hash.slice(1));
    const start = wanted && $$(".field[data-path]", main).find((el) => el.dataset.path === wanted);
    if (start) select(start);
  }

  document.addEventListener("DOMContentLoaded", () => {
    setupHelp();
    if ($("main.document")) setupDocument();
    else if ($("main.queue")) setupQueue();
  });
})();
