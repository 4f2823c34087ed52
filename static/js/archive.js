// Small enhancements; every page works without them.
"use strict";

// "Copy citation": the citation is visible text; the button copies it in one click.
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Plain-http deployments have no clipboard API: fall back to a selected textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function enableCitations() {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = button.closest(".cite").querySelector(".cite__text").textContent.trim();
      copyText(text).then(
        () => {
          button.textContent = "Copied";
          button.dataset.copied = "";
          setTimeout(() => {
            button.textContent = "Copy citation";
            delete button.dataset.copied;
          }, 2000);
        },
        () => {
          button.textContent = "Select the text to copy";
        },
      );
    });
  });
}

// Speaker autocomplete: fill the box's <datalist> with names from the archive as one types.
function enableSpeakerSuggestions() {
  document.querySelectorAll("input[data-suggest]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = null;
    let asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const term = input.value.trim();
      if (term.length < 2 || term === asked) return;
      timer = setTimeout(() => {
        asked = term;
        fetch(`${input.dataset.suggest}?term=${encodeURIComponent(term)}`)
          .then((response) => (response.ok ? response.json() : { speakers: [] }))
          .then((data) => {
            list.replaceChildren(
              ...data.speakers.map((speaker) => {
                const option = document.createElement("option");
                option.value = speaker.name;
                if (speaker.affiliation) option.label = `${speaker.name} (${speaker.affiliation})`;
                return option;
              }),
            );
          })
          .catch(() => {});
      }, 150);
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  enableCitations();
  enableSpeakerSuggestions();
});
