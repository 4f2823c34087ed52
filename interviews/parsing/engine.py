"""The attribution engine: who speaks each block, decided over the whole transcript at once.

Every block gets a score for every candidate speaker (the people the labels, summary and
introductions name, plus the program's unnamed anchor) from the evidence a careful reader uses:
labels and how near they are, who is addressed by name ("Peter, ..." is not said by Peter, and
Peter likely answers next), who names themselves ("I'm ..."), who is talked about, whether a block
asks or answers. Scores between neighbouring blocks carry the shape of an interview: a change of
speaker at a turn gap, an answer after a question, the addressee after a vocative. A linear-chain
model (forward-backward over blocks) turns the scores into each block's most likely speaker and
the posterior probability of that choice, which `calibration` maps to the reported confidence.
A second pass adds what the first one learnt about each speaker's vocabulary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .calibration import calibrated
from .draft import Block, Draft
from .model import Speaker, Turn
from .people import Person, Roster, find_mentions, prose_people
from .text import split_sentences, words

NEG = -1e9


@dataclass(frozen=True)
class Weights:
    """Log-score weights of the evidence; fitted by hand against bench/attribution.py."""

    addressed: float = 4.0  # a block that addresses X by name is not by X
    named: float = 2.0  # nor, usually, is a block that talks about X
    self_named: float = 6.0  # "I'm X"
    label_here: float = 3.0  # a label line names the block right after it
    label_next: float = 2.5  # or, past a host's last question, the one after that
    label_before: float = 1.5  # or the block before it
    before_label: float = 3.0  # a labelled person does not speak well before their label
    anchor_first: float = 1.5
    anchor_later: float = 6.0
    style: float = 1.0  # how much asking-versus-answering counts
    same_turn: float = 4.0  # same speaker across a turn gap
    same_label: float = 1.5  # same speaker across a misplaced label line
    change_soft: float = 2.0  # a new speaker where the layout shows only a paragraph break
    vocative_next: float = 3.5  # the addressee of a block's last sentence speaks next
    vocative_early: float = 1.5
    vocative_skip: float = 1.5
    intro_next: float = 1.0  # someone named in a block's last sentence speaks next
    answers_addresser: float = 2.0  # "..., William." answers the block William spoke
    guest_to_guest: float = 1.0
    host_to_host: float = 1.5
    lexical: float = 0.35


ANCHOR_ROLE = "anchor"


@dataclass
class _State:
    person: Person | None  # None is the program's unnamed anchor
    role: str


def attribute(draft: Draft, weights: Weights = Weights()) -> tuple[list[Speaker], list[Turn]]:
    """Decide the speaker of every block of `draft` and return the speakers and their turns."""
    blocks = draft.blocks
    if not blocks:
        return [], []
    roster = _build_roster(draft)
    states = [_State(p, p.role) for p in roster] + [_State(None, ANCHOR_ROLE)]
    mentions = [find_mentions(b.text, roster) if b.label is None else [] for b in blocks]
    index = {id(p): k for k, p in enumerate(roster)}
    emit = _emissions(draft, states, mentions, index, weights)
    trans = [_transitions(draft, i, states, mentions, index, weights) for i in range(len(blocks))]
    marginals = _forward_backward(emit, trans)
    lexical = _lexical_scores(blocks, marginals, len(states), weights)
    if lexical is not None:
        emit = [
            [e + x for e, x in zip(row, lex, strict=True)]
            for row, lex in zip(emit, lexical, strict=True)
        ]
        marginals = _forward_backward(emit, trans)
    path = _viterbi(emit, trans)
    return _turns(draft, states, path, marginals)


def _build_roster(draft: Draft) -> Roster:
    roster = Roster()
    labels = [b.label for b in draft.blocks if b.label] + [f.label for f in draft.floating]
    for label in labels:
        roster.add(
            label.name,
            honorific=label.honorific,
            affiliation=label.affiliation,
            role=label.role,
            evidence="label",
        )
    for printed, affiliation, subject in prose_people(draft.summary):
        roster.add(
            printed, affiliation=affiliation, evidence="summary-subject" if subject else "summary"
        )
    intro = next((b for b in draft.blocks[:2] if b.label is None), None)
    if intro is not None:
        for sentence in split_sentences(intro.text)[-2:]:
            for printed, affiliation, subject in prose_people(sentence):
                if subject:
                    roster.add(printed, affiliation=affiliation, evidence="intro")
    for block in draft.blocks:
        if block.label is None:
            for match in _SELF_INTRO.finditer(block.text):
                roster.add(match.group("name"), evidence="self")
    for person in roster:
        if person.role == "unknown":
            person.role = _role_from_evidence(person)
    return roster


_SELF_INTRO = re.compile(
    r"\b(?:I['’]m|I am|my name is)\s+(?P<name>(?:[A-Z][\w'’\-]+\.?\s+){1,3}[A-Z][\w'’\-]+)"
)


def _role_from_evidence(person: Person) -> str:
    if "label" in person.evidence:
        return "guest"
    if person.evidence & {"summary-subject", "intro", "self"}:
        return "host"
    return "guest"


def _emissions(draft, states, mentions, index, w: Weights) -> list[list[float]]:
    blocks = draft.blocks
    anchor = len(states) - 1
    first_label = {}
    for floating in draft.floating:
        person = _find_state(states, floating.label.name)
        if person is not None:
            first_label.setdefault(person, floating.block)
    rows = []
    for i, block in enumerate(blocks):
        row = [0.0] * len(states)
        if block.label is not None:
            k = _find_state(states, block.label.name)
            rows.append([0.0 if j == k else NEG for j in range(len(states))])
            continue
        style = _style(block)
        for k, state in enumerate(states):
            if state.person is None:
                continue
            if state.role == "host":
                row[k] += w.style * style
            elif state.role == "guest":
                row[k] -= w.style * style
            if k in first_label and i < first_label[k] - 1:
                row[k] -= w.before_label
        for mention in mentions[i]:
            k = index[id(mention.person)]
            if mention.kind == "vocative":
                row[k] -= w.addressed
            elif mention.kind == "self":
                row[k] += w.self_named
            else:
                row[k] -= w.named
        if i == 0:
            introduces = any(
                m.kind == "third" and states[index[id(m.person)]].role == "host"
                for m in mentions[0]
            )
            row[anchor] += w.anchor_first if introduces else -w.anchor_first
        else:
            row[anchor] -= w.anchor_later
        rows.append(row)
    for floating in draft.floating:
        k = _find_state(states, floating.label.name)
        if k is None:
            continue
        for i, bonus in (
            (floating.block, w.label_here),
            (floating.block + 1, w.label_next),
            (floating.block - 1, w.label_before),
        ):
            if 0 <= i < len(blocks) and blocks[i].label is None:
                rows[i][k] += bonus
    return rows


def _find_state(states, name: str) -> int | None:
    for k, state in enumerate(states):
        if state.person is not None and (state.person.name == name or name in state.person.aliases):
            return k
    return None


def _style(block: Block) -> float:
    """Positive for a block that asks (short, ends on a question), negative for one that answers."""
    sentences = split_sentences(block.text) or [block.text]
    questions = sum(1 for s in sentences if s.rstrip("\"'”’)").endswith("?"))
    n_words = max(1, len(block.text.split()))
    score = 1.5 * questions / len(sentences)
    if sentences[-1].rstrip("\"'”’)").endswith("?"):
        score += 1.0
    score -= 0.5 * math.log(n_words / 40) if n_words > 40 else 0.0
    if re.match(r"\s*(?:well|yes|no|i think|i don't|i do|so,|sure|absolutely)\b", block.text, re.I):
        score -= 0.8
    if _THANKS_ONLY.match(block.text):
        score -= 1.0  # "Thank you." after being thanked: the guest's goodbye
    return score


_THANKS_ONLY = re.compile(
    r"\s*(?:(?:thank you|thanks)(?: (?:very|so) much)?|(?:it was )?my pleasure|"
    r"thanks for having me|good to be (?:here|with you))[,.! ]*\w{0,12}[.!]?\s*$",
    re.I,
)


def _transitions(draft, i, states, mentions, index, w: Weights) -> list[list[float]] | None:
    if i == 0:
        return None
    block, previous = draft.blocks[i], draft.blocks[i - 1]
    n = len(states)
    anchor = n - 1
    table = [[0.0] * n for _ in range(n)]
    same = {"turn": -w.same_turn, "label": -w.same_label, "soft": 0.0}.get(
        block.separation, -w.same_turn
    )
    change = -w.change_soft if block.separation == "soft" else 0.0
    next_bonus = [0.0] * n
    last_sentence = max((m.sentence for m in mentions[i - 1]), default=-1)
    n_sentences = len(split_sentences(previous.text))
    for mention in mentions[i - 1]:
        k = index[id(mention.person)]
        at_end = mention.sentence >= n_sentences - 1 or mention.sentence == last_sentence
        if mention.kind == "vocative":
            next_bonus[k] = max(next_bonus[k], w.vocative_next if at_end else w.vocative_early)
        elif mention.kind == "third" and mention.sentence >= n_sentences - 1:
            next_bonus[k] = max(next_bonus[k], w.intro_next)
    if i >= 2 and not mentions[i - 1]:
        for mention in mentions[i - 2]:
            if mention.kind == "vocative":
                k = index[id(mention.person)]
                next_bonus[k] = max(next_bonus[k], w.vocative_skip)
    answered = {
        index[id(m.person)] for m in mentions[i] if m.kind == "vocative" and m.sentence == 0
    }
    for a in range(n):
        for b in range(n):
            if a == b:
                table[a][b] = same
                continue
            score = change + next_bonus[b]
            if a in answered:
                score += w.answers_addresser
            ra, rb = states[a].role, states[b].role
            if b == anchor:
                score -= w.anchor_later
            elif ra == "guest" and rb == "guest":
                score -= w.guest_to_guest
            elif ra == "host" and rb == "host":
                score -= w.host_to_host
            table[a][b] = score
    return table


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top <= NEG / 2:
        return NEG
    return top + math.log(sum(math.exp(v - top) for v in values))


def _forward_backward(emit, trans) -> list[list[float]]:
    n, k = len(emit), len(emit[0])
    alpha = [list(emit[0])]
    for i in range(1, n):
        table = trans[i]
        prev = alpha[-1]
        alpha.append(
            [emit[i][b] + _logsumexp([prev[a] + table[a][b] for a in range(k)]) for b in range(k)]
        )
    beta = [[0.0] * k for _ in range(n)]
    for i in range(n - 2, -1, -1):
        table = trans[i + 1]
        nxt = [emit[i + 1][b] + beta[i + 1][b] for b in range(k)]
        beta[i] = [_logsumexp([table[a][b] + nxt[b] for b in range(k)]) for a in range(k)]
    marginals = []
    for i in range(n):
        joint = [alpha[i][s] + beta[i][s] for s in range(k)]
        total = _logsumexp(joint)
        marginals.append([math.exp(j - total) if j > NEG / 2 else 0.0 for j in joint])
    return marginals


def _viterbi(emit, trans) -> list[int]:
    n, k = len(emit), len(emit[0])
    score = list(emit[0])
    back: list[list[int]] = []
    for i in range(1, n):
        table = trans[i]
        row, pointers = [], []
        for b in range(k):
            best = max(range(k), key=lambda a, b=b: score[a] + table[a][b])
            pointers.append(best)
            row.append(score[best] + table[best][b] + emit[i][b])
        score = row
        back.append(pointers)
    state = max(range(k), key=lambda s: score[s])
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]


def _lexical_scores(blocks, marginals, k, w: Weights) -> list[list[float]] | None:
    """Per-speaker word models fitted on the blocks the first pass was sure of."""
    counts = [Counter() for _ in range(k)]
    background: Counter = Counter()
    block_words = [words(b.text) for b in blocks]
    for tokens, row in zip(block_words, marginals, strict=True):
        background.update(tokens)
        best = max(range(k), key=lambda s: row[s])
        if row[best] >= 0.9 and blocks and len(tokens) >= 5:
            counts[best].update(tokens)
    trained = [sum(c.values()) for c in counts]
    if sum(1 for t in trained if t >= 200) < 2:
        return None
    total_bg = sum(background.values())
    vocabulary = len(background) + 1
    scores = []
    for tokens in block_words:
        row = [0.0] * k
        if tokens:
            for s in range(k):
                if trained[s] < 200:
                    continue
                llr = 0.0
                for token in tokens:
                    p_bg = (background[token] + 1) / (total_bg + vocabulary)
                    p_s = (counts[s][token] + 0.5 * p_bg * vocabulary) / (
                        trained[s] + 0.5 * vocabulary
                    )
                    llr += math.log(p_s / p_bg)
                row[s] = w.lexical * llr / math.sqrt(len(tokens))
            top = max(row)
            row = [min(0.0, r - top) if trained[s] >= 200 else 0.0 for s, r in enumerate(row)]
        scores.append(row)
    return scores


def _turns(draft: Draft, states, path, marginals) -> tuple[list[Speaker], list[Turn]]:
    turns: list[Turn] = []
    labelled_near = {(f.block, _find_state(states, f.label.name)) for f in draft.floating}
    labelled_people = set()
    for i, (block, k) in enumerate(zip(draft.blocks, path, strict=True)):
        state = states[k]
        posterior = marginals[i][k]
        name = state.person.name if state.person else None
        if block.label is not None:
            attribution, printed = "label", block.label.printed
        elif k not in labelled_people and any((j, k) in labelled_near for j in (i, i - 1, i + 1)):
            attribution, printed = (
                "label",
                next(
                    f.label.printed
                    for f in draft.floating
                    if f.block in (i, i - 1, i + 1) and _find_state(states, f.label.name) == k
                ),
            )
        else:
            attribution, printed = "inferred", ""
        if block.label is not None or attribution == "label":
            labelled_people.add(k)
        confidence = calibrated(posterior, attribution)
        merge = (
            turns
            and block.label is None
            and turns[-1].speaker == name
            and turns[-1].role == state.role
            and block.start is None
        )
        if merge:
            turns[-1].paragraphs.extend(block.paragraphs)
            turns[-1].confidence = min(turns[-1].confidence, confidence)
            continue
        turns.append(
            Turn(
                paragraphs=list(block.paragraphs),
                speaker=name,
                role=state.role,
                attribution=attribution,
                confidence=confidence,
                label=printed,
                start=block.start,
                end=block.end,
            )
        )
    speakers: list[Speaker] = []
    for k in dict.fromkeys(path):
        person = states[k].person
        if person is not None:
            speakers.append(
                Speaker(
                    name=person.name,
                    affiliation=person.affiliation,
                    role=person.role,
                    honorific=person.honorific,
                    aliases=list(person.aliases),
                )
            )
    return speakers, turns
