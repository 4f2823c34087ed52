"""The seed transcript, a scraped PBS NewsHour page, is attributed right turn by turn."""

import re

import pytest

from interviews.parsing import parse_transcript
from interviews.parsing.text import split_sentences

WILLIAM = "William Brangham"
RUKMINI = "Rukmini Callimachi"
PETER = "Peter Neumann"

EXPECTED = [
    # (speaker, role, attribution, opening words)
    (None, "anchor", "inferred", "Turning to Iraq"),
    (WILLIAM, "host", "inferred", "At its peak"),
    (RUKMINI, "guest", "label", "They have certainly lost"),
    (WILLIAM, "host", "inferred", "Peter Neumann, is there anything"),
    (PETER, "guest", "label", "Right now, there are still"),
    (WILLIAM, "host", "inferred", "Peter, just staying with you"),
    (PETER, "guest", "inferred", "So, if you speak to European"),
    (WILLIAM, "host", "inferred", "Rukmini, this seems"),
    (RUKMINI, "guest", "inferred", "I don't think that follows, William."),
    (WILLIAM, "host", "inferred", "Peter, does this connection"),
    (PETER, "guest", "inferred", "Well, it definitely asks"),
    (WILLIAM, "host", "inferred", "Rukmini, one of the things"),
    (RUKMINI, "guest", "inferred", "I don't buy it"),
    (WILLIAM, "host", "inferred", "All right, Peter Neumann and Rukmini Callimachi"),
]


def test_every_turn_has_the_right_speaker_role_and_attribution(seed):
    for turn, (speaker, role, attribution, opening) in zip(seed.turns, EXPECTED, strict=False):
        assert turn.text.startswith(opening)
        assert (turn.speaker, turn.role, turn.attribution) == (speaker, role, attribution), opening


def test_the_two_closing_thanks_are_by_the_two_guests(seed):
    assert len(seed.turns) == len(EXPECTED) + 2
    closing = seed.turns[len(EXPECTED) :]
    assert [t.text for t in closing] == ["Thank you.", "Thank you."]
    assert {t.speaker for t in closing} == {RUKMINI, PETER}
    assert all(t.role == "guest" and t.attribution == "inferred" for t in closing)


def test_the_host_question_under_a_misplaced_label_stays_with_the_host(seed):
    opening = seed.turns[1]
    assert opening.paragraphs[-2] == "Rukmini, I would like to start with you, if you don't mind."
    assert opening.paragraphs[-1].startswith("Give us a status report.")


def test_speakers_are_the_host_and_the_guests_with_faithful_affiliations(seed):
    speakers = {s.name: (s.role, s.affiliation) for s in seed.speakers}
    assert speakers == {
        WILLIAM: ("host", ""),
        RUKMINI: ("guest", "The New York Times"),
        PETER: ("guest", "King\u2019s College"),
    }


def test_the_anchor_is_never_a_named_person(seed):
    assert [t.role for t in seed.turns].count("anchor") == 1
    assert seed.turns[0].speaker is None


def test_title_and_summary_are_taken(seed):
    assert seed.title == "If ISIS falls, where will its fighters flee?"
    assert seed.summary.startswith("If the Islamic State group is driven out of Iraq and Syria")
    assert seed.summary.endswith("Peter Neumann of King's College.")


def test_page_furniture_is_gone(seed):
    everything = " ".join([seed.title, seed.summary] + [t.text for t in seed.turns])
    for furniture in (
        "Leave a respectful comment",
        "Read the Full Transcript",
        "Listen to this Segment",
        "The Latest",
    ):
        assert furniture not in everything
    assert not any("CALLIMACHI" in t.text or "NEUMANN" in t.text for t in seed.turns)


def test_no_sentence_of_the_body_is_dropped(seed, seed_text):
    body = [line.strip() for line in seed_text.splitlines() if line.startswith("    ")]
    spoken = "\n".join(t.text for t in seed.turns)
    for line in body:
        for sentence in split_sentences(line):
            assert sentence in spoken
    assert len(re.findall(r"\S+", spoken)) == sum(len(line.split()) for line in body)


def test_confidences_are_probabilities_and_surest_where_labelled(seed):
    assert all(0.0 <= t.confidence <= 1.0 for t in seed.turns)
    assert min(t.confidence for t in seed.turns if t.attribution == "label") >= 0.9


GUEST_LABEL = re.compile(r"^  • (?P<name>[A-Z ]+), (?P<affiliation>[^\n]+):$", re.M)


def _relabelled(seed_text: str, label: str) -> str:
    """The seed with each guest's label line printed as another page prints it."""
    return GUEST_LABEL.sub(
        lambda m: label.format(name=m["name"].title(), NAME=m["name"], aff=m["affiliation"]),
        seed_text,
    )


@pytest.mark.parametrize(
    "label",
    [
        "{name}, {aff}:",  # mixed case with no bullet
        "**{name}**, {aff}:",  # Markdown bold
        "__{NAME}, {aff}:__",
        "{NAME} — {aff}:",  # a dash where a comma would be
        "{name} ({aff}):",
    ],
)
def test_a_guests_label_line_printed_another_way_reads_as_the_seeds(seed, seed_text, label):
    parsed = parse_transcript(_relabelled(seed_text, label))
    assert [(t.speaker, t.role, t.attribution) for t in parsed.turns] == [
        (t.speaker, t.role, t.attribution) for t in seed.turns
    ]
    assert {s.name: s.affiliation for s in parsed.speakers} == {
        s.name: s.affiliation for s in seed.speakers
    }


def test_a_line_in_mixed_case_ending_in_a_colon_is_a_label_only_if_plainly_a_persons(seed_text):
    # Unbulleted, a name in mixed case labels with an affiliation, or where the page names that
    # person in a sentence; a heading the page never names is words.
    text = _relabelled(seed_text, "{name}:").replace(
        "    At its peak", "    Key Developments:\n\n    At its peak"
    )
    parsed = parse_transcript(text)
    assert {s.name for s in parsed.speakers} == {WILLIAM, RUKMINI, PETER}
    assert [t.attribution for t in parsed.turns][:5] == [t[2] for t in EXPECTED[:5]]
    assert parsed.turns[1].paragraphs[0] == "Key Developments:"


def _inlined(seed_text: str, bullet: str) -> str:
    """The seed with each guest's label opening their first paragraph: "• NAME, Aff: text"."""
    text = seed_text.replace("  • RUKMINI CALLIMACHI, The New York Times:\n\n\n\n", "").replace(
        "    They have certainly", "  • RUKMINI CALLIMACHI, The New York Times: They have certainly"
    )
    text = re.sub(r"  • (PETER NEUMANN, [^\n]+:)\n\n    ", r"  • \1 ", text)
    return text.replace("  • ", bullet)


@pytest.mark.parametrize("bullet", ["  • ", "    "])
def test_labels_opening_the_guests_first_paragraphs_read_as_the_seeds_labels(
    seed, seed_text, bullet
):
    parsed = parse_transcript(_inlined(seed_text, bullet))
    assert [(t.speaker, t.role, t.attribution) for t in parsed.turns] == [
        (t.speaker, t.role, t.attribution) for t in seed.turns
    ]
    assert parsed.turns[2].text.startswith("They have certainly")


def test_times_opening_the_paragraphs_date_the_turns_the_layout_parts(seed, seed_text):
    minutes = iter(range(1000))
    stamped = re.sub(
        r"^    (?=\S)", lambda _: f"    [00:{next(minutes):02d}:00] ", seed_text, flags=re.M
    )
    parsed = parse_transcript(stamped)

    def said(transcript):
        return [(t.speaker, p) for t in transcript.turns for p in t.paragraphs]

    assert said(parsed) == said(seed)
    # A turn starts at its first paragraph's time (a block after a label line keeps its own).
    assert [t.start for t in parsed.turns][:5] == [0, 180, 480, 540, 720]


def test_a_pages_bylines_dateline_and_footer_are_not_its_headline_or_its_speech(seed, seed_text):
    headline = "If ISIS falls, where will its fighters flee?\n"
    page = "Home\n\nPolitics\n\nWatch Live\n\n" + seed_text.replace(
        headline,
        headline + "\nBy — William Brangham\n\nBy — Dan Sagalyn\n\n"
        "Updated on Oct 17, 2016 6:45 PM EDT\n",
    )
    page = page.rstrip() + (
        "\n\nCopyright © 2016 NewsHour Productions LLC. All Rights Reserved.\n\n"
        "Related\n\nWhat the polls say about the race for the White House\n"
    )
    parsed = parse_transcript(page)
    assert (parsed.title, parsed.summary) == (seed.title, seed.summary)
    assert [(t.speaker, t.text) for t in parsed.turns] == [(t.speaker, t.text) for t in seed.turns]


def test_a_page_labelling_every_turn_after_the_first_label_reads_each_label_where_it_stands(
    seed, seed_text
):
    # Pages that print a name again print it over each turn of that person's: each label after
    # the first is the turn's own, not a guest's label placed near their first turn.
    labelled = seed_text
    for speaker, _, _, opening in EXPECTED[3:]:
        labelled = labelled.replace(f"    {opening}", f"  • {speaker.upper()}:\n\n    {opening}")
    parsed = parse_transcript(labelled)
    assert [t.speaker for t in parsed.turns] == [t.speaker for t in seed.turns]
    assert [t.attribution for t in parsed.turns][3:14] == ["label"] * 11


def test_guests_the_summary_makes_its_subject_are_guests_where_the_page_labels_them(
    seed, seed_text
):
    summary = (
        "William Brangham learns more about the current state of the militant group from Rukmini"
        " Callimachi of The New York Times and Peter Neumann of King's College."
    )
    assert summary in seed_text
    told_by_guests = seed_text.replace(
        summary,
        "Rukmini Callimachi and Peter Neumann spoke with William Brangham about the current"
        " state of the militant group.",
    )
    parsed = parse_transcript(told_by_guests)
    assert [(t.speaker, t.role) for t in parsed.turns] == [(t.speaker, t.role) for t in seed.turns]
