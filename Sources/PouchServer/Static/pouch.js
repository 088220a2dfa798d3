// Pouch's only script. Everything works without it; it adds four conveniences.
document.addEventListener("DOMContentLoaded", () => {
  // Load a chosen text file into the trace form's text box.
  for (const input of document.querySelectorAll("input[type=file][data-fills]")) {
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      const target = document.getElementById(input.dataset.fills);
      if (!file || !target) return;
      file.text().then((text) => { target.value = text; });
    });
  }

  // The draft page's banners follow the classification and caveats being chosen.
  const level = document.querySelector("select[data-banner=level]");
  if (level) {
    const update = () => {
      const caveats = [...document.querySelectorAll("input[data-banner=caveat]:checked")]
        .map((box) => box.value);
      const text = [level.value, ...caveats].join("//");
      const colour = "banner-" + level.value.toLowerCase().replace(" ", "-");
      for (const banner of document.querySelectorAll(".banner-page")) {
        banner.textContent = text;
        banner.classList.remove("banner-unclassified", "banner-confidential", "banner-secret", "banner-top-secret");
        banner.classList.add(colour);
      }
    };
    level.addEventListener("change", update);
    for (const box of document.querySelectorAll("input[data-banner=caveat]")) box.addEventListener("change", update);
    update();
  }

  // A print button prints the page (its print stylesheet makes it a report).
  for (const button of document.querySelectorAll("[data-print]")) button.addEventListener("click", () => window.print());

  // An error summary takes the focus, so a screen reader announces it and a keyboard user starts there.
  const summary = document.querySelector(".error-summary[tabindex]");
  if (summary) summary.focus();
});
