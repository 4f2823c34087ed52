"""Automatic transcripts: numbered voices ("Speaker 1", "Speaker 2") instead of names."""

import numpy as np

from interviews.parsing import parse_transcript
from interviews.parsing.api import detect_format
from interviews.parsing.engine import voice_names
from interviews.parsing.labels import parse_label

OTTER = """Speaker 1  0:00
Good evening and welcome. Joining me now is Senator Jane Doe of Ohio. Senator, thanks for
being here.

Speaker 2  0:09
Thank you. Glad to be here.

Speaker 1  0:12
Let's start with the vote. Why did it fail?

Speaker 2  0:16
Because three of my colleagues changed their minds overnight.

Speaker 1  1:02:25
Senator Doe, will it come back?

Speaker 2  1:02:28
I think so, next month.
"""

NOBODY_NAMED = """Speaker 1 (00:00):
Welcome back to the program. Where were you when the storm hit?

Speaker 2 (00:06):
At home, with the kids. The water came up to the second step.

Speaker 1 (00:14):
And what did you do then?

Speaker 2 (00:17):
We went to the attic and waited.
"""


def test_a_numbered_label_is_one_unnamed_person():
    assert parse_label("Speaker 2").voice == "Speaker 2"
    assert parse_label("SPEAKER 2").voice == "Speaker 2"
    assert parse_label("Unidentified Male #1").voice == "Unidentified Male #1"
    assert parse_label("UNIDENTIFIED MALE").voice == ""  # whoever it is each time
    assert parse_label("QUESTION 2").voice == ""  # an audience's questions, not one person
    assert parse_label("Speaker 2").name == ""


def test_a_voice_and_its_time_on_a_line_above_the_speech_open_a_turn():
    parsed = parse_transcript(OTTER)
    assert detect_format(OTTER) == "labelled"
    assert [t.label for t in parsed.turns] == ["Speaker 1", "Speaker 2"] * 3
    assert [t.start for t in parsed.turns] == [0, 9, 12, 16, 3745, 3748]
    assert parsed.turns[0].text.endswith("Senator, thanks for being here.")


def test_a_voice_is_named_after_the_person_the_speech_introduces_and_addresses():
    parsed = parse_transcript(OTTER)
    guest = [t for t in parsed.turns if t.label == "Speaker 2"]
    assert {(t.speaker, t.role, t.attribution) for t in guest} == {
        ("Jane Doe", "guest", "inferred")
    }
    assert 0 < guest[0].confidence < 1
    host = [t for t in parsed.turns if t.label == "Speaker 1"]
    assert {(t.speaker, t.role) for t in host} == {(None, "host")}


def test_a_voice_is_named_after_whom_the_speech_introduces_and_then_addresses_once():
    parsed = parse_transcript(
        "Speaker 1  0:00\nGood evening, I'm Ann Lee. Tom Wu joins us. Tom, what happened?\n\n"
        "Speaker 2  0:04\nThanks, Ann. A fire at the plant.\n\n"
        "Speaker 1  0:06\nWas anyone hurt?\n\nSpeaker 2  0:07\nNo one, thankfully.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Ann Lee", "Tom Wu"] * 2
    # Named in full as they are addressed, they are spoken to, not introduced: "Donald Trump,
    # you are wrong" in a debate gives no voice his name.
    rhetorical = parse_transcript(
        "Speaker 1  0:00\nGood evening. Donald Trump, you are wrong about the plant.\n\n"
        "Speaker 2  0:04\nThanks. A fire at the plant.\n\n"
        "Speaker 1  0:06\nWas anyone hurt?\n\nSpeaker 2  0:07\nNo one, thankfully.\n"
    )
    assert {t.speaker for t in rhetorical.turns} == {None}


def test_whom_one_voice_is_named_after_is_no_rival_for_another():
    # States: Ann Lee, Tom Wu, and a nameless part. Speaker 2 is likelier Tom than anyone, but
    # not twice as likely as Ann, whom Speaker 1, heard more, is named after.
    heard = {
        "speaker 1": (np.array([0.9, 0.05, 0.05]), 10),
        "speaker 2": (np.array([0.35, 0.6, 0.05]), 8),
    }
    assert voice_names(heard, people=[0, 1]) == {"speaker 1": 0, "speaker 2": 1}
    # Likelier hers than his, it is named after neither.
    heard["speaker 2"] = (np.array([0.5, 0.45, 0.05]), 8)
    assert voice_names(heard, people=[0, 1]) == {"speaker 1": 0}
    # Nor is a voice named after a person it is barely likelier than the part nobody names.
    heard["speaker 2"] = (np.array([0.0, 0.5, 0.3]), 8)
    assert voice_names(heard, people=[0, 1]) == {"speaker 1": 0}


def test_voices_nobody_names_stay_apart_and_unnamed():
    parsed = parse_transcript(NOBODY_NAMED)
    assert [(t.speaker, t.label, t.attribution) for t in parsed.turns] == [
        (None, "Speaker 1", "label"),
        (None, "Speaker 2", "label"),
    ] * 2
    assert [t.role for t in parsed.turns[:2]] == ["host", "guest"]


def test_one_voice_among_named_labels_is_read_and_may_be_named():
    parsed = parse_transcript(
        "Judy Woodruff (00:00):\nGood evening. I'm Judy Woodruff. Senator Jane Doe joins us.\n\n"
        "Speaker 2 (00:12):\nThank you, Judy. It's good to be here.\n\n"
        "Judy Woodruff (00:15):\nSenator, let me start with the vote.\n\n"
        "Speaker 2 (00:19):\nIt was close.\n\n"
        "Judy Woodruff (00:25):\nThank you, Senator Doe.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Judy Woodruff", "Judy Woodruff"),
        ("Jane Doe", "Speaker 2"),
        ("Judy Woodruff", "Judy Woodruff"),
        ("Jane Doe", "Speaker 2"),
        ("Judy Woodruff", "Judy Woodruff"),
    ]


def test_a_voice_is_not_named_after_someone_the_labels_name():
    # A press conference: reporters as numbered voices, the mayor and her fire chief by name.
    parsed = parse_transcript(
        "Karen Daniels (00:00):\nGood morning. I'll take a few questions.\n\n"
        "Speaker 1 (01:02):\nMayor, how many homes are still without power?\n\n"
        "Karen Daniels (01:06):\nAbout four thousand.\n\n"
        "Speaker 2 (01:15):\nIs the levee holding?\n\n"
        "Karen Daniels (01:18):\nIt is. Chief Ortiz can speak to that.\n\n"
        "Luis Ortiz (01:22):\nThank you, Mayor. The levee is holding.\n"
    )
    assert [t.speaker for t in parsed.turns] == [
        "Karen Daniels",
        None,
        "Karen Daniels",
        None,
        "Karen Daniels",
        "Luis Ortiz",
    ]


def test_an_unknown_speaker_is_a_nameless_part_not_a_person():
    parsed = parse_transcript(
        "Maria Lopez  0:00\nToday I'm talking with Dr. Sam Okafor about sleep.\n\n"
        "Sam Okafor  0:08\nMost adults need seven to nine hours.\n\n"
        "Unknown Speaker  0:22\nSorry, can you say that again?\n\n"
        "Sam Okafor  0:24\nSeven to nine hours.\n"
    )
    assert [(t.speaker, t.label) for t in parsed.turns] == [
        ("Maria Lopez", "Maria Lopez"),
        ("Sam Okafor", "Sam Okafor"),
        (None, "Unknown Speaker"),
        ("Sam Okafor", "Sam Okafor"),
    ]
    assert [s.name for s in parsed.speakers] == ["Maria Lopez", "Sam Okafor"]


def test_a_voice_is_not_named_after_someone_only_talked_about():
    parsed = parse_transcript(
        "Speaker 1  0:00\nWelcome. Our thanks to Nancy Reagan for hosting us tonight. Joining me"
        " is Senator Jane Doe. Senator, welcome.\n\n"
        "Speaker 2  0:08\nThank you.\n\n"
        "Speaker 1  0:10\nSenator Doe, what happens now?\n\n"
        "Speaker 2  0:13\nWe vote, and I think we win.\n\n"
        "Speaker 3  0:20\nCan I add something here?\n\n"
        "Speaker 1  0:22\nGo ahead.\n\n"
        "Speaker 3  0:23\nI disagree. The votes are not there, and everyone knows it.\n"
    )
    speakers = {t.label: t.speaker for t in parsed.turns}
    assert speakers == {"Speaker 1": None, "Speaker 2": "Jane Doe", "Speaker 3": None}


def test_a_name_the_opening_gives_once_and_speech_seems_to_address_once_names_no_voice():
    # "Toth, as you say, ..." reads like an address to Toth; one such reading is not enough.
    parsed = parse_transcript(
        "Speaker 1  0:00\nNumber 3 on the calendar, Ann Toth versus the Air Force. Mr. Kehoe.\n\n"
        "Speaker 2  0:06\nIf the Court pleases. Toth was discharged in 1952.\n\n"
        "Speaker 1  0:15\nToth, as you say, was a civilian by then?\n\n"
        "Speaker 2  0:17\nIn 1953, after his arrest in Pittsburgh.\n"
    )
    assert {t.speaker for t in parsed.turns} == {None}


def test_a_voice_is_named_after_the_guest_the_opening_introduces():
    parsed = parse_transcript(
        "Speaker 1: Welcome to City Desk. I'm Maria Lopez. My guest today is Dr. Alan Brooks.\n\n"
        "Speaker 2: Thanks for having me, Maria.\n\nSpeaker 1: How bad is the flu season?\n\n"
        "Speaker 2: It's earlier than usual.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Maria Lopez", "Alan Brooks"] * 2
    # Whom it only talks about is no one's voice.
    talked_about = parse_transcript(
        "Speaker 1: Welcome to City Desk. I'm Maria Lopez. We asked doctors like Dr. Alan Brooks.\n\n"
        "Speaker 2: Thanks for having me, Maria.\n\nSpeaker 1: How bad is the flu season?\n\n"
        "Speaker 2: It's earlier than usual.\n"
    )
    assert [t.speaker for t in talked_about.turns] == ["Maria Lopez", None] * 2


def test_caption_voices_that_number_or_name_parts_are_told_apart():
    vtt = (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:04.000\n<v Speaker 1>Welcome. Where were you?\n\n"
        "00:00:04.000 --> 00:00:06.000\n<v Speaker 2>At home.\n\n"
        "00:00:06.000 --> 00:00:09.000\n<v Moderator>Next question.\n\n"
        "00:00:09.000 --> 00:00:12.000\n<v Question>Why now?\n"
    )
    parsed = parse_transcript(vtt)
    assert [t.label for t in parsed.turns] == ["Speaker 1", "Speaker 2", "Moderator", "Question"]


def test_a_headline_over_an_automatic_transcripts_wrapped_notice_is_its_title_and_no_one():
    parsed = parse_transcript(
        "Episode Transcript\n"
        "Available transcripts are automatically generated. Complete accuracy is not guaranteed.\n"
        "Speaker 1 (00:00):\nHey everyone. Welcome to the show. I hope you're all taking care\n"
        "of yourselves, you know, mentally and physically.\n"
        "Speaker 2 (01:58):\nI'm so excited to be here, to be doing this too.\n"
    )
    assert parsed.title == "Episode Transcript"
    assert parsed.speakers == []
    assert [t.label for t in parsed.turns] == ["Speaker 1", "Speaker 2"]
