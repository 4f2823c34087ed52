"""The JSON speech-to-text services write: Whisper's segments, WhisperX's speakers, AssemblyAI's
utterances, Deepgram's and Amazon Transcribe's results, Rev.ai's monologues, a podcast's
transcript."""

import json

import pytest

from interviews.parsing import ParseError, parse_transcript


def whisperx(*segments):
    return json.dumps(
        {
            "segments": [
                {"start": float(i * 5), "end": float(i * 5 + 4), "text": text, "speaker": who}
                for i, (who, text) in enumerate(segments)
            ]
        }
    )


def test_numbered_speakers_are_voices_the_engine_names_from_the_speech():
    parsed = parse_transcript(
        whisperx(
            ("SPEAKER_00", " Good evening. I'm Jenna Park, and this is Tech Talk."),
            ("SPEAKER_00", " With me is Omar Haddad. Omar, how did Lumen start?"),
            ("SPEAKER_01", " In a garage, Jenna, with a soldering iron."),
            ("SPEAKER_00", " And now, Omar?"),
            ("SPEAKER_01", " Two hundred people."),
        )
    )
    assert parsed.format == "json"
    assert [(t.speaker, t.start, t.end) for t in parsed.turns] == [
        ("Jenna Park", 0.0, 9.0),
        ("Omar Haddad", 10.0, 14.0),
        ("Jenna Park", 15.0, 19.0),
        ("Omar Haddad", 20.0, 24.0),
    ]
    assert parsed.turns[0].text == (
        "Good evening. I'm Jenna Park, and this is Tech Talk. With me is Omar Haddad. Omar, how "
        "did Lumen start?"
    )


def test_a_long_stretch_of_one_speaker_reads_as_timed_paragraphs_where_they_pause():
    segments = [
        {"start": 0.0, "end": 4.0, "text": "We begin tonight.", "speaker": "Ann Lee"},
        {"start": 4.5, "end": 9.0, "text": "It was a long day", "speaker": "Ann Lee"},
        {"start": 12.0, "end": 15.0, "text": "for everyone.", "speaker": "Ann Lee"},
        {"start": 19.0, "end": 22.0, "text": "Then it rained.", "speaker": "Ann Lee"},
    ]
    parsed = parse_transcript(json.dumps({"segments": segments}))
    # (A pause inside a sentence is no paragraph's end.)
    assert parsed.turns[0].paragraphs == [
        "We begin tonight. It was a long day for everyone.",
        "Then it rained.",
    ]
    assert (parsed.turns[0].paragraph_starts, parsed.turns[0].end) == ([0.0, 19.0], 22.0)


def test_utterances_are_timed_in_milliseconds_and_named_speakers_are_labels():
    parsed = parse_transcript(
        json.dumps(
            {
                "utterances": [
                    {"speaker": "Jenna Park", "start": 1500, "end": 4000, "text": "Welcome."},
                    {"speaker": "Omar Haddad", "start": 4200, "end": 6000, "text": "Thanks."},
                ]
            }
        )
    )
    assert [(t.speaker, t.attribution, t.start) for t in parsed.turns] == [
        ("Jenna Park", "label", 1.5),
        ("Omar Haddad", "label", 4.2),
    ]


def test_results_of_deepgram_and_amazon_transcribe_are_timed_voices():
    deepgram = {
        "metadata": {"duration": 9.5},
        "results": {
            "utterances": [
                {"speaker": 0, "start": 0.5, "end": 3.0, "transcript": "Welcome. Omar, why?"},
                {"speaker": 1, "start": 3.2, "end": 6.0, "transcript": "Prices rose."},
            ]
        },
    }
    amazon = {
        "jobName": "interview",
        "results": {
            "transcripts": [{"transcript": "Welcome. Omar, why? Prices rose."}],
            "audio_segments": [
                {
                    "speaker_label": "spk_0",
                    "start_time": "0.5",
                    "end_time": "3.0",
                    "transcript": "Welcome. Omar, why?",
                },
                {
                    "speaker_label": "spk_1",
                    "start_time": "3.2",
                    "end_time": "6.0",
                    "transcript": "Prices rose.",
                },
            ],
        },
    }
    # Both count their voices from zero; the archive shows them from one, as it does pyannote's.
    for payload in (deepgram, amazon):
        parsed = parse_transcript(json.dumps(payload))
        assert [(t.label, t.text, t.start, t.end) for t in parsed.turns] == [
            ("Speaker 1", "Welcome. Omar, why?", 0.5, 3.0),
            ("Speaker 2", "Prices rose.", 3.2, 6.0),
        ]
    from_one = {"utterances": [{"speaker": n, "text": "Hi."} for n in (1, 2)]}
    assert [t.label for t in parse_transcript(json.dumps(from_one)).turns] == [
        "Speaker 1",
        "Speaker 2",
    ]


def test_revai_monologues_join_their_words_and_punctuation_and_are_timed_by_their_words():
    def word(value, ts):
        return {"type": "text", "value": value, "ts": ts, "end_ts": ts + 0.4, "confidence": 1.0}

    def punct(value):
        return {"type": "punct", "value": value}

    payload = {
        "monologues": [
            {
                "speaker": 0,
                "speaker_name": "Jenna Park",
                "elements": [word("Welcome", 0.5), punct(" "), word("back", 1.0), punct(".")],
            },
            {
                "speaker": 1,
                "elements": [
                    word("Thanks", 1.5),
                    punct(","),
                    punct(" "),
                    word("Jenna", 2.0),
                    punct("."),
                ],
            },
        ]
    }
    parsed = parse_transcript(json.dumps(payload))
    assert [(t.label, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Jenna Park", "Welcome back.", 0.5, 1.4),
        ("Speaker 1", "Thanks, Jenna.", 1.5, 2.4),
    ]
    with pytest.raises(ParseError, match="Monologue 1"):
        parse_transcript(json.dumps({"monologues": [{"speaker": 0, "elements": [{"ts": 1}]}]}))


def test_amazon_transcribes_words_make_a_segment_for_each_speaker_or_each_sentence():
    def word(content, start):
        return {
            "type": "pronunciation",
            "start_time": str(start),
            "end_time": str(start + 0.4),
            "alternatives": [{"confidence": "0.99", "content": content}],
        }

    def mark(content):
        return {"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": content}]}

    items = [word("Welcome", 0.5), word("back", 1.0), mark("."), word("Why", 1.5), mark("?")]
    items += [word("Prices", 2.0), word("rose", 2.5), mark(".")]
    spoken_by = [("spk_0", items[:5]), ("spk_1", items[5:])]
    labelled = {
        "segments": [
            {
                "speaker_label": who,
                "items": [{"start_time": i["start_time"]} for i in said if "start_time" in i],
            }
            for who, said in spoken_by
        ]
    }
    parsed = parse_transcript(json.dumps({"results": {"items": items, "speaker_labels": labelled}}))
    assert [(t.label, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Speaker 1", "Welcome back. Why?", 0.5, 1.9),
        ("Speaker 2", "Prices rose.", 2.0, 2.9),
    ]
    unlabelled = parse_transcript(json.dumps({"results": {"items": items}}))
    assert " ".join(t.text for t in unlabelled.turns) == "Welcome back. Why? Prices rose."
    with pytest.raises(ParseError, match="Item 2"):
        parse_transcript(json.dumps({"results": {"items": [word("Hi", 0), {"type": "x"}]}}))


def test_a_podcasts_transcript_gives_its_segments_body_and_times():
    podcast = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Jenna Park", "startTime": 0.5, "endTime": 3.2, "body": "Welcome back."},
            {"speaker": "Omar Haddad", "startTime": 3.2, "endTime": 4.0, "body": "Thanks."},
            {"speaker": "Omar Haddad", "startTime": 4.0, "endTime": 5.0, "body": "Glad to."},
        ],
    }
    parsed = parse_transcript(json.dumps(podcast))
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Jenna Park", "Welcome back.", 0.5, 3.2),
        ("Omar Haddad", "Thanks. Glad to.", 3.2, 5.0),
    ]


def test_segments_without_speakers_keep_every_word():
    words = ["Good evening.", "Rents rose again.", "Why, Omar?", "Supply, mostly."]
    parsed = parse_transcript(json.dumps({"segments": [{"text": w} for w in words]}))
    assert " ".join(t.text for t in parsed.turns).split() == " ".join(words).split()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"segments": [{"start": 0}]}, '"text"'),
        ({"segments": [{"text": "Hi.", "start": "soon"}]}, "times must be numbers"),
        ({"segments": [{"text": "Hi.", "speaker": ["A"]}]}, '"speaker"'),
        ({"segments": [{"text": "  "}]}, "No transcript turns"),
        ({"results": []}, '"segments"'),
        ([{"speaker": "Ann Lee"}], '"text"'),
        ([{"text": "Hi."}, "Bye."], "Segment 2"),
    ],
)
def test_malformed_speech_to_text_output_gets_a_clear_message(payload, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(json.dumps(payload))


def test_a_voice_nobody_names_keeps_its_number_counted_from_one():
    parsed = parse_transcript(whisperx(("SPEAKER_00", " Hello."), ("SPEAKER_01", " Hi there.")))
    assert [t.label for t in parsed.turns] == ["Speaker 1", "Speaker 2"]
    assert [t.speaker for t in parsed.turns] == [None, None]


def test_a_list_of_segments_alone_is_read_with_speakers_by_name_and_words_as_content():
    segments = [
        {"speaker": "Ann Lee", "text": "Good evening. Tom, why now?", "start": 1.5, "end": 4.0},
        {"name": "Tom Wu", "content": "Because prices are rising."},
        {"speaker_name": "Ann Lee", "text": "Thank you."},
    ]
    parsed = parse_transcript(json.dumps(segments, indent=2))
    assert parsed.format == "json"
    assert [(t.speaker, t.text, t.attribution) for t in parsed.turns] == [
        ("Ann Lee", "Good evening. Tom, why now?", "label"),
        ("Tom Wu", "Because prices are rising.", "label"),
        ("Ann Lee", "Thank you.", "label"),
    ]
    assert (parsed.turns[0].start, parsed.turns[0].end) == (1.5, 4.0)
    # A labelled transcript may open with a bracket: it is no JSON.
    labelled = "[00:00:01] ANN LEE: Hello, Tom.\n\n[00:00:03] TOM WU: Hello, Ann.\n"
    assert parse_transcript(labelled).format == "labelled"
