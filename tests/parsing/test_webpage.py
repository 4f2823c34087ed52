"""A saved web page, or HTML pasted from one, reads as the text its browser shows."""

from interviews.parsing import parse_transcript
from interviews.parsing.webpage import looks_html, page_text
from tests.documents import PRINT_QA_TURNS

PAGE = """<!DOCTYPE html>
<html><head><title>Brooks and Capehart on the shutdown</title>
<script>var shown = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body>
<h1>Brooks and Capehart on the shutdown</h1>
<p>David Brooks and Jonathan Capehart join Judy Woodruff to discuss the week in politics.</p>
<div><p>And that brings us to Brooks and Capehart.</p>
<p>Hello to both of you.</p></div>
<ul><li>DAVID BROOKS, The New York Times:</li></ul>
<div><p>Good evening.</p></div>
<ul><li>JONATHAN CAPEHART, The Washington Post:</li></ul>
<div><p>Good evening, Judy.</p></div>
<div><p>So, David, who blinks first?</p></div>
<div><p>The president, because he has less to lose &amp; more
   to gain.</p></div>
<div><p>Jonathan, do you see it that way?</p></div>
<div><p>I do not, actually.<br>Not at all.</p></div>
</body></html>
"""


def test_a_page_shows_its_paragraphs_and_bulleted_items_and_hides_its_code():
    text = page_text(PAGE)
    assert "not text" not in text and "color" not in text
    assert "\n\n\n• DAVID BROOKS, The New York Times:\n\n\n" in text
    assert "\n\n\nThe president, because he has less to lose & more to gain.\n\n\n" in text
    assert "\nI do not, actually.\nNot at all.\n" in text
    assert "Brooks and Capehart.\n\nHello to both of you.\n\n\n" in text


def test_a_saved_page_is_attributed_like_its_text():
    parsed = parse_transcript(PAGE.encode("utf-8"))
    assert parsed.title == "Brooks and Capehart on the shutdown"
    assert [t.speaker for t in parsed.turns] == [
        "Judy Woodruff",
        "David Brooks",
        "Jonathan Capehart",
        "Judy Woodruff",
        "David Brooks",
        "Judy Woodruff",
        "Jonathan Capehart",
    ]


def drought_page(body: str, negotiator: str = "the negotiator") -> str:
    """Amna Nawaz's talk with Tanya Trujillo as a page prints it, `body` after its summary."""
    label = "<p><strong>Tanya Trujillo, Former Interior Department Official:</strong></p>"
    return (
        "<h1>Drought tests Western water deals</h1>"
        f"<p>Amna Nawaz speaks with {negotiator} Tanya Trujillo about the cuts.</p>"
        + body.replace("{label}", label)
    )


def test_the_summary_is_the_first_paragraph_that_tells_the_story_not_the_longest():
    parsed = parse_transcript(
        drought_page(
            "<p>Seven states share the Colorado River, and all of them are being asked to use"
            " less of it this year.</p>"
            "<p>For more, I'm joined by Tanya Trujillo. Tanya, thank you for joining us.</p>"
            "{label}<p>Thank you for having me.</p><p>How deep do the cuts need to be?</p>"
            "<p>Deeper than anyone wants.</p><p>And who takes the biggest hit?</p>"
            "<p>Arizona, under the current rules.</p>",
            negotiator="Colorado River negotiator",
        )
    )
    assert parsed.title == "Drought tests Western water deals"
    assert parsed.summary.startswith("Amna Nawaz speaks with")
    assert parsed.turns[0].text.startswith("Seven states share")
    assert [t.speaker for t in parsed.turns] == ["Amna Nawaz", "Tanya Trujillo"] * 3


def test_a_box_closing_once_inside_the_transcript_does_not_part_its_turns():
    # One wider gap, where a box closes, is no layout of turns.
    parsed = parse_transcript(
        drought_page(
            "<div><p>For more, I'm joined by Tanya Trujillo. Tanya, thank you for joining us.</p>"
            "{label}<p>Thank you for having me.</p><p>How deep do the cuts need to be?</p>"
            "<p>Deeper than anyone wants.</p></div><div><p>And who takes the biggest hit?</p>"
            "<p>Arizona, under the current rules.</p></div>"
        )
    )
    assert [t.speaker for t in parsed.turns] == ["Amna Nawaz", "Tanya Trujillo"] * 3


def test_a_copyright_notice_below_a_page_is_no_ones_words():
    parsed = parse_transcript(
        drought_page(
            "<div><p>Tanya, thank you for joining us.</p>{label}<p>Thank you for having me.</p>"
            "</div><footer><p>Copyright © 2024 NewsHour Productions LLC. All Rights Reserved."
            "</p></footer>"
        )
    )
    assert parsed.turns[-1].text == "Thank you for having me."


# A turn as pages that mark their speakers' names print it: the name, then the speech.
SPEAKER_TURN = '<div class="turn"><span class="speaker-name">{}</span><p>{}</p></div>'


# Ann Lee and Tom Wu on rates: (speaker, text) of each turn.
RATES_TURNS = [
    ("Ann Lee", "Good evening. Tom, will rates fall?"),
    ("Tom Wu", "Not before the autumn, Ann."),
    ("Ann Lee", "Why is that?"),
    ("Tom Wu", "Wages."),
]


def test_an_element_a_page_marks_as_a_speaker_labels_the_speech_after_it():
    parsed = parse_transcript(
        "<html><body><h1>Rates and the Fed</h1>"
        + "".join(SPEAKER_TURN.format(*turn) for turn in RATES_TURNS)
        + "</body></html>"
    )
    assert parsed.title == "Rates and the Fed"
    assert [(t.speaker, t.text) for t in parsed.turns] == RATES_TURNS


def test_a_name_a_page_marks_as_a_speaker_may_end_with_a_suffix():
    turns = [("William A. Kehoe, Jr.", "If the Court pleases."), ("Earl Warren", "Go on.")] * 2
    parsed = parse_transcript(
        "".join(f"<p><span class='speaker'>{name}</span> {text}</p>" for name, text in turns)
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        (name.replace(",", ""), text) for name, text in turns
    ]


def test_a_pages_headings_naming_who_speaks_label_the_paragraphs_below_them():
    parsed = parse_transcript(
        "<html><body><h1>Rates and the Fed</h1>"
        + "".join(f"<h3>{name}</h3><p>{text}</p>" for name, text in RATES_TURNS)
        + "</body></html>"
    )
    assert parsed.title == "Rates and the Fed"
    assert [(t.speaker, t.attribution, t.text) for t in parsed.turns] == [
        (name, "label", text) for name, text in RATES_TURNS
    ]
    # A page's boxes of name, time and speech, each in an element of its own.
    boxed = parse_transcript(
        "<html><body><h1>Rates and the Fed</h1>"
        + "".join(
            f'<div><div class="who">{name}</div><div>00:{n * 7:02}</div><div>{text}</div></div>'
            for n, (name, text) in enumerate(RATES_TURNS)
        )
        + "</body></html>"
    )
    assert [(t.speaker, t.start, t.text) for t in boxed.turns] == [
        (name, n * 7.0, text) for n, (name, text) in enumerate(RATES_TURNS)
    ]


def test_a_pages_menus_figures_and_asides_are_not_its_transcript():
    parsed = parse_transcript(
        "<html><body><nav><a>Home</a> <a>Politics</a></nav><h1>Rates and the Fed</h1>"
        + SPEAKER_TURN.format(*RATES_TURNS[0])
        + '<figure><img src="fed.jpg"><figcaption>Tom Wu at the Fed.</figcaption></figure>'
        + SPEAKER_TURN.format(*RATES_TURNS[1])
        + "<aside><p>“Not before the autumn.”</p><a>Related: the Fed's year</a></aside>"
        + SPEAKER_TURN.format(*RATES_TURNS[2])
        + "</body></html>"
    )
    assert parsed.title == "Rates and the Fed"
    assert [(t.speaker, t.text) for t in parsed.turns] == RATES_TURNS[:3]


def test_pasted_html_of_a_labelled_transcript_is_labelled():
    parsed = parse_transcript(
        "<p><strong>JUDY WOODRUFF:</strong> Good evening.</p>\n"
        "<p><strong>DAVID BROOKS:</strong> Good evening, Judy.</p>\n"
        "<p><strong>JUDY WOODRUFF:</strong> Who blinks first?</p>\n"
    )
    assert parsed.format == "labelled"
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Judy Woodruff", "Good evening."),
        ("David Brooks", "Good evening, Judy."),
        ("Judy Woodruff", "Who blinks first?"),
    ]


def test_text_that_mentions_a_tag_is_not_a_page():
    assert not looks_html("ALICE WU: I typed <p> into the box.\n\nBOB ROSS: And?</p>")
    assert not looks_html("<p>an opening tag and nothing closed")


def test_a_head_left_unclosed_ends_where_the_body_begins():
    text = page_text("<html><head><title>T</title><body><p>ANN LEE: Hi.</p></body></html>")
    assert text == "T\n\nANN LEE: Hi.\n"


def test_a_table_row_is_a_line_of_tab_parted_cells_and_a_transcript_table_reads():
    table = (
        "<html><body><h1>Interview with Tom Wu</h1><table>"
        "<tr><th>Speaker</th><th>Text</th></tr>"
        "<tr><td>Ann Lee</td><td><p>Welcome.</p><p>Tom Wu is here.</p></td></tr>"
        "<tr><td>Tom Wu</td><td>Thanks, Ann.</td></tr>"
        "<tr><td>Ann Lee</td><td>Let us begin.</td></tr>"
        "</table><p>Copyright</p></body></html>"
    )
    text = page_text(table)
    assert "\nAnn Lee\tWelcome. Tom Wu is here.\n" in text
    assert text.endswith("Let us begin.\n\n\nCopyright\n")
    parsed = parse_transcript(table)
    assert parsed.title == "Interview with Tom Wu"
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Welcome. Tom Wu is here."),
        ("Tom Wu", "Thanks, Ann."),
        ("Ann Lee", "Let us begin.\n\nCopyright"),
    ]


def test_a_definition_lists_terms_head_their_descriptions_and_rows_end_without_end_tags():
    talk = "".join(
        f"<dt>{name}</dt><dd>{said}</dd>"
        for name, said in [("Ann Lee", "Welcome."), ("Tom Wu", "Thanks."), ("Ann Lee", "Go on.")]
    )
    parsed = parse_transcript(f"<html><body><h1>Talk</h1><dl>{talk}<dt>Tom Wu</dt><dd>Sure.</dl>")
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Welcome."),
        ("Tom Wu", "Thanks."),
        ("Ann Lee", "Go on."),
        ("Tom Wu", "Sure."),
    ]
    assert page_text("<table><tr><td>a<td>b<tr><td>c<td>d</table>") == "a\tb\n\n\nc\td\n"


def test_names_in_bold_opening_each_paragraph_label_it_where_they_recur():
    talk = "".join(
        f"<p><strong>{name}</strong> {said}</p>"
        for name, said in [("Ann Lee", "Welcome."), ("Tom Wu", "Thanks."), ("Ann Lee", "Go on.")]
    )
    parsed = parse_transcript(f"<html><body>{talk}<p><b>Tom Wu</b> Sure.</p></body></html>")
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Welcome."),
        ("Tom Wu", "Thanks."),
        ("Ann Lee", "Go on."),
        ("Tom Wu", "Sure."),
    ]
    assert page_text("<p><b>Important.</b> Read this.</p>") == "Important. Read this.\n"
    cells = "<table><tr><td><b>Ann Lee</b></td><td>Hello.</td></tr></table>"
    assert page_text(cells) == "Ann Lee\tHello.\n"


def print_interview(summary: str) -> str:
    return (
        "<html><body><nav>Home | Books</nav><article>"
        f"<h1>A conversation with Ruth Akers</h1><p>By Helen Park</p><p>{summary}</p>"
        "<p>Was the flood deliberate?</p><p>Not at first. I noticed it later.</p>"
        "<p>Do you plan your plots?</p><p>Never. I write to find out.</p>"
        "</article></body></html>"
    )


def test_a_print_interviews_byline_is_not_its_headline_and_names_who_asks():
    parsed = parse_transcript(
        print_interview(
            "Ruth Akers's new novel follows three sisters through the end of a coastal town."
            " We spoke about endings."
        )
    )
    assert parsed.title == "A conversation with Ruth Akers"
    assert parsed.summary.startswith("By Helen Park\n\nRuth Akers's new novel")
    assert [(s.name, s.role) for s in parsed.speakers] == [
        ("Helen Park", "host"),
        ("Ruth Akers", "guest"),
    ]
    assert [t.speaker for t in parsed.turns][-2:] == ["Helen Park", "Ruth Akers"]
    hosted = parse_transcript(
        print_interview("Judy Woodruff talks with the novelist Ruth Akers about her new book.")
    )
    assert not hosted.summary.startswith("By")
    assert "Helen Park" not in [s.name for s in hosted.speakers]


def test_a_print_interviews_questions_in_bold_are_turns_of_their_own():
    parsed = parse_transcript(
        "<article><h1>Ruth Akers on the novel she threw away</h1><p>By Helen Park</p>"
        "<p>Ten years after her last book, the novelist Ruth Akers returns with a new one.</p>"
        "<p><strong>Why so long?</strong></p><p>I threw away the first draft.</p>"
        "<p>It was not working, and I knew it.</p><p><strong>That must have hurt.</strong></p>"
        "<p>It did, for a week.</p><p><b>What changed?</b></p><p>The narrator.</p></article>"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == PRINT_QA_TURNS


def test_a_fragment_of_bold_labels_and_line_breaks_from_an_editor_reads_as_its_text():
    fragment = (
        "<strong>ANN LEE:</strong> Hello Tom, how are you?<br/>\n"
        "<strong>TOM WU:</strong> Fine, thanks &amp; you?<br/>\n"
        "<b>Ann Lee:</b> Good."
    )
    assert looks_html(fragment)
    parsed = parse_transcript(fragment)
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Hello Tom, how are you?"),
        ("Tom Wu", "Fine, thanks & you?"),
        ("Ann Lee", "Good."),
    ]
    assert not looks_html("<b>Note</b> the ANN LEE: label below.\n\nANN LEE: Hi.")


def test_a_title_that_adds_the_sites_name_to_the_headline_gives_way_to_the_headline():
    parsed = parse_transcript(
        "<html><head><title>Interview with Ann Lee | The Review</title></head><body>"
        "<h1>Interview with Ann Lee</h1><p>By Tom Wu · March 4, 2024</p>"
        "<dl><dt>Tom Wu</dt><dd>Why come back?</dd><dt>Ann Lee</dt><dd>My mother.</dd>"
        "<dt>Tom Wu</dt><dd>And London?</dd><dt>Ann Lee</dt><dd>I miss it.</dd></dl>"
        "</body></html>"
    )
    assert (parsed.title, parsed.summary) == ("Interview with Ann Lee", "By Tom Wu · March 4, 2024")
    assert parsed.air_date == "2024-03-04"
    assert [t.speaker for t in parsed.turns] == ["Tom Wu", "Ann Lee"] * 2
    # A title that is not the headline and more stays the title.
    other = page_text("<title>The Review</title><h1>Interview with Ann Lee</h1><p>Hi.</p>")
    assert other.startswith("The Review\n\nInterview with Ann Lee")
