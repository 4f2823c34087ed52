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

// A long transcript is shown in pages: a link to a turn without its page (#turn-350 on the
// first page, as shared before the transcript was paged) goes to the page that shows it.
function findLinkedTurn() {
  const transcript = document.querySelector("[data-turns-per-page]");
  const linked = window.location.hash.match(/^#turn-(\d+)$/);
  if (!transcript || !linked || document.getElementById(linked[0].slice(1))) return;
  const page = Math.floor((Number(linked[1]) - 1) / Number(transcript.dataset.turnsPerPage)) + 1;
  const url = new URL(window.location.href);
  if (url.searchParams.get("page") === String(page)) return;
  url.searchParams.set("page", page);
  window.location.replace(url);
}

document.addEventListener("DOMContentLoaded", () => {
  findLinkedTurn();
  enableCitations();
  enableSpeakerSuggestions();
});
