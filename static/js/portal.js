// Behaviour for every page, loaded from a file so the Content Security Policy can forbid inline JS.
(function () {
  // Larger / smaller text, remembered in this browser (like the seed pages' A-/A+ controls).
  const sizes = [87.5, 100, 112.5, 125, 150];
  const root = document.documentElement;
  let index = Number(localStorage.getItem("portal-text-size") ?? 1);
  if (!Number.isInteger(index) || index < 0 || index >= sizes.length) index = 1;
  const apply = () => root.style.setProperty("--portal-font-size", sizes[index] + "%");
  apply();
  document.querySelectorAll("[data-text-size]").forEach((button) => {
    button.addEventListener("click", () => {
      const step = button.dataset.textSize === "up" ? 1 : -1;
      index = Math.min(sizes.length - 1, Math.max(0, index + step));
      localStorage.setItem("portal-text-size", String(index));
      apply();
    });
  });

  // A table wider than the screen scrolls in its box: the keyboard can reach and scroll it too.
  document.querySelectorAll(".table-responsive").forEach((box) => {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) box.tabIndex = 0;
  });

  // "Print this page" buttons.
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });

  // "Copy" buttons beside a calendar's address (portal_tags.calendar_links).
  document.querySelectorAll("[data-copy]").forEach((button) => {
    const box = document.getElementById(button.dataset.copy);
    box.addEventListener("focus", () => box.select());
    button.hidden = !navigator.clipboard;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(box.value);
      button.textContent = button.dataset.copied;
    });
  });
})();
