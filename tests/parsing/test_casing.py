from interviews.parsing import parse_transcript
from interviews.parsing.casing import all_in_capitals, readable, readable_affiliations


def test_speech_in_capitals_reads_in_ordinary_case_with_names_capitalised():
    assert readable(
        [
            ">> GOOD EVENING. I'M MARIA LOPEZ. MY GUEST IS DR. ALAN BROOKS.",
            ">> THANKS FOR HAVING ME, MARIA. SENATOR WARREN SAID SO, AND I AGREE.",
            "I'M VERY GLAD. ANN LEE TOLD US. WHAT DID THE U.S. DO, DR. BROOKS?",
        ],
        ["Ann Lee"],
    ) == [
        ">> Good evening. I'm Maria Lopez. My guest is Dr. Alan Brooks.",
        ">> Thanks for having me, Maria. Senator Warren said so, and I agree.",
        "I'm very glad. Ann Lee told us. What did the u.s. do, Dr. Brooks?",
    ]


def test_a_title_after_an_article_is_a_noun_and_the_word_after_it_no_name():
    assert readable(["THE SENATOR SAID SO. A GOVERNOR WHO VOTED. GOVERNOR HOCHUL AGREED."], []) == [
        "The Senator said so. A Governor who voted. Governor Hochul agreed."
    ]
    # A name of more words after a title is one where its last word is a name's elsewhere.
    assert readable(["DR. ALAN BROOKS.", "I ASKED DR. ALAN BROOKS."], []) == [
        "Dr. Alan brooks.",
        "I asked Dr. Alan brooks.",
    ]


def test_whom_a_speaker_says_they_are_is_a_name_only_where_someone_calls_on_them_so():
    assert readable(["I'M MARIA LOPEZ.", "GO ON."], []) == ["I'm maria lopez.", "Go on."]


def test_only_letters_all_in_capitals_are_in_capitals():
    assert all_in_capitals([">> HELLO.", "(APPLAUSE)"])
    assert not all_in_capitals([">> HELLO.", "Hi."])
    assert not all_in_capitals(["123 -- !"])


def test_an_affiliation_in_capitals_reads_in_title_case_as_the_transcript_prints_its_words():
    speech = ["This is CNN. My guest is the Treasury Secretary.", "(BEGIN VIDEO CLIP)"]
    assert readable_affiliations(
        [
            "FOX NEWS",
            "PRESIDENT OF THE UNITED STATES",
            "CNN",
            "NBC NEWS",
            "U.S. SENATOR, D-CA",
            'AUTHOR, "THE LONG GAME"',
            "The New York Times",
            "VIDEO JOURNALIST",
        ],
        speech,
    ) == [
        "Fox News",
        "President of the United States",
        "CNN",
        "NBC News",
        "U.S. Senator, D-CA",
        'Author, "The Long Game"',
        "The New York Times",
        "Video Journalist",
    ]


def test_a_labels_affiliation_in_capitals_is_shown_in_title_case():
    parsed = parse_transcript(
        "BRET BAIER, FOX NEWS ANCHOR: Good evening. Joining me is Senator Ann Lee.\n\n"
        "SEN. ANN LEE (D-CA), BUDGET COMMITTEE: Thank you, Bret.\n\n"
        "BAIER: Will you vote?\n\nLEE: I will.\n"
    )
    assert [(s.name, s.affiliation) for s in parsed.speakers] == [
        ("Bret Baier", "Fox News"),
        ("Ann Lee", "Budget Committee"),
    ]
