"""Plain labelled transcripts: NAME: text, NAME, Title:, surnames after full labels, timestamps."""

import pytest

from interviews.parsing import ParseError, parse_transcript
from interviews.parsing.api import detect_format
from interviews.parsing.labels import parse_label, voice_of

BROADCAST = """Morning Edition

STEVE INSKEEP, HOST: Good morning. Joining us is Senator Jane Doe. Welcome.

SEN. JANE DOE (D-NY), SENATOR: Thanks for having me.

INSKEEP: What happens next?

DOE: We vote.

It will be close.

(CROSSTALK)

INSKEEP: Thank you.
"""


def test_a_surname_label_is_the_person_of_the_full_label_before_it():
    parsed = parse_transcript(BROADCAST)
    assert [t.speaker for t in parsed.turns if t.speaker] == [
        "Steve Inskeep",
        "Jane Doe",
        "Steve Inskeep",
        "Jane Doe",
        "Steve Inskeep",
    ]
    assert [t.label for t in parsed.turns if t.speaker][2:4] == ["INSKEEP", "DOE"]
    assert all(t.attribution == "label" and t.confidence == 1.0 for t in parsed.turns if t.speaker)


def test_the_label_title_gives_the_role_and_the_honorific_stays_apart():
    parsed = parse_transcript(BROADCAST)
    inskeep, doe = parsed.speakers
    assert (inskeep.name, inskeep.role) == ("Steve Inskeep", "host")
    assert (doe.name, doe.honorific, doe.role) == ("Jane Doe", "Sen.", "guest")
    assert "Doe" in doe.aliases


def test_a_part_printed_after_a_name_is_its_role_not_an_affiliation():
    parsed = parse_transcript(
        "Jane Doe (Host): Welcome. My guest is Sam Reed.\n\nSam Reed (Guest): Thanks.\n\n"
        "Jane Doe (Host): Are rates going down?\n\nSam Reed (Guest): Slowly.\n"
    )
    assert [(s.name, s.role, s.affiliation) for s in parsed.speakers] == [
        ("Jane Doe", "host", ""),
        ("Sam Reed", "guest", ""),
    ]


def test_where_a_title_names_where_they_work_the_part_naming_their_role_goes_whole():
    richard, ellen = (
        parse_label("Mr. RICHARD KYLE (Chief White House Correspondent, Bloomberg News)"),
        parse_label("ELLEN (Caller)"),
    )
    assert (richard.name, richard.role, richard.affiliation) == (
        "Richard Kyle",
        "correspondent",
        "Bloomberg News",
    )
    assert (ellen.name, ellen.role, ellen.affiliation) == ("Ellen", "guest", "")
    assert parse_label("ANN LEE, CNN CORRESPONDENT").affiliation == "CNN"


def test_a_paragraph_without_a_label_continues_the_turn_above_it():
    turn = parse_transcript(BROADCAST).turns[3]
    assert turn.paragraphs == ["We vote.", "It will be close."]


def test_a_stage_direction_is_kept_and_spoken_by_nobody():
    direction = parse_transcript(BROADCAST).turns[4]
    assert (direction.text, direction.speaker, direction.attribution) == (
        "(CROSSTALK)",
        None,
        "direction",
    )


def test_a_label_that_labels_nothing_is_kept_as_words_of_the_turn_above():
    parsed = parse_transcript("ALICE WU: Hello there.\n\nA:\n\nBOB ROSS: Hi.\n\nQ:")
    assert [(t.speaker, t.paragraphs) for t in parsed.turns] == [
        ("Alice Wu", ["Hello there.", "A:"]),
        ("Bob Ross", ["Hi.", "Q:"]),
    ]


def test_a_label_before_a_stage_direction_labels_the_speech_after_it():
    parsed = parse_transcript("ALICE WU: Hello.\n\nBOB ROSS:\n\n(LAUGHTER)\n\nHi.")
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Alice Wu", "Hello."),
        (None, "(LAUGHTER)"),
        ("Bob Ross", "Hi."),
    ]


def test_a_stage_direction_wrapped_over_lines_inside_a_turn_is_spoken_by_nobody():
    parsed = parse_transcript(
        "       CHIEF JUSTICE ROBERTS:  We will hear\nthe case now.\n"
        "       MR. CLEMENT:  Thank you. It is\nclear.\n       (Laughter.)\n"
        "       CHIEF JUSTICE ROBERTS:  Thank you,\ncounsel. The case is submitted.\n"
        "       (Whereupon, at 12:22 p.m., the case was\nsubmitted.)\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns][-3:] == [
        (None, "(Laughter.)"),
        ("Roberts", "Thank you, counsel. The case is submitted."),
        (None, "(Whereupon, at 12:22 p.m., the case was submitted.)"),
    ]
    # Speech going on after it is the same speaker's, from the time it is given.
    timed = parse_transcript(
        "ANN LEE: [00:00:05] Good evening.\n\n[00:00:09] (applause, and the band\nplays)\n\n"
        "[00:00:30] Thank you all.\n\nTOM WU: [00:00:40] Thanks.\n"
    )
    assert [(t.speaker, t.text, t.start) for t in timed.turns] == [
        ("Ann Lee", "Good evening.", 5.0),
        (None, "(applause, and the band plays)", 9.0),
        ("Ann Lee", "Thank you all.", 30.0),
        ("Tom Wu", "Thanks.", 40.0),
    ]


def test_the_short_first_line_is_the_title():
    assert parse_transcript(BROADCAST).title == "Morning Edition"


def test_timestamps_in_brackets_or_parentheses_date_the_turns():
    parsed = parse_transcript(
        "[00:00:05] RAY SUAREZ, ANCHOR: Good evening.\n"
        "[00:00:09] MARTIN LUTHER KING JR., Guest: It is a pleasure.\n"
        "[00:01:10] SUAREZ: And then?\n"
        "(00:01:20) KING: (LAUGHTER) We marched.\n"
    )
    assert [(t.speaker, t.start) for t in parsed.turns] == [
        ("Ray Suarez", 5.0),
        ("Martin Luther King Jr.", 9.0),
        ("Ray Suarez", 70.0),
        ("Martin Luther King Jr.", 80.0),
    ]
    assert parsed.turns[3].text == "(LAUGHTER) We marched."


def test_a_paragraph_going_on_with_a_turn_keeps_the_time_printed_before_it():
    parsed = parse_transcript(
        "ANN LEE: [00:00:05] Good evening.\n\n[00:01:30] And then it rained.\n\n"
        "Still it rained.\n\n[00:02:00] TOM WU: Yes.\n\n00:02:40\n\nMore from me.\n"
    )
    assert [(t.speaker, t.start, t.paragraph_starts) for t in parsed.turns] == [
        ("Ann Lee", 5.0, [5.0, 90.0, None]),
        ("Tom Wu", 120.0, [120.0, 160.0]),
    ]
    # A line of its own time is a paragraph of its own, a blank line before it or not.
    lined = parse_transcript(
        "[00:00:05] ANN LEE: Good evening.\n[00:01:30] And then it rained.\n"
        "[00:02:00] TOM WU: Yes.\n"
    )
    assert [(t.paragraphs, t.paragraph_starts) for t in lined.turns] == [
        (["Good evening.", "And then it rained."], [5.0, 90.0]),
        (["Yes."], []),
    ]


def test_a_surname_after_a_name_with_jr_is_the_same_person_and_not_a_title():
    parsed = parse_transcript(
        "MARTIN LUTHER KING JR., Guest: It is a pleasure.\n"
        "RAY SUAREZ: Why now?\n"
        "KING: Because it is time.\n"
    )
    king = parsed.speaker("Martin Luther King Jr.")
    assert king.honorific == "" and king.aliases == ["King"]
    assert parsed.turns[2].speaker == "Martin Luther King Jr."
    # Set off by a comma, as many transcripts print it, the suffix is the name's still.
    for label, affiliation in (
        ("ROBERT F. KENNEDY, JR.", ""),
        ("ROBERT F. KENNEDY, JR., Candidate", "Candidate"),
    ):
        parsed = parse_transcript(f"{label}: Hello.\nANN LEE: Why now?\nKENNEDY: It is time.\n")
        assert [t.speaker for t in parsed.turns] == [
            "Robert F. Kennedy Jr.",
            "Ann Lee",
            "Robert F. Kennedy Jr.",
        ]
        assert parsed.speaker("Robert F. Kennedy Jr.").affiliation == affiliation
    # So is a credential, its full stops and all: "DOE:" and "DR. DOE:" are Jane Doe.
    credited = parse_transcript(
        "JUDY WOODRUFF: Joining us is Dr. Jane Doe.\n\n"
        "JANE DOE, M.D., HARVARD MEDICAL SCHOOL: Thank you, Judy.\n\n"
        "WOODRUFF: Is it safe?\n\nDR. DOE: It is.\n\nWOODRUFF: For children?\n\nDOE: Yes.\n"
    )
    assert [s.name for s in credited.speakers] == ["Judy Woodruff", "Jane Doe M.D."]


def test_mixed_case_labels_are_read_when_they_recur():
    parsed = parse_transcript(
        "Steve Inskeep: Good morning.\n\nJane Doe: Hello.\n\nSteve Inskeep: Here's the thing: why?\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Steve Inskeep", "Jane Doe", "Steve Inskeep"]
    assert parsed.turns[2].text == "Here's the thing: why?"


def test_a_long_transcript_with_one_turn_per_line_and_no_blank_lines_is_labelled():
    lines = []
    for n in range(200):
        lines.append(f"ALICE WU: Question number {n}, what do you say?")
        lines.append(f"BOB ROSS: Answer number {n}. It is a happy accident.")
    text = "\n".join(lines)
    assert detect_format(text) == "labelled"
    parsed = parse_transcript(text)
    assert len(parsed.turns) == 400
    assert [t.speaker for t in parsed.turns[:2]] == ["Alice Wu", "Bob Ross"]
    assert all(t.attribution == "label" for t in parsed.turns)


def test_an_indented_labelled_transcript_is_labelled_not_a_scraped_page():
    text = "\n\n".join(
        f"    {name}: Line {n}." for n in range(10) for name in ("ALICE WU", "BOB ROSS")
    )
    assert detect_format(text) == "labelled"
    assert parse_transcript(text).turns[1].speaker == "Bob Ross"


def test_hard_wrapped_lines_join_into_one_paragraph_and_a_wrapped_time_stays_text():
    parsed = parse_transcript(
        "ALICE WU: We left the house\nat 1:25 in the morning and walked\n(quietly) home.\n\n"
        "BOB ROSS: I see.\n"
    )
    assert parsed.turns[0].paragraphs == [
        "We left the house at 1:25 in the morning and walked (quietly) home."
    ]


def test_the_format_can_be_forced():
    parsed = parse_transcript("ALICE WU: Hello.\n\nBOB ROSS: Hi.\n", format="labelled")
    assert parsed.format == "labelled"


def test_labels_set_in_bold_or_as_markdown_headings_are_labels_and_the_first_heading_the_title():
    parsed = parse_transcript(
        "# Episode 42: Batteries\n\n"
        "**Host (Sam Rivera):** Welcome back. I'm joined by Aiko Tanaka.\n\n"
        "**Aiko Tanaka**: Thanks for having me, Sam.\n\n"
        "**Sam Rivera:** Are *solid-state* cells here?\n\n"
        "**Aiko Tanaka:** Almost.\n"
    )
    assert parsed.title == "Episode 42: Batteries"
    assert [(t.speaker, t.role) for t in parsed.turns] == [
        ("Sam Rivera", "host"),
        ("Aiko Tanaka", "guest"),
        ("Sam Rivera", "host"),
        ("Aiko Tanaka", "guest"),
    ]
    assert parsed.turns[2].text == "Are *solid-state* cells here?"
    headed = parse_transcript(
        "# Interview with Aiko Tanaka\n\n### Sam Rivera\nWelcome back, Aiko.\n\n"
        "### Aiko Tanaka\nThanks, Sam.\n\n### Sam Rivera\nWhy now?\n\n### Aiko Tanaka\nCost.\n"
    )
    assert headed.title == "Interview with Aiko Tanaka"
    assert [(t.speaker, t.label, t.text) for t in headed.turns] == [
        ("Sam Rivera", "Sam Rivera", "Welcome back, Aiko."),
        ("Aiko Tanaka", "Aiko Tanaka", "Thanks, Sam."),
        ("Sam Rivera", "Sam Rivera", "Why now?"),
        ("Aiko Tanaka", "Aiko Tanaka", "Cost."),
    ]
    # A blank line under each heading, as a page's headings have, is the same layout; a
    # paragraph of speech that only calls on someone is no heading.
    spaced = parse_transcript(
        "# Interview with Aiko Tanaka\n\n### Sam Rivera\n\nWelcome back, Aiko.\n\n"
        "### Aiko Tanaka\n\nThanks, Sam.\n\nSam Rivera\n\n### Sam Rivera\n\nWhy now?\n\n"
        "Senator Aiko Tanaka?\n\n### Aiko Tanaka\n\nCost.\n"
    )
    # A full name set as a heading labels even the one turn it heads.
    once = parse_transcript(
        "### Sam Rivera\n\nHi.\n\n### Aiko Tanaka\n\nHello.\n\n"
        "### Sam Rivera\n\nSo.\n\n### Jo Marsh\n\nThe polls.\n\n### Aiko Tanaka\n\nYes.\n"
    )
    assert [t.speaker for t in once.turns][-2:] == ["Jo Marsh", "Aiko Tanaka"]
    # A name printed once without a heading's marks labels where the speech names them; two
    # capitalised words the speech only opens sentences with are speech.
    plain = parse_transcript(
        "Sam Rivera\n\nNow to Jo Marsh, whose poll is out.\n\nAiko Tanaka\n\nRight Now\n\n"
        "Now we wait.\n\nSam Rivera\n\nJo?\n\nJo Marsh\n\nThe polls.\n\nAiko Tanaka\n\nYes.\n\n"
        "Sam Rivera\n\nBye.\n"
    )
    assert [(t.speaker, t.text) for t in plain.turns][1:4] == [
        ("Aiko Tanaka", "Right Now\n\nNow we wait."),
        ("Sam Rivera", "Jo?"),
        ("Jo Marsh", "The polls."),
    ]
    assert [(t.speaker, t.text) for t in spaced.turns] == [
        ("Sam Rivera", "Welcome back, Aiko."),
        ("Aiko Tanaka", "Thanks, Sam.\n\nSam Rivera"),
        ("Sam Rivera", "Why now?\n\nSenator Aiko Tanaka?"),
        ("Aiko Tanaka", "Cost."),
    ]
    # A chapter's heading between the turns is nobody's words, nor its marks any words.
    chapters = parse_transcript(
        "# Episode 12: Housing\n\n## Introduction\n\n**Sam Rivera:** Welcome.\n\n"
        "**Aiko Tanaka:** Thanks.\n\n## Why prices rose\n\n**Sam Rivera:** Why?\n\n"
        "**Aiko Tanaka:** Rates fell.\n"
    )
    assert chapters.summary == "Introduction"
    assert [(t.speaker, t.attribution, t.text) for t in chapters.turns][1:3] == [
        ("Aiko Tanaka", "label", "Thanks."),
        (None, "direction", "Why prices rose"),
    ]


def test_a_chapters_title_alone_before_a_name_is_a_heading_and_a_short_last_line_speech():
    parsed = parse_transcript(
        "Lex Fridman\n(00:00:15) What is fusion?\n\n"
        "Jane Doe\n(00:00:20) It's what powers the sun.\n\nPlasma physics\n\n"
        "Lex Fridman\n(00:01:02) How hot does it get?\n\n"
        "Jane Doe\n(00:01:05) Very hot.\n\nOh yeah\n\n"
        "Lex Fridman\n(00:01:09) And then?\n\nJane Doe\n(00:01:12) Then it fuses. You see\n\n"
        "Lex Fridman\n(00:01:20) I do.\n\nTokamaks and stellarators\n\n"
        "Jane Doe\n(00:02:00) Two designs.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Lex Fridman", "What is fusion?"),
        ("Jane Doe", "It's what powers the sun."),
        (None, "Plasma physics"),
        ("Lex Fridman", "How hot does it get?"),
        ("Jane Doe", "Very hot.\n\nOh yeah"),
        ("Lex Fridman", "And then?"),
        ("Jane Doe", "Then it fuses. You see"),
        ("Lex Fridman", "I do."),
        (None, "Tokamaks and stellarators"),
        ("Jane Doe", "Two designs."),
    ]


def test_a_name_alone_on_its_line_heads_the_speech_below_it_where_the_layout_repeats():
    parsed = parse_transcript(
        "Linda Greenfield\nThank you for having me.\n\n"
        "Mark Stevens\nThe vote failed. What now?\n\n"
        "Linda Greenfield\nWe keep working.\n\n"
        "Mark Stevens\nWill you veto it?\n\n"
        "Linda Greenfield\nI won't prejudge that.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Linda Greenfield", "Mark Stevens"] * 2 + [
        "Linda Greenfield"
    ]
    assert parsed.speaker("Linda Greenfield").role == "guest"
    assert parsed.speaker("Mark Stevens").role == "host"
    affiliated = parse_transcript(
        "Judy Woodruff, PBS NewsHour\nGood evening.\n\nTom Wu, Acme Corp\nThanks, Judy.\n\n"
        "Judy Woodruff, PBS NewsHour\nWhy now?\n\nTom Wu, Acme Corp\nBecause.\n"
    )
    assert [(s.name, s.affiliation) for s in affiliated.speakers] == [
        ("Judy Woodruff", "PBS NewsHour"),
        ("Tom Wu", "Acme Corp"),
    ]
    assert [t.text for t in affiliated.turns] == ["Good evening.", "Thanks, Judy.", "Why now?"] + [
        "Because."
    ]


# A debate whose speakers' names stand alone above their speech: (name, paragraphs) of each turn.
DEBATE_TURNS = [
    ("Moderator", ["Good evening. Steve Kornacki has the numbers first."]),
    ("Steve Kornacki", ["Thanks. The polls are close.", "Very close."]),
    ("Moderator", ["Senator Harry A. Blackmun, your question."]),
    ("Harry A. Blackmun", ["Mr. President, Im still speaking. (CROSSTALK)", "Thank you."]),
    ("William A. Kehoe, Jr.", ["Governor, we have actually produced more oil —"]),
    ("Moderator", ["Senator"]),
    ("Harry A. Blackmun", ["Mr. Kehoe, the next question is for you — Governor Kehoe — go on."]),
    ("William A. Kehoe, Jr.", ["Blackmun is wrong.", "Moderator"]),
    ("Moderator", ["Thank you both. Mr. Wirin and Mr. Morgan?"]),
    ("A. L. Wirin", ["Yes, Your Honor."]),
    ("W. Edward Morgan", ["in my lifetime", "Senator (CHEERING)"]),
    ("A. L. Wirin", ["No, sir."]),
    ("W. Edward Morgan", ["Can I"]),
]


def test_a_name_in_capitals_heads_the_speech_below_a_blank_line_though_it_opens_with_a_title():
    turns = [("ANN LEE", "Welcome."), ("MAJOR GARRETT", "Thanks, Ann."), ("ANN LEE", "Why?")]
    parsed = parse_transcript("\n\n".join(f"{name}\n\n{said}" for name, said in turns * 2))
    assert [t.label for t in parsed.turns] == [name for name, _ in turns * 2]


@pytest.mark.parametrize("layout", ["capitals", "spaced"])
def test_names_alone_above_the_speech_label_it_however_the_speech_begins(layout):
    if layout == "capitals":  # "HARRY A. BLACKMUN" over the speech, a blank line between turns
        text = "\n\n".join("\n".join([name.upper(), *said]) for name, said in DEBATE_TURNS)
    else:  # "Harry A. Blackmun", a blank line, then each paragraph with a blank line after it
        text = "\n\n".join("\n\n".join([name, *said]) for name, said in DEBATE_TURNS)
    parsed = parse_transcript("Debate\n\n" + text)
    assert parsed.format == "labelled"
    shown = {"Moderator": "host", "William A. Kehoe, Jr.": "William A. Kehoe Jr."}
    assert [(t.speaker or t.role, t.text) for t in parsed.turns] == [
        (shown.get(name, name), (" " if layout == "capitals" else "\n\n").join(said))
        for name, said in DEBATE_TURNS
    ]


# (speaker, speech) of each turn of a short debate, its moderator unnamed.
SET_OFF_TURNS = [
    ("Moderator", "Good evening. Governor Bush, your answer?"),
    ("George W. Bush", "The point — the point is, we need to cut."),
    ("William A. Kehoe, Jr.", "Governor —"),
    ("George W. Bush", "— is down. And so on."),
    ("Moderator", "Thank you both."),
    ("William A. Kehoe, Jr.", "The point — the point is, we need to cut."),
]


@pytest.mark.parametrize(
    "print_turn",
    [
        lambda name, said: f"{name}\t{said}",  # a table's cells pasted
        lambda name, said: f"{name} — {said}",  # a dash for the colon, in mixed case
        lambda name, said: f"{name.lower()}\n{said}",  # names in lower case above the speech
    ],
)
def test_names_set_off_from_the_speech_are_labels_whatever_the_speech_opens_with(print_turn):
    parsed = parse_transcript("\n\n".join(print_turn(*turn) for turn in SET_OFF_TURNS))
    shown = {"Moderator": "host", "William A. Kehoe, Jr.": "William A. Kehoe Jr."}
    assert [(t.speaker or t.role, t.text) for t in parsed.turns] == [
        (shown.get(name, name), said) for name, said in SET_OFF_TURNS
    ]


def test_a_name_alone_on_its_line_in_lower_case_heads_the_speech_below_where_the_layout_repeats():
    parsed = parse_transcript(
        "michael barbaro\nFrom The New York Times, I'm Michael Barbaro.\n\n[MUSIC PLAYING]\n\n"
        "Adam, welcome back.\n\nadam liptak\nThank you, Michael.\n\n"
        "michael barbaro\nWhat is Chevron?\n\nadam liptak\nA 1984 decision.\n"
    )
    assert [(t.speaker, t.label, t.attribution) for t in parsed.turns] == [
        ("Michael Barbaro", "michael barbaro", "label"),
        (None, "", "direction"),
        ("Michael Barbaro", "michael barbaro", "label"),
        ("Adam Liptak", "adam liptak", "label"),
        ("Michael Barbaro", "michael barbaro", "label"),
        ("Adam Liptak", "adam liptak", "label"),
    ]
    # Words in lower case on a line of their own, once each, stay words.
    once = parse_transcript("ALICE WU: Who came?\n\nmy brother\nAnd his wife.\n\nBOB ROSS: Fine.\n")
    assert once.turns[0].paragraphs == ["Who came?", "my brother And his wife."]


def test_a_name_alone_on_its_line_once_or_above_a_blank_line_stays_words():
    parsed = parse_transcript(
        "ALICE WU: My favourite painters?\n\nBob Ross\n\nAnd then Carol King.\n\n"
        "BOB ROSS: Carol King\nwas a singer.\n"
    )
    assert parsed.turns[0].paragraphs == [
        "My favourite painters?",
        "Bob Ross",
        "And then Carol King.",
    ]
    assert parsed.turns[1].text == "Carol King was a singer."
    # A list of names is no transcript, however often they recur.
    with pytest.raises(ParseError):
        parse_transcript("\n".join(["Leila Fadel", "Steve Inskeep", "Priya Raman"] * 4))


def test_q_and_a_label_the_two_sides_of_an_interview_and_the_summary_names_the_answerer():
    parsed = parse_transcript(
        "The Economist met Maria Lopez, Chile's finance minister, in Santiago.\n\n"
        "Q: How bad is the slowdown?\n\nA: Serious, not a crisis.\n\n"
        "Q: Will you raise taxes?\n\nA: Not this year.\n"
    )
    assert [(s.name, s.role) for s in parsed.speakers] == [("Maria Lopez", "guest")]
    assert [(t.speaker, t.role, t.label) for t in parsed.turns[:2]] == [
        (None, "host", "Q"),
        ("Maria Lopez", "guest", "A"),
    ]


PAGE_COPY = """Leave your feedback
Share
Copy URL https://www.example.org/newshour/show/why-bees-are-dying
Email
Facebook

Transcript
Audio

Why are so many bees dying?

Beekeepers lost nearly half their colonies last year. Science correspondent Miles O'Brien reports.

Read the Full Transcript

Judy Woodruff:

Beekeepers say they have never seen losses like this. Miles O'Brien has the story.

Miles O'Brien:

Scientists suspect a mix of causes: mites, viruses, pesticides and poor nutrition.

Dennis vanEngelsdorp:

It's not one thing. It's death by a thousand cuts.

Judy Woodruff:

Such an important story.

Listen to this Segment
Watch the Full Episode
Support Provided By: Learn more
Subscribe to Here's the Deal, our politics newsletter.
"""


def test_a_copied_pages_furniture_is_neither_its_title_nor_anyones_words():
    parsed = parse_transcript(PAGE_COPY)
    assert parsed.title == "Why are so many bees dying?"
    assert parsed.summary.startswith("Beekeepers lost nearly half")
    assert [(t.speaker, t.text[:20]) for t in parsed.turns] == [
        ("Judy Woodruff", "Beekeepers say they "),
        ("Miles O'Brien", "Scientists suspect a"),
        ("Dennis vanEngelsdorp", "It's not one thing. "),
        ("Judy Woodruff", "Such an important st"),
    ]
    assert parsed.turns[-1].text == "Such an important story."
    assert "Support Provided By" not in [s.name for s in parsed.speakers]
    # A news site's section above the headline is no title either.
    sectioned = parse_transcript(PAGE_COPY.replace("Audio\n", "Audio\n\nScience\n"))
    assert sectioned.title == "Why are so many bees dying?"


def test_a_headline_opening_with_a_controls_word_is_the_title_not_a_control():
    parsed = parse_transcript(
        "Transcript for Jane Doe: The Future of Energy | Lex Fridman Podcast #400\n\n"
        "Introduction\n\nLex Fridman\n(00:00:00) Welcome, Jane.\n\nJane Doe\n(00:00:12) Thanks.\n\n"
        "Lex Fridman\n(00:00:15) What is fusion?\n\nJane Doe\n(00:00:20) What powers the sun.\n"
    )
    assert (
        parsed.title == "Transcript for Jane Doe: The Future of Energy | Lex Fridman Podcast #400"
    )
    assert parsed.summary == "Introduction"
    assert [t.speaker for t in parsed.turns] == ["Lex Fridman", "Jane Doe"] * 2


def test_a_copyright_notice_below_the_transcript_is_no_ones_words():
    parsed = parse_transcript(
        "LEILA FADEL, HOST: Thanks, Scott.\n\nSCOTT HORSLEY, BYLINE: You're welcome.\n\n"
        "(SOUNDBITE OF MUSIC)\n\nCopyright © 2024 NPR. All rights reserved. Visit our website"
        " terms of use.\n\nNPR transcripts are created on a rush deadline.\n"
    )
    assert [t.text for t in parsed.turns] == [
        "Thanks, Scott.",
        "You're welcome.",
        "(SOUNDBITE OF MUSIC)",
    ]


def test_the_mark_a_transcript_ends_at_is_no_ones_words():
    for mark in ("END", "END                 1:52 P.M. EDT", "###", "-- END OF TRANSCRIPT --"):
        parsed = parse_transcript(
            "MS. LEAVITT: Go ahead.\n\nQ Will it pass?\n\nMS. LEAVITT: Not yet.\n\n"
            f"Q When?\n\nMS. LEAVITT: Soon.\n\n{mark}\n"
        )
        assert [t.text for t in parsed.turns][-3:] == ["Not yet.", "When?", "Soon."]
    spoken = parse_transcript("ANN LEE: Is this the end?\n\nTOM WU: The end. Of it all.\n")
    assert spoken.turns[-1].text == "The end. Of it all."


def test_two_lines_of_speech_that_call_to_action_are_no_footer():
    parsed = parse_transcript(
        "COACH: Right.\nWatch the ball.\nFollow it.\n\nPLAYER: I will.\n\nCOACH: Good.\n"
    )
    assert [t.text for t in parsed.turns] == [
        "Right. Watch the ball. Follow it.",
        "I will.",
        "Good.",
    ]


def test_a_headline_names_the_answerer_where_the_summary_does_not():
    def interview(headline: str) -> list[str | None]:
        parsed = parse_transcript(
            f"{headline}\n\nBy Helen Park\n\nTen years on, the novelist returns with three"
            " sisters.\n\nQ. Why so long?\n\nA. I threw away the first draft.\n\n"
            "Q. That must have hurt.\n\nA. For a week.\n"
        )
        return [t.speaker for t in parsed.turns]

    assert (
        interview("Q&A: Ruth Akers on the novel she threw away")
        == [
            "Helen Park",
            "Ruth Akers",
        ]
        * 2
    )
    # Every word capitalised: "Interview With Novelist Ruth Akers" would be someone's name.
    assert interview("Interview With Novelist Ruth Akers") == ["Helen Park", None] * 2


def test_parts_are_cast_only_when_the_summary_names_one_person_for_each():
    parsed = parse_transcript(
        "Jane Smith talks to John Doe about the drought.\n\n"
        "INTERVIEWER: Is it over?\n\nRESPONDENT: Not yet.\n\n"
        "INTERVIEWER: When?\n\nRESPONDENT: Spring.\n"
    )
    assert [t.speaker for t in parsed.turns[:2]] == ["Jane Smith", "John Doe"]

    two_guests = parse_transcript(
        "A talk with John Doe and Mary Major.\n\nQ: Is it over?\n\nA: Not yet.\n"
    )
    assert two_guests.speakers == []
    # Beside a named guest's label, the part that asks is whom the summary says asks.
    for summary in (
        "Interviewed by Hannah Jane Parkinson.",
        "The senator spoke with Rolling Stone's Hannah Jane Parkinson in Burlington.",
    ):
        named_guest = parse_transcript(
            f"Bernie Sanders on Medicare for All\n\n{summary}\n\n"
            "Q: Senator, why now?\n\nSANDERS: Because it is broken.\n\nQ: The cost?\n\n"
            "SANDERS: Less than now.\n"
        )
        assert [t.speaker for t in named_guest.turns] == [
            "Hannah Jane Parkinson",
            "Bernie Sanders",
        ] * 2, summary


def test_narration_above_the_first_label_is_the_summary_and_speech_stays_a_turn():
    narrated = parse_transcript(
        "The Economist met Maria Lopez in Santiago last week.\n\n"
        "ALICE WU: How bad is it?\n\nBOB ROSS: Serious.\n"
    )
    assert narrated.summary == "The Economist met Maria Lopez in Santiago last week."
    assert [t.speaker for t in narrated.turns] == ["Alice Wu", "Bob Ross"]

    cut_in = parse_transcript(
        "and that is why we voted no.\n\nALICE WU: I see.\n\nBOB ROSS: Yes.\n"
    )
    assert cut_in.summary == ""
    assert cut_in.turns[0].text == "and that is why we voted no."


def test_a_time_and_a_name_alone_on_a_line_head_the_speech_below_and_date_it():
    parsed = parse_transcript(
        "[00:00:01] Jenna Park\nWelcome to Tech Talk. With me is Omar Haddad.\n\n"
        "[00:00:08] Omar Haddad\nGlad to be here.\n\n"
        "[00:00:11] Jenna Park\nHow did Lumen start?\n\n"
        "[00:00:14] Omar Haddad\nIn a garage.\n"
    )
    assert [(t.speaker, t.start) for t in parsed.turns] == [
        ("Jenna Park", 1.0),
        ("Omar Haddad", 8.0),
        ("Jenna Park", 11.0),
        ("Omar Haddad", 14.0),
    ]
    # The span a turn takes, as Riverside prints it above the speech or before the colon.
    for layout in ("{name} ({span})\n{text}", "{name} [{span}]: {text}"):
        spans = parse_transcript(
            "\n\n".join(
                layout.format(name=name, span=f"00:00:{at:02} - 00:00:{at + 4:02}", text=text)
                for name, at, text in [
                    ("Jenna Park", 1, "Welcome."),
                    ("Omar Haddad", 5, "Glad to be here."),
                    ("Jenna Park", 9, "How did Lumen start?"),
                    ("Omar Haddad", 13, "In a garage."),
                ]
            )
        )
        assert [(t.speaker, t.start, t.text) for t in spans.turns] == [
            ("Jenna Park", 1.0, "Welcome."),
            ("Omar Haddad", 5.0, "Glad to be here."),
            ("Jenna Park", 9.0, "How did Lumen start?"),
            ("Omar Haddad", 13.0, "In a garage."),
        ]


PARTLY_LABELLED = """Brooks and Capehart on the shutdown

David Brooks and Jonathan Capehart join Judy Woodruff to discuss the week in politics.

And that brings us to Brooks and Capehart. Hello to both of you.

DAVID BROOKS: Good evening.

JONATHAN CAPEHART: Good evening, Judy.

So, David, the government is shut down for the second week. Who blinks first?

DAVID BROOKS: Well, I think the president blinks first.

Jonathan, do you see it that way?

JONATHAN CAPEHART: I do not, actually.

David Brooks, Jonathan Capehart, thank you both.
"""


def test_where_labels_name_the_guests_and_not_the_host_the_host_speaks_the_unlabelled_paragraphs():
    parsed = parse_transcript(PARTLY_LABELLED)
    assert parsed.summary.startswith("David Brooks and Jonathan Capehart join")
    assert [(s.name, s.role) for s in parsed.speakers] == [
        ("Judy Woodruff", "host"),
        ("David Brooks", "guest"),
        ("Jonathan Capehart", "guest"),
    ]
    assert [(t.speaker, t.attribution) for t in parsed.turns] == [
        ("Judy Woodruff", "inferred"),
        ("David Brooks", "label"),
        ("Jonathan Capehart", "label"),
        ("Judy Woodruff", "inferred"),
        ("David Brooks", "label"),
        ("Judy Woodruff", "inferred"),
        ("Jonathan Capehart", "label"),
        ("Judy Woodruff", "inferred"),
    ]


def test_in_a_fully_labelled_transcript_a_paragraph_calling_on_the_next_speaker_continues_its_turn():
    parsed = parse_transcript(
        "JUDY WOODRUFF: Welcome.\n\nDavid, who blinks first?\n\n"
        "DAVID BROOKS: The president.\n\nJUDY WOODRUFF: Thank you, David.\n"
    )
    assert [(t.speaker, t.paragraphs) for t in parsed.turns] == [
        ("Judy Woodruff", ["Welcome.", "David, who blinks first?"]),
        ("David Brooks", ["The president."]),
        ("Judy Woodruff", ["Thank you, David."]),
    ]


def test_a_host_labelled_once_and_then_called_on_speaks_the_unlabelled_paragraphs():
    parsed = parse_transcript(
        "JUDY WOODRUFF: Brooks and Capehart are here. Hello to both of you.\n\n"
        "DAVID BROOKS: Good evening, Judy.\n\nJONATHAN CAPEHART: Good evening, Judy.\n\n"
        "So, David, who blinks first?\n\nDAVID BROOKS: The president.\n\n"
        "Jonathan, do you agree?\n\nJONATHAN CAPEHART: I do not.\n\n"
        "Thank you both.\n\nDAVID BROOKS: Thank you, Judy.\n"
    )
    assert [(s.name, s.role) for s in parsed.speakers] == [
        ("Judy Woodruff", "host"),
        ("David Brooks", "guest"),
        ("Jonathan Capehart", "guest"),
    ]
    assert [t.speaker for t in parsed.turns] == [
        "Judy Woodruff",
        "David Brooks",
        "Jonathan Capehart",
        "Judy Woodruff",
        "David Brooks",
        "Judy Woodruff",
        "Jonathan Capehart",
        "Judy Woodruff",
        "David Brooks",
    ]


def test_a_time_in_brackets_after_the_name_stands_for_the_colon():
    parsed = parse_transcript(
        "Jenna Park [00:00:01] Hi everyone.\n\nOmar Haddad [00:00:08] Hey Jenna.\n\n"
        "Jenna Park [00:00:11] How did it start? At 1:25 [00:01] or later?\n"
    )
    assert [(t.speaker, t.start, t.text) for t in parsed.turns] == [
        ("Jenna Park", 1.0, "Hi everyone."),
        ("Omar Haddad", 8.0, "Hey Jenna."),
        ("Jenna Park", 11.0, "How did it start? At 1:25 [00:01] or later?"),
    ]


# A radio network's transcript page as its archive prints it: the page's title run into its
# description, a logo, the player's controls as a list with its markup, the title again; the
# host's words unlabelled, the guest labelled at each answer.
RADIO_PAGE = """From Comedy Writer To 'Famous Novelist' Comedy writer Steve Hely details the journey \
of a young writer in his new novel.
NPR logo

From Comedy Writer To 'Famous Novelist'

  • Download
  • <iframe src="" width="100%" height="290" title="NPR embedded audio player">
  • Transcript
From Comedy Writer To 'Famous Novelist'


This is FRESH AIR. I'm Terry Gross.

My guest, Steve Hely, is a comedy writer. His new book is a satirical novel.

Steve Hely, welcome to FRESH AIR. Why did you want to write a book about bad books?

Mr. STEVE HELY (Comedy writer): Well, I like going to bookstores.

I love rifling through them and finding the weird, crazy books.

So what's the formula? What does a best-seller need?

Mr. HELY: It needs a mystery, and a wise old person who dispenses wisdom.

You must have read a lot of them.

Mr. HELY: Too many, my wife would say.

Steve Hely, thank you so much for talking with us.

Mr. HELY: Thank you, Terry.
"""


def test_a_page_labelling_each_answer_of_its_guest_gives_the_unlabelled_questions_to_its_host():
    parsed = parse_transcript(RADIO_PAGE)
    assert [(s.name, s.role) for s in parsed.speakers] == [
        ("Terry Gross", "host"),
        ("Steve Hely", "guest"),
    ]
    assert [(t.speaker, t.text.split(".")[0]) for t in parsed.turns] == [
        ("Terry Gross", "This is FRESH AIR"),
        ("Steve Hely", "Well, I like going to bookstores"),
        ("Terry Gross", "So what's the formula? What does a best-seller need?"),
        ("Steve Hely", "It needs a mystery, and a wise old person who dispenses wisdom"),
        ("Terry Gross", "You must have read a lot of them"),
        ("Steve Hely", "Too many, my wife would say"),
        ("Terry Gross", "Steve Hely, thank you so much for talking with us"),
        ("Steve Hely", "Thank you, Terry"),
    ]
    assert parsed.turns[1].paragraphs == [
        "Well, I like going to bookstores.",
        "I love rifling through them and finding the weird, crazy books.",
    ]


def test_where_labels_head_each_of_a_guests_turns_an_unlabelled_challenge_is_the_hosts():
    parsed = parse_transcript(
        """Debate night

Jim Lehrer moderates a debate between Ann Lee of Ohio and Bob Cole of Utah.

Good evening. I'm Jim Lehrer. Ms. Lee, your opening?

ANN LEE (Ohio): Thank you, Jim. Taxes must fall this year.

They have risen for a decade and the farms are paying for it.

Mr. Cole, your opening?

BOB COLE (Utah): Taxes must rise to pay for the roads.

Ms. Lee, the roads?

LEE: The roads can wait a year.

That is not what you said last spring, Ann.

LEE: I said the roads matter. They do.

Mr. Cole, a last word?

COLE: The roads cannot wait.

That would cost billions, Bob.

COLE: It would, and it should.

Thank you both.
"""
    )
    challenges = [t for t in parsed.turns if t.text.endswith(("spring, Ann.", "billions, Bob."))]
    assert [t.speaker for t in challenges] == ["Jim Lehrer", "Jim Lehrer"]


def test_a_copied_page_gives_its_title_and_description_and_leaves_out_its_furniture():
    parsed = parse_transcript(RADIO_PAGE)
    assert parsed.title == "From Comedy Writer To 'Famous Novelist'"
    assert parsed.summary == (
        "Comedy writer Steve Hely details the journey of a young writer in his new novel."
    )
    assert parsed.turns[0].paragraphs[0] == "This is FRESH AIR. I'm Terry Gross."
    spoken = " ".join(t.text for t in parsed.turns)
    assert not any(word in spoken for word in ("logo", "iframe", "Download", "Famous Novelist"))


def test_words_said_twice_above_the_first_label_are_kept_as_a_headline_said_twice_is_not():
    parsed = parse_transcript(
        "Storm Watch\n\nStorm Watch\n\nGood evening, I'm Ann Lee.\n\nThank you.\n\nThank you.\n\n"
        "ANN LEE: The storm is here.\n\nBOB COLE: Stay inside.\n"
    )
    assert parsed.title == "Storm Watch"
    assert parsed.turns[0].paragraphs == ["Good evening, I'm Ann Lee.", "Thank you.", "Thank you."]


def test_what_follows_a_pages_link_to_its_transcript_is_the_transcript_not_its_summary():
    parsed = parse_transcript(
        "Debate night\n\nJim Lehrer puts questions to Ann Lee and Bob Cole.\n\n"
        "Read the Full Transcript\n\nNow to the debate, and what was said.\n\n"
        "Jim Lehrer has the story.\n\nGood evening. Ms. Lee, your opening?\n\n"
        "ANN LEE (Ohio): Taxes must fall.\n\nMr. Cole?\n\nBOB COLE (Utah): Taxes must rise.\n\n"
        "Ms. Lee?\n\nLEE: They must fall.\n\nMr. Cole?\n\nCOLE: They must rise.\n"
    )
    assert parsed.summary == "Jim Lehrer puts questions to Ann Lee and Bob Cole."
    assert parsed.turns[0].paragraphs[0] == "Now to the debate, and what was said."


def test_the_times_of_an_unlabelled_opening_under_a_pages_link_to_its_transcript_stay():
    parsed = parse_transcript(
        "Storm night\n\nRead the Full Transcript\n\n[00:00:01] Good evening, I'm glad you're "
        "here.\n\n[00:00:05] Tonight, the storm.\n\nBOB COLE: [00:00:09] Hello.\n\n"
        "ANN LEE: [00:00:12] Hi.\n\nBOB COLE: [00:00:14] Bye.\n"
    )
    assert parsed.title == "Storm night"
    assert (parsed.turns[0].start, parsed.turns[0].paragraph_starts) == (1.0, [1.0, 5.0])


def test_where_the_summarys_host_is_no_ones_label_the_questions_under_labels_are_the_hosts():
    # (And the anchor opening such a page, unlabelled, is one as on a scraped page.)
    parsed = parse_transcript(
        "Debate night\n\nJim Lehrer puts questions to Ann Lee and Bob Cole.\n\n"
        "Read the Full Transcript\n\nNow to the debate, and what was said.\n\n"
        "Jim Lehrer has the story.\n\nGood evening. Ms. Lee, your opening?\n\n"
        "ANN LEE (Ohio): Taxes must fall.\n\nMr. Cole?\n\nBOB COLE (Utah): Taxes must rise.\n\n"
        "Ms. Lee?\n\nLEE: They must fall.\n\nMr. Cole?\n\nCOLE: They must rise.\n"
    )
    assert [(t.speaker, t.role) for t in parsed.turns] == [
        (None, "anchor"),
        ("Jim Lehrer", "host"),
        ("Ann Lee", "guest"),
        ("Jim Lehrer", "host"),
        ("Bob Cole", "guest"),
        ("Jim Lehrer", "host"),
        ("Ann Lee", "guest"),
        ("Jim Lehrer", "host"),
        ("Bob Cole", "guest"),
    ]


def test_where_a_page_sets_turns_further_apart_than_paragraphs_an_unlabelled_turn_keeps_them():
    parsed = parse_transcript(
        "  • ANN LEE: The plan failed.\n\nIt failed twice.\n\n\n"
        "Why did it fail?\n\nWas it the money?\n\n\n"
        "  • ANN LEE: It was the money.\n\nAnd the timing.\n\n\n"
        "What now?\n\n\n"
        "  • ANN LEE: We wait.\n\nAnd we hope.\n"
    )
    assert [len(t.paragraphs) for t in parsed.turns] == [2, 2, 2, 1, 2]
    assert [t.speaker == "Ann Lee" for t in parsed.turns] == [True, False, True, False, True]


def test_a_label_describing_its_speaker_in_parentheses_may_hold_a_colon():
    parsed = parse_transcript(
        "NEAL CONAN: Bill Moyers joins us.\n\n"
        'Mr. BILL MOYERS (Author, "Moyers Journal: The Conversation Continues"): Hello, Neal.\n\n'
        "CONAN: Welcome.\n"
    )
    assert [(s.name, s.affiliation) for s in parsed.speakers] == [
        ("Neal Conan", ""),
        ("Bill Moyers", 'Author, "Moyers Journal: The Conversation Continues"'),
    ]
    assert parsed.turns[1].text == "Hello, Neal."


def test_who_opens_unlabelled_saying_who_they_are_hosts_and_who_thanks_them_for_having_them_guests():
    parsed = parse_transcript(
        "Moyers looks back\n\n"
        "Longtime host Bill Moyers shares memorable interviews from his show.\n\n"
        "This is TALK OF THE NATION. I'm Neal Conan. Bill Moyers joins us.\n\n"
        "Mr. BILL MOYERS (Author): Thanks for having me, Neal.\n\n"
        "CONAN: Why Jon Stewart for the first show? What did he bring?\n\n"
        "Mr. MOYERS: He was doing journalism in the guise of comedy.\n\n"
        "CONAN: Let's get a caller in. Ellen is with us from Portland.\n\n"
        "ELLEN (Caller): Hi, Bill. I watched every week.\n\n"
        "Mr. MOYERS: Thank you, Ellen.\n\nCONAN: Bill Moyers, thank you.\n"
    )
    assert [(s.name, s.role, s.affiliation) for s in parsed.speakers] == [
        ("Neal Conan", "host", ""),
        ("Bill Moyers", "guest", "Author"),
        ("Ellen", "guest", ""),
    ]
    assert parsed.turns[0].speaker == "Neal Conan"


# A program's name before its description runs into the name of the person it is about.
EMBEDDED_PAGE = """Mitch Part 4

Embedded Mitch McConnell says he never expected Donald Trump to become president. And during \
the campaign, he was openly critical of Trump's rhetoric.


Hey, I'm Kelly McEvers.


And I'm Eric Mennel.

MCEVERS: And this is EMBEDDED from NPR.

In the summer of 2016, it was pretty clear that Donald Trump was going to be the Republican \
nominee for president. By June, he had upset or insulted so many different people, though, \
there was a lot of doubt that he could actually win a general election.

MENNEL: He'd insulted Mexicans, Megyn Kelly, the Pope. He said John McCain wasn't a war hero.

MCEVERS: At the same time, Senate Majority Leader Mitch McConnell happened to be on tour for \
his memoir, "The Long Game." And it was clear McConnell was not happy with Trump's behavior.


MITCH MCCONNELL: What he said was outrageous and inappropriate, and I couldn't more strongly \
condemn that.

MCEVERS: This is Mitch McConnell with Judy Woodruff on PBS after Trump insulted the judge \
whose parents immigrated from Mexico.


JUDY WOODRUFF: If he doesn't back off, what are the implications for...?

MCCONNELL: Well, he needs to back off.
"""


def test_a_word_run_into_a_labelled_name_in_the_summary_makes_no_other_person():
    parsed = parse_transcript(EMBEDDED_PAGE)
    assert [s.name for s in parsed.speakers if "McConnell" in s.name] == ["Mitch McConnell"]
    assert parsed.turns[-1].speaker == "Mitch McConnell"


def test_a_label_wrapped_over_two_lines_at_a_width_is_one_label():
    parsed = parse_transcript(
        "JUDY WOODRUFF: Good evening.\nI'm Judy Woodruff. On the NewsHour tonight, the\n"
        "pilots.\nBRYAN MCKUNE, Manager of Pilot Development,\n"
        "Alaska Airlines: It's being very competitive,\nand there's only so many.\n"
        "JUDY WOODRUFF: All that and more on tonight's\nNewsHour.\n(BREAK)\n"
        "JUDY WOODRUFF: The impeachment inquiry now has\nnew evidence.\n"
    )
    assert [(s.name, s.affiliation) for s in parsed.speakers] == [
        ("Judy Woodruff", ""),
        ("Bryan McKune", "Manager of Pilot Development, Alaska Airlines"),
    ]
    assert [(t.speaker, t.text) for t in parsed.turns][1:4] == [
        ("Bryan McKune", "It's being very competitive, and there's only so many."),
        ("Judy Woodruff", "All that and more on tonight's NewsHour."),
        (None, "(BREAK)"),
    ]


def test_labels_a_copy_ran_into_one_paragraph_each_open_a_turn():
    parsed = parse_transcript(
        "Full transcript of 'Face the Nation,' May 25, 2025\n"
        "MARGARET BRENNAN: I'm Margaret Brennan in Washington. This week: the bill. (Begin VT) "
        "DONALD TRUMP (President of the United States): It's a big, beautiful bill. MAN: Hip, "
        "hip. (End VT) MARGARET BRENNAN: Good morning, Mr. Speaker. MIKE JOHNSON: Good morning, "
        "Margaret. MARGARET BRENNAN: Will it pass? Mr. JOHNSON: It will.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Margaret Brennan", "I'm Margaret Brennan in Washington. This week: the bill. (Begin VT)"),
        ("Donald Trump", "It's a big, beautiful bill."),
        (None, "Hip, hip. (End VT)"),
        ("Margaret Brennan", "Good morning, Mr. Speaker."),
        ("Mike Johnson", "Good morning, Margaret."),
        ("Margaret Brennan", "Will it pass?"),
        ("Mike Johnson", "It will."),
    ]


def test_a_name_with_an_initial_is_no_sentence_with_a_label_run_into_it():
    parsed = parse_transcript(
        "EARL WARREN: Mr. Manges. POTTER STEWART: Yes. EARL WARREN: Go on. POTTER STEWART: Do.\n\n"
        "HORACE S. MANGES (counsel): May it please the Court.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns][-1] == (
        "Horace S. Manges",
        "May it please the Court.",
    )


def test_a_label_in_capitals_may_run_on_into_its_speech_or_leave_its_colon_out():
    # As NBC prints Meet the Press, its header's notice about the browser no one's words.
    parsed = parse_transcript(
        "IE 11 is not supported. For an optimal experience visit our site on another browser.\n\n"
        "Meet the Press - February 7, 2016\n\nGuests: Marco Rubio, Chris Christie\n\n"
        "CHUCK TODD:\n\nLast night, the most bitter debate yet.\n\n"
        "SEN. MARCO RUBIO:\n\nIt's just not true--\n\nGOV. CHRIS CHRISTIE:There it is--\n\n"
        "CHUCK TODD\n\nCan Rubio recover?\n\nSEN. MARCO RUBIO:It's pretty good.\n\n"
        "CHUCK TODD:I'm Chuck Todd in Manchester.\n"
    )
    assert parsed.title == "Meet the Press - February 7, 2016"
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Chuck Todd", "Last night, the most bitter debate yet."),
        ("Marco Rubio", "It's just not true--"),
        ("Chris Christie", "There it is--"),
        ("Chuck Todd", "Can Rubio recover?"),
        ("Marco Rubio", "It's pretty good."),
        ("Chuck Todd", "I'm Chuck Todd in Manchester."),
    ]


def test_whom_the_program_calls_its_correspondent_is_one():
    parsed = parse_transcript(
        "JUDY WOODRUFF: Good evening. Foreign affairs correspondent Nick Schifrin begins our "
        "coverage.\n\nNICK SCHIFRIN: He was the region's most recognized commander.\n\n"
        "JUDY WOODRUFF: Thank you, Nick.\n"
    )
    assert [(s.name, s.role) for s in parsed.speakers] == [
        ("Judy Woodruff", "host"),
        ("Nick Schifrin", "correspondent"),
    ]


def test_an_announcer_in_mixed_case_among_mixed_case_names_is_a_part_not_words():
    parsed = parse_transcript(
        "Tavis Smiley: Good evening from Los Angeles. I'm Tavis Smiley.\n\n[Sponsor Ad]\n\n"
        "Announcer: And by contributions from viewers like you.\n\n"
        "Tavis: Amy, good to have you back.\n\nAmy Goodman: It's great to be with you, Tavis.\n\n"
        "Tavis: Why now?\n"
    )
    assert [(t.speaker, t.role, t.attribution) for t in parsed.turns][1:4] == [
        (None, "unknown", "direction"),
        (None, "anchor", "label"),
        ("Tavis Smiley", "host", "label"),
    ]


def test_two_hosts_saying_in_turn_who_they_are_speak_two_turns():
    parsed = parse_transcript(
        "Hey, I'm Kelly McEvers.\n\nAnd I'm Eric Mennel.\n\n"
        "MCEVERS: And this is EMBEDDED from NPR.\n\nMENNEL: Today, the senator.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns][:2] == [
        ("Kelly McEvers", "Hey, I'm Kelly McEvers."),
        ("Eric Mennel", "And I'm Eric Mennel."),
    ]


def test_a_host_labelled_by_surname_after_the_first_turn_is_not_taken_for_a_silent_one():
    parsed = parse_transcript(
        "STEVE INSKEEP, HOST: Good morning.\n\nJANE DOE: Morning, Steve.\n\n"
        "INSKEEP: What happens next?\n\nDOE: We vote, Steve.\n\nIt will be close, Steve.\n\n"
        "INSKEEP: Thank you.\n\nDOE: Thank you, Steve.\n"
    )
    assert [(t.speaker, t.attribution) for t in parsed.turns] == [
        ("Steve Inskeep", "label"),
        ("Jane Doe", "label"),
        ("Steve Inskeep", "label"),
        ("Jane Doe", "label"),
        ("Steve Inskeep", "label"),
        ("Jane Doe", "label"),
    ]
    assert parsed.turns[3].paragraphs == ["We vote, Steve.", "It will be close, Steve."]
    assert {t.confidence for t in parsed.turns} == {1.0}


def test_q_dot_and_a_dot_label_a_deposition_where_both_recur():
    parsed = parse_transcript(
        "Q. Please state your name.\nA. Maria Lopez.\nQ. Where were you?\nA. At home. A. Lincoln "
        "was on.\n"
    )
    assert [(t.role, t.label, t.text) for t in parsed.turns] == [
        ("host", "Q", "Please state your name."),
        ("guest", "A", "Maria Lopez."),
        ("host", "Q", "Where were you?"),
        ("guest", "A", "At home. A. Lincoln was on."),
    ]
    once = parse_transcript("ALICE WU: Who wrote it?\n\nBOB ROSS: A. Lincoln wrote it.\n")
    assert once.turns[1].text == "A. Lincoln wrote it."


def test_testimony_gives_each_question_to_the_examiner_its_heading_names_and_answers_to_the_witness():
    parsed = parse_transcript(
        " 1                    JANET MORALES,\n"
        " 2   having been first duly sworn, was examined and\n"
        " 3   testified as follows:\n"
        " 4                        EXAMINATION\n"
        " 5   BY MS. CHEN:\n"
        " 6        Q.   Have you been deposed before?\n"
        " 7        A.   No, never.\n"
        " 8             MR. ROWE:  Counsel, can we take five?\n"
        " 9             (Recess taken.)\n"
        "10                     CROSS-EXAMINATION\n"
        "11   BY MR. ROWE:\n"
        "12        Q.   Who prepared the report?\n"
        "13        A.   My supervisor did.\n"
        "14             THE WITNESS:  Can I add something?\n"
    )
    assert parsed.title == ""
    assert parsed.summary.startswith("JANET MORALES, having been first duly sworn")
    assert [(t.speaker, t.label, t.text) for t in parsed.turns] == [
        (None, "", "EXAMINATION"),
        (None, "", "BY MS. CHEN:"),
        ("Chen", "Q", "Have you been deposed before?"),
        ("Janet Morales", "A", "No, never."),
        ("Rowe", "MR. ROWE", "Counsel, can we take five?"),
        (None, "", "(Recess taken.)"),
        (None, "", "CROSS-EXAMINATION"),
        (None, "", "BY MR. ROWE:"),
        ("Rowe", "Q", "Who prepared the report?"),
        ("Janet Morales", "A", "My supervisor did."),
        ("Janet Morales", "THE WITNESS", "Can I add something?"),
    ]
    # Unnamed, the sides stay parts; and "By ..." in speech is words.
    untold = parse_transcript("Q. Where were you?\nA. At home.\nBy then:\nQ. Alone?\nA. Yes.\n")
    assert [(t.speaker, t.role, t.text) for t in untold.turns] == [
        (None, "host", "Where were you?"),
        (None, "guest", "At home. By then:"),
        (None, "host", "Alone?"),
        (None, "guest", "Yes."),
    ]


def test_a_dash_for_the_colon_labels_names_in_capitals_where_two_of_them_recur():
    parsed = parse_transcript(
        "NICK ROBINSON — Good morning. With me is the chancellor.\n\n"
        "RACHEL REEVES — Good morning, Nick.\n\n"
        "NICK ROBINSON – Will taxes rise?\n\n"
        "RACHEL REEVES - We have made our choices.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Nick Robinson", "Good morning. With me is the chancellor."),
        ("Rachel Reeves", "Good morning, Nick."),
        ("Nick Robinson", "Will taxes rise?"),
        ("Rachel Reeves", "We have made our choices."),
    ]
    dateline = parse_transcript(
        "ANN LEE: What happened?\n\nTOM WU: WASHINGTON — The vote failed, we heard.\n\n"
        "ANN LEE: And then?\n\nWASHINGTON — Nothing, as the Times put it.\n"
    )
    assert [t.speaker for t in dateline.turns] == ["Ann Lee", "Tom Wu", "Ann Lee"]
    assert dateline.turns[-1].text == "And then?\n\nWASHINGTON — Nothing, as the Times put it."


def test_a_hearing_labels_an_office_or_title_and_a_surname_in_capitals_with_a_full_stop():
    parsed = parse_transcript(
        "Chairman GRASSLEY. Good morning. Senator Feinstein?\n\n"
        "Senator FEINSTEIN. Thank you, Mr. Chairman.\n\n"
        "Chairman GRASSLEY. Judge, please stand.\n\n"
        "Judge GORSUCH. I do.\n\n"
        "Senator LEAHY. Judge, do you agree?\n\n"
        "Judge GORSUCH. Senator, I do. Mr. SMITH. was my teacher.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Grassley", "Chairman GRASSLEY"),
        ("Feinstein", "Senator FEINSTEIN"),
        ("Grassley", "Chairman GRASSLEY"),
        ("Gorsuch", "Judge GORSUCH"),
        ("Leahy", "Senator LEAHY"),
        ("Gorsuch", "Judge GORSUCH"),
    ]
    assert {s.name: s.honorific for s in parsed.speakers}["Leahy"] == "Senator"
    once = parse_transcript(
        "ANN LEE: Who taught you?\n\nTOM WU: Well. Mr. SMITH. Then Mr. JONES.\n"
    )
    assert [t.text for t in once.turns] == ["Who taught you?", "Well. Mr. SMITH. Then Mr. JONES."]


def test_the_houses_record_tells_members_of_one_surname_apart_by_their_states():
    parsed = parse_transcript(
        "Chairman GRAVES. I recognize the gentleman from Georgia.\n\n"
        "Mr. JOHNSON of Georgia. Thank you. Mr. Lopez, how many pipes are lead?\n\n"
        "Mr. LOPEZ. About nine million.\n\n"
        "Ms. JOHNSON of Texas. What will it cost to replace them?\n\n"
        "Mr. LOPEZ. Forty-five billion dollars.\n\n"
        "Mr. JOHNSON of Georgia. That is a lot of money.\n\n"
        "Ms. JOHNSON of Texas. I yield back.\n\n"
        "Mr. JOHNSON of New Mexico. And in my state?\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Graves", "I recognize the gentleman from Georgia."),
        ("Johnson of Georgia", "Thank you. Mr. Lopez, how many pipes are lead?"),
        ("Lopez", "About nine million."),
        ("Johnson of Texas", "What will it cost to replace them?"),
        ("Lopez", "Forty-five billion dollars."),
        ("Johnson of Georgia", "That is a lot of money."),
        ("Johnson of Texas", "I yield back."),
        ("Johnson of New Mexico", "And in my state?"),
    ]
    assert {s.name: s.honorific for s in parsed.speakers}["Johnson of Texas"] == "Ms."


def test_the_senates_floor_record_names_who_presides_the_first_time():
    parsed = parse_transcript(
        "The PRESIDING OFFICER (Mr. KAINE). The Senator from Ohio.\n\n"
        "Mr. BROWN. Mr. President, I rise.\n\nThe PRESIDING OFFICER. The Senator from Texas.\n\n"
        "Mr. CORNYN. I ask unanimous consent.\n\nThe PRESIDING OFFICER. Without objection.\n\n"
        "Mr. BROWN. I yield the floor.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Kaine", "Brown", "Kaine", "Cornyn", "Kaine"] + [
        "Brown"
    ]
    assert parsed.speaker("Kaine").affiliation == "Presiding Officer"


def test_the_houses_floor_record_labels_the_speaker_pro_tempore_and_surnames_with_a_prefix():
    parsed = parse_transcript(
        "The SPEAKER pro tempore. The gentleman from Massachusetts is recognized.\n\n"
        "Mr. McGOVERN. Madam Speaker, I yield myself such time as I may consume.\n\n"
        "The SPEAKER pro tempore. The gentlewoman from Connecticut is recognized.\n\n"
        "Ms. DeLAURO. I thank the gentleman.\n\nMr. McGOVERN. I yield back.\n\n"
        "Ms. DeLAURO. So do I.\n\nMrs. McMORRIS RODGERS. And I.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        (None, "The SPEAKER pro tempore"),
        ("McGovern", "Mr. McGOVERN"),
        (None, "The SPEAKER pro tempore"),
        ("DeLauro", "Ms. DeLAURO"),
        ("McGovern", "Mr. McGOVERN"),
        ("DeLauro", "Ms. DeLAURO"),
        ("McMorris Rodgers", "Mrs. McMORRIS RODGERS"),
    ]


SENATE_RECORD = """\
    Chairman Grassley. The Committee will come to order. We
welcome everyone to today's hearing.
    Although not unprecedented, this is a unique hearing.
    Senator Feinstein. Thank you, Mr. Chairman. Mr. Smith, how
many accounts did you close?
    Mr. Smith. Senator, I do not have the exact number.
    The Chairman. Senator Feinstein. Dr. Lee. Mr. Smith.
    Senator Feinstein. Mr. Smith, will you send it to us?
    Mr. Smith. Yes.
"""


def test_a_senate_hearing_labels_a_title_and_a_surname_in_mixed_case_with_a_full_stop():
    parsed = parse_transcript(SENATE_RECORD)
    assert [(t.speaker, t.label, t.text) for t in parsed.turns] == [
        (
            "Grassley",
            "Chairman Grassley",
            "The Committee will come to order. We welcome everyone to today's hearing.\n\n"
            "Although not unprecedented, this is a unique hearing.",
        ),
        (
            "Feinstein",
            "Senator Feinstein",
            "Thank you, Mr. Chairman. Mr. Smith, how many accounts did you close?",
        ),
        ("Smith", "Mr. Smith", "Senator, I do not have the exact number."),
        (None, "The Chairman", "Senator Feinstein. Dr. Lee. Mr. Smith."),
        ("Feinstein", "Senator Feinstein", "Mr. Smith, will you send it to us?"),
        ("Smith", "Mr. Smith", "Yes."),
    ]
    # Without a title, a name and a full stop open a sentence: "Jane Austen. Every year."
    prose = parse_transcript(
        "ANN LEE: Whom do you read?\n\nJane Austen. Every year.\n\nMark Twain. Always.\n\n"
        "TOM WU: And you?\n\nJane Austen. Again.\n\nMark Twain. Too.\n"
    )
    assert [t.speaker for t in prose.turns] == ["Ann Lee", "Tom Wu"]


def test_a_ministers_press_conference_labels_an_office_and_journalists_and_ends_at_its_mark():
    parsed = parse_transcript(
        "Press conference - Parliament House, Canberra\n\nE&OE\n\n"
        "PRIME MINISTER: Good morning. Today we announce new funding for housing.\n\n"
        "JOURNALIST: Prime Minister, how much will it cost?\n\n"
        "PRIME MINISTER: Ten billion dollars.\n\nJOURNALIST: When?\n\n"
        "PRIME MINISTER: This year. Thanks, everyone.\n\nENDS\n"
    )
    assert parsed.speakers == []  # no one named "Prime Minister" across the archive
    assert [(t.label, t.role) for t in parsed.turns][:2] == [
        ("PRIME MINISTER", "unknown"),
        ("JOURNALIST", "correspondent"),
    ]
    assert parsed.turns[-1].text == "This year. Thanks, everyone."
    # A title alone is an office too, but for a surname another label prints in full.
    governor = parse_transcript("GOVERNOR: Good morning.\n\nREPORTER: When?\n\nGOVERNOR: Soon.\n")
    assert (governor.speakers, governor.turns[0].label) == ([], "GOVERNOR")
    king = parse_transcript("KING: Hi.\n\nTOM WU: Why?\n\nKING: Because.\n")
    mayor = parse_transcript("ANN MAYOR: Hi.\n\nTOM WU: Why?\n\nMAYOR: Because.\n")
    assert [t.speaker for t in king.turns + mayor.turns] == ["King", "Tom Wu", "King"] + [
        "Ann Mayor",
        "Tom Wu",
        "Ann Mayor",
    ]


def test_an_office_of_a_place_printed_before_a_name_is_where_its_holder_speaks_from():
    parsed = parse_transcript(
        "MARGARET BRENNAN: Welcome.\n\nSECRETARY OF STATE ANTONY BLINKEN: Thank you.\n\n"
        "MARGARET BRENNAN: And the governor?\n\nGOVERNOR OF NEW YORK KATHY C. HOCHUL: Hello.\n\n"
        "PRESIDENT OF THE UNITED STATES: Hi.\n"
    )
    assert [(s.name, s.honorific, s.affiliation) for s in parsed.speakers] == [
        ("Margaret Brennan", "", ""),
        ("Antony Blinken", "Secretary", "Secretary of State"),
        ("Kathy C. Hochul", "Governor", "Governor of New York"),
    ]
    # With no name after the place, the label is the office alone, as "PRIME MINISTER:" is.
    assert parsed.turns[-1].label == "PRESIDENT OF THE UNITED STATES"


@pytest.mark.parametrize(
    ("part", "role"),
    [
        ("PRESENTER", "host"),
        ("CO-HOST", "host"),
        ("NEWSREADER", "anchor"),
        ("CONTRIBUTOR", "guest"),
        ("VOX POP", "guest"),
        ("PRODUCER", "unknown"),
        ("OPERATOR", "host"),
        ("POLICE OFFICER", "guest"),
        ("VOTER", "guest"),
        ("MALE VOICE", "unknown"),
        ("UNIDENTIFIED PROTESTER", "unknown"),
        ("NARRATOR (V.O.)", "anchor"),
    ],
)
def test_a_programmes_parts_are_parts_not_people_named_so(part, role):
    parsed = parse_transcript(
        f"{part}: Good morning.\n\nREEVES: Morning.\n\n{part}: Will taxes rise?\n\nREEVES: No.\n"
    )
    assert [s.name for s in parsed.speakers] == ["Reeves"]
    assert (parsed.turns[0].speaker, parsed.turns[0].role) == (None, role)


def test_a_q_and_a_space_label_the_questions_of_a_press_briefing():
    parsed = parse_transcript(
        "MS. JEAN-PIERRE: Good afternoon.\n\nWith that, Zeke, go ahead.\n\n"
        "Q Thank you. Will the President travel?\n\n"
        "MS. JEAN-PIERRE: Not this week.\n\nQ And on the budget?\n\n"
        "MS. JEAN-PIERRE: We have been clear.\n"
    )
    assert [(t.speaker, t.role, t.text) for t in parsed.turns] == [
        ("Jean-Pierre", "host", "Good afternoon.\n\nWith that, Zeke, go ahead."),
        (None, "host", "Thank you. Will the President travel?"),
        ("Jean-Pierre", "host", "Not this week."),
        (None, "host", "And on the budget?"),
        ("Jean-Pierre", "host", "We have been clear."),
    ]
    prose = parse_transcript("ANN LEE: Who?\n\nTOM WU: Q Street, then\nQ Tower.\n\nANN LEE: Oh.\n")
    assert [t.text for t in prose.turns] == ["Who?", "Q Street, then Q Tower.", "Oh."]


def test_an_office_is_whoever_holds_it_in_the_transcript_shown_as_printed_and_never_renamed():
    parsed = parse_transcript(
        "THE COURT: Counsel, call your witness.\n\nMR. HARRIS: The plaintiff calls Ellen Marsh.\n\n"
        "THE CLERK: Raise your right hand.\n\nTHE WITNESS: I do.\n\n"
        "MR. HARRIS: Ms. Marsh, where do you work?\n\nTHE WITNESS: At the library.\n\n"
        "THE COURT: Go on.\n"
    )
    offices = [t for t in parsed.turns if t.label.startswith("THE ")]
    assert [(t.speaker, t.role, t.attribution, t.confidence) for t in offices] == [
        (None, "host", "label", 1.0),
        (None, "unknown", "label", 1.0),
        (None, "guest", "label", 1.0),
        (None, "guest", "label", 1.0),
        (None, "host", "label", 1.0),
    ]
    assert [s.name for s in parsed.speakers] == ["Harris"]
    assert [voice_of(t.label) for t in parsed.turns[:4]] == [
        "The Court",
        "",
        "The Clerk",
        "The Witness",
    ]


SUPREME_COURT_RECORD = """\
IN THE SUPREME COURT OF THE UNITED STATES

LOPER BRIGHT ENTERPRISES, ET AL., Petitioners, v. No. 22-451

Washington, D.C.
Wednesday, January 17, 2024

APPEARANCES:

PAUL D. CLEMENT, ESQUIRE, Alexandria, Virginia; on behalf of the Petitioners.

GENERAL ELIZABETH B. PRELOGAR, Solicitor General, Department of Justice; on behalf of the
Respondents.

PROCEEDINGS

CHIEF JUSTICE ROBERTS: We'll hear argument first this morning in Case 22-451. Mr. Clement.

ORAL ARGUMENT OF PAUL D. CLEMENT ON BEHALF OF THE PETITIONERS

MR. CLEMENT: Mr. Chief Justice, and may it please the Court:

JUSTICE THOMAS: Mr. Clement, what would replace it?

MR. CLEMENT: The best reading of the statute.

REBUTTAL ARGUMENT OF GENERAL ELIZABETH B. PRELOGAR

GENERAL PRELOGAR: It is, Justice Kagan.
"""


def test_a_courts_record_lists_counsel_in_its_header_and_headings_between_turns_name_them():
    parsed = parse_transcript(SUPREME_COURT_RECORD)
    assert parsed.title == "IN THE SUPREME COURT OF THE UNITED STATES"
    assert parsed.air_date == "2024-01-17"
    assert "APPEARANCES:\n\nPAUL D. CLEMENT, ESQUIRE" in parsed.summary
    assert parsed.summary.endswith("on behalf of the Respondents.\n\nPROCEEDINGS")
    assert [(t.speaker, t.label, t.text[:24]) for t in parsed.turns] == [
        ("Roberts", "CHIEF JUSTICE ROBERTS", "We'll hear argument firs"),
        (None, "", "ORAL ARGUMENT OF PAUL D."),
        ("Paul D. Clement", "MR. CLEMENT", "Mr. Chief Justice, and m"),
        ("Thomas", "JUSTICE THOMAS", "Mr. Clement, what would "),
        ("Paul D. Clement", "MR. CLEMENT", "The best reading of the "),
        (None, "", "REBUTTAL ARGUMENT OF GEN"),
        ("Elizabeth B. Prelogar", "GENERAL PRELOGAR", "It is, Justice Kagan."),
    ]
    assert {s.name: (s.honorific, s.affiliation) for s in parsed.speakers}["Paul D. Clement"] == (
        "Mr.",
        "on behalf of the Petitioners",
    )
    # In capitals throughout, as captions print speech, a line in capitals is no heading.
    shouted = parse_transcript(
        "ANN LEE: WELCOME BACK\n\nTHIS IS THE HOUR\n\nTOM WU: THANK YOU ANN\n\nANN LEE: GO ON\n"
    )
    assert [t.text for t in shouted.turns] == [
        "WELCOME BACK\n\nTHIS IS THE HOUR",
        "THANK YOU ANN",
        "GO ON",
    ]


def test_a_courts_record_copied_from_its_pages_wraps_its_lines_caption_and_headings():
    parsed = parse_transcript(
        "IN THE SUPREME COURT OF THE UNITED STATES\n"
        "LOPER BRIGHT ENTERPRISES, ET AL., :\nPetitioners, : No. 22-451\nv. :\n"
        "GINA RAIMONDO, SECRETARY OF :\nCOMMERCE, ET AL., :\nRespondents. :\n"
        "APPEARANCES:\nPAUL D. CLEMENT, ESQUIRE, Alexandria, Virginia; on\n"
        "behalf of the Petitioners.\n\nP R O C E E D I N G S\n(10:02 a.m.)\n"
        "CHIEF JUSTICE ROBERTS: We'll hear\nargument first this morning. Mr. Clement.\n"
        "ORAL ARGUMENT OF PAUL D. CLEMENT\nON BEHALF OF THE PETITIONERS\n"
        "MR. CLEMENT: Mr. Chief Justice, and may\nit please the Court:\n"
        "JUSTICE THOMAS: Mr. Clement, what would\nreplace it?\n"
        "MR. CLEMENT: The best reading of\nthe statute.\n"
    )
    assert parsed.summary.startswith("IN THE SUPREME COURT OF THE UNITED STATES LOPER BRIGHT")
    assert parsed.summary.endswith(
        "APPEARANCES: PAUL D. CLEMENT, ESQUIRE, Alexandria, Virginia; on"
        " behalf of the Petitioners.\n\nP R O C E E D I N G S (10:02 a.m.)"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Roberts", "We'll hear argument first this morning. Mr. Clement."),
        (None, "ORAL ARGUMENT OF PAUL D. CLEMENT ON BEHALF OF THE PETITIONERS"),
        ("Paul D. Clement", "Mr. Chief Justice, and may it please the Court:"),
        ("Thomas", "Mr. Clement, what would replace it?"),
        ("Paul D. Clement", "The best reading of the statute."),
    ]


def test_a_hearings_chair_is_whom_the_others_address_so_named_in_full_as_the_header_does():
    parsed = parse_transcript(
        "NOMINATION OF JANE R. SMITH\n\n"
        "The committee met at 10:00 a.m., Hon. Mike Lee, chairman, presiding.\n\n"
        "The CHAIRMAN. Good morning. Senator Heinrich?\n\n"
        "STATEMENT OF HON. MARTIN HEINRICH, U.S. SENATOR FROM NEW MEXICO\n\n"
        "Senator HEINRICH. Thank you, Mr. Chairman. Welcome, Ms. Smith.\n\n"
        "The CHAIRMAN. I thank my predecessor, Chairman Byrd. Ms. Smith?\n\n"
        "Ms. SMITH. Thank you, Chairman Lee, and members of the committee.\n\n"
        "Senator HEINRICH. Will you keep the laboratories open?\n\n"
        "Ms. SMITH. Yes, Senator.\n\n"
        "The CHAIRMAN. Thank you.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Mike Lee", "The CHAIRMAN"),
        (None, ""),
        ("Martin Heinrich", "Senator HEINRICH"),
        ("Mike Lee", "The CHAIRMAN"),
        ("Jane R. Smith", "Ms. SMITH"),
        ("Martin Heinrich", "Senator HEINRICH"),
        ("Jane R. Smith", "Ms. SMITH"),
        ("Mike Lee", "The CHAIRMAN"),
    ]
    assert {s.name: s.honorific for s in parsed.speakers}["Mike Lee"] == "Chairman"
    # One the labels name is not the office's holder, nor are two people addressed so.
    for addressed in ("Chairman Wu", "Chairman Lee, Chairman Park"):
        other = parse_transcript(
            f"The CHAIRMAN. Good morning.\n\nMr. WU. Thank you, {addressed}.\n\n"
            "The CHAIRMAN. Go on.\n\nMr. WU. I will.\n\nThe CHAIRMAN. Thank you.\n"
        )
        assert other.turns[0].speaker is None


def test_a_title_naming_in_full_someone_labelled_by_surname_alone_gives_their_name():
    parsed = parse_transcript(
        "Press Briefing by Press Secretary Karine Jean-Pierre\n\n"
        "MS. JEAN-PIERRE: Good afternoon.\n\nQ Will he go?\n\nMS. JEAN-PIERRE: No.\n\n"
        "Q And then?\n\nMS. JEAN-PIERRE: Yes.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Karine Jean-Pierre",
        None,
        "Karine Jean-Pierre",
        None,
        "Karine Jean-Pierre",
    ]
    case = parse_transcript("Pennsylvania v. Nelson: Oral Argument\n\nNELSON: Yes.\n\nJONES: No.\n")
    assert [s.name for s in case.speakers] == ["Nelson", "Jones"]


def test_a_table_pasted_with_tabs_between_name_time_and_speech_is_labelled():
    parsed = parse_transcript(
        "Ann Lee\t00:00:01\tWelcome to the program.\nTom Wu\t00:00:04\tThanks for having me.\n"
        "Ann Lee\t00:00:08\tLet us begin.\nTom Wu\t00:00:10\tSure.\n"
    )
    assert [(t.speaker, t.start, t.text) for t in parsed.turns] == [
        ("Ann Lee", 1.0, "Welcome to the program."),
        ("Tom Wu", 4.0, "Thanks for having me."),
        ("Ann Lee", 8.0, "Let us begin."),
        ("Tom Wu", 10.0, "Sure."),
    ]
    once = parse_transcript(
        "ANN LEE\tWho?\n\nTOM WU\tMe.\n\nANN LEE\tWhy?\n\nTOM WU\tIt was.\n\nWell\tbecause.\n"
    )
    assert [(t.speaker, t.text) for t in once.turns][2:] == [
        ("Ann Lee", "Why?"),
        ("Tom Wu", "It was.\n\nWell\tbecause."),
    ]


def test_what_a_parliament_prints_in_parentheses_after_a_name_is_the_affiliation():
    parsed = parse_transcript(
        "Oral Questions\n\n"
        "Hon. Pierre Poilievre (Leader of the Opposition, CPC): Mr. Speaker, will he admit it?\n\n"
        "Right Hon. Justin Trudeau (Prime Minister, Lib.): Mr. Speaker, we are building.\n\n"
        "Hon. Pierre Poilievre (Leader of the Opposition, CPC): Mr. Speaker, when?\n\n"
        "Right Hon. Justin Trudeau (Prime Minister, Lib.): Mr. Speaker, soon.\n\n"
        "ANN LEE (voice-over): Question Period ended there.\n"
    )
    assert [(s.name, s.honorific, s.affiliation) for s in parsed.speakers] == [
        ("Pierre Poilievre", "Hon.", "Leader of the Opposition, CPC"),
        ("Justin Trudeau", "Right Hon.", "Prime Minister, Lib."),
        ("Ann Lee", "", ""),
    ]
    assert [t.speaker for t in parsed.turns] == ["Pierre Poilievre", "Justin Trudeau"] * 2 + [
        "Ann Lee"
    ]


def test_a_surname_in_capitals_is_a_label_however_the_words_after_it_say_it_is_heard():
    parsed = parse_transcript(
        "JIM SCIUTTO, CNN ANCHOR: Good morning.\n\n"
        "STEPHANIE ELAM, CNN CORRESPONDENT (voice-over): The crowds grew overnight.\n\n"
        "ELAM (on camera): Police say forty were arrested.\n\n"
        "SCIUTTO: Stephanie, thank you.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Jim Sciutto",
        "Stephanie Elam",
        "Stephanie Elam",
        "Jim Sciutto",
    ]


def test_names_and_parts_in_brackets_before_the_colon_label_the_turns():
    bracketed = parse_transcript(
        "[Ann Lee]: Hi.\n\n[Tom Wu]: Hello.\n\n[Ann Lee]: Why?\n\n[Tom Wu]: No.\n"
    )
    assert [(t.speaker, t.label) for t in bracketed.turns] == [
        ("Ann Lee", "[Ann Lee]"),
        ("Tom Wu", "[Tom Wu]"),
    ] * 2
    parts = parse_transcript(
        "Ann Lee [Host]: Why?\n\nTom Wu [Guest]: Rates.\n\nAnn Lee [Host]: And?\n"
    )
    assert [(t.speaker, t.role) for t in parts.turns] == [
        ("Ann Lee", "host"),
        ("Tom Wu", "guest"),
        ("Ann Lee", "host"),
    ]
    # WhisperX's speaker ids, as its text output prints them, are numbered voices.
    voices = parse_transcript(
        "[SPEAKER_00]: Welcome back, I am Ann Lee.\n\n[SPEAKER_01]: Thanks, Ann.\n\n"
        "[SPEAKER_00]: Why do we dream?\n"
    )
    assert [(t.label, t.speaker) for t in voices.turns] == [
        ("[SPEAKER_00]", "Ann Lee"),
        ("[SPEAKER_01]", None),
        ("[SPEAKER_00]", "Ann Lee"),
    ]
    # A time in brackets is no name.
    timed = parse_transcript("ANN LEE [00:01:02]: Hi.\n\nTOM WU [00:01:05]: Hello.\n")
    assert [(t.speaker, t.start) for t in timed.turns] == [("Ann Lee", 62.0), ("Tom Wu", 65.0)]


def test_a_committees_number_before_each_question_is_not_part_of_the_members_name():
    parsed = parse_transcript(
        "Examination of witnesses\n\n"
        "Q1 Chair: Thank you both for coming. What went wrong?\n\n"
        "Dame Sarah Holt: A lightning strike tripped a line.\n\n"
        "Q2 Mark Fuller: Why did the generators not ride through it?\n\n"
        "Dame Sarah Holt: That is what the investigation is looking at.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        (None, "Q1 Chair"),
        ("Sarah Holt", "Dame Sarah Holt"),
        ("Mark Fuller", "Q2 Mark Fuller"),
        ("Sarah Holt", "Dame Sarah Holt"),
    ]
    assert parsed.turns[0].role == "host"


def test_names_in_capitals_alone_on_their_lines_label_a_short_exchange_where_one_recurs():
    parsed = parse_transcript(
        "URSULA VON DER LEYEN\nThank you for coming.\n\nJEAN-LUC MÉLENCHON\nThe figures are a"
        " disgrace.\n\nURSULA VON DER LEYEN\nThey are the best in a decade.\n\n"
        "RECEP TAYYIP ERDOĞAN\nYou both miss the point.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Ursula von der Leyen",
        "Jean-Luc Mélenchon",
        "Ursula von der Leyen",
        "Recep Tayyip Erdoğan",
    ]
    # Headings in capitals over a page's sections, none again, are its words.
    sections = parse_transcript(
        "BACKGROUND\nThe plant opened in 1990.\n\nTHE FIRE\nIt started at noon.\n\n"
        "AFTERMATH\nNo one was hurt.\n"
    )
    assert {t.label for t in sections.turns} == {""}


def test_a_parliament_names_an_office_holder_once_and_each_member_alone_on_a_line():
    parsed = parse_transcript(
        "Engagements\n\n"
        "Mr Tom Hayes (Bournemouth East) (Lab)\nIf he will list his engagements.\n\n"
        "The Prime Minister (Keir Starmer)\nThis morning I had meetings.\n\n"
        "Mr Tom Hayes\nWill he help families?\n\n"
        "The Prime Minister\nMy hon. Friend is right.\n\n"
        "Mr Speaker\nI call the Leader of the Opposition.\n\n"
        "Mrs Kemi Badenoch (North West Essex) (Con)\nWhy have taxes gone up?\n\n"
        "The Prime Minister\nWe inherited a black hole.\n\n"
        "Mrs Badenoch\nThat is not an answer.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Tom Hayes",
        "Keir Starmer",
        "Tom Hayes",
        "Keir Starmer",
        None,
        "Kemi Badenoch",
        "Keir Starmer",
        "Kemi Badenoch",
    ]
    assert [t.label for t in parsed.turns][3:5] == ["The Prime Minister", "Mr Speaker"]
    assert parsed.speaker("Keir Starmer").affiliation == "Prime Minister"
    assert parsed.speaker("Tom Hayes").affiliation == "Bournemouth East, Lab"


def test_the_lords_name_peers_by_their_titles_and_a_minister_after_the_department():
    parsed = parse_transcript(
        "Energy Bill\n\n"
        "Lord Smith of Finsbury (Lab): My Lords, I beg to move.\n\n"
        "Baroness Hayman (CB): I have questions.\n\n"
        "The Minister of State, Department for Energy Security and Net Zero (Lord Hunt of Kings"
        " Heath) (Lab): My Lords, I will write.\n\n"
        "Lord Smith of Finsbury (Lab): I thank the Minister.\n\n"
        "The Secretary of State for Health (Wes Streeting): And I.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Smith of Finsbury", "My Lords, I beg to move."),
        ("Hayman", "I have questions."),
        ("Hunt of Kings Heath", "My Lords, I will write."),
        ("Smith of Finsbury", "I thank the Minister."),
        ("Wes Streeting", "And I."),
    ]
    assert [(s.honorific, s.affiliation) for s in parsed.speakers][2:] == [
        ("Lord", "Minister of State"),
        ("", "Secretary of State for Health"),
    ]
    assert parse_label("Mr Speaker (Lindsay Hoyle)").affiliation == "Speaker"
    deputy = parse_label("Madam Deputy Speaker (Judith Cummins)")
    assert (deputy.name, deputy.affiliation) == ("Judith Cummins", "Deputy Speaker")
    assert parse_label("Madam Deputy Speaker").office
    # A headline's "of" heads no office.
    headline = parse_transcript("The Future of Energy: a debate\n\nANN LEE: Hi.\n\nTOM WU: Hi.\n")
    assert headline.title == "The Future of Energy: a debate"


def test_a_header_casting_the_parts_names_the_initials_that_label_the_turns():
    parsed = parse_transcript(
        "Oral History Project: Voices of the Mill\n"
        "Interviewee: Margaret Ellis\nInterviewer: Thomas Baker\nDate: 14 June 2019\n\n"
        "TB: Where were you born?\n\nME: In Lowell.\n\nTB: And the mill?\n\nME: I was sixteen.\n"
    )
    assert parsed.title == "Oral History Project: Voices of the Mill"
    assert parsed.summary == (
        "Interviewee: Margaret Ellis\n\nInterviewer: Thomas Baker\n\nDate: 14 June 2019"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Thomas Baker", "TB"),
        ("Margaret Ellis", "ME"),
    ] * 2
    assert parsed.speaker("Thomas Baker").role == "host"


def test_people_listed_under_a_heading_above_the_speech_are_the_header_and_name_the_labels():
    parsed = parse_transcript(
        "September 29, 2020 Debate Transcript\n\nPARTICIPANTS:\nFormer Vice President Joe Biden"
        " (D) and\nPresident Donald J. Trump (R)\n\nMODERATOR:\nChris Wallace (Fox News)\n\n"
        "WALLACE: Good evening. I'm Chris Wallace.\n\nTRUMP: Thank you, Chris.\n\n"
        "WALLACE: Vice President Biden, two minutes.\n\nBIDEN: Thank you for doing this.\n"
    )
    assert parsed.summary == (
        "PARTICIPANTS: Former Vice President Joe Biden (D) and President Donald J. Trump (R)\n\n"
        "MODERATOR: Chris Wallace (Fox News)"
    )
    assert [(t.speaker, t.role) for t in parsed.turns] == [
        ("Chris Wallace", "host"),
        ("Donald J. Trump", "guest"),
        ("Chris Wallace", "host"),
        ("Joe Biden", "guest"),
    ]
    # A part's label over speech on the lines below is a label still.
    spoken = parse_transcript("MODERATOR:\nGood evening.\n\nANN LEE:\nThank you.\n")
    assert [(t.label, t.text) for t in spoken.turns] == [
        ("MODERATOR", "Good evening."),
        ("ANN LEE", "Thank you."),
    ]


def test_an_oral_historys_parts_are_whom_its_note_says_it_interviews_and_who_conducts_it():
    parsed = parse_transcript(
        "Oral history interview with Jane Doe, conducted by Tom Reed, March 3, 2019.\n\n"
        "Interviewer: Where were you born?\n\nInterviewee: In Dayton, Ohio.\n\n"
        "Interviewer: And your parents?\n\nInterviewee: My father built cash registers.\n"
    )
    assert [(t.speaker, t.role) for t in parsed.turns] == [
        ("Tom Reed", "host"),
        ("Jane Doe", "guest"),
    ] * 2
    assert {s.name: s.affiliation for s in parsed.speakers} == {"Tom Reed": "", "Jane Doe": ""}


BRIEFING = (
    "Noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General, with Farhan Haq.\n\n"
    "Spokesman: Good afternoon.\n\n{ASKS}: Any comment on the ceasefire?\n\n"
    "Spokesman: We welcome it.\n\n{ASKS}: Will he travel?\n\nSpokesman: Not yet.\n"
)


def test_a_part_is_played_by_whom_the_summary_describes_so_if_no_other_part_shares_its_role():
    parsed = parse_transcript(BRIEFING.replace("{ASKS}", "Q"))
    assert [t.speaker for t in parsed.turns] == ["Stéphane Dujarric", None] * 2 + [
        "Stéphane Dujarric"
    ]
    assert parsed.speakers[0].affiliation == "Spokesman for the Secretary-General"
    # "Question:" answers in a town hall's records, as "Spokesman:" does here: neither is cast.
    shared = parse_transcript(BRIEFING.replace("{ASKS}", "Question"))
    assert {t.speaker for t in shared.turns} == {None}


def test_a_headers_lines_of_one_fact_each_stay_apart_and_the_title_names_the_initials_too():
    parsed = parse_transcript(
        "Oral History Interview with Margaret Doyle\nInterviewer: Thomas Reed\n"
        "Date: March 3, 2019\nLocation: Boston, Massachusetts\n\n"
        "TR: Where were you born?\n\nMD: In Dorchester.\n\nTR: And school?\n\nMD: Saint Mark's.\n"
    )
    assert parsed.title == "Oral History Interview with Margaret Doyle"
    assert parsed.summary == (
        "Interviewer: Thomas Reed\n\nDate: March 3, 2019\n\nLocation: Boston, Massachusetts"
    )
    assert parsed.air_date == "2019-03-03"
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Thomas Reed", "TR"),
        ("Margaret Doyle", "MD"),
    ] * 2


def test_initials_label_the_turns_of_those_first_labelled_in_full_under_a_header_naming_the_guest():
    parsed = parse_transcript(
        "Sunday Politics\n\nINTERVIEW: RACHEL REEVES, CHANCELLOR\n\n"
        "LAURA KUENSSBERG: Chancellor, welcome.\n\nRACHEL REEVES: Good morning, Laura.\n\n"
        "LK: Will you raise taxes?\n\nRR: Not on working people.\n\nLK: Is that a no?\n"
    )
    assert parsed.summary == "INTERVIEW: RACHEL REEVES, CHANCELLOR"
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Laura Kuenssberg", "LAURA KUENSSBERG"),
        ("Rachel Reeves", "RACHEL REEVES"),
        ("Laura Kuenssberg", "LK"),
        ("Rachel Reeves", "RR"),
        ("Laura Kuenssberg", "LK"),
    ]


def test_a_headline_with_a_colon_is_the_title_and_part_labels_name_whom_the_summary_casts():
    parsed = parse_transcript(
        "The Long Game, Episode 42: Rebuilding trust in local news\n\n"
        "In this episode, host Dana Whitfield talks with Marcus Obi about his newspaper.\n\n"
        "HOST: Welcome. Marcus, thanks for coming on.\n\nGUEST: Thanks for having me.\n\n"
        "HOST: What did you do first?\n\nGUEST: We stopped chasing clicks.\n"
    )
    assert parsed.title == "The Long Game, Episode 42: Rebuilding trust in local news"
    assert [t.speaker for t in parsed.turns] == ["Dana Whitfield", "Marcus Obi"] * 2
    ours = parse_transcript(
        "Rebuilding Main Street\n\nThis week our host Priya Nair speaks with Tom Okafor.\n\n"
        "Host: Tom, welcome.\n\nGuest: Thanks, Priya.\n\nHost: Again?\n\nGuest: Every time.\n"
    )
    assert ours.summary == "This week our host Priya Nair speaks with Tom Okafor."
    assert [t.speaker for t in ours.turns] == ["Priya Nair", "Tom Okafor"] * 2
    spoken = parse_transcript("Ann Lee: Good evening.\n\nTOM WU: Hello.\n\nAnn Lee: Bye.\n")
    assert spoken.turns[0].speaker == "Ann Lee"


def test_a_time_alone_on_its_line_dates_the_next_turn_and_is_no_words():
    parsed = parse_transcript(
        "Ann Lee: Good morning.\nBob Stone: Morning.\n\n00:01:12\n\n"
        "Ann Lee: Who is at the count?\nBob Stone: Priya is.\n"
    )
    assert [(t.text, t.start) for t in parsed.turns] == [
        ("Good morning.", None),
        ("Morning.", None),
        ("Who is at the count?", 72.0),
        ("Priya is.", None),
    ]


def test_full_names_set_off_by_a_dash_label_the_turns_in_mixed_case_too():
    parsed = parse_transcript(
        "Ann Lee — Welcome back. With me is Tom Ortiz.\n\nTom Ortiz — Thanks, Ann.\n\n"
        "Ann Lee — What went wrong?\n\nTom Ortiz — We gave away two goals.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Ann Lee", "Tom Ortiz"] * 2


def test_speech_opening_a_line_before_a_dash_is_no_label_however_often_it_recurs():
    stammers = (
        "Sure. But — but let me point out, I warned about it.\n\n"
        "And I'm — I'm glad the senator brought it up.\n\n"
    )
    parsed = parse_transcript(
        "Speaker 1 (0:00):\nSenator, your response?\n\n"
        f"Speaker 2 (0:05):\n{stammers}Speaker 1 (0:30):\nAnd you, sir?\n\n"
        f"Speaker 3 (0:33):\n{stammers}"
    )
    assert [t.label for t in parsed.turns] == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3"]
    assert parsed.turns[1].paragraphs == [
        "Sure. But — but let me point out, I warned about it.",
        "And I'm — I'm glad the senator brought it up.",
    ]


def test_labels_printing_given_names_are_the_people_the_summary_names_in_full():
    parsed = parse_transcript(
        "Shields and Brooks\n\n"
        "Judy Woodruff talks with columnists David Brooks and Mark Shields about the week.\n\n"
        "JUDY: Good evening. David, what did you make of it?\n\nDAVID: It was close, Judy.\n\n"
        "JUDY: Mark?\n\nMARK: I agree.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Judy Woodruff",
        "David Brooks",
        "Judy Woodruff",
        "Mark Shields",
    ]
    assert [t.label for t in parsed.turns][:2] == ["JUDY", "DAVID"]


def test_a_part_greeting_without_a_full_stop_casts_nobody():
    parsed = parse_transcript(
        "MODERATOR: Good Evening\n\nSANDERS: Thank you.\n\nMODERATOR: Your first question.\n"
    )
    assert [(t.speaker, t.label, t.text) for t in parsed.turns] == [
        (None, "MODERATOR", "Good Evening"),
        ("Sanders", "SANDERS", "Thank you."),
        (None, "MODERATOR", "Your first question."),
    ]


def test_a_name_in_brackets_alone_on_its_line_heads_the_speech_below_it():
    parsed = parse_transcript(
        "The Sleep Podcast\n\n[Ann Lee]\nWelcome. With me is Tom Wu.\n\n[Tom Wu]\nThanks, Ann.\n\n"
        "[Ann Lee]\nWhy do we dream?\n\n[Tom Wu]\nNobody knows.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Ann Lee", "Tom Wu"] * 2


def test_a_pages_controls_above_the_first_label_are_no_ones_words():
    parsed = parse_transcript(
        "How the flood changed one town\n\nLeave your feedback\n\nTranscript\n\n"
        "Judy Woodruff:\n\nIt has been a month.\n\nAnne Watson:\n\nWe lost our downtown.\n\n"
        "Judy Woodruff:\n\nThank you.\n\nAnne Watson:\n\nThank you.\n"
    )
    assert parsed.title == "How the flood changed one town"
    assert [t.speaker for t in parsed.turns] == ["Judy Woodruff", "Anne Watson"] * 2
    assert parsed.turns[0].text == "It has been a month."


def test_an_office_the_title_names_the_holder_of_is_that_person():
    parsed = parse_transcript(
        "Remarks by President Biden on the Economy\n\n"
        "THE PRESIDENT: Thank you. Please, sit down.\n\nQ Will you sign the bill?\n\n"
        "THE PRESIDENT: I will.\n\nQ And the strike?\n\nTHE PRESIDENT: I'm with the workers.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns][:2] == [
        ("Biden", "THE PRESIDENT"),
        (None, "Q"),
    ]
    assert parsed.speaker("Biden").honorific == "President"
    court = parse_transcript(
        "Before Judge Ann Lee\n\nTHE COURT: Be seated.\n\nMR. WU: Thank you.\n"
    )
    assert court.turns[0].speaker is None


def test_a_header_naming_the_numbered_voices_names_their_turns():
    parsed = parse_transcript(
        "Interview transcript\nSpeaker 1: Ann Lee (host)\nSpeaker 2: Tom Wu\n\n"
        "Speaker 1: Welcome, Tom.\n\nSpeaker 2: Thanks for having me.\n\n"
        "Speaker 1: What happened?\n\nSpeaker 2: The river rose.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns][:2] == [
        ("Ann Lee", "Speaker 1"),
        ("Tom Wu", "Speaker 2"),
    ]
    assert [(s.name, s.role) for s in parsed.speakers] == [("Ann Lee", "host"), ("Tom Wu", "guest")]


def test_a_name_with_its_time_on_the_line_or_the_lines_above_the_speech_dates_it():
    zoom = parse_transcript(
        "[Ann Lee] 10:02:15\nHello, everyone.\n\n[Tom Wu] 10:02:20\nHappy to be here.\n\n"
        "[Ann Lee] 10:02:24\nLet us begin.\n"
    )
    podcast = parse_transcript(
        "Ann Lee\n0:00\nWelcome to the show.\n\nTom Wu\n0:04\nThanks, Ann.\n\n"
        "Ann Lee\n0:07\nWhy dreams?\n\nTom Wu\n0:09\nNobody knows.\n"
    )
    assert [(t.speaker, t.start) for t in zoom.turns] == [
        ("Ann Lee", 36135.0),
        ("Tom Wu", 36140.0),
        ("Ann Lee", 36144.0),
    ]
    assert [(t.speaker, t.start, t.text) for t in podcast.turns][1:3] == [
        ("Tom Wu", 4.0, "Thanks, Ann."),
        ("Ann Lee", 7.0, "Why dreams?"),
    ]


def test_a_name_in_capitals_and_a_space_labels_the_turns_where_two_names_recur():
    parsed = parse_transcript(
        "Evening news\n\nANN LEE Good evening. Our top story is the flood.\n\n"
        "TOM WU The water rose four feet.\n\nANN LEE How many homes?\n\nTOM WU I counted forty.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Good evening. Our top story is the flood."),
        ("Tom Wu", "The water rose four feet."),
        ("Ann Lee", "How many homes?"),
        ("Tom Wu", "I counted forty."),
    ]
    once = parse_transcript("ANN LEE: Hello.\n\nNASA Today launched.\n\nTOM WU: Good.\n")
    assert once.turns[0].paragraphs == ["Hello.", "NASA Today launched."]
    # A full stop after the name ends it; an initial's or a suffix's is the name's.
    stopped = parse_transcript(
        "ANN LEE. Good evening.\n\nJOHN F. WU JR. Thanks, Ann.\n\nANN LEE. Why?\n\n"
        "JOHN F. WU JR. Because.\n"
    )
    assert [t.speaker for t in stopped.turns] == ["Ann Lee", "John F. Wu Jr."] * 2
