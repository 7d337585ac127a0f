// Staff forms: progressive enhancements only; every form works without this file.
// 1. A project <select data-controls="objectives|activity"> shows only that project's choices.
// 2. Checkbox lists inside .js-filterable-choices get a filter box (institutions).
(function () {
  "use strict";

  const normalise = (text) =>
    text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

  // Group headings (<strong>) rendered by crispy before their checkboxes: hide empty groups.
  function syncHeadings(container) {
    let heading = null;
    let visible = false;
    const close = () => {
      if (heading) heading.hidden = !visible;
    };
    Array.from(container.querySelectorAll("strong, .form-check")).forEach((node) => {
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

  function limitToProject(select) {
    const form = select.form;
    const targetName = select.dataset.controls;
    const project = select.value;
    form.querySelectorAll(`[name="${targetName}"]`).forEach((target) => {
      if (target.tagName === "SELECT") {
        target.querySelectorAll("option[data-project]").forEach((option) => {
          const other = project !== "" && option.dataset.project !== project;
          option.hidden = other;
          option.disabled = other;
          if (other && option.selected) target.value = "";
        });
        target.querySelectorAll("optgroup").forEach((group) => {
          group.hidden = !group.querySelector("option:not([hidden])");
        });
      } else {
        const other = project !== "" && target.dataset.project !== project;
        const wrapper = target.closest(".form-check");
        if (wrapper) wrapper.hidden = other;
        if (other) target.checked = false;
      }
    });
    const first = form.querySelector(`[name="${targetName}"]`);
    const container = first && first.closest(".js-project-options");
    if (container) syncHeadings(container);
  }

  document.querySelectorAll("select[data-controls]").forEach((select) => {
    select.addEventListener("change", () => limitToProject(select));
    limitToProject(select);
  });

  document.querySelectorAll(".js-filterable-choices").forEach((container) => {
    const checks = Array.from(container.querySelectorAll(".form-check"));
    if (!checks.length) return;
    const box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-2";
    box.placeholder = container.dataset.filterLabel || "Filter";
    box.setAttribute("aria-label", container.dataset.filterLabel || "Filter");
    const list = checks[0].parentElement;
    list.parentElement.insertBefore(box, list);

    // Each checkbox is also found by its group heading (the institution's country).
    let group = "";
    const haystacks = new Map();
    Array.from(list.querySelectorAll("strong, .form-check")).forEach((node) => {
      if (node.tagName === "STRONG") group = node.textContent;
      else haystacks.set(node, normalise(`${node.textContent} ${group}`));
    });

    box.addEventListener("input", () => {
      const words = normalise(box.value).split(/\s+/).filter(Boolean);
      checks.forEach((check) => {
        const checked = check.querySelector("input").checked;
        const text = haystacks.get(check);
        check.hidden = !checked && !words.every((word) => text.includes(word));
      });
      syncHeadings(list);
    });
    // Enter in the filter box must not submit the form.
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  });
})();
