"""Captions (WebVTT voices, SRT with NAME: or >>) and the JSON export, read back."""

import json

import pytest

from interviews.parsing import ParseError, parse_transcript, transcript_from_dict

WEBVTT = """WEBVTT

00:00:01.000 --> 00:00:03.500
<v Anna Karenina>Hello there, how are you?

00:00:03.500 --> 00:00:06.000
<v Konstantin Levin>Fine, thanks.

00:00:06.000 --> 00:00:08.000
<v Konstantin Levin>And you?
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
ANNA SMITH: Hello, Bob Jones.

2
00:00:03,000 --> 00:00:05,000
How are you?

3
00:01:05,000 --> 00:01:07,250
BOB JONES: Well, thank you, Anna.
"""

CHEVRONS = """1
00:00:01,000 --> 00:00:03,000
>> ANNA SMITH: Welcome, Bob Jones. What brings you here?

2
00:00:03,000 --> 00:00:05,000
>> BOB JONES: The weather, Anna.

3
00:00:05,000 --> 00:00:07,000
>> Really, Bob? Tell me more.

4
00:00:07,000 --> 00:00:09,000
>> It was sunny all week, Anna.
"""


def test_webvtt_voices_name_the_turns_and_cues_of_one_voice_join_with_their_times():
    parsed = parse_transcript(WEBVTT)
    assert parsed.format == "webvtt"
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Anna Karenina", "Hello there, how are you?", 1.0, 3.5),
        ("Konstantin Levin", "Fine, thanks. And you?", 3.5, 8.0),
    ]


def test_srt_name_labels_start_turns_and_unlabelled_cues_continue_them():
    parsed = parse_transcript(SRT)
    assert parsed.format == "srt"
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Anna Smith", "Hello, Bob Jones. How are you?", 1.0, 5.0),
        ("Bob Jones", "Well, thank you, Anna.", 65.0, 67.25),
    ]


def _srt(cues: list[tuple[float, str]]) -> str:
    def clock(at: float) -> str:
        return f"00:{int(at) // 60:02}:{int(at) % 60:02},000"

    return "\n\n".join(
        f"{n}\n{clock(at)} --> {clock(at + 2)}\n{text}" for n, (at, text) in enumerate(cues, 1)
    )


def test_a_long_stretch_of_one_voice_reads_as_paragraphs_where_it_pauses_or_runs_on():
    paused = parse_transcript(
        _srt([(0, "ANN LEE: We begin."), (2, "It was a long day."), (7, "Then it rained.")])
    )
    assert paused.turns[0].paragraphs == ["We begin. It was a long day.", "Then it rained."]
    # A minute on, a paragraph ends with its sentence; two on, wherever it is.
    address = parse_transcript(_srt([(at, f"Line {at} of the address.") for at in range(0, 90, 2)]))
    assert [len(p.split(". ")) for p in address.turns[0].paragraphs] == [30, 15]
    automatic = parse_transcript(_srt([(at, "and so we went on") for at in range(0, 250, 2)]))
    assert [len(p.split()) // 5 for p in automatic.turns[0].paragraphs] == [60, 60, 5]
    assert len(automatic.turns) == 1
    # Each paragraph keeps the time it starts at, so a moment inside the turn can be found.
    assert paused.turns[0].paragraph_starts == [0.0, 7.0]
    assert automatic.turns[0].paragraph_starts == [0.0, 120.0, 240.0]
    assert (
        parse_transcript(_srt([(0, "ANN LEE: Hi."), (3, "TOM WU: Hello.")]))
        .turns[0]
        .paragraph_starts
        == []
    )  # nothing to add to the turn's own time


def test_a_turns_paragraph_times_go_out_and_come_back_in_the_json_export():
    spoken = parse_transcript(_srt([(0, "ANN LEE: We begin."), (7, "Then it rained.")]))
    exported = json.dumps(spoken.to_dict())
    assert json.loads(exported)["turns"][0]["paragraph_starts"] == [0.0, 7.0]
    assert parse_transcript(exported).to_dict() == spoken.to_dict()

    broken = json.loads(exported)
    for starts in ([0.0], [0.0, "seven"], "7"):
        broken["turns"][0]["paragraph_starts"] = starts
        with pytest.raises(ParseError, match="paragraph_starts"):
            parse_transcript(json.dumps(broken))


def test_youtube_sbv_cues_are_read_like_srt_with_their_times():
    parsed = parse_transcript(
        "0:00:01.000,0:00:04.500\n>> ANN LEE: Welcome to the program.\n\n"
        "0:00:04.500,0:00:08.000\n>> TOM WU: Thanks for having me.\n\n"
        "0:00:08.000,0:01:02.250\nIt is good to be back.\n"
    )
    assert parsed.format == "sbv"
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Ann Lee", "Welcome to the program.", 1.0, 4.5),
        ("Tom Wu", "Thanks for having me. It is good to be back.", 4.5, 62.25),
    ]


def test_a_video_pages_transcript_copied_with_each_line_below_its_time_is_timed_speech():
    parsed = parse_transcript(
        "0:00\n>> ANN LEE: welcome back today I'm joined by\n0:03\nTom Wu\n"
        "0:06\n>> thanks for having me\n1:02\nit's great to be here\n"
    )
    assert parsed.format == "sbv"
    assert [(t.text, t.start, t.end) for t in parsed.turns] == [
        ("welcome back today I'm joined by Tom Wu", 0.0, 6.0),
        ("thanks for having me it's great to be here", 6.0, 62.0),
    ]
    assert parsed.turns[0].speaker == "Ann Lee"
    # A video with chapters prints each one's title above its first line: nobody says it.
    lines = [f"0:{at:02}\n{words}" for at, words in enumerate(["so it begins", "and goes on"] * 5)]
    chaptered = parse_transcript("\n".join(["Intro", *lines[:5], "Why prices rose", *lines[5:]]))
    assert chaptered.format == "sbv"
    assert [(t.attribution, t.start, t.text[:12]) for t in chaptered.turns] == [
        ("direction", 0.0, "Intro"),
        ("inferred", 0.0, "so it begins"),
        ("direction", 5.0, "Why prices r"),
        ("inferred", 5.0, "and goes on "),
    ]


def test_captions_that_roll_up_give_each_line_once_and_an_escaped_chevron_a_new_speaker():
    parsed = parse_transcript(
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n"
        "welcome<00:00:00.480><c> back</c>\n\n"
        "00:00:02.310 --> 00:00:02.320 align:start position:0%\nwelcome back\n \n\n"
        "00:00:02.320 --> 00:00:05.110 align:start position:0%\nwelcome back\n"
        "today<00:00:02.720><c> we talk sleep</c>\n\n"
        "00:00:05.120 --> 00:00:07.990 align:start position:0%\ntoday we talk sleep\n"
        "&gt;&gt;<00:00:05.520><c> thanks</c>\n\n"
        "00:00:08.000 --> 00:00:09.000\nthanks\n\n"
        "00:00:09.000 --> 00:00:10.000\nthanks\n"
    )
    assert [(t.text, t.start, t.end) for t in parsed.turns] == [
        ("welcome back today we talk sleep", 0.0, 5.11),
        ("thanks thanks thanks", 5.12, 10.0),
    ]


def test_times_with_unpadded_units_time_the_cues():
    parsed = parse_transcript(
        "WEBVTT\n\n0:0:0.0 --> 0:0:3.450\n<v Ann Lee>Hello.</v>\n\n"
        "0:0:3.450 --> 0:1:7.12\n<v Tom Wu>Hi, Ann.</v>\n"
    )
    assert [(t.speaker, t.start, t.end) for t in parsed.turns] == [
        ("Ann Lee", 0.0, 3.45),
        ("Tom Wu", 3.45, 67.12),
    ]


def test_a_name_alone_on_each_cues_first_line_labels_the_cue_where_names_recur():
    cues = [("Ann Lee", "Hello, everyone."), ("Tom Wu", "Hi, Ann."), ("Ann Lee", "Let us start.")]
    cues.append(("Tom Wu", "Sure."))
    parsed = parse_transcript(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n{name}\n{text}\n\n"
            for n, (name, text) in enumerate(cues)
        )
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == cues
    once = parse_transcript(srt_of(["Ann Lee\nHello.", "ANN LEE: Hi.", "TOM WU: Bye."]))
    assert once.turns[0].text == "Ann Lee Hello."
    # A name alone is nothing else: "John McCain, all right." opening a cue is speech.
    lines = [f"{name}\n{text}" for name, text in cues] + ["John McCain, all right.\nI lost."]
    parsed = parse_transcript(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n{cue}\n\n" for n, cue in enumerate(lines)
        )
    )
    assert parsed.turns[-1].text == "Sure. John McCain, all right. I lost."


def test_subtitle_positioning_codes_and_colours_are_no_words_and_hide_no_label():
    parsed = parse_transcript(
        '1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<font color="#ffff00">ANN LEE:</font> Hello.\n\n'
        '2\n00:00:03,500 --> 00:00:06,000\n<font color="#00ffff">TOM WU:</font> Hi, Ann.\n\n'
        "3\n00:00:06,500 --> 00:00:09,000\nANN LEE: Bye.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Hello."),
        ("Tom Wu", "Hi, Ann."),
        ("Ann Lee", "Bye."),
    ]


def test_whispers_captions_a_line_each_and_whisperxs_speaker_ids_are_read():
    lined = parse_transcript(
        "[00:00.000 --> 00:03.240]  Welcome back, I am Ann Lee.\n"
        "[00:03.240 --> 00:06.100]  Today my guest is Tom Wu.\n"
    )
    assert lined.format == "srt"
    assert [(t.text, t.start, t.end) for t in lined.turns] == [
        ("Welcome back, I am Ann Lee. Today my guest is Tom Wu.", 0.0, 6.1)
    ]
    diarized = parse_transcript(
        srt_of(
            [
                "[SPEAKER_00]: Welcome back, I am Ann Lee.",
                "[SPEAKER_01]: Thanks for having me, Ann.",
                "[SPEAKER_00]: Why do we dream?",
            ]
        )
    )
    assert [(t.label, t.speaker, t.text) for t in diarized.turns] == [
        ("Speaker 1", "Ann Lee", "Welcome back, I am Ann Lee."),
        ("Speaker 2", None, "Thanks for having me, Ann."),
        ("Speaker 1", "Ann Lee", "Why do we dream?"),
    ]


def test_srt_chevrons_mark_a_new_speaker_whom_the_engine_names():
    parsed = parse_transcript(CHEVRONS)
    assert [t.speaker for t in parsed.turns] == [
        "Anna Smith",
        "Bob Jones",
        "Anna Smith",
        "Bob Jones",
    ]
    assert [t.attribution for t in parsed.turns] == ["label", "label", "inferred", "inferred"]
    assert parsed.turns[2].start == 5.0


def test_captions_in_capitals_are_read_for_names_as_ordinary_case_and_keep_their_capitals():
    shouted = parse_transcript(CHEVRONS.upper())
    assert [t.speaker for t in shouted.turns] == [
        "Anna Smith",
        "Bob Jones",
        "Anna Smith",
        "Bob Jones",
    ]
    assert shouted.turns[3].text == "IT WAS SUNNY ALL WEEK, ANNA."
    unlabelled = parse_transcript(
        ">> GOOD EVENING. I'M MARIA LOPEZ. MY GUEST IS DR. ALAN BROOKS.\n"
        ">> THANKS FOR HAVING ME, MARIA.\n>> DR. BROOKS, HOW BAD IS IT?\n>> IT IS EARLY.\n"
        ">> WHAT SHOULD PEOPLE DO?\n>> GET THE SHOT.\n"
    )
    assert [t.speaker for t in unlabelled.turns] == ["Maria Lopez", "Alan Brooks"] * 3


def test_a_cue_opening_with_an_interruption_dash_is_speech_not_a_new_speaker():
    interrupted = SRT.replace("How are you?", "- - I mean, how are you?")

    parsed = parse_transcript(interrupted)

    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Anna Smith", "Hello, Bob Jones. - - I mean, how are you?"),
        ("Bob Jones", "Well, thank you, Anna."),
    ]


@pytest.mark.parametrize(
    "cue, texts",
    [
        # Both lines dashed: two speakers.
        (
            "- How are you?\n- Fine, and you?",
            ["Hello, Bob Jones.", "How are you?", "Fine, and you?", "Well, thank you, Anna."],
        ),
        # Only the later line dashed: the first continues the turn before.
        (
            "How are you?\n- Fine, and you?",
            ["Hello, Bob Jones. How are you?", "Fine, and you?", "Well, thank you, Anna."],
        ),
    ],
)
def test_a_dashed_line_of_a_dialogue_cue_is_a_new_speaker(cue, texts):
    parsed = parse_transcript(SRT.replace("How are you?", cue))

    assert [t.text for t in parsed.turns] == texts


def test_in_a_file_with_dialogue_cues_a_dash_opening_any_cue_is_a_new_speaker():
    parsed = parse_transcript(
        "1\n00:00:01,000 --> 00:00:03,000\n- Where were you?\n- At home.\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\n- Can anyone confirm that?\n\n"
        "3\n00:00:05,200 --> 00:00:07,000\n- My sister can.\n"
    )
    assert [t.text for t in parsed.turns] == [
        "Where were you?",
        "At home.",
        "Can anyone confirm that?",
        "My sister can.",
    ]
    assert parsed.turns[2].start == 3.5


def test_mixed_case_names_label_captions_where_they_recur_as_zoom_prints_them():
    parsed = parse_transcript(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nJenna Park: Hi, welcome to the call.\n\n"
        "2\n00:00:04.500 --> 00:00:07.000\nOmar Haddad: Thanks, Jenna.\n\n"
        "3\n00:00:07.500 --> 00:00:09.000\nJenna Park: Note: numbers first.\n\n"
        "4\n00:00:09.500 --> 00:00:11.000\nHere's the thing: they are good.\n"
    )
    assert [(t.speaker, t.attribution, t.text) for t in parsed.turns] == [
        ("Jenna Park", "label", "Hi, welcome to the call."),
        ("Omar Haddad", "label", "Thanks, Jenna."),
        ("Jenna Park", "label", "Note: numbers first. Here's the thing: they are good."),
    ]


def test_mixed_case_full_names_label_captions_by_the_rule_of_labelled_transcripts():
    two = parse_transcript(srt_of(["Ann Lee: Welcome.", "it is late.", "Tom Wu: Thanks."]))
    assert [(t.speaker, t.text) for t in two.turns] == [
        ("Ann Lee", "Welcome. it is late."),
        ("Tom Wu", "Thanks."),
    ]
    one = parse_transcript(srt_of(["So here: the news.", "Ann Lee: she said it."]))
    assert [t.text for t in one.turns] == ["So here: the news. Ann Lee: she said it."]


def test_names_in_brackets_label_subtitles_for_the_deaf_where_two_of_them_recur():
    parsed = parse_transcript(
        srt_of(
            [
                "[ANN LEE] Welcome.",
                "[Tom Wu] Thanks.",
                "[ANN LEE] So.\n[door slams]",
                "[Tom Wu] Sure.",
            ]
        )
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Welcome."),
        ("Tom Wu", "Thanks."),
        ("Ann Lee", "So. [door slams]"),
        ("Tom Wu", "Sure."),
    ]
    sounds = parse_transcript(srt_of(["ANN LEE: Welcome.", "[MUSIC] Da da.", "[MUSIC] La la."]))
    assert [t.text for t in sounds.turns] == ["Welcome. [MUSIC] Da da. [MUSIC] La la."]
    # A part in brackets is its speaker; a sound heard, however often, is nobody.
    parts = parse_transcript(
        srt_of(
            [
                "[MODERATOR] Welcome.",
                "[ANN LEE] Thanks.",
                "[APPLAUSE] Thank you all.",
                "[MODERATOR] Why now?",
                "[ANN LEE] Because.",
                "[APPLAUSE] Thank you.",
            ]
        )
    )
    assert [(t.speaker or t.role, t.text) for t in parts.turns] == [
        ("host", "Welcome."),
        ("Ann Lee", "Thanks. [APPLAUSE] Thank you all."),
        ("host", "Why now?"),
        ("Ann Lee", "Because. [APPLAUSE] Thank you."),
    ]


def test_captions_without_any_timed_cue_are_refused():
    with pytest.raises(ParseError, match="No timed captions"):
        parse_transcript("WEBVTT\n\nNOTE nothing here\n")


def test_the_json_export_reads_back_equal():
    parsed = parse_transcript(SRT)
    exported = json.dumps(parsed.to_dict())
    assert parse_transcript(exported) == parsed
    assert transcript_from_dict(json.loads(exported)) == parsed


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"speakers": []}', 'no "turns"'),
        ('{"turns": [{"speaker": "Nobody", "text": "Hi"}]}', "not in the speakers list"),
        ('{"turns": [{"text": "Hi", "confidence": 2}]}', "between 0 and 1"),
        ('{"turns": [{"text": "Hi", "role": "boss"}]}', "is not one of"),
    ],
)
def test_a_malformed_export_says_what_is_wrong(payload, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(payload)


def srt_of(cues: list[str]) -> str:
    """An SRT file of these cue texts, two seconds each."""
    return "\n".join(
        f"{n}\n00:00:{2 * n:02d},000 --> 00:00:{2 * n + 2:02d},000\n{cue}\n"
        for n, cue in enumerate(cues, start=1)
    )


def roles(parsed) -> dict[str, str]:
    """Each speaker's name and the part the parse gave them."""
    return {s.name: s.role for s in parsed.speakers}


def test_a_speaker_named_once_on_a_question_asks_for_the_program():
    cues = [
        ">> ANNA SMITH: Welcome, Bob Jones. What brings you here?",
        ">> BOB JONES: The weather, and the harvest.",
        ">> CARL REED: Which harvest do you mean?",
        ">> The wheat, mostly. It was a good year for it.",
        ">> Will next year be as good?",
        ">> Nobody can say yet.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed) == {
        "Anna Smith": "host",
        "Bob Jones": "guest",
        "Carl Reed": "host",
    }
    assert [t.speaker for t in parsed.turns][3] == "Bob Jones"


def test_a_speaker_named_once_on_a_brief_remark_is_a_host_unless_called_on_before():
    cues = [
        ">> ANNA SMITH: Good evening. Our guest has farmed this valley for forty years and has"
        " seen every kind of weather it brings. Bob Jones, what brings you here?",
        ">> BOB JONES: Thank you, Anna.",
        ">> The weather, and the harvest, the best this valley has seen in a decade, and the"
        " prices that came with it, which were not.",
        ">> CARL REED: I grew up near there.",
        ">> The wheat did well, mostly. It was a good year for it, and the barley too, though"
        " the rain came late in the spring.",
        ">> Will next year be as good?",
        ">> Nobody can say yet, but the soil is in better shape than it was.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed) == {
        "Anna Smith": "host",
        "Bob Jones": "guest",
        "Carl Reed": "host",
    }


def test_a_speaker_named_once_thanking_for_being_had_on_is_a_guest():
    cues = [
        ">> ANNA SMITH: Good evening. The harvest is in, and it was a strange one. Our guest"
        " farms in the valley.",
        ">> BOB JONES: Thanks for having me.",
        ">> How was it?",
        ">> The wheat did well, mostly. It was a good year for it, and the barley too, though"
        " the rain came late in the spring and the prices fell.",
        ">> Will next year be as good?",
        ">> Nobody can say yet, but the soil is in better shape than it was.",
    ]
    assert roles(parse_transcript(srt_of(cues))) == {"Anna Smith": "host", "Bob Jones": "guest"}


# A panel's chair calls the county's appeal; its attorney takes the floor and opens.
COUNTY_APPEAL_OPENS = [
    ">> ANNA SMITH: Good morning. The panel hears the county's appeal next.",
    ">> BOB JONES: May it please the panel.",
    ">> Go ahead, Mr. Jones.",
    ">> The county asks you to reverse. The ordinance was passed lawfully, after notice and a"
    " hearing, and the court below read the statute far too narrowly when it struck it down.",
]


def test_a_speaker_named_once_taking_the_floor_is_a_guest_and_one_calling_on_them_a_host():
    cues = [
        *COUNTY_APPEAL_OPENS,
        ">> CARL REED: Mr. Jones, I have read the record twice. The hearing you speak of lasted"
        " ten minutes, and nobody from the neighbourhood who came to it was allowed to speak.",
        ">> That is so, but the statute asks only for notice.",
        ">> In the paper?",
        ">> Yes, a week before.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed) == {"Anna Smith": "host", "Bob Jones": "guest", "Carl Reed": "host"}
    assert [t.speaker for t in parsed.turns][3:] == ["Bob Jones", "Carl Reed"] * 2 + ["Bob Jones"]


def test_a_speaker_named_once_who_opens_by_addressing_an_office_is_a_host():
    cues = [
        *COUNTY_APPEAL_OPENS,
        ">> CARL REED: Mr. County Attorney, I have read the record twice. The hearing you speak"
        " of lasted ten minutes, and nobody from the neighbourhood who came was allowed to speak.",
        ">> That is so, but the statute asks only for notice.",
        ">> In the paper?",
        ">> Yes, a week before.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed)["Carl Reed"] == "host"


def test_captions_that_cut_into_a_long_answer_open_with_the_guest():
    answer = (
        "-- and that is why the county passed the ordinance when it did. The old rules had"
        " let the river flood the lower fields three springs running, the farmers there had"
        " asked for help at every meeting, and the council had nothing left to offer them but"
        " a plan that kept the water off the land. It was not a hasty decision, and it was"
        " not taken behind closed doors."
    )
    cues = [
        f">> BOB JONES: {answer}",
        ">> ANNA SMITH: Who asked first?",
        ">> The farmers did.",
        ">> When?",
        ">> Three years ago.",
        ">> And the council?",
        ">> It agreed at once.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed) == {"Bob Jones": "guest", "Anna Smith": "host"}


def test_a_speaker_named_once_does_not_speak_before_their_name_is_printed():
    cues = [
        ">> ANNA SMITH: Good evening. Bob Jones, why did the harvest fail?",
        ">> BOB JONES: The rain came late in the spring, and then the heat arrived early.",
        ">> Carl Reed, who farms the valley below, joins us in a moment. Did prices fall?",
        ">> They fell by half.",
        ">> Carl Reed, you farm the next valley. Was it the same there?",
        ">> CARL REED: It was worse. We lost the barley and most of the wheat.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert [t.speaker for t in parsed.turns][3] == "Bob Jones"


def test_asking_to_hear_the_question_again_is_the_answerers_turn():
    cues = [
        ">> ANNA SMITH: Good evening. Bob Jones, why did the harvest fail?",
        ">> BOB JONES: The rain came late in the spring, and then the heat arrived early.",
        ">> CARL REED: Did the barley fail too?",
        ">> It did, and the oats with it.",
        ">> And what will the farmers who lost both plant next year, with the seed so dear?",
        ">> Pardon?",
        ">> What will they plant next year?",
        ">> Wheat again, most of them.",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert [t.speaker for t in parsed.turns][4:] == ["Carl Reed", "Bob Jones"] * 2


def test_a_speaker_taken_for_a_host_on_a_brief_first_remark_who_then_answers_is_a_guest():
    answer = (
        "The rain came late in the spring, and then the heat arrived in June before the grain"
        " had set, so the yield fell by half across the valley and the prices with it."
    )
    cues = [
        ">> ANNA SMITH: Good evening and welcome. Tonight we talk about farming.",
        ">> BOB JONES: Glad to be here.",
        ">> Why did the harvest fail this year?",
        f">> {answer}",
        ">> What about the barley?",
        f">> The barley did no better. {answer}",
        ">> And next year?",
        f">> Nobody can say yet. {answer}",
    ]
    parsed = parse_transcript(srt_of(cues))

    assert roles(parsed) == {"Anna Smith": "host", "Bob Jones": "guest"}
    assert [t.speaker for t in parsed.turns][2:] == ["Anna Smith", "Bob Jones"] * 3


def test_captions_wrapped_over_two_lines_keep_a_label_alone_on_the_first_for_the_second():
    # Subtitle tools wrap a cue at about 40 letters: a label may stand alone on its line, and
    # a line may open with words that read like "Name, title" ("John McCain, all right.").
    parsed = parse_transcript(
        srt_of(
            [
                "ANN LEE: How are\nyou today, Tom?",
                "TOM WU:\nFine.",
                "ANN LEE: Did you\nvote for the plan?",
                "TOM WU: I was beaten\nby John McCain,",
                "John McCain, all right.\nI lost.",
                "ANN LEE:\nThank you.",
            ]
        )
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "How are you today, Tom?"),
        ("Tom Wu", "Fine."),
        ("Ann Lee", "Did you vote for the plan?"),
        ("Tom Wu", "I was beaten by John McCain, John McCain, all right. I lost."),
        ("Ann Lee", "Thank you."),
    ]
