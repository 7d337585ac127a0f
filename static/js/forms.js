// Forms and filters: progressive enhancements only; every form works without this file.
// 1. A project <select data-choices-url> reloads the choices that depend on the project (an
//    activity's objectives, a story's activity) when another project is picked.
// 2. .js-institution-picker gets a search box: it narrows the institutions listed and finds
//    others in the directory (stakeholders:lookup), added as checkboxes to tick.
// 3. A project <select data-lookup-url> (a portal with many projects lists only the most recent)
//    gets a search box: the projects found (projects:lookup) become the select's options.
// 4. The picker's "Add an institution" link opens the new-institution form (stakeholders:create,
//    ?picker=1) in a dialog; the institution saved, or an existing one chosen instead, is ticked.
//    Without this file the link opens the form in a new tab.
(function () {
  "use strict";

  const normalise = (text) =>
    text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

  // A search box with its live status line, shared by the pickers below.
  function searchBox(label) {
    const box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-2";
    box.placeholder = label;
    box.setAttribute("aria-label", label);
    const status = document.createElement("p");
    status.className = "form-text";
    status.setAttribute("aria-live", "polite");
    return { box, status };
  }

  // Runs `search` once typing pauses; Enter in the box must not submit the form.
  function onTyping(box, search) {
    let timer = null;
    box.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  // The results of a lookup endpoint for `text`, or null when it could not answer.
  async function lookup(address, text) {
    const url = new URL(address, window.location.href);
    url.searchParams.set("q", text);
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      return response.ok ? (await response.json()).results : null;
    } catch (error) {
      return null;
    }
  }

  // 1. Choices of the chosen project -------------------------------------------------------------

  document.querySelectorAll("select[data-choices-url]").forEach((select) => {
    const container = select.form.querySelector(".js-project-options");
    if (!container) return;
    let latest = 0;
    select.addEventListener("change", async () => {
      const request = ++latest;
      const url = new URL(select.dataset.choicesUrl, window.location.href);
      url.searchParams.set("project", select.value);
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok || request !== latest) return;
        container.innerHTML = await response.text();
      } catch (error) {
        // Offline: the old list stays; the server checks the choice on save.
      }
    });
  });

  // 2. Institution picker ------------------------------------------------------------------------

  // Group headings (<strong>) rendered by crispy before their checkboxes: hide empty groups.
  function syncHeadings(list) {
    let heading = null;
    let visible = false;
    const close = () => {
      if (heading) heading.hidden = !visible;
    };
    Array.from(list.querySelectorAll("strong, .form-check")).forEach((node) => {
      if (node.tagName === "STRONG") {
        close();
        heading = node;
        visible = false;
      } else if (!node.hidden) {
        visible = true;
      }
    });
    close();
  }

  function checkbox(name, result) {
    const wrapper = document.createElement("div");
    wrapper.className = "form-check";
    const input = document.createElement("input");
    input.type = "checkbox";
    input.className = "form-check-input";
    input.name = name;
    input.value = String(result.id);
    input.id = `id_${name}_found_${result.id}`;
    const label = document.createElement("label");
    label.className = "form-check-label";
    label.htmlFor = input.id;
    label.textContent = `${result.label} — ${result.group}`;
    wrapper.append(input, label);
    return wrapper;
  }

  document.querySelectorAll(".js-institution-picker").forEach((container) => {
    const field = container.querySelector("[id^='div_id_']");
    if (!field) return;
    const name = field.id.replace(/^div_id_/, "");
    const listed = field.querySelector("input[type=checkbox]")?.closest(".form-check")?.parentElement;

    const { box, status } = searchBox(container.dataset.searchLabel);
    const found = document.createElement("div");
    found.setAttribute("role", "group");
    found.setAttribute("aria-label", container.dataset.foundLabel);
    found.hidden = true;
    const heading = document.createElement("strong");
    heading.textContent = container.dataset.foundLabel;
    found.append(heading);
    const label = field.querySelector("legend, label");
    (label || field.firstChild).after(box, status, found);

    // Each listed checkbox is also found by its group heading (the institution's country).
    const haystacks = new Map();
    if (listed) {
      let group = "";
      Array.from(listed.querySelectorAll("strong, .form-check")).forEach((node) => {
        if (node.tagName === "STRONG") group = node.textContent;
        else haystacks.set(node, normalise(`${node.textContent} ${group}`));
      });
    }
    const present = () =>
      new Set(Array.from(field.querySelectorAll(`input[name="${name}"]`), (input) => input.value));

    let latest = 0;
    async function search() {
      const text = box.value.trim();
      const words = normalise(text).split(/\s+/).filter(Boolean);
      haystacks.forEach((haystack, check) => {
        const checked = check.querySelector("input").checked;
        check.hidden = !checked && !words.every((word) => haystack.includes(word));
      });
      if (listed) syncHeadings(listed);
      // Unticked results of the previous search go; ticked ones stay to be saved.
      found.querySelectorAll(".form-check").forEach((check) => {
        if (!check.querySelector("input").checked) check.remove();
      });
      if (text.length < 2) {
        status.textContent = "";
        found.hidden = !found.querySelector(".form-check");
        return;
      }
      const request = ++latest;
      const results = await lookup(container.dataset.lookupUrl, text);
      if (!results || request !== latest) return;
      const shown = present();
      const fresh = results.filter((result) => !shown.has(String(result.id)));
      fresh.forEach((result) => found.append(checkbox(name, result)));
      found.hidden = !found.querySelector(".form-check");
      status.textContent = container.dataset.countLabel.replace("%(count)s", results.length);
    }

    onTyping(box, search);

    // An institution added or chosen in the dialog (4): ticked, where it is listed or found.
    container.addEventListener("institution-chosen", (event) => {
      const result = event.detail;
      let input = field.querySelector(`input[name="${name}"][value="${result.id}"]`);
      if (!input) {
        const check = checkbox(name, result);
        found.append(check);
        input = check.querySelector("input");
      }
      input.checked = true;
      input.closest(".form-check").hidden = false;
      found.hidden = !found.querySelector(".form-check");
      if (listed) syncHeadings(listed);
      input.focus();
    });
  });

  // 3. Project search --------------------------------------------------------------------------

  function option(value, label) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = label;
    return item;
  }

  document.querySelectorAll("select[data-lookup-url]").forEach((select) => {
    const { box, status } = searchBox(select.dataset.searchLabel);
    box.setAttribute("aria-controls", select.id);
    select.before(box, status);
    const listed = Array.from(select.options, (item) => item.cloneNode(true));
    const valueKey = select.dataset.lookupValue || "id";

    // The empty choice and the selected project stay whatever the search finds.
    function show(results) {
      const kept = Array.from(select.options).filter((item) => item.value === "" || item.selected);
      const values = new Set(kept.map((item) => item.value));
      const found = results
        .filter((result) => !values.has(String(result[valueKey])))
        .map((result) => option(String(result[valueKey]), result.label));
      select.replaceChildren(...kept, ...found);
    }

    let latest = 0;
    async function search() {
      const text = box.value.trim();
      const request = ++latest;
      if (text.length < 2) {
        // Back to the listed projects, and the one chosen from an earlier search.
        const chosen = select.selectedOptions[0];
        const restored = listed.map((item) => item.cloneNode(true));
        if (chosen && !restored.some((item) => item.value === chosen.value)) {
          restored.splice(1, 0, chosen);
        }
        select.replaceChildren(...restored);
        select.value = chosen ? chosen.value : "";
        status.textContent = "";
        return;
      }
      const results = await lookup(select.dataset.lookupUrl, text);
      if (!results || request !== latest) return;
      show(results);
      status.textContent = select.dataset.countLabel.replace("%(count)s", results.length);
    }

    onTyping(box, search);
  });

  // 4. Add an institution from the picker --------------------------------------------------------

  document.querySelectorAll(".js-institution-picker").forEach((container) => {
    const link = container.querySelector("a.js-add-institution");
    if (!link || typeof HTMLDialogElement === "undefined") return;
    const address = new URL(link.href, window.location.href);
    address.searchParams.set("picker", "1");

    // Outside the activity form: a form cannot hold another.
    const dialog = document.createElement("dialog");
    dialog.className = "institution-dialog";
    dialog.setAttribute("aria-label", link.textContent);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close float-end";
    close.setAttribute("aria-label", container.dataset.closeLabel);
    close.addEventListener("click", () => dialog.close());
    const body = document.createElement("div");
    dialog.append(close, body);
    document.body.append(dialog);

    function choose(result) {
      dialog.close();
      container.dispatchEvent(new CustomEvent("institution-chosen", { detail: result }));
    }

    function failed() {
      const message = document.createElement("p");
      message.className = "alert alert-danger";
      message.setAttribute("role", "alert");
      const fallback = document.createElement("a");
      fallback.href = link.href;
      fallback.target = "_blank";
      fallback.rel = "noopener";
      fallback.textContent = link.textContent;
      message.append(`${container.dataset.failedLabel} `, fallback);
      body.replaceChildren(message);
    }

    // The form as the server rendered it (with its errors and look-alikes), or the saved one.
    async function show(response) {
      if (response.status === 201) {
        choose(await response.json());
        return;
      }
      if (!response.ok) {
        failed();
        return;
      }
      body.innerHTML = await response.text();
      const form = body.querySelector("form");
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
          show(await fetch(address, { method: "POST", body: new FormData(form), credentials: "same-origin" }));
        } catch (error) {
          failed();
        }
      });
      body.querySelectorAll("[data-institution-id]").forEach((button) => {
        button.addEventListener("click", () =>
          choose({
            id: button.dataset.institutionId,
            label: button.dataset.institutionLabel,
            group: button.dataset.institutionGroup,
          }),
        );
      });
      const first = body.querySelector(".is-invalid, input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    }

    link.addEventListener("click", async (event) => {
      event.preventDefault();
      body.replaceChildren();
      dialog.showModal();
      try {
        show(await fetch(address, { credentials: "same-origin" }));
      } catch (error) {
        failed();
      }
    });
  });
})();
