"""The attribution engine: who speaks each block, decided over the whole transcript at once.

Every block gets a score for every candidate speaker (the people the labels, summary and
introductions name, plus nameless parts: the program's unnamed anchor or host, "QUESTION" from the
audience) from the evidence a careful reader uses: labels and how near they are, who is addressed
by name ("Peter, ..." is not said by Peter, and Peter likely answers next), who names themselves
("I'm ..."), who is talked about, whether a block asks or answers, and how each speaker talks.
Scores between neighbouring blocks carry the shape of an interview: a change of speaker at a turn
gap, the addressee after a vocative, an answer to whoever spoke before. A linear-chain model
(forward-backward over blocks) turns the scores into each block's most likely speaker and the
posterior probability of that choice, which `calibration` maps to the reported confidence.
Speakers' vocabularies are then learnt from the blocks the model is sure of, and the decoding is
repeated with them (an EM-style loop), which is what separates guests who answer each other with no
host turn between them.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from .calibration import calibrated
from .casing import all_in_capitals, readable, readable_affiliations
from .decode import NEG, Chain
from .draft import Block, Draft, FloatingLabel
from .labels import HOST_LIKE, Label
from .model import Speaker, Turn
from .names import surname
from .people import (
    SELF_INTRO,
    Mention,
    Person,
    Roster,
    askers,
    find_mentions,
    prose_people,
)
from .text import ends_sentence, sentence_spans, split_sentences, words

# Blocks under this many times a transcript's median block are brief, as hosts' are, and over it
# long, as answers are (in captions of court arguments a justice's first remark runs a median 12
# words, an advocate's 323; in debates 78 against 197).
SHORT_REMARK = 2.0
# A numbered voice ("Speaker 2") is given a name when its blocks are, on average, at least this
# likely to be that person's.
VOICE_NAMED = 0.3
VOICE_MARGIN = 2.0  # ... and this many times as likely as anyone else
# A remark that calls on someone by name first is a host's up to this many times longer (a
# justice's question to counsel often runs on, as an advocate's answer does much further).
CALLING_REMARK = 4.0


@dataclass(frozen=True)
class Weights:
    """Log-score weights of the evidence: set by hand against bench/attribution.py, then
    refined by bench/tune_weights.py's search on the tuning split where the held-out split
    agreed."""

    addressed: float = 4.0  # a block that addresses X by name is not by X
    named: float = 1.333  # nor, usually, is a block that talks about X
    self_named: float = 9.0  # "I'm X"
    label_here: float = 4.5  # a label line names the block right after it
    label_next: float = 2.5  # or, past a host's last question, the one after that
    label_before: float = 1.0  # or the block before it
    before_label: float = 2.0  # a labelled person does not speak well before their label
    before_floating: float = 6.0  # ... nor before the label line a page prints by them
    anchor_first: float = 1.5
    anchor_later: float = 9.0
    report_over: float = 4.0  # a report's interviewees after the anchor is back with its reporter
    unnamed_host: float = 6.75  # an unnamed host, where the page names one
    unnamed_other: float = 6.0
    style: float = 0.667  # how much asking-versus-answering counts
    gives_floor: float = 1.5  # a block ending by giving someone the floor counts as asking
    calls_on: float = 1.0  # ... and one ending on someone addressed and little else
    disputes: float = 0.75  # ... and one disputing what was said ("That's not true.") as answering
    same_turn: float = 6.0  # same speaker across a turn gap
    same_label: float = 1.5  # same speaker across a misplaced label line
    # Set on the bench's pasted pages, whose turns no wider gap parts (README, attribution).
    change_soft: float = 0.5  # a new speaker where the layout shows only a paragraph break
    soft_answered: float = 2.0  # ... the same speaker there, after their own question
    soft_continued: float = 2.0  # ... a guest there, going on, not asking, calling on or replying
    soft_broken_off: float = 2.0  # ... the same speaker there, after their words broke off
    soft_joined: float = 1.0  # ... the same speaker there, going on with "And", "But", "So", "Now"
    soft_replying: float = 0.5  # ... a new one there, opening as a reply does ("Yes", "Thank you")
    handover: float = 5.25  # the last person a block addresses speaks next
    handover_skip: float = 1.0  # ... or after the addresser's next block
    rebuttal: float = 4.5  # a guest who opens by addressing another guest draws their reply
    rebuttal_later: float = 3.0  # ... or who addresses them later in the block
    order: float = 0.5  # of several addressed at once, each later one answers first less often
    intro_next: float = 1.0  # someone named in a block's last sentence speaks next
    answers_addresser: float = 2.0  # "Thank you, Jim." / "..., William." follows Jim's block
    guest_to_guest: float = 0.667
    unlabelled_guest: float = 12.0  # a guest's new turn unlabelled, where labels head each one
    labelled_goes_on: float = 1.5  # ... so that a guest's turn goes on there, or a host's begins
    host_to_host: float = 1.5
    lexical: float = 1.5  # learnt vocabulary, per square root of a block's words
    structure: float = 0.445  # learnt length, asking and naming habits
    host_continuity: float = 0.445  # the moderator who spoke last takes the floor again
    host_addressed: float = 2.0  # ... or the one a block addresses by name
    thanked_host: float = 1.5  # a moderator thanked by name was the last moderator to speak
    second_host: float = 0.75  # a host the summary lists beside the one it makes its subject
    follow_up: float = 0.6  # how often the guest a host was talking with answers a follow-up
    follow_prior: float = 4.0  # ... before this many follow-ups of the transcript are counted
    resume: float = 2.0  # the interrupted speaker carries on after a cut-in
    denied_reply: float = 1.5  # the guest whose words a block denies replies to the denial
    habit_cap: float = 6.0  # no learnt habit outweighs direct evidence
    rounds: int = 3  # decoding rounds with learnt habits


@dataclass
class _State:
    person: Person | None  # None: a part nobody names (anchor, host, audience member)
    role: str


@dataclass
class _Decision:
    person: Person | None
    role: str
    posterior: float
    attribution: str
    label: str
    voice: bool = False  # a numbered voice named from the speech


def attribute(
    draft: Draft, weights: Weights = Weights(), *, calibrate: bool = True
) -> tuple[list[Speaker], list[Turn]]:
    """Decide the speaker of every block of `draft` and return the speakers and their turns.

    Stage-direction blocks are spoken by nobody and do not separate the turns around them. With
    `calibrate` false, confidences are the decoder's raw posteriors.
    """
    speech_at = [i for i, b in enumerate(draft.blocks) if not b.direction]
    # A numbered voice ("Speaker 2") tells where turns change and which turns one person says,
    # not who: its blocks are decided as unlabelled ones, then named together.
    voices = [
        label if label and label.voice and not label.office else None
        for label in (draft.blocks[i].label for i in speech_at)
    ]
    speech = Draft(
        format=draft.format,
        title=draft.title,
        summary=draft.summary,
        labels_guests=draft.labels_guests,
        guests_labelled_each_turn=draft.guests_labelled_each_turn,
        blocks=_in_readable_case(
            draft,
            [
                replace(draft.blocks[i], label=None) if voice else draft.blocks[i]
                for i, voice in zip(speech_at, voices, strict=True)
            ],
        ),
        floating=[
            FloatingLabel(f.label, bisect.bisect_left(speech_at, f.block)) for f in draft.floating
        ],
    )
    decisions = iter(_Model(speech, weights, voices).decide() if speech.blocks else [])
    return _turns(
        draft, [None if b.direction else next(decisions) for b in draft.blocks], calibrate
    )


def _in_readable_case(draft: Draft, blocks: list[Block]) -> list[Block]:
    """The blocks to read, where their speech is printed in capitals throughout (closed captions),
    in ordinary case (see `casing`); the turns keep the words as printed."""
    paragraphs = [p for block in blocks for p in block.paragraphs]
    if not all_in_capitals(paragraphs):
        return blocks
    labels = [b.label for b in draft.blocks if b.label] + [f.label for f in draft.floating]
    header = f"{draft.title}\n\n{draft.summary}"
    known = [label.name for label in labels if label.name]
    if not all_in_capitals([header]):
        known += [printed for printed, _, _ in prose_people(header)]
    recased = iter(readable(paragraphs, known))
    return [replace(b, paragraphs=[next(recased) for _ in b.paragraphs]) for b in blocks]


class _Model:
    """The candidate speakers of one transcript and the scores the decoder works with."""

    def __init__(self, draft: Draft, weights: Weights, voices: list[Label | None]) -> None:
        self.draft, self.w = draft, weights
        self.blocks = draft.blocks
        self.voices = voices
        self.guests_labelled_each_turn = draft.guests_labelled_each_turn
        self.roster = _build_roster(draft, with_voices=any(voices))
        # Where a page labels its guests, the people it names without a label are its hosts
        # (a page's labels stand alone or open the guest's first paragraph: "• ANN LEE: Yes.").
        labels_guests = draft.labels_guests or bool(
            draft.floating
            or (draft.format == "scraped" and any(b.label and b.label.name for b in self.blocks))
        )
        # A labelled block's speaker is known, but whom it names still hands over the floor;
        # where every block is labelled there is nothing to decide and nothing is read.
        deciding = any(b.label is None for b in self.blocks)
        self.mentions = [
            find_mentions(b.text, self.roster) if deciding else [] for b in self.blocks
        ]
        self.typical_words = statistics.median(len(b.text.split()) for b in self.blocks)
        self.bare_floating = _bare_floating(draft, self.roster)
        greeters = _greeters(draft, self.roster)
        asking = (
            {}
            if draft.labels_guests
            else _asking_by_label(
                self.roster,
                self.blocks,
                self.mentions,
                self.typical_words if deciding else None,
                self.bare_floating,
                greeters,
            )
        )
        self.states = [
            _State(
                p,
                "host"
                if asking.get(id(p))
                else _decoding_role(p, labels_guests, greeted=id(p) in greeters),
            )
            for p in self.roster
        ]
        self.person_state = {id(p): k for k, p in enumerate(self.roster)}
        self.roles_from_labels = [self.person_state[i] for i in asking]
        self.nameless: dict[str, int] = {}
        labels = [b.label for b in self.blocks if b.label] + [f.label for f in draft.floating]
        # Unnamed voices may be guests whom nobody names, and so may whoever answers where one
        # person at most is named, and not as a guest.
        nobody_answers = len(self.roster) <= 1 and not any(s.role == "guest" for s in self.states)
        parts = ["anchor", "host"] + (["guest"] if any(voices) or nobody_answers else [])
        for role in parts + [lb.role for lb in labels if not lb.name]:
            if role not in self.nameless:
                self.nameless[role] = len(self.states)
                self.states.append(_State(None, role))
        # The nameless parts any transcript may have: its anchor, its host and, where nobody is
        # named to answer, its guest. Any other (a "QUESTION" from the floor, a guest beside a
        # named panel) is less likely than the people named.
        self.expected_parts = {self.nameless["anchor"], self.nameless["host"]}
        if nobody_answers:
            self.expected_parts.add(self.nameless["guest"])
        # A part whose role another part printed shares ("Question:" and "Spokesman:", both
        # answering at a briefing) is no one the summary can be said to play.
        printed_as: dict[str, set[str]] = {}
        for lb in labels:
            if not lb.name:
                printed_as.setdefault(lb.role, set()).add(lb.printed.strip(" .").lower())
        parts_printed = {role: part for role, (part, *more) in printed_as.items() if not more}
        names_printed = any(lb.name for lb in labels)
        # (Not a page's part labels beside named ones, "• MODERATOR:" among the candidates': in
        # the bench's debates, whose records print both, casting them cost 690 paragraphs.)
        if parts_printed and not (names_printed and draft.format == "scraped"):
            self.cast_parts(parts_printed, names_printed=names_printed)
        # Labels on the turns themselves (not a page's floating ones) name whoever speaks; an
        # unnamed anchor or host there is one that a label printed as a part ("MODERATOR:"),
        # unless the labels name only the guests, whose page may open with an anchor's words as
        # a scraped one does.
        self.unprinted_parts = (
            {self.nameless[r] for r in ("anchor", "host")}
            - {self.nameless[lb.role] for lb in labels if not lb.name}
            if draft.format != "scraped" and not draft.labels_guests
            else set()
        )
        self.resumed = [
            i
            for i in range(2, len(self.blocks))
            if self.blocks[i].label is None and _resumes(self.blocks[i - 1], self.blocks[i])
        ]
        # Blocks answering a denial: the guest whose words were denied replies.
        self.denied = [
            i
            for i in range(2, len(self.blocks))
            if self.blocks[i].label is None and _denies(self.blocks[i - 1].text)
        ]
        spans = [sentence_spans(b.text) if deciding else [] for b in self.blocks]
        self.sentences = [len(block_spans) for block_spans in spans]
        last = [
            b.text[s[-1][0] : s[-1][1]] if s else ""
            for b, s in zip(self.blocks, spans, strict=True)
        ]
        # Whether each block's last sentence thanks someone.
        self.ends_thanking = [bool(_THANKING.search(sentence)) for sentence in last]
        # Whether it is someone addressed and little else ("Mayor Lee, one minute.", "Senator
        # Kim, go ahead."): a moderator calling on them (in the corpus's debates 363 of 402
        # blocks ending so, not as a question, are a moderator's).
        self.ends_calling_on = [
            any(
                m.kind == "vocative"
                and m.sentence == len(s) - 1
                and not b.text[s[-1][0] : m.start].strip()
                and len(words(b.text[m.end : s[-1][1]])) <= _CALL_WORDS
                for m in mentions
            )
            and not _asks(sentence)
            for b, s, mentions, sentence in zip(
                self.blocks, spans, self.mentions, last, strict=True
            )
        ]
        # The anchor's opening: its last block, and whether it hands over to a host by it.
        self.opening, self.hands_over = self._opening()
        self.anchor_back = self._anchor_back()

    def cast_parts(self, parts: dict[str, str], *, names_printed: bool) -> None:
        """Where labels print parts ("Q:" and "A:", "INTERVIEWER:"; `parts`, the one printed for
        each role), the summary says who plays them, when it names one person for a part whom no
        label names: the one it describes so ("Stéphane Dujarric, Spokesman for the
        Secretary-General" for "Spokesman:"), its subject the host ("Jane Smith talks to ..."), or
        else the one it says asks ("Interviewed by Hannah Parkinson."); where the labels print only
        parts, the one other person it names the guest ("... sat down with Maria Lopez")."""
        unlabelled = [p for p in self.roster if "label" not in p.evidence]
        hosts = [p for p in unlabelled if "summary-subject" in p.evidence] or [
            p for p in unlabelled if "asker" in p.evidence
        ]
        guests = [p for p in unlabelled if p.evidence == {"summary"}] if not names_printed else []
        for part, players in (("host", hosts), ("guest", guests)):
            if part not in parts:
                continue
            word = re.compile(rf"\b{re.escape(parts[part])}\b", re.I)
            described = [p for p in unlabelled if word.search(p.affiliation)]
            if len(described) == 1:
                players = described
            if len(players) == 1:
                k = self.person_state[id(players[0])]
                self.states[k].role = part
                self.nameless[part] = k

    def state_of(self, label: Label) -> int | None:
        if not label.name:
            return self.nameless.get(label.role)
        person = self.roster.find(label.name)
        return self.person_state[id(person)] if person is not None else None

    def label_states(self, label: Label) -> set[int]:
        """Who a label on a block may name: one person, or each of those sharing its surname
        ("BUSH:" in a debate with both Bushes); anyone, if it resolves to nobody."""
        k = self.state_of(label)
        if k is not None:
            return {k}
        family = surname(label.name)
        shared = {
            k for k, s in enumerate(self.states) if s.person and surname(s.person.name) == family
        }
        return shared or set(range(len(self.states)))

    def decide(self) -> list[_Decision]:
        certain = [self.label_states(b.label) if b.label else set() for b in self.blocks]
        if all(len(states) == 1 for states in certain):
            # Every block is labelled with one person: nothing to decide.
            path = [next(iter(states)) for states in certain]
            n = len(self.states)
            return self.decisions(path, [[float(j == k) for j in range(n)] for k in path])
        base = self.emissions()
        trans = [self.transitions(i) for i in range(len(self.blocks))]
        hosts = [k for k, s in enumerate(self.states) if s.role == "host"]
        guests = [k for k, s in enumerate(self.states) if s.role == "guest"]
        chain = Chain(
            len(self.states), hosts, guests, self.w.host_continuity, self.thanked_hosts(hosts)
        )
        emit = base
        marginals = chain.posteriors(emit, trans, self.follow_ups(self.w.follow_up, len(guests)))
        habits = _Habits(self)
        for _ in range(self.w.rounds):
            learnt = habits.scores(marginals)
            emit = [
                [e + x for e, x in zip(r, lx, strict=True)]
                for r, lx in zip(base, learnt, strict=True)
            ]
            # An interrupted speaker who carries on is whoever spoke before the interruption;
            # the chain only sees one block back, so the last round's belief stands in for it.
            for i in self.resumed:
                emit[i] = [
                    e + self.w.resume * p for e, p in zip(emit[i], marginals[i - 2], strict=True)
                ]
            for i in self.denied:
                for k in guests:
                    emit[i][k] += self.w.denied_reply * marginals[i - 2][k]
            follow = self.follow_ups(self.follow_rate(marginals, hosts, guests), len(guests))
            marginals = chain.posteriors(emit, trans, follow)
        path = chain.best_path(emit, trans, follow)
        answering = self.hosts_who_answer(path)
        if answering:
            for k in answering:
                self.states[k].role = "guest"
            return self.decide()
        if any(self.voices):
            return self.voice_decisions(path, marginals)
        return self.decisions(path, marginals)

    def thanked_hosts(self, hosts: list[int]) -> list[dict[int, float]]:
        """For each block, the host known to be the last who spoke by then: one the next block
        thanks by name. A guest thanks the moderator who put the question ("Thank you for that
        question, Lester."), a moderator the colleague whose stretch they take over ("Lester,
        thank you. Senator, ..."), who may have spoken several blocks back: the chain's memory
        of the last host carries it across the stretch, not just to the block before."""
        recalled: list[dict[int, float]] = [{} for _ in self.blocks]
        for i, mentions in enumerate(self.mentions[1:], 1):
            for m in mentions:
                if m.kind == "vocative" and m.thanks and self._state(m) in hosts:
                    recalled[i - 1][self._state(m)] = self.w.thanked_host
        return recalled

    def hosts_who_answer(self, path: list[int]) -> list[int]:
        """People taken for hosts from their labelled blocks whose decoded blocks, at least
        three, are answers: long (over twice a typical block) and hardly ever a question. A
        first labelled block that looked brief or came first does not outweigh all the rest."""
        answering = []
        for k in self.roles_from_labels:
            own = [b for b, s in zip(self.blocks, path, strict=True) if s == k]
            if self.states[k].role != "host" or len(own) < 3:
                continue
            asking = sum(_asks(b.text) for b in own)
            length = statistics.median(len(b.text.split()) for b in own)
            if asking < 0.2 * len(own) and length > SHORT_REMARK * self.typical_words:
                answering.append(k)
        return answering

    def follow_ups(self, rate: float, n_guests: int) -> list[tuple[float, float]]:
        """For each block, the scores of the remembered guest and of another guest answering
        a host's block that names nobody (a follow-up), when the remembered one answers such
        blocks at `rate`; neutral after a block that names someone."""
        n = max(2, n_guests)
        scores = (math.log(rate * n), math.log((1 - rate) * n / (n - 1)))
        return [(0.0, 0.0)] + [(0.0, 0.0) if m else scores for m in self.mentions[:-1]]

    def follow_rate(
        self, marginals: list[list[float]], hosts: list[int], guests: list[int]
    ) -> float:
        """How often this transcript's guests answer a host's follow-up themselves, on the
        current most likely speakers: an advocate before a court nearly always, a candidate in a
        debate less often, starting from the prior `follow_up`."""
        host_side, guest_side = set(hosts), set(guests)
        same = total = 0
        last_guest = None
        speakers = np.argmax(np.asarray(marginals), axis=1).tolist()
        for i, k in enumerate(speakers):
            if k in guest_side:
                if (
                    last_guest is not None
                    and speakers[i - 1] in host_side
                    and not self.mentions[i - 1]
                ):
                    total += 1
                    same += k == last_guest
                last_guest = k
        prior = self.w.follow_prior
        rate = (same + prior * self.w.follow_up) / (total + prior)
        return min(max(rate, 0.05), 0.99)

    def decisions(self, path: list[int], marginals: list[list[float]]) -> list[_Decision]:
        roles = _final_roles(self.states, self.blocks, path)
        result = []
        labelled: set[int] = set()
        for i, (block, k) in enumerate(zip(self.blocks, path, strict=True)):
            attribution, printed = "inferred", ""
            if block.label is not None:
                attribution, printed = "label", block.label.printed
            elif k not in labelled or self.states[k].person is None:
                near = [
                    f
                    for f in self.draft.floating
                    if f.block in (i, i - 1, i + 1) and self.state_of(f.label) == k
                ]
                if near:
                    attribution, printed = "label", near[0].label.printed
            if attribution == "label":
                labelled.add(k)
            state = self.states[k]
            result.append(_Decision(state.person, roles[k], marginals[i][k], attribution, printed))
        return result

    def voice_decisions(self, path: list[int], marginals: list[list[float]]) -> list[_Decision]:
        """Decisions where numbered voices speak, each named as `voice_names` has it; a voice
        not named keeps its label and no name, in the role its blocks were mostly decoded in."""
        groups: dict[str, list[int]] = {}
        for i, voice in enumerate(self.voices):
            if voice is not None:
                groups.setdefault(voice.voice.lower(), []).append(i)
        posteriors = np.asarray(marginals)
        heard = {v: (posteriors[blocks].mean(axis=0), len(blocks)) for v, blocks in groups.items()}
        people = [
            k
            for k, state in enumerate(self.states)
            if state.person is not None and "label" not in state.person.evidence
        ]
        named = voice_names(heard, people)
        path = list(path)
        for v, k in named.items():
            for i in groups[v]:
                path[i] = k
        roles = _final_roles(self.states, self.blocks, path)
        decided = self.decisions(path, marginals)
        for v, blocks in groups.items():
            role = Counter(roles[path[i]] for i in blocks).most_common(1)[0][0]
            for i in blocks:
                if v in named:
                    decided[i].posterior = float(heard[v][0][named[v]])
                    decided[i].label, decided[i].voice = self.voices[i].printed, True
                else:
                    decided[i] = _Decision(None, role, 1.0, "label", self.voices[i].printed)
        return decided

    def emissions(self) -> list[list[float]]:
        w, n = self.w, len(self.states)
        anchor, host = self.nameless["anchor"], self.nameless["host"]
        named_host = any(s.person is not None and s.role in HOST_LIKE for s in self.states)
        # A labelled person hardly speaks before their first label: a label on a block names
        # the speaker where they first speak (captions print a name only then), and a page
        # prints its label line by the first turn of whom it names, a block after it at most.
        first_label: dict[int, int] = {}
        first_floating: dict[int, int] = {}
        labels = [(i, b.label, first_label) for i, b in enumerate(self.blocks) if b.label]
        # (A page prints a guest's label by their first turn; a bare name may be a host's, over
        # any of their turns, unless its person is taken for a guest.)
        labels += [
            (f.block - 1, f.label, first_floating)
            for f in self.draft.floating
            if f.block not in self.bare_floating or self._guest_label(f.label)
        ]
        last_label: dict[int, int] = {}
        for at, label, first in labels:
            k = self.state_of(label)
            if k is not None and self.states[k].person is not None:
                first[k] = min(at, first.get(k, at))
                last_label[k] = max(at, last_label.get(k, at))
        # Past the anchor's return to the reporter, the people of the report speak no more.
        reported = [
            k
            for k, at in last_label.items()
            if self.states[k].role == "guest" and at < self.anchor_back
        ]
        # The host the summary makes its subject ("Jim Lehrer moderates") leads; the others it
        # lists ("with questions from ...") speak less.
        named_hosts = [k for k, s in enumerate(self.states) if s.role == "host" and s.person]
        leads = {k for k in named_hosts if "summary-subject" in self.states[k].person.evidence}
        for evidence in ("intro", "self"):
            leads = leads or {k for k in named_hosts if evidence in self.states[k].person.evidence}
        seconds = set(named_hosts) - leads if leads else set()
        # "Thank you both" thanks the side with two people or more on it: the guests, unless
        # the program has hosts for two and a single guest.
        named_guests = [k for k, s in enumerate(self.states) if s.role == "guest" and s.person]
        guest_thanks_several = len(named_hosts) >= 2 and len(named_guests) == 1
        rows = []
        for i, block in enumerate(self.blocks):
            if block.label is not None:
                allowed = self.label_states(block.label)
                rows.append([0.0 if j in allowed else NEG for j in range(n)])
                continue
            style = _style(
                block,
                guest_thanks_several=guest_thanks_several,
                after_thanks=i > 0 and self.ends_thanking[i - 1],
            )
            # Ending by giving someone the floor ("Next, a question for Senator Kerry.") is a
            # host's part; a guest who names a rival that way does it mid-answer.
            if any(m.directed and m.sentence == self.sentences[i] - 1 for m in self.mentions[i]):
                style += w.gives_floor
            if self.ends_calling_on[i]:
                style += w.calls_on
            # Moderators quote what a candidate said; it is the rival who denies it. (A denial
            # put as a question is a moderator's challenge, or a justice's.)
            if _denies(block.text):
                style -= w.disputes
            row = [0.0] * n
            for k, state in enumerate(self.states):
                sign = 1.0 if state.role in HOST_LIKE else -1.0
                row[k] += sign * w.style * style
                row[k] -= max(
                    w.before_label if i < first_label.get(k, 0) else 0.0,
                    w.before_floating if i < first_floating.get(k, 0) else 0.0,
                )
                if state.person is None and k not in self.expected_parts:
                    row[k] -= w.unnamed_other
                if k in seconds:
                    row[k] -= w.second_host
            row[host] -= w.unnamed_host if named_host else 0.0
            for k in self.unprinted_parts:
                row[k] -= w.unnamed_other
            # Each way of naming counts once per block: a candidate may name their own ticket
            # ("Dukakis and Bentsen will") more often than a rival does.
            for k, kind in {(self._state(m), m.kind) for m in self.mentions[i]}:
                row[k] += {"vocative": -w.addressed, "self": w.self_named}.get(kind, -w.named)
            if i <= self.opening:
                row[anchor] += w.anchor_first if self.hands_over else -w.anchor_first
            elif i == self.anchor_back:
                row[anchor] += w.handover
            elif i < self.anchor_back:
                row[anchor] -= w.anchor_later
            else:
                for k in reported:
                    row[k] -= w.report_over
            rows.append(row)
        for floating in self.draft.floating:
            k = self.state_of(floating.label)
            if k is None:
                continue
            for i, bonus in (
                (floating.block, w.label_here),
                (floating.block + 1, w.label_next),
                (floating.block - 1, w.label_before),
            ):
                if 0 <= i < len(self.blocks) and self.blocks[i].label is None:
                    rows[i][k] += bonus
        # A moderator addressed by name ("Jake, let me finish") is the one holding the floor:
        # the next host to speak is likely them.
        for i, mentions in enumerate(self.mentions):
            addressed = {self._state(m) for m in mentions if m.kind == "vocative" and not m.thanks}
            for k in (k for k in addressed if self.states[k].role == "host"):
                for j in (i + 1, i + 2):
                    if j < len(self.blocks) and self.blocks[j].label is None:
                        rows[j][k] += w.host_addressed
        return rows

    def _guest_label(self, label: Label) -> bool:
        k = self.state_of(label)
        return k is not None and self.states[k].role == "guest"

    def _opening(self) -> tuple[int, bool]:
        """The last block an anchor may open with, and whether they introduce a host by it.

        The anchor's introduction is the first block, or, where the layout parts its paragraphs
        no more than a turn's ("What was at stake?"), runs on to the paragraph that hands over to
        a host ("Candy Crowley begins.") within a few paragraphs."""
        for i, block in enumerate(self.blocks[:_INTRODUCTION]):
            if i and block.separation != "soft":
                break
            if any(
                m.kind == "third" and self.states[self._state(m)].role in HOST_LIKE
                for m in self.mentions[i]
            ):
                return i, True
        return 0, False

    def _anchor_back(self) -> int:
        """The block where the anchor comes back after a report: to talk with its reporter ("And
        Cat Wise joins me now."), or once the reporter signs off ("For the PBS NewsHour, I'm
        Fred de Sam Lazaro in Maine."); or past the last block. The anchor speaks again from
        there."""
        for i in range(self.opening + 1, len(self.blocks)):
            if self.blocks[i].label is not None:
                continue
            text = self.blocks[i].text
            hosts = [m for m in self.mentions[i] if self.states[self._state(m)].role in HOST_LIKE]
            if any(m.kind == "third" and _JOINS_ME.search(text[m.end : m.end + 40]) for m in hosts):
                return i
            last = self.sentences[i] - 1
            if any(
                m.kind == "self" and m.sentence == last and _SIGNS_OFF.search(text[: m.start])
                for m in hosts
            ):
                return i + 1
        return len(self.blocks)

    def transitions(self, i: int) -> list[list[float]] | None:
        """Scores for each (speaker of block i-1, speaker of block i) pair."""
        if i == 0:
            return None
        w, n = self.w, len(self.states)
        block = self.blocks[i]
        same = {"turn": -w.same_turn, "label": -w.same_label, "soft": 0.0}.get(
            block.separation, -w.same_turn
        )
        soft = block.separation == "soft"
        change = -w.change_soft if soft else 0.0
        asked = soft and _asks(self.blocks[i - 1].text)
        if asked:
            same -= w.soft_answered  # whoever asks a question is answered by someone else
        elif soft and _broken_off(self.blocks[i - 1].text):
            same -= w.soft_broken_off
        elif (
            soft and _THANKS_ONLY.match(self.blocks[i - 1].text) and _THANKS_ONLY.match(block.text)
        ):
            same -= w.soft_answered  # thanks said back, or a second guest's greeting
        if soft and _GOING_ON.match(block.text) and not _asks(block.text):
            same += w.soft_joined
        replying = soft and bool(
            _ANSWER_OPENING.match(block.text)
            or _THANKING.match(block.text)
            or _THANKS_ONLY.match(block.text)
        )
        if replying:
            same -= w.soft_replying
        going_on = (
            soft
            and not asked
            and not replying
            and not _asks(block.text)
            and not any(m.kind == "vocative" for m in self.mentions[i])
        )
        handed, handed_by_host, rebutted = self._handovers(i)
        # Whom block i thanks, or (if a guest speaks it) addresses first: who spoke before it.
        thanked = {self._state(m) for m in self.mentions[i] if m.kind == "vocative" and m.thanks}
        hailed = {
            self._state(m)
            for m in self.mentions[i]
            if m.kind == "vocative" and m.sentence == 0 and not m.thanks
        }
        anchor = self.nameless["anchor"]
        # (Where the labels head each of a guest's turns, one without a label is a host's.)
        unlabelled = self.guests_labelled_each_turn and block.label is None
        table = [[0.0] * n for _ in range(n)]
        for a in range(n):
            a_hosts = self.states[a].role in HOST_LIKE
            for b in range(n):
                if a == b:
                    goes_on = going_on and not a_hosts
                    table[a][b] = same + (w.soft_continued if goes_on else 0.0)
                    table[a][b] += w.labelled_goes_on if goes_on and unlabelled else 0.0
                    continue
                rb = self.states[b].role
                score = change + max(handed[b], (handed_by_host if a_hosts else rebutted)[b])
                if a in thanked or (a in hailed and rb not in HOST_LIKE):
                    score += w.answers_addresser
                if b == anchor:
                    score -= w.anchor_later if i < self.anchor_back else 0.0
                elif not a_hosts and rb == "guest":
                    score -= w.guest_to_guest
                elif a_hosts and rb in HOST_LIKE and a != anchor:
                    score -= w.host_to_host
                if rb == "guest" and unlabelled:
                    score -= w.unlabelled_guest
                table[a][b] = score
        return table

    def _state(self, mention: Mention) -> int:
        return self.person_state[id(mention.person)]

    def _closing(self, i: int) -> list[Mention]:
        """The people block i's last sentence addresses, in the order named.

        "Peter and Ann, ...": everyone addressed together may answer, the first named most
        likely first. Thanking one person there is a goodbye to them, unless nobody else is
        called on: thanking several ("thank you both") hands them the floor for their own
        goodbyes.
        """
        last = self.sentences[i] - 1
        closing = [m for m in self.mentions[i] if m.kind == "vocative" and m.sentence == last]
        called_on = [m for m in closing if not m.thanks]
        if called_on or len({self._state(m) for m in closing}) < 2:
            return called_on
        return closing

    def _handovers(self, i: int) -> tuple[list[float], list[float], list[float]]:
        """Bonuses for each state to speak block i, from how the blocks before it end.

        The first list holds for any previous speaker: the addressee of the last sentence, or a
        person introduced or given the floor at the end. The second holds only if a host spoke
        block i-1: a host's last vocative hands over wherever it stands in the block. The third
        holds if a guest spoke it: a guest who addresses another guest draws a reply from them,
        the way debates run, above all one who opens so ("That is untrue, Lee."), and one who
        calls on a moderator anywhere ("Dana, that fund is large.") or last ("..., Dana.") hands
        them the floor as a host would; a name that ends a sentence before the last ("I listen,
        Pat. And ...") calls on nobody.
        """
        w, n = self.w, len(self.states)
        anywhere, by_host, by_guest = [0.0] * n, [0.0] * n, [0.0] * n
        previous = self.mentions[i - 1]
        last_sentence = self.sentences[i - 1] - 1
        for rank, m in enumerate(self._closing(i - 1)):
            anywhere[self._state(m)] = max(anywhere[self._state(m)], w.handover - rank * w.order)
        handing = [m for m in previous if m.kind == "vocative" and not m.thanks]
        if handing:
            group = [m for m in handing if m.sentence == handing[-1].sentence]
            for rank, m in enumerate(group):
                k = self._state(m)
                by_host[k] = max(by_host[k], w.handover - rank * w.order)
                calls = not m.trailing or m.sentence == last_sentence
                if self.states[k].role in HOST_LIKE and calls:
                    by_guest[k] = max(by_guest[k], w.handover - rank * w.order)
        introduced = [m for m in previous if m.kind == "third" and m.sentence >= last_sentence - 1]
        # Of several introduced, the first named speaks first more often.
        order = list(dict.fromkeys(self._state(m) for m in introduced))
        # The anchor's "Ann Lee moderates." gives the host the floor as a call by name would,
        # unless a label line over the block says who has it (a recording cut into an answer).
        hands_to_host = (
            self.hands_over
            and i - 1 == self.opening
            and not any(f.block == i for f in self.draft.floating)
        )
        for m in introduced:
            k = self._state(m)
            bonus = w.handover * 0.7 if m.directed else w.intro_next - order.index(k) * w.order
            if hands_to_host and self.states[k].role in HOST_LIKE:
                bonus = w.handover
            anywhere[k] = max(anywhere[k], bonus)
        if i >= 2 and not previous:
            earlier = self._closing(i - 2) or [
                m for m in self.mentions[i - 2] if m.kind == "vocative" and not m.thanks
            ]
            # "John, a question for Senator Quayle.": John asks, and Quayle answers after him.
            earlier += [
                m
                for m in self.mentions[i - 2]
                if m.directed and m.sentence == self.sentences[i - 2] - 1
            ]
            for m in earlier:
                k = self._state(m)
                anywhere[k] = max(anywhere[k], w.handover_skip)
        for m in previous:
            k = self._state(m)
            if m.kind == "vocative" and not m.thanks and self.states[k].role not in HOST_LIKE:
                bonus = w.rebuttal if m.sentence == 0 else w.rebuttal_later
                by_guest[k] = max(by_guest[k], bonus)
        # The one a block ends by thanking says their own thanks back: "Thank you, Cat." "Thank
        # you." (Several thanked together say theirs in the order named, as `_closing` has it.)
        # A guest's greeting ("Thanks for having me." "Good to be here.") thanks no one back.
        thanked = {
            self._state(m)
            for m in previous
            if m.kind == "vocative" and m.thanks and m.sentence == last_sentence
        }
        thanks = _THANKS_ONLY.match(self.blocks[i].text)
        if len(thanked) == 1 and thanks and not (thanks["having"] or thanks["greeting"]):
            (k,) = thanked
            anywhere[k] = max(anywhere[k], w.handover)
        return anywhere, by_host, by_guest


def voice_names(heard: dict[str, tuple[np.ndarray, int]], people: list[int]) -> dict[str, int]:
    """Which of `people` (states) each numbered voice is named after, given how likely its blocks
    are each state's on average and how many blocks it has: the person its blocks most likely
    are, one person to a voice, at least `VOICE_NAMED` likely and `VOICE_MARGIN` times as likely
    as anyone not named after another voice already (no rival, since one person has one voice)."""
    named: dict[str, int] = {}
    # The most blocks first: a voice heard once does not take the name of one heard often.
    candidates = sorted(
        ((belief[k] * size, v, k) for v, (belief, size) in heard.items() for k in people),
        reverse=True,
    )
    for _, v, k in candidates:
        belief = heard[v][0]
        if v in named or k in named.values() or belief.argmax() != k:
            continue
        rivals = np.delete(belief, [k, *named.values()])
        if belief[k] >= max(VOICE_NAMED, VOICE_MARGIN * rivals.max(initial=0.0)):
            named[v] = k
    return named


def _add_the_cast(roster: Roster, blocks: list[Block]) -> None:
    """The people numbered voices may be, whom no label names: those who introduce themselves
    ("I'm Ted Cruz."), and those the speech names in full ("I'm joined by Senator Jane Doe")
    and addresses at least twice ("Senator, why?"), or once, last, after naming them in full
    ("Tom Wu joins us. Tom, what happened?"): a place, or a person only talked about or once
    seemingly addressed elsewhere, is not one."""
    named = Roster()
    for block in blocks:
        for printed, affiliation, _ in prose_people(block.text):
            named.add(printed, affiliation=affiliation)
    named.learn_titles([b.text for b in blocks])
    addressed: Counter[int] = Counter()
    for block in blocks:
        mentions = find_mentions(block.text, named)
        last = len(sentence_spans(block.text)) - 1
        introduced = {
            id(m.person)
            for m in mentions
            if m.kind == "third" and m.sentence < last and " " in block.text[m.start : m.end]
        }
        for m in mentions:
            if m.kind == "vocative":
                handed = m.sentence == last and id(m.person) in introduced
                addressed[id(m.person)] += 2 if handed else 1
    for person in named:
        if addressed[id(person)] >= 2:
            roster.add(person.name, affiliation=person.affiliation, evidence="addressed")
    for block in blocks[6:]:
        for match in SELF_INTRO.finditer(block.text):
            roster.add(match.group("name"), evidence="self-later")


def _build_roster(draft: Draft, *, with_voices: bool) -> Roster:
    roster = Roster()
    labels = [b.label for b in draft.blocks if b.label] + [f.label for f in draft.floating]
    for label in labels:
        if label.name:
            person = roster.add(
                label.name,
                honorific=label.honorific,
                affiliation=label.affiliation,
                role=label.role,
                evidence="label",
            )
            if label.affiliation:
                person.evidence.add("label-affiliation")
    asking = askers(draft.summary)
    for printed, affiliation, subject in prose_people(draft.summary):
        # "Embedded Mitch McConnell says ...": a word run into the name of someone labelled (a
        # program's name before its description) is not theirs.
        rest = " ".join(printed.split()[1:])
        labelled = roster.find(rest) if len(rest.split()) >= 2 else None
        if labelled and not roster.find(printed):
            printed = labelled.name
        person = roster.add(
            printed, affiliation=affiliation, evidence="summary-subject" if subject else "summary"
        )
        if printed in asking:
            person.evidence.add("asker")
    # "Foreign affairs correspondent Nick Schifrin begins our coverage.": whom the program calls
    # its correspondent, labelled with no part, is the program's own (one the summary says asks,
    # a debate's panelist, stays a host).
    for block in draft.blocks:
        for match in _CORRESPONDENT.finditer(block.text):
            person = roster.find(match.group("name"))
            if (
                person is not None
                and person.role == "unknown"
                and "label" in person.evidence
                and "asker" not in person.evidence
            ):
                person.role = "correspondent"
    # A title naming in full someone the labels print by surname alone ("Press Briefing by
    # Press Secretary Karine Jean-Pierre" over "MS. JEAN-PIERRE:") gives their name; over labels
    # that print only parts ("Q." and "A.") or none, it names who answers where the summary names
    # only who asks ("Q&A: Ruth Akers on her new novel"), unless every word of it is capitalised,
    # when any run of words would read as a name.
    surnames = {surname(label.name) for label in labels if label.name and " " not in label.name}
    answerer_untold = (
        not any(label.name for label in labels)
        and all(subject or p in asking for p, _, subject in prose_people(draft.summary))
        and not _capitalised_throughout(draft.title)
    )
    for printed, affiliation, subject in prose_people(draft.title):
        if len(printed.split()) >= 2 and surname(printed) in surnames:
            roster.add(printed, affiliation=affiliation, evidence="label")
        elif answerer_untold and not subject:
            roster.add(printed, affiliation=affiliation, evidence="summary")
    intro = next((b for b in draft.blocks[:2] if b.label is None), None)
    if intro is not None:
        for sentence in split_sentences(intro.text)[-2:]:
            for printed, affiliation, subject in prose_people(sentence):
                if subject:
                    roster.add(printed, affiliation=affiliation, evidence="intro")
    # People introduce themselves at the start; an "I'm ..." later is more often a quotation.
    # A moderator's opening may name the panel: "Questions will be put by Ann Lee of CNN, ...",
    # and whom it introduces speaks, though no label names them and they never say who they are
    # ("My guest today is Dr. Alan Brooks.", "I'm joined by ...").
    for block in draft.blocks[:6]:
        if block.label is None:
            for sentence in filter(_INTRODUCES.search, split_sentences(block.text)):
                for printed, affiliation, _ in prose_people(sentence):
                    roster.add(printed, affiliation=affiliation, evidence="introduced")
            for match in SELF_INTRO.finditer(block.text):
                roster.add(match.group("name"), evidence="self")
            for printed in askers(block.text):
                roster.add(printed, evidence="asker")
    if with_voices:
        _add_the_cast(roster, draft.blocks)
    roster.learn_titles([draft.summary] + [b.text for b in draft.blocks if b.label is None])
    return roster


def _capitalised_throughout(title: str) -> bool:
    """Whether a headline capitalises every word but the short ones ("Interview With Novelist
    Ruth Akers"), as many pages print theirs."""
    return all(word[0].isupper() for word in re.findall(r"[A-Za-z]{5,}", title))


_CORRESPONDENT = re.compile(
    r"\b(?:correspondent|reporter)\s+(?P<name>(?:[A-Z][\w'’.\-]+\s+){1,2}[A-Z][\w'’\-]+)"
)
_INTRODUCES = re.compile(
    r"\b(?:my|our)\s+guests?\s+(?:today\s+|tonight\s+|this\s+\w+\s+)?(?:is|are)\b|"
    r"\bjoin(?:ing|s)\s+(?:me|us)\b|\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+joined\s+by\b|"
    r"\bwith\s+(?:me|us)\s+(?:now\s+|here\s+)?(?:is|are)\b",
    re.I,
)
# Paragraphs an anchor's introduction runs to at most, where the layout does not part it.
_INTRODUCTION = 5


def _decoding_role(person: Person, labels_guests: bool, *, greeted: bool) -> str:
    """The part a person plays, as far as the evidence before decoding tells; `greeted`: under
    their label they thank the program for having them on, as its guests do."""
    if person.role != "unknown":
        return person.role
    if "label" in person.evidence:
        # "Ann Lee and Tom Wu spoke with Judy Woodruff.": the summary's subjects whom the page
        # labels with their affiliations are its guests; whom it says asks, its hosts, as is
        # whoever opens the program unlabelled saying who they are ("This is TALK OF THE
        # NATION. I'm Neal Conan."), unless the labels are the guests' (a debate's candidates
        # say who they are too); and the summary's "longtime host" of another show who thanks
        # this one for having him is its guest.
        subject = "summary-subject" in person.evidence
        affiliated = "label-affiliation" in person.evidence
        opened = "asker" in person.evidence or ("self" in person.evidence and not labels_guests)
        return "host" if not greeted and (opened or (subject and not affiliated)) else "guest"
    if labels_guests or person.evidence & {"summary-subject", "asker", "intro", "self"}:
        return "host"
    return "guest"


def _bare_floating(draft: Draft, roster: Roster) -> dict[int, Label]:
    """The block each of a page's label lines stands over where it names someone printed with
    no affiliation, on a label or in the summary ("• JUDY WOODRUFF:"). A page gives its guests'
    affiliations ("• ANN LEE, Acme Corp:", "Ann Lee of Acme Corp") and may put their label a
    block away; a bare name is as often a host's, over their own question."""
    bare = {}
    for f in draft.floating:
        person = roster.find(f.label.name) if f.label.name else None
        if person and not person.affiliation:
            bare[f.block] = f.label
    return bare


def _greeters(draft: Draft, roster: Roster) -> set[int]:
    """The people whose label, on a block or a page's line over it, stands over their thanks for
    being had on ("Thank you for having me."), as a guest's does."""
    labels = [(b.label, b) for b in draft.blocks if b.label]
    # (A page's last label line may stand below its last block, over none.)
    labels += [
        (f.label, draft.blocks[f.block]) for f in draft.floating if f.block < len(draft.blocks)
    ]
    found = (
        roster.find(label.name)
        for label, block in labels
        if label.name and _GUEST_GREETING.match(block.text)
    )
    return {id(person) for person in found if person}


def _asking_by_label(
    roster: Roster,
    blocks: list[Block],
    mentions: list[list[Mention]],
    typical: float | None,
    floating: dict[int, Label],
    greeters: set[int],
) -> dict[int, bool]:
    """Whether each labelled person of unknown role looks like the host: they open the
    transcript (unless it cuts into their long answer, or they open it "Thanks for having me");
    most of the blocks labelled as theirs ask a question; or those blocks are brief next to the
    `typical` block's words (when given) and nobody called on them by name before their first,
    nor do they return a greeting or thank anyone for having them on (`greeters`).

    Captions that name each speaker once label one block each: a justice's or co-host's is a
    question or a brief remark, a guest's an answer, usually after a host has called on them.
    A remark that opens by calling on someone else, by name or office ("Mr. Lee, the record
    shows ...", "Mr. Solicitor General, ..."), is put to them, and may run on longer than a brief
    one; a formula with which a speaker takes the floor ("May it please the Court.") is brief,
    but opens a guest's answer. A page's label lines printing a bare name (`floating`, by the
    block under each) count as that block's label.
    """
    asked: dict[int, list[bool]] = {}
    lengths: dict[int, list[int]] = {}
    called_on: set[int] = set()
    called_before_label: set[int] = set()
    calling: set[int] = set()
    taking_floor: set[int] = set()
    hosts: dict[int, bool] = {}
    for i, block in enumerate(blocks):
        label = block.label or floating.get(i)
        person = roster.find(label.name) if label and label.name else None
        if person is not None and person.role == "unknown":
            k = id(person)
            if k not in asked and k in called_on:
                called_before_label.add(k)
            asked.setdefault(k, []).append(_asks(block.text))
            lengths.setdefault(k, []).append(len(block.text.split()))
            # A recording that cuts in mid-sentence, into a block longer than any host's remark
            # runs, opens with its guest, not its host (part two of an argument).
            if (
                i == 0
                and not _GUEST_GREETING.match(block.text)
                and not (
                    _mid_sentence(block.text)
                    and typical is not None
                    and lengths[k][0] > SHORT_REMARK * CALLING_REMARK * typical
                )
            ):
                hosts[k] = True
            if _ADDRESS_OPENING.match(block.text) or any(
                m.kind == "vocative" and m.sentence == 0 and not m.thanks and m.person is not person
                for m in mentions[i]
            ):
                calling.add(k)
            greeted = i > 0 and _GREETING.search(blocks[i - 1].text)
            if _TAKING_FLOOR.match(block.text) or (greeted and _GREETING_ONLY.match(block.text)):
                taking_floor.add(k)
        called_on.update(id(m.person) for m in mentions[i] if m.kind == "vocative")
    for k, asks in asked.items():
        limit = SHORT_REMARK * (CALLING_REMARK if k in calling else 1.0)
        brief = (
            typical is not None
            and statistics.median(lengths[k]) < limit * typical
            and k not in called_before_label
            and k not in taking_floor
            and k not in greeters
        )
        hosts.setdefault(k, sum(asks) * 2 > len(asks) or brief)
    return hosts


def _final_roles(states: list[_State], blocks: list[Block], path: list[int]) -> list[str]:
    """Roles to report: a label's title decides; else who introduces or asks is a host."""
    roles = []
    for k, state in enumerate(states):
        role = state.role
        person = state.person
        if person is not None and person.role == "unknown" and "label" in person.evidence:
            own = [blocks[i] for i, s in enumerate(path) if s == k]
            asking = sum(1 for b in own if _asks(b.text))
            if len(own) >= 2 and asking >= 0.5 * len(own):
                role = "host"
        roles.append(role)
    return roles


def _resumes(interruption: Block, block: Block) -> bool:
    """Whether `block` carries on the speech that `interruption` cut into. Thanks said back
    ("Thank you." after "Thank you.") carries on nothing: a second guest thanking too."""
    if _mid_sentence(block.text):
        return True
    if _THANKS_ONLY.match(block.text):
        return False
    cut = interruption.text.rstrip()
    return len(cut.split()) <= 8 and (
        not ends_sentence(cut)
        or bool(_THANKS_ONLY.match(cut))
        or cut.lower().startswith(("thank you", "thanks"))
    )


def _broken_off(text: str) -> bool:
    """Whether `text` breaks off unfinished ("Would you --", "I thought that..."): someone else
    cut in. (In the corpus's debates and arguments the next paragraph is another speaker's
    after 96% of those, against half of those ending a sentence.)"""
    text = text.rstrip()
    return not ends_sentence(text) or text.endswith(("…", "..."))


def _mid_sentence(text: str) -> bool:
    """Whether `text` takes up a sentence already begun ("-- and that is why", "and so")."""
    text = text.lstrip("\"'“‘ ")
    return text[:1].islower() or text.startswith(("-", "—", "…", "..."))


def _denies(text: str) -> bool:
    """Whether `text` denies what was said ("That's not true."), not put as a question."""
    return bool(_DISPUTES.search(text)) and not _asks(text)


def _asks(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


# Denying what someone said or claims ("That's not true.", "You never said that."), or
# disagreeing ("I disagree."): in debates a candidate's words (144 of 146 paragraphs that deny,
# 88 of 91 that disagree), not put as a question.
_DISPUTES = re.compile(
    r"\b(?:not (?:true|correct|accurate)|that(?:['’]?s| is) (?:false|wrong|a lie)|"
    r"you(?:['’]?re| are) wrong|(?:you|he|she) (?:did not|didn['’]?t|(?:ha(?:ve|s) )?never) "
    r"(?:say|said)|not what (?:you|he|she|i) said|check the record|look it up|"
    r"i (?:disagree|don['’]?t agree|do not agree)|i['’]?m not (?:so |that )?sure)\b",
    re.I,
)
_ANSWER_OPENING = re.compile(
    r"\s*(?:well|yes|no|i think|i don't|i do|sure|absolutely|look|first of all)\b", re.I
)
# A paragraph going on from the one before: "But the banks ...", "So what now?"
_GOING_ON = re.compile(r"\s*(?:and|but|so|now)\b", re.I)
# Keeping order on the floor is the host's part; a guest who wants the floor asks for it.
_KEEPS_ORDER = re.compile(
    r"\s*(?:(?:all right|ok|okay|well|now|and|so),? )*(?:go ahead|take (?:your|the|whatever) time|"
    r"(?:please )?(?:allow|let) (?:him|her|them) (?:to )?(?:respond|answer|finish|speak)|"
    r"one at a time|(?:very )?(?:quickly|briefly)(?:,? please\b|[.!]))",
    re.I,
)
# Asking for the floor or holding on to it ("May I respond?", "Let me finish."): in debates a
# candidate's words (159 of 166 such paragraphs); a moderator asks to ask ("May I ask ...").
_WANTS_FLOOR = re.compile(
    r"\b(?:(?:may|can|could) i (?:just |please )?"
    r"(?:respond|reply|answer|say|make|add|comment|jump|speak|finish)|"
    r"let me (?:just )?(?:respond|reply|finish)|i['’]?m still (?:speaking|talking)|"
    r"(?:i need to|i have to|i(?:['’]?ve| have)? got to|i want to|i['’]?d like to) "
    r"(?:respond|reply))\b",
    re.I,
)
# Taking the program to a break and back is its host's part, whoever is on the floor.
_BREAK = re.compile(
    r"\b(?:welcome back|we['’]?ll be (?:right )?back|(?:we['’]?re|we are) going to take a|"
    r"(?:take|taking) (?:a|another|one more) (?:quick |short |brief )?break|commercial break|"
    r"stay with us|when we (?:come back|return))\b",
    re.I,
)
# "Cat Wise joins me now.", "... is with us": the one speaking is the program's anchor.
_SIGNS_OFF = re.compile(r"\b(?:[Ff]or|[Ff]rom)\s+(?:the\s+)?[A-Z][\w'’.&\- ]*,\s*I['’]?m\s+$")
_JOINS_ME = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:joins|is with|is here with)\s+(?:me|us)\b", re.I)
# The formula with which a speaker takes the floor before a bench or panel, after a bare
# address: "Mr. Chairman, may it please the committee."
_TAKING_FLOOR = re.compile(r".{0,40}?\b(?:may|if) it please\b", re.I)
# Returning the host's greeting ("Hello to both of you." "Hi, Judy."), as guests do.
_GREETING = re.compile(r"\b(?:hello|hi|hey|good (?:morning|afternoon|evening))\b", re.I)
_GREETING_ONLY = re.compile(rf"\s*{_GREETING.pattern}[,.! ]*(?:\w+[.!]?)?\s*$", re.I)
# A request to hear the question again, or a bare form of address asked ("Sir?"): in court
# arguments counsel says it six times as often as the bench, in debates candidates ten times as
# often as moderators.
_ASKS_AGAIN = re.compile(
    r"\s*(?:(?:i )?(?:beg your )?pardon(?: me)?|(?:i['’]?m )?sorry|excuse me|come again|"
    r"what was that|say (?:that )?again|sir|ma['’]am|your honou?r)"
    r"(?:,?\s*(?:sir|ma['’]am|your honou?r))?\s*\?\s*$",
    re.I,
)
# An address by office, to whoever holds it: "Mr. Solicitor General, ...", "Madam Secretary, ...".
_ADDRESS_OPENING = re.compile(
    r"\s*(?:(?:well|but|now|and|so),?\s+)*(?:Mr|Mrs|Ms|Madam|Madame)\.?\s+(?:-+\s*|—\s*)?"
    r"(?:[A-Z][\w'’]*\s+){0,2}[A-Z][\w'’]*,"
)
# How a guest greets the program that invited them, even when the recording opens on it.
_GUEST_GREETING = re.compile(
    r"\s*(?:(?:thank you|thanks)(?:,\s*\w+(?:\s+\w+)?)?[.!]\s+)?"  # ("Thank you, Neal. ...")
    r"(?:(?:thank you|thanks)(?: (?:so|very) much)? for (?:having|inviting) me|"
    r"(?:it['’]?s )?(?:good|great|nice|glad|a pleasure) to be (?:here|with you|on))\b",
    re.I,
)
# Thanking or greeting both sides of the table: "Thank you both." "Hello to both of you."
_TO_SEVERAL = re.compile(
    r"\b(?:thank you|thanks|hello|hi|welcome)\b[^.!?]{0,20}?\b(?:both|all|everyone|everybody)\b",
    re.I,
)
# At most this many words after the name: "Senator Lee, you have one minute."
_CALL_WORDS = 5
_THANKING = re.compile(r"\bthank", re.I)
_THANKS_ONLY = re.compile(
    r"\s*(?:(?:thank you|thanks)(?: (?:very|so) much)?(?P<having> for (?:having|inviting) me)?|"
    r"(?P<pleasure>(?:it was )?my pleasure)|(?P<greeting>good to be (?:here|with you)))"
    r"[,.! ]*\w{0,12}[.!]?\s*$",
    re.I,
)


def _style(block: Block, *, guest_thanks_several: bool, after_thanks: bool) -> float:
    """Positive for a block that asks (short, ends on a question), negative for one that answers.

    "Thank you both." ("Hello to you both.") is the host's goodbye to the guests (greeting), or,
    with `guest_thanks_several`, the guest's to the hosts. A plain "Thank you." is the guest's
    only `after_thanks`: after an answer, the host says it."""
    if _ASKS_AGAIN.match(block.text):
        return -1.0  # "Pardon?": whoever must answer did not catch the question
    if _WANTS_FLOOR.search(block.text):
        return -1.0  # "May I respond?": the moderator gives the floor, a guest asks for it
    sentences = split_sentences(block.text) or [block.text]
    questions = sum(1 for s in sentences if _asks(s))
    n_words = max(1, len(block.text.split()))
    score = 1.5 * questions / len(sentences)
    if _asks(sentences[-1]):
        score += 1.0
    if n_words > 40:
        score -= 0.5 * math.log(n_words / 40)
    if _ANSWER_OPENING.match(block.text):
        score -= 0.8
    if _BREAK.search(block.text):
        score += 1.0  # "We'll be right back." "Welcome back."
    if n_words <= 40 and _KEEPS_ORDER.match(block.text):
        score += 1.0  # "Go ahead." "One at a time, please."
    if n_words <= 40 and _TO_SEVERAL.search(block.text):
        score += -1.0 if guest_thanks_several else 1.0
    elif (thanks := _THANKS_ONLY.match(block.text)) and (thanks["having"] or thanks["greeting"]):
        score -= 2.0  # a guest's thanks for having them on: no host's words
    elif thanks and (after_thanks or thanks["pleasure"]):
        score -= 1.0  # a guest's thanks for the host's thanks
    return score


class _Habits:
    """How each speaker talks, learnt from the current posteriors (the M step of the EM loop).

    Per speaker: how long their blocks run, whether they end on a question, whether they name
    someone, and which words they use; each estimate backs off to the speaker's role and then to
    the whole transcript, so a speaker with little attributed speech keeps to what is typical.
    """

    LENGTHS = (4, 12, 30, 80, 200)
    # A speaker's vocabulary is pooled with the transcript's as though they had said a quarter
    # of its words more, like everyone else. Pooled with a fixed 50 words, a word new to a
    # speaker who had said thousands cost a long answer about 4 points, and answers on a new
    # topic went to whoever had said least (Biden's attack on Sanders' votes in the corpus's
    # 2020-03-15 debate, to a moderator); a pool growing with the transcript keeps vocabulary
    # as telling in a short interview as in a long debate.
    POOLED_SHARE = 0.25

    def __init__(self, model: _Model) -> None:
        self.w = model.w
        self.roles = [s.role for s in model.states]
        self.learns = np.array([s.person is not None or s.role == "host" for s in model.states])
        bags = [Counter(words(b.text)) for b in model.blocks]
        self.features = [
            (
                bisect.bisect(self.LENGTHS, sum(bag.values())),
                _asks(b.text),
                any(m.kind == "vocative" for m in mentions),
            )
            for b, bag, mentions in zip(model.blocks, bags, model.mentions, strict=True)
        ]
        # Every (block, word, count) of the transcript as three parallel arrays.
        vocabulary: dict[str, int] = {}
        blocks, ids, counts = [], [], []
        for i, bag in enumerate(bags):
            for word, n in bag.items():
                blocks.append(i)
                ids.append(vocabulary.setdefault(word, len(vocabulary)))
                counts.append(n)
        self.block_of = np.array(blocks, dtype=np.intp)
        self.word_of = np.array(ids, dtype=np.intp)
        self.count = np.array(counts, dtype=float)
        self.length = np.array([sum(bag.values()) for bag in bags], dtype=float)
        self.pooled = self.POOLED_SHARE * self.length.sum()
        background = np.bincount(self.word_of, weights=self.count, minlength=len(vocabulary))
        self.p_background = (background + 1) / (background.sum() + len(vocabulary) + 1)

    def scores(self, marginals: list[list[float]]) -> list[list[float]]:
        """Log-likelihood ratio of each block under each speaker's habits, weighted."""
        k = len(self.roles)
        weights = np.asarray(marginals, dtype=float)
        weights = np.where((weights >= 0.01) & self.learns[None, :], weights, 0.0)
        feature_counts = [[Counter() for _ in range(3)] for _ in range(k)]
        for features, row in zip(self.features, weights.tolist(), strict=True):
            for s, weight in enumerate(row):
                if weight:
                    for f, value in enumerate(features):
                        feature_counts[s][f][value] += weight
        structure = self._structure(feature_counts)
        rows = np.array(
            [
                [sum(structure[s][f].get(v, 0.0) for f, v in enumerate(features)) for s in range(k)]
                for features in self.features
            ]
        )
        rows *= self.w.structure
        word_counts = np.zeros((k, len(self.p_background)))
        np.add.at(word_counts.T, self.word_of, weights[self.block_of] * self.count[:, None])
        mass = word_counts.sum(axis=1)
        # Each block is scored against what its speaker says elsewhere: counting its own words
        # would teach a speaker the very block being decided.
        own = weights[self.block_of] * self.count[:, None]
        prior = self.pooled * self.p_background[self.word_of][:, None]
        p_speaker = (word_counts[:, self.word_of].T - own + prior) / (
            mass[None, :]
            - weights[self.block_of] * self.length[self.block_of][:, None]
            + self.pooled
        )
        log_ratio = np.log(p_speaker) - np.log(self.p_background[self.word_of])[:, None]
        llr = np.zeros((len(self.features), k))
        np.add.at(llr, self.block_of, log_ratio * self.count[:, None])
        trained = (mass >= 100)[None, :]
        lexical = self.w.lexical * llr / np.sqrt(np.maximum(self.length, 1.0))[:, None]
        rows += np.where(trained, lexical, 0.0)
        rows = np.clip(rows, -self.w.habit_cap, self.w.habit_cap)
        return np.where(self.learns[None, :], rows, 0.0).tolist()

    def _structure(self, counts: list[list[Counter]]) -> list[list[dict]]:
        """log P(value | speaker) - log P(value) for each feature, with role backoff."""
        k = len(counts)
        overall = [Counter() for _ in range(3)]
        by_role: dict[str, list[Counter]] = {}
        for s in range(k):
            pooled = by_role.setdefault(self.roles[s], [Counter() for _ in range(3)])
            for f in range(3):
                overall[f].update(counts[s][f])
                pooled[f].update(counts[s][f])
        result = []
        for s in range(k):
            per_feature = []
            for f in range(3):
                values = set(overall[f]) | {0, 1}
                total = sum(overall[f].values())
                p_all = {v: (overall[f][v] + 1) / (total + len(values)) for v in values}
                pooled = by_role[self.roles[s]][f]
                n_role = sum(pooled.values())
                p_role = {v: (pooled[v] + 5 * p_all[v]) / (n_role + 5) for v in values}
                own = counts[s][f]
                n_own = sum(own.values())
                per_feature.append(
                    {
                        v: math.log((own[v] + 5 * p_role[v]) / (n_own + 5)) - math.log(p_all[v])
                        for v in values
                    }
                )
            result.append(per_feature)
        return result


def _turn(block: Block, **decided) -> Turn:
    """The turn `block` is, spoken as `decided` (Turn's fields)."""
    later = [block.paragraph_starts.get(k) for k in range(1, len(block.paragraphs))]
    return Turn(
        paragraphs=list(block.paragraphs),
        start=block.start,
        end=block.end,
        paragraph_starts=[block.start, *later] if block.paragraph_starts else [],
        **decided,
    )


def _turns(
    draft: Draft, decisions: list[_Decision | None], calibrate: bool
) -> tuple[list[Speaker], list[Turn]]:
    turns: list[Turn] = []
    speakers: dict[int, Speaker] = {}
    for block, decision in zip(draft.blocks, decisions, strict=True):
        if decision is None:
            turns.append(_turn(block, attribution="direction"))
            continue
        person = decision.person
        name = person.shown_name if person is not None else None
        if person is not None and id(person) not in speakers:
            speakers[id(person)] = Speaker(
                name=name,
                affiliation=person.affiliation,
                role=decision.role,
                honorific=person.honorific,
                aliases=list(person.aliases),
            )
        confidence = decision.posterior
        if calibrate:
            confidence = calibrated(confidence, decision.attribution, voice=decision.voice)
        turn = _turn(
            block,
            speaker=name,
            role=decision.role,
            attribution=decision.attribution,
            confidence=round(confidence, 3),
            label=decision.label,
        )
        previous = turns[-1] if turns else None
        if (
            previous is not None
            and block.label is None
            and block.start is None
            and previous.attribution != "direction"
            and (previous.speaker, previous.role) == (name, decision.role)
        ):
            previous.join(turn)
            if turn.confidence < previous.confidence:
                # A turn is as sure as its least sure paragraph, and attributed as that one was:
                # a label's speaker going on past a break is inferred to.
                previous.confidence, previous.attribution = turn.confidence, turn.attribution
            continue
        turns.append(turn)
    texts = [draft.title, draft.summary]
    texts += [paragraph for b in draft.blocks if not b.direction for paragraph in b.paragraphs]
    people = list(speakers.values())
    shown = readable_affiliations([person.affiliation for person in people], texts)
    return [
        replace(person, affiliation=affiliation)
        for person, affiliation in zip(people, shown, strict=True)
    ], turns
