"""Attribution benchmark: render real labelled transcripts into every input shape, parse, score.

    python bench/attribution.py                  # debates + a scotus sample, all formats
    python bench/attribution.py --scotus 0 --formats scraped --errors 20
    python bench/attribution.py --calibrate      # fit the confidence table on the tuning split

The corpus (../shared/corpus, see its README) holds speaker-labelled debates and Supreme Court
arguments. Each transcript is rendered as:

- scraped: a broadcaster page like the seed: furniture, title, a summary naming the host(s) and the
  guests with affiliations, an unnamed anchor's introduction, indented paragraphs, one blank line
  between paragraphs and two between turns, each guest labelled once ("• NAME, Affiliation:")
  near (before, inside or after) their first turn, hosts never labelled;
- labelled: "NAME, TITLE:" first then "SURNAME:", or mixed-case names, sometimes timestamped,
  with stage directions and unlabelled continuation paragraphs;
- webvtt: <v Name> voice tags; srt: "NAME:" at each change of speaker; srt>>: ">>" at each change,
  a name only the first time a speaker appears;
- diarized: an automatic transcript's "Speaker 1", "Speaker 2" (numbered as they first speak,
  never named) with the time, on a line of its own (Otter) or in the label (Rev);
- pasted: the scraped page as copying it from a browser gives it: flush left, one blank line
  between any two paragraphs, so that nothing in the layout tells a new turn from a new paragraph;
- restyled: the scraped page as other sites print it: the guests' label lines in mixed case,
  Markdown bold, with a dash, or opening the paragraph; hosts labelled with a bare name over
  none, some or all of their turns, guests over every turn after the first;
- headed: each name alone on the line above its speech, in capitals or as printed, the speech
  right below it or after a blank line (as a page's headings and podcast exports print them);
- guests: a radio network's transcript page as its archive prints it: the hosts' turns
  unlabelled, each guest's opening with their label ("NAME (Affiliation):" the first time,
  "SURNAME:" after), one blank line between any two paragraphs;
- json: the parsed labelled rendering exported with to_dict() and read back (must be equal).

Moderators and justices are hosts, candidates and advocates guests; a speaker's role is their
majority role in the transcript (the corpus flags a few turns wrongly). Transcripts are split by a
hash of their title: "tune" is what the weights were fitted on, "held-out" was not looked at.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviews.parsing import ParseError, speaker_key  # noqa: E402
from interviews.parsing.api import read  # noqa: E402
from interviews.parsing.names import surname  # noqa: E402
from interviews.parsing.text import split_sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DIRECTION = re.compile(r"^(?:\([^()]*\)|\[[^\[\]]*\])$")
FORMATS = (
    "scraped",
    "labelled",
    "webvtt",
    "srt",
    "srt>>",
    "diarized",
    "pasted",
    "restyled",
    "headed",
    "guests",
    "json",
)
ROLE_OF = {"moderator": "host", "candidate": "guest", "justice": "host", "advocate": "guest"}
# Corpus speakers that are a part, not a person: the parser should name nobody for them.
NAMELESS = {
    "moderator",
    "question",
    "audience",
    "voiceover",
    "unidentified",
    "crowd",
    "protester",
    "protestors",
    "announcer",
    "candidate",
    "resident",
    "narrator",
    "attorney",
}


@dataclass
class Said:
    """One turn of the truth: who spoke, in which role, and the paragraphs we print."""

    speaker: str | None  # None for the anchor and nameless parts
    role: str
    paragraphs: list[str]
    start: float = 0.0
    end: float = 0.0
    printed: str = ""  # what a label prints for a nameless part ("Question")


@dataclass
class Script:
    corpus: str
    title: str
    date: str
    kind: str
    turns: list[Said] = field(default_factory=list)

    def label_name(self, said: Said) -> str:
        """The name a label prints for this turn's speaker (a part, for nameless speakers)."""
        return said.speaker or said.printed

    @property
    def split(self) -> str:
        digest = hashlib.sha1(self.title.encode()).digest()[0]
        return "held-out" if digest % 3 == 0 else "tune"

    def people(self, role: str) -> list[str]:
        counts = Counter(t.speaker for t in self.turns if t.role == role and t.speaker)
        return [name for name, _ in counts.most_common()]


def paragraphs_of(text: str, rng: random.Random) -> list[str]:
    """Break a long turn at sentence boundaries, as a web page would print it."""
    paragraphs, current, size = [], [], 0
    target = rng.choice((45, 60, 80))
    for sentence in split_sentences(" ".join(text.split())):
        current.append(sentence)
        size += len(sentence.split())
        if size >= target:
            paragraphs.append(" ".join(current))
            current, size = [], 0
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def script_from(record: dict, corpus: str, rng: random.Random) -> Script | None:
    raw = [
        t
        for t in record["turns"]
        if t.get("text", "").strip() and t["speaker"].strip().lower() not in {"unknown", ""}
    ]
    votes: dict[str, Counter] = defaultdict(Counter)
    for t in raw:
        votes[t["speaker"]][ROLE_OF.get(t["role"], "guest")] += 1
    role = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    script = Script(corpus, record["title"], record.get("date", ""), record.get("kind", corpus))
    for t in raw:
        text = " ".join(t["text"].split())
        if script.turns and script.turns[-1].printed == t["speaker"]:
            script.turns[-1].paragraphs.extend(paragraphs_of(text, rng))
            script.turns[-1].end = float(t.get("stop") or script.turns[-1].end)
            continue
        nameless = t["speaker"].lower() in NAMELESS
        script.turns.append(
            Said(
                None if nameless else t["speaker"],
                role[t["speaker"]],
                paragraphs_of(text, rng),
                float(t.get("start") or 0.0),
                float(t.get("stop") or 0.0),
                printed=t["speaker"],
            )
        )
    if not any(t.role == "host" for t in script.turns) or not script.people("guest"):
        return None
    return script


def load(debates: int, scotus: int, seed: int) -> list[Script]:
    rng = random.Random(seed)
    scripts = []
    with open(CORPUS / "debates.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    rng.shuffle(records)
    for record in records[:debates]:
        script = script_from(record, "debates", rng)
        if script:
            scripts.append(script)
    if scotus:
        # Every k-th argument so the sample spans the years, without parsing all 5,658.
        step = max(1, 5658 // (scotus * 2))
        taken = 0
        with gzip.open(CORPUS / "scotus-1955-1990.jsonl.gz", "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % step or taken >= scotus:
                    continue
                record = json.loads(line)
                if not 20 <= len(record["turns"]) <= 400:
                    continue
                script = script_from(record, "scotus", rng)
                if script:
                    scripts.append(script)
                    taken += 1
    return scripts


# ---------------------------------------------------------------- rendering


def affiliation(script: Script, name: str) -> str:
    guests = script.people("guest")
    if script.corpus == "scotus":
        return "counsel for the petitioner" if name == guests[0] else "counsel for the respondent"
    return {
        "Dem": "the Democratic Party",
        "Rep": "the Republican Party",
        "VP": "the vice-presidential race",
    }.get(script.kind, "the presidential race")


def listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def render_scraped(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    hosts, guests = script.people("host"), script.people("guest")
    main = hosts[0] if hosts else None
    unnamed_host = main is None  # the corpus names no moderator: the page does not either
    if unnamed_host:
        main = "The moderator" if script.corpus == "debates" else "The Chief Justice"
    aff = {g: affiliation(script, g) for g in guests}
    top = rng.choice(
        [
            ["What do you think? Leave a respectful comment."],
            ["Share", "Email"],
            ["Support Provided By: Learn more"],
            [],
        ]
    )
    if script.corpus == "scotus":
        task = rng.choice(["hears arguments from", "questions", "presides as the court hears"])
        others = f" Justices {listing(hosts[1:])} also question counsel." if hosts[1:] else ""
    else:
        task = rng.choice(["moderates a debate between", "questions", "puts questions to"])
        others = f" With questions from {listing(hosts[1:])}." if hosts[1:] else ""
    with_aff = [f"{g} of {aff[g]}" if rng.random() < 0.5 else f"{g}, {aff[g]}," for g in guests]
    summary = (
        f"{rng.choice(['What was said and why it matters.', 'A look back at a key exchange.'])} "
        f"{main} {task} {listing(with_aff).rstrip(',')}.{others}"
    )
    intro = Said(
        None,
        "anchor",
        [
            rng.choice(
                [
                    f"We turn now to the {script.title.split(',')[0].lower()} of {script.date}.",
                    f"Now to the {script.title.split(',')[0].lower()}, and what was said.",
                    "Turning now to a closely watched exchange, and what it tells us.",
                ]
            ),
            rng.choice(
                [
                    "What was at stake?",
                    "There was a great deal to cover.",
                    "Here is some of what was said.",
                ]
            ),
            rng.choice(
                [
                    f"{main} looks for some answers.",
                    f"{main} has the story.",
                    f"{main} moderates.",
                    f"{main} begins.",
                ]
            ),
        ],
    )
    truth = [intro] + script.turns
    lines = [
        *(x for t in top for x in (t, "")),
        script.title,
        "",
        summary,
        "",
        rng.choice(["Read the Full Transcript", "Full transcript", "Transcript"]),
        "",
        "",
    ]
    first_turn = {}
    for i, said in enumerate(truth):
        if said.speaker in aff and said.speaker not in first_turn:
            first_turn[said.speaker] = i
    placement = {
        g: rng.choices(["before", "inside-host", "inside", "after"], [6, 2, 1, 1])[0]
        for g in guests
    }
    labels_at: dict[tuple[int, int], list[str]] = defaultdict(list)  # (turn, paragraph) -> labels
    for g, i in first_turn.items():
        label = f"  • {g.upper()}, {aff[g]}:"
        where = placement[g]
        if where == "inside-host" and i > 0 and truth[i - 1].speaker not in aff:
            labels_at[(i - 1, len(truth[i - 1].paragraphs) - 1)].append(label)
        elif where == "inside" and len(truth[i].paragraphs) > 1:
            labels_at[(i, 1)].append(label)
        elif where == "after":
            labels_at[(i, len(truth[i].paragraphs))].append(label)
        else:
            labels_at[(i, 0)].append(label)
    for i, said in enumerate(truth):
        if i and said.speaker is None and not (unnamed_host and said.role == "host"):
            labels_at[(i, 0)].insert(0, f"  • {said.printed.upper()}:")
    for i, said in enumerate(truth):
        for j, paragraph in enumerate(said.paragraphs):
            for label in labels_at.get((i, j), []):
                lines += [label, ""]
            lines += [f"    {paragraph}", ""]
        for label in labels_at.get((i, len(said.paragraphs)), []):
            lines += [label, ""]
        lines.append("")
    lines += rng.choice([["Listen to this Segment", "", "The Latest"], ["Related"], []])
    return "\n".join(lines) + "\n", truth


def render_labelled(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    style = rng.choice(["broadcast", "upper", "mixed"])
    stamps = rng.random() < 0.4
    surnames = Counter(surname(t.speaker) for t in script.turns if t.speaker)
    seen: set[str] = set()
    lines = [script.title, ""]
    clock = 0.0
    for said in script.turns:
        name = script.label_name(said)
        if said.speaker is None:
            label = name.upper() if style != "mixed" else name
        elif style == "mixed":
            label = name
        elif style == "broadcast" and name in seen and surnames[surname(name)] == 1:
            label = surname(name).upper()
        elif style == "broadcast":
            title = "MODERATOR" if said.role == "host" else affiliation(script, name).upper()
            label = f"{name.upper()}, {title}"
        else:
            label = name.upper()
        seen.add(name)
        stamp = f"[{int(clock) // 3600:02d}:{int(clock) % 3600 // 60:02d}:{int(clock) % 60:02d}] "
        clock += sum(len(p.split()) for p in said.paragraphs) / 2.5
        lines.append(f"{stamp if stamps else ''}{label}: {said.paragraphs[0]}")
        for paragraph in said.paragraphs[1:]:
            lines += ["", paragraph]
        if rng.random() < 0.03:
            lines += ["", rng.choice(["(CROSSTALK)", "(LAUGHTER)", "[inaudible]", "(APPLAUSE)"])]
        lines.append("")
    return "\n".join(lines), script.turns


def render_headed(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    capitals, spaced = rng.random() < 0.5, rng.random() < 0.5
    turns = []
    for said in script.turns:
        name = script.label_name(said)
        lines = [name.upper() if capitals else name, *said.paragraphs]
        turns.append(("\n\n" if spaced else "\n").join(lines))
    return "\n\n".join([script.title, *turns]) + "\n", script.turns


def render_guests(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    """A radio network's transcript page as its archive prints it: the scraped page's header,
    then the hosts' turns unlabelled and each guest's turn opening with their label, "NAME
    (Affiliation):" the first time and "SURNAME:" after, flush left, one blank line between
    any two paragraphs."""
    text, truth = render_scraped(script, rng)
    header = text.split("\n\n\n")[0]
    guests = set(script.people("guest"))
    surnames = Counter(surname(t.speaker) for t in script.turns if t.speaker)
    seen: set[str] = set()
    paragraphs = []
    for i, said in enumerate(truth):
        name = said.speaker
        if name in guests and name not in seen:
            label = f"{name.upper()} ({affiliation(script, name)}): "
        elif name in guests:
            label = f"{(surname(name) if surnames[surname(name)] == 1 else name).upper()}: "
        elif name is None and i:
            label = f"{said.printed.upper()}: "
        else:
            label = ""
        seen.add(name)
        paragraphs += [label + said.paragraphs[0], *said.paragraphs[1:]]
    return "\n\n".join([header.strip(), *paragraphs]) + "\n", truth


def _cues(script: Script) -> list[tuple[float, float, Said, str, bool]]:
    """Caption cues of about ten words: (start, end, turn, text, first cue of the turn)."""
    cues = []
    clock = 0.0
    for said in script.turns:
        words = " ".join(said.paragraphs).split()
        start = said.start if said.end > said.start else clock
        end = said.end if said.end > said.start else start + len(words) / 2.5
        step = (end - start) / max(1, len(words))
        for k in range(0, len(words), 10):
            chunk = words[k : k + 10]
            cues.append(
                (start + k * step, start + (k + len(chunk)) * step, said, " ".join(chunk), k == 0)
            )
        clock = end
    return cues


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def render_webvtt(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    out = ["WEBVTT", ""]
    for start, end, said, text, _ in _cues(script):
        out += [
            f"{_stamp(start, '.')} --> {_stamp(end, '.')}",
            f"<v {script.label_name(said)}>{text}",
            "",
        ]
    return "\n".join(out), script.turns


def render_srt(
    script: Script, rng: random.Random, chevrons: bool = False
) -> tuple[str, list[Said]]:
    out = []
    seen: set[str] = set()
    for n, (start, end, said, text, first) in enumerate(_cues(script), 1):
        name = script.label_name(said).upper()
        if first and chevrons:
            prefix = ">> " if said.speaker and said.speaker in seen else f">> {name}: "
        else:
            prefix = f"{name}: " if first else ""
        seen.add(said.speaker)
        out += [str(n), f"{_stamp(start, ',')} --> {_stamp(end, ',')}", prefix + text, ""]
    return "\n".join(out), script.turns


def render_diarized(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    """An automatic transcript: voices numbered as they first speak ("Speaker 2"), never named,
    with the time on a line of its own above the speech (Otter) or in the label (Rev)."""
    otter = rng.random() < 0.5
    voices: dict[str, int] = {}
    lines = [script.title, ""]
    clock = 0.0
    for said in script.turns:
        voice = voices.setdefault(script.label_name(said), len(voices) + 1)
        start = said.start if said.end > said.start else clock
        clock = start + sum(len(p.split()) for p in said.paragraphs) / 2.5
        hours, rest = divmod(int(start), 3600)
        time_ = (
            f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
            if hours
            else f"{rest // 60}:{rest % 60:02d}"
        )
        lines.append(f"Speaker {voice}  {time_}" if otter else f"Speaker {voice} ({time_}):")
        for paragraph in said.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines), script.turns


def render_pasted(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    """The scraped page as copying it from a browser gives it: no indentation, and one blank line
    between any two paragraphs, the wider gaps between turns gone."""
    text, truth = render_scraped(script, rng)
    flush = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", flush), truth


_GUEST_LABEL = re.compile(r"^  • (?P<name>[^,:\n]+), (?P<affiliation>[^\n]+):$", re.M)


def render_restyled(script: Script, rng: random.Random) -> tuple[str, list[Said]]:
    """The scraped page as other sites print it: each guest's label line in one of the ways
    pages print it (mixed case without a bullet, Markdown bold, a dash before the affiliation,
    or opening the guest's paragraph), and the hosts labelled with a bare name ("• JIM LEHRER:")
    over none, some or every one of their turns, the guests over every turn after the first."""
    text, truth = render_scraped(script, rng)
    style = rng.choice(["mixed", "bold", "dash", "inline"])
    printed = {
        "mixed": "{name}, {affiliation}:",
        "bold": "**{name}**, {affiliation}:",
        "dash": "{NAME} — {affiliation}:",
        "inline": "  • {NAME}, {affiliation}:",
    }[style]
    text = _GUEST_LABEL.sub(
        lambda m: printed.format(
            name=m["name"].title(), NAME=m["name"], affiliation=m["affiliation"]
        ),
        text,
    )
    hosts_labelled = rng.choice([0.0, 0.3, 1.0])
    seen: set[str] = set()
    lines = text.split("\n")
    for said in truth[1:]:
        if not said.speaker:
            continue
        again = said.speaker in seen and said.role == "guest"
        seen.add(said.speaker)
        if not (again or (said.role == "host" and rng.random() < hosts_labelled)):
            continue
        at = (
            lines.index(f"    {said.paragraphs[0]}") if f"    {said.paragraphs[0]}" in lines else -1
        )
        if at > 0 and not lines[at - 2].rstrip().endswith(":"):
            lines[at:at] = [f"  • {said.speaker.upper()}:", ""]
    text = "\n".join(lines)
    if style == "inline":
        # A guest's first label opens the paragraph under it where that is the guest's own.
        first = {s.paragraphs[0] for s in truth if s.speaker}
        text = re.sub(
            r"^(  • [^\n]+:)\n\n    ([^\n]*)$",
            lambda m: f"{m[1]} {m[2]}" if m[2] in first else m[0],
            text,
            flags=re.M,
        )
    return text, truth


RENDER = {
    "scraped": render_scraped,
    "labelled": render_labelled,
    "webvtt": render_webvtt,
    "srt": render_srt,
    "srt>>": lambda s, r: render_srt(s, r, chevrons=True),
    "diarized": render_diarized,
    "pasted": render_pasted,
    "restyled": render_restyled,
    "headed": render_headed,
    "guests": render_guests,
}


# ---------------------------------------------------------------- scoring


@dataclass
class Outcome:
    """Scored paragraphs and turns of one parse."""

    paragraphs: list[tuple[str, bool]] = field(default_factory=list)  # (truth role, right)
    turns: list[tuple[str, bool]] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # inferred turns only
    errors: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.split())


def score(parsed, truth: list[Said]) -> Outcome:
    outcome = Outcome()
    texts = [_norm(t.text) for t in parsed.turns]
    stream = "\n".join(texts)
    offsets, at = [], 0
    for text in texts:
        offsets.append(at)
        at += len(text) + 1
    cursor = 0
    found: list[tuple[Said, str, int | None]] = []  # each paragraph and the turn holding it
    for said in truth:
        for paragraph in said.paragraphs:
            p = _norm(paragraph)
            if DIRECTION.match(p):
                continue  # "(CROSSTALK)" is nobody's speech
            pos = stream.find(p, cursor)
            if pos < 0:
                found.append((said, p, None))
                continue
            cursor = pos + len(p)
            found.append((said, p, max(0, _bisect(offsets, pos))))
    aliases = _named_parts(parsed, truth, found)
    owners: dict[int, list[bool]] = defaultdict(list)
    results: dict[int, list[bool]] = defaultdict(list)
    for said, p, turn_index in found:
        if turn_index is None:
            results[id(said)].append(False)
            outcome.errors.append(f"LOST [{said.speaker}] {p[:70]}")
            continue
        turn = parsed.turns[turn_index]
        got = _person_key(turn.speaker) if turn.speaker else None
        if said.speaker:
            right = got == _person_key(said.speaker)
        else:
            right = got is None or got == aliases.get(said.printed)
        results[id(said)].append(right)
        owners[turn_index].append(right)
        if not right:
            outcome.errors.append(
                f"{said.speaker} -> {turn.speaker} ({turn.confidence:.2f},"
                f" {turn.attribution}): {p[:70]}"
            )
    for said in truth:
        rights = results.get(id(said), [])
        outcome.paragraphs += [(said.role, r) for r in rights]
        if rights:
            outcome.turns.append((said.role, all(rights)))
    for turn_index, rights in owners.items():
        # A label's turn is certain by construction; calibration is about the engine's guesses.
        if parsed.turns[turn_index].attribution == "inferred":
            outcome.confidences.append((parsed.turns[turn_index].confidence, all(rights)))
    return outcome


def _person_key(name: str) -> str:
    """A name's key without middle initials: a parse that reads "Richard M. Nixon" from the
    speech names the corpus's "Richard Nixon"."""
    tokens = speaker_key(name).split()
    return " ".join(t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1))


def _named_parts(parsed, truth: list[Said], found: list) -> dict[str, str]:
    """The name the parse gives each part the corpus leaves nameless, where it may.

    A debate's "MODERATOR" often introduces himself ("I'm Jim Lehrer"); naming him is right, so
    a nameless part may be scored against one name of the parse: the one it most often gets, if
    that is nobody else's in the truth and no other nameless part's.
    """
    named = {_person_key(s.speaker) for s in truth if s.speaker}
    votes: dict[str, Counter] = defaultdict(Counter)
    for said, _, turn_index in found:
        if said.speaker is None and turn_index is not None:
            speaker = parsed.turns[turn_index].speaker
            if speaker:
                votes[said.printed][_person_key(speaker)] += 1
    aliases: dict[str, str] = {}
    for part, counts in sorted(votes.items(), key=lambda kv: -kv[1].total()):
        name = counts.most_common(1)[0][0]
        if name not in named and name not in aliases.values():
            aliases[part] = name
    return aliases


def _bisect(offsets: list[int], pos: int) -> int:
    lo, hi = 0, len(offsets)
    while lo < hi:
        mid = (lo + hi) // 2
        if offsets[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


# ---------------------------------------------------------------- report


def pct(rights: list[bool]) -> str:
    return f"{100 * sum(rights) / len(rights):6.2f}%" if rights else "     - "


def pav(points: list[tuple[float, bool]], bins: int = 20) -> list[tuple[float, float]]:
    """Isotonic (pool-adjacent-violators) fit of accuracy on posterior, as table knots."""
    # By posterior alone: sorting ties by outcome too would put every right one last and make
    # a knot of accuracy 1.0 from the remainder.
    points = sorted(points, key=lambda point: point[0])
    size = max(1, len(points) // bins)
    blocks = []
    for k in range(0, len(points), size):
        chunk = points[k : k + size] if len(points) - k >= 2 * size else points[k:]
        blocks.append([sum(p for p, _ in chunk), sum(r for _, r in chunk), len(chunk)])
        if len(chunk) > size:
            break
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] > merged[-1][1] / merged[-1][2]:
            x = merged.pop()
            merged[-1] = [merged[-1][0] + x[0], merged[-1][1] + x[1], merged[-1][2] + x[2]]
    return [(round(b[0] / b[2], 5), round(b[1] / b[2], 3)) for b in merged]


def busiest_host_share(scripts: list[Script]) -> dict[str, float]:
    """Per corpus, the share of paragraphs right for a parser that knew every guest and part
    but gave all the hosts' paragraphs to each transcript's busiest host. Where hosts are never
    labelled (scraped pages), what lies above it is telling the hosts apart."""
    right: Counter = Counter()
    total: Counter = Counter()
    for script in scripts:
        hosts: Counter = Counter()
        for said in script.turns:
            total[script.corpus] += len(said.paragraphs)
            if said.role == "host" and said.speaker:
                hosts[said.speaker] += len(said.paragraphs)
            else:
                right[script.corpus] += len(said.paragraphs)
        right[script.corpus] += max(hosts.values(), default=0)
    return {corpus: right[corpus] / total[corpus] for corpus in total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--debates", type=int, default=63, help="debates to use (of 63)")
    parser.add_argument("--scotus", type=int, default=30, help="Supreme Court arguments to use")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    parser.add_argument("--seed", type=int, default=7, help="sampling and rendering seed")
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong paragraphs")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="report raw posteriors and fit the calibration table on 'tune'",
    )
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    began = time.time()
    scripts = [
        s for s in load(args.debates, args.scotus, args.seed) if args.split in ("all", s.split)
    ]
    print(
        f"{len(scripts)} transcripts ({Counter(s.corpus for s in scripts)}), "
        f"loaded in {time.time() - began:.1f}s"
    )
    table: dict[tuple, Outcome] = defaultdict(Outcome)
    roundtrips = [0, 0]
    failures = []
    for n, script in enumerate(scripts):
        rng = random.Random(f"{args.seed}:{script.title}")
        for fmt in formats:
            if fmt == "json":
                continue
            text, truth = RENDER[fmt](script, rng)
            try:
                parsed = read(text, raw_confidence=args.calibrate)
            except ParseError as error:
                failures.append(f"{fmt} {script.title}: {error}")
                continue
            outcome = score(parsed, truth)
            for key in ((script.corpus, fmt, script.split), ("*", fmt, "*")):
                merged = table[key]
                merged.paragraphs += outcome.paragraphs
                merged.turns += outcome.turns
                merged.confidences += outcome.confidences
                merged.errors += [f"{script.title}: {e}" for e in outcome.errors]
            if fmt == "labelled" and "json" in formats:
                exported = json.dumps(parsed.to_dict())
                roundtrips[0] += read(exported) == parsed
                roundtrips[1] += 1
        print(f"\r{n + 1}/{len(scripts)} {time.time() - began:.0f}s", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(f"\n{'corpus':8} {'format':9} {'split':9} {'paragraphs':>17} {'turns':>17}")
    for (corpus, fmt, split), o in sorted(table.items()):
        if corpus == "*":
            continue
        print(
            f"{corpus:8} {fmt:9} {split:9} {pct([r for _, r in o.paragraphs])} "
            f"of {len(o.paragraphs):5} {pct([r for _, r in o.turns])} of {len(o.turns):5}"
        )
    print(f"\n{'format':9} {'role':7} {'paragraphs':>17} {'turns':>17}")
    for fmt in formats:
        o = table.get(("*", fmt, "*"))
        if not o:
            continue
        for role in ("anchor", "host", "guest"):
            ps = [r for x, r in o.paragraphs if x == role]
            ts = [r for x, r in o.turns if x == role]
            if ps:
                print(f"{fmt:9} {role:7} {pct(ps)} of {len(ps):5} {pct(ts)} of {len(ts):5}")
    if "scraped" in formats:
        shares = ", ".join(f"{c} {100 * v:.1f}%" for c, v in busiest_host_share(scripts).items())
        print(f"scraped, every guest right and every host's paragraph the busiest host's: {shares}")
    if "json" in formats and roundtrips[1]:
        print(f"\njson      round trips equal: {roundtrips[0]} of {roundtrips[1]}")
    confidences = [
        c for (corpus, _, split), o in table.items() if corpus != "*" for c in o.confidences
    ]
    print("\ncalibration (inferred turns): confidence bucket, turns, observed accuracy")
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001]
    for lo, hi in zip(edges, edges[1:], strict=False):
        inside = [r for c, r in confidences if lo <= c < hi]
        mean = [c for c, _ in confidences if lo <= c < hi]
        if inside:
            print(
                f"  [{lo:.2f}, {min(hi, 1):.2f}{')' if hi < 1 else ']'} {len(inside):6} "
                f"{pct(inside)}  (mean confidence {sum(mean) / len(mean):.3f})"
            )
    if args.calibrate:
        tune = [
            c
            for (corpus, _, split), o in table.items()
            if corpus != "*" and split == "tune"
            for c in o.confidences
        ]
        print("\nfitted table (posterior, accuracy):", pav([c for c in tune if c[0] < 0.995]))
        # Above 0.995 posteriors are too few and too tied to fit: the whole run's accuracy there.
        for lo, hi in ((0.995, 0.999), (0.999, 1.0), (1.0, 2.0)):
            inside = [r for p, r in confidences if lo <= p < hi]
            if inside:
                print(
                    f"  posteriors in [{lo}, {min(hi, 1.0)}{')' if hi <= 1 else ']'}: {pct(inside)}"
                    f" of {len(inside)}"
                )
    if failures:
        print("\nparse errors:", *failures[:10], sep="\n  ")
    if args.errors:
        for fmt in formats:
            o = table.get(("*", fmt, "*"))
            if o and o.errors:
                print(f"\n{fmt} errors ({len(o.errors)}):", *o.errors[: args.errors], sep="\n  ")
    print(f"\n{time.time() - began:.0f}s")


if __name__ == "__main__":
    main()
