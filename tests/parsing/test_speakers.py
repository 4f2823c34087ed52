"""Speakers: canonical case, titles apart from names, one person however their name is printed."""

import pytest

from interviews.parsing import canonical_name, parse_transcript, speaker_key
from interviews.parsing.labels import parse_label
from interviews.parsing.names import given_name, split_honorific, surname
from interviews.parsing.people import Roster, askers, find_mentions, prose_people
from interviews.parsing.text import split_sentences


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("RUKMINI CALLIMACHI", "Rukmini Callimachi"),
        ("JOHN MCCAIN", "John McCain"),
        ("DOUGLAS MACARTHUR", "Douglas MacArthur"),
        ("ANN MACLEOD", "Ann MacLeod"),
        ("EMMANUEL MACRON", "Emmanuel Macron"),
        ("MANNY MACHADO", "Manny Machado"),
        ("BETO O'ROURKE", "Beto O'Rourke"),
        ("BILL DE BLASIO", "Bill de Blasio"),
        ("MARTIN LUTHER KING JR.", "Martin Luther King Jr."),
        ("JOHN M. HARLAN II", "John M. Harlan II"),
        # The Congressional Record prints a surname's prefix in mixed case.
        ("McGOVERN", "McGovern"),
        ("DeLAURO", "DeLauro"),
        ("DesJARLAIS", "DesJarlais"),
        ("McCOY", "McCoy"),
        ("MacOS", "MacOS"),
        ("DeSantis", "DeSantis"),
        ("WES STREETING MP", "Wes Streeting MP"),
        # Initials without their stops: no vowel, no given name.
        ("JD VANCE", "JD Vance"),
        ("ED MILIBAND", "Ed Miliband"),
    ],
)
def test_capitals_become_name_case(printed, canonical):
    assert canonical_name(printed) == canonical


def test_honorifics_and_offices_are_kept_apart_from_the_name():
    assert split_honorific("Sen. Bernie Sanders") == ("Sen.", "Bernie Sanders")
    assert split_honorific("PRES. DONALD TRUMP") == ("PRES.", "DONALD TRUMP")
    for title in ("V.P.", "ATTY. GEN.", "DET.", "SUPT."):
        assert split_honorific(f"{title} JANE ROE") == (title, "JANE ROE")
    assert split_honorific("chief justice") == ("", "chief justice")  # an office, not a name
    assert split_honorific("Vice President Joe Biden") == ("Vice President", "Joe Biden")
    assert split_honorific("President") == ("", "President")
    # A summary's list of justices names each of them, not a person called "Justices ...".
    assert split_honorific("Justices Byron R. White") == ("Justices", "Byron R. White")
    label = parse_label("GOV. GAVIN NEWSOM (D), California")
    assert (label.honorific, label.name, label.affiliation) == (
        "Gov.",
        "Gavin Newsom",
        "California",
    )


def test_every_printing_of_one_person_shares_a_key():
    keys = {
        speaker_key(name)
        for name in ("Sen. Bernie Sanders", "BERNIE SANDERS", "Bernie Sanders (I-VT)")
    }
    assert keys == {"bernie sanders"}
    assert speaker_key("Martin Luther King Jr.") == speaker_key("MARTIN LUTHER KING")


def test_a_surname_a_title_and_a_familiar_name_resolve_to_the_one_person_they_fit():
    roster = Roster()
    sanders = roster.add("Sen. Bernie Sanders")
    william = roster.add("William Brangham")
    hillary = roster.add("Hillary Clinton")
    roster.add("Bill Clinton")
    assert roster.find("Secretary Clinton") is None
    roster.learn_titles(["Senator Sanders said so.", "Secretary Hillary Clinton is here."])
    assert roster.find("SANDERS") is sanders
    assert roster.find("Bill") is None  # William Brangham or Bill Clinton: not decided
    assert roster.find("Will Brangham") is william
    assert roster.find("Clinton") is None
    assert roster.find("Secretary Clinton") is hillary  # the one of the two in that office
    assert roster.by_title("Senator") is sanders


def test_a_full_name_is_whoever_was_known_by_that_given_name_alone():
    roster = Roster()
    judy = roster.add("Judy")
    roster.add("Judy Woodruff")
    assert [p.name for p in roster] == ["Judy Woodruff"]
    assert roster.find("JUDY") is judy


def test_an_office_is_a_persons_by_their_label_or_by_being_given_it_twice_before_their_surname():
    roster = Roster()
    roster.add("Ann Marsh")
    roster.add("Lee Park")
    kim = roster.add("Gov. Sam Kim")
    roster.learn_titles(
        ["As Chief Justice Marsh wrote in 1803, Justice Lee agreed.", "Justice Lee agreed again."]
    )
    assert roster.by_title("Chief Justice") is None  # printed once: perhaps a namesake's
    assert roster.by_title("Justice") is None  # "Lee" is Lee Park's given name, not his surname
    assert roster.by_title("Governor") is kim  # the label's "Gov."


def test_an_office_given_once_before_a_full_name_is_theirs():
    roster = Roster()
    jane = roster.add("Jane Doe")
    roster.add("John Roe")
    roster.learn_titles(["We are joined by Senator Jane Doe and the economist John Roe."])
    assert roster.by_title("Senator") is jane


def test_a_surname_printed_without_its_apostrophe_is_the_same_surname():
    roster = Roster()
    beto = roster.add("Beto O’Rourke")
    roster.add("Martin O'Malley")
    assert roster.find("ORourke") is beto
    assert roster.find("Beto ORourke") is beto
    assert roster.find("O'Rourke") is beto
    assert roster.find("Rourke") is None


def test_a_possessive_names_its_owner_with_or_without_the_apostrophe():
    roster = Roster()
    romney = roster.add("Mitt Romney")
    roster.add("William Smith")
    for text in (
        "Governor Romney's plan adds up.",
        "Governor Romney’s plan adds up.",
        "Governor Romneys plan adds up.",  # the apostrophe lost, as many transcripts lose it
    ):
        assert [(m.person, m.kind) for m in find_mentions(text, roster)] == [(romney, "third")]
    # Only a surname's: "Williams" is not William Smith, with or without an honorific.
    assert find_mentions("Mr. Williams agrees, and so does Williams.", roster) == []


def test_a_surname_with_a_particle_is_one_however_its_case_and_spacing_are_printed():
    roster = Roster()
    bill = roster.add("Bill de Blasio")
    roster.add("Bill Clinton")
    gore = roster.add("Al Gore")
    for printed in ("Mr. de Blasio", "Mayor DeBlasio", "De Blasio", "deBlasio", "BILL DEBLASIO"):
        assert roster.find(printed) is bill
    assert [m.person for m in find_mentions("De Blasio, your response?", roster)] == [bill]
    # Printed in one word, the particle still opens the name the speech addresses.
    assert [(m.person, m.kind) for m in find_mentions("Mayor deBlasio, welcome.", roster)] == [
        (bill, "vocative")
    ]
    assert roster.find("Blasio") is None  # the particle is part of the surname
    assert roster.find("Gore") is gore  # "Al" is a given name, not a particle
    labelled_by_surname = Roster()
    mayor = labelled_by_surname.add("DE BLASIO")
    assert labelled_by_surname.find("DeBlasio") is mayor


def test_a_hyphenated_surname_is_one_surname():
    roster = Roster()
    ann = roster.add("Ann Smith-Jones")
    roster.add("Bo Smith")
    for printed in ("Ms. Smith-Jones", "Smith-Jones", "Ann Smith-Jones", "Dr. Ann Smith-Jones"):
        assert roster.find(printed) is ann, printed
    assert roster.find("Smith") is not ann


def test_letters_after_a_name_are_no_part_of_who_it_is():
    assert speaker_key("Wes Streeting MP") == speaker_key("Wes Streeting")
    assert speaker_key("Jane Doe QC") == speaker_key("JANE DOE")


def test_a_member_told_apart_by_their_state_has_the_surname_before_it_and_no_given_name():
    assert (surname("Johnson of Georgia"), given_name("Johnson of Georgia")) == ("johnson", "")
    assert surname("Hank Johnson of New Mexico") == "johnson"
    roster = Roster()
    georgia, texas = roster.add("Johnson of Georgia"), roster.add("Johnson of Texas")
    assert (roster.find("Johnson of Georgia"), roster.find("Johnson of Texas")) == (georgia, texas)
    assert roster.find("Mr. Johnson") is None  # either of them


def test_what_a_printed_name_finds_follows_the_people_added_since():
    roster = Roster()
    assert roster.find("Smith") is None
    jane = roster.add("Jane Smith")
    assert roster.find("Jane Smith") is jane
    assert roster.find("Smith") is jane
    roster.add("John Smith")
    assert roster.find("Smith") is None  # two Smiths now: "Smith" alone names neither


def test_a_fuller_printing_becomes_the_name_and_the_shorter_an_alias():
    roster = Roster()
    person = roster.add("INSKEEP")
    roster.add("Steve Inskeep")
    assert (person.name, person.aliases) == ("Steve Inskeep", ["INSKEEP"])


def test_a_name_printed_in_capitals_in_the_speech_is_shown_in_canonical_case():
    assert Roster().add("JUDY WOODRUFF").shown_name == "Judy Woodruff"
    assert Roster().add("Judy McWoodruff").shown_name == "Judy McWoodruff"
    parsed = parse_transcript(
        "JUDY WOODRUFF — Good evening. We turn now to the week in politics.\n\n"
        "DAVID BROOKS — Good evening, Judy.\n\nJUDY WOODRUFF — David, who blinks first?\n\n"
        "DAVID BROOKS — The president, I think.\n"
    )
    assert parsed.speakers and all(not s.name.isupper() for s in parsed.speakers)


def test_a_name_label_and_a_part_label_are_told_apart():
    assert parse_label("UNIDENTIFIED MALE").name == ""
    assert parse_label("MODERATOR").role == "host"
    assert parse_label("Here's the thing", upper_only=True) is None
    # A caption's line that runs on is no label; a surname that is a short word is a name.
    assert parse_label("GINA RAIMONDO, SECRETARY OF") is None
    assert parse_label("LOPER BRIGHT ENTERPRISES, ET AL.,") is None
    assert parse_label("LAM TO").name == "Lam To"


def test_the_people_a_text_introduces_are_read_without_what_describes_them():
    found = prose_people(
        "Democrat Geraldine Ferraro and Vermont Senator Bernie Sanders join us. I'm Jim Lehrer of"
        " the NewsHour. Then Yahoo's IntoNow. With us is Senator Jane Doe of Ohio. Senator, hello."
    )
    assert found == [
        ("Geraldine Ferraro", "", False),
        ("Senator Bernie Sanders", "", False),
        ("Jim Lehrer", "the NewsHour", False),
        ("Senator Jane Doe", "Ohio", False),
    ]
    assert prose_people("The U.S. Chamber of Commerce President Tom Donohue spoke.") == [
        ("President Tom Donohue", "", False)
    ]
    # An office of a place or body, then its holder: the holder.
    assert prose_people(
        "Amna Nawaz speaks with former U.S. Ambassador to Ukraine William Taylor, Secretary of"
        " State Antony Blinken and Chairman of the Joint Chiefs Mark Milley."
    ) == [
        ("Amna Nawaz", "", True),
        ("William Taylor", "", False),
        ("Antony Blinken", "", False),
        ("Mark Milley", "", False),
    ]
    # Titled, someone whatever stands before; a broadcaster's own, named in its possessive.
    assert prose_people("Judy Woodruff gets the view of Rep. Adam Schiff on the vote.") == [
        ("Judy Woodruff", "", True),
        ("Rep. Adam Schiff", "", False),
    ]
    assert prose_people("NewsHour's Stephanie Sy reports.") == [("Stephanie Sy", "NewsHour", True)]
    assert prose_people("Join us by downloading Yahoo's Enter Now app.") == []
    # A body or a building under a title is none (the corpus prints possessives without their
    # apostrophe: "President Eisenhowers Administration").
    said = "We met at the King David Hotel in President Eisenhowers Administration."
    assert prose_people(said) == []
    # Where someone works, before what they do: no one.
    assert prose_people(
        "Amna Nawaz speaks with Colorado River negotiator Tanya Trujillo and New Yorker staff"
        " writer Jane Mayer."
    ) == [("Amna Nawaz", "", True), ("Tanya Trujillo", "", False), ("Jane Mayer", "", False)]
    for others, named in (
        ("Amna Nawaz spent Tuesday with Tom Wu.", "Tom Wu"),
        ("The next question, from Amna Nawaz for Senator Tom Wu.", "Senator Tom Wu"),
        ("We hear from Amna Nawaz and former Fed Chairman Tom Wu.", "Chairman Tom Wu"),
    ):
        assert [name for name, *_ in prose_people(others)] == ["Amna Nawaz", named]


def test_a_works_title_in_quotation_marks_is_no_one():
    said = 'The author of "Salt Roads" and ‘Night Ferry’ talks to Peter Lang.'
    assert [name for name, *_ in prose_people(said)] == ["Peter Lang"]
    assert [name for name, *_ in prose_people("Ann Lee's “Night Ferry” and Tom Wu.")] == [
        "Ann Lee",
        "Tom Wu",
    ]


def test_a_person_is_read_without_the_possessive_and_a_byline_names_who_asks():
    assert prose_people("Ruth Akers's new novel follows three sisters.") == [
        ("Ruth Akers", "", False)
    ]
    assert prose_people("Ruth Akers’s novel.\n\nBy Helen Park") == [
        ("Ruth Akers", "", False),
        ("Helen Park", "", True),
    ]
    assert prose_people("Written by Helen Park and others.") == [("Helen Park", "", False)]


def test_no_before_anything_but_a_number_ends_its_sentence_and_names_nobody():
    assert split_sentences("No. As I said, it is No. 5 on the list.") == [
        "No.",
        "As I said, it is No. 5 on the list.",
    ]
    assert [name for name, _, _ in prose_people("No. As I said, Helen Park was right.")] == [
        "Helen Park"
    ]


def test_capitals_running_on_past_a_name_are_no_part_of_it():
    # Speech opening on a capital names no one: "Can I", "Maybe I", "Look And I".
    assert prose_people("Can I respond? Maybe I should. Look And I will tell you.") == []
    for running_on in ("I think", "This is", "When I"):
        said = f"Well, Senator Jane Doe {running_on} wrong."
        assert [name for name, _, _ in prose_people(said)] == ["Senator Jane Doe"]
    assert [name for name, _, _ in prose_people("Samuel I. Rosenman wrote it.")] == [
        "Samuel I. Rosenman"  # an initial, not "I"
    ]
    # A name said twice, or two named with no comma between, are read one at a time.
    assert [name for name, _, _ in prose_people("Thanks, Senator Jane Doe Senator Jane Doe.")] == [
        "Senator Jane Doe",
        "Senator Jane Doe",
    ]
    assert [name for name, _, _ in prose_people("Governor Tom Wu Senator Jane Doe spoke.")] == [
        "Governor Tom Wu",
        "Senator Jane Doe",
    ]
    # A word that opens sentences opens no name, and a word said twice is no one's two names.
    assert prose_people("No HMO or insurer can stop you. Yes Your Honor. I Jake Jake said.") == []
    assert [name for name, _, _ in prose_people("Its Donald Trump who lost.")] == ["Donald Trump"]
    # Nor does a preposition, and a day is no one's name: "Super Tuesday".
    said = "Between Iowa and Super Tuesday, Under Joe Biden's plan we win."
    assert [name for name, _, _ in prose_people(said)] == ["Joe Biden"]
    # A place is no one, greeted as people are: "San Antonio", "West Texas", "New Hampshire".
    said = "Good evening, San Antonio. Thank you, New Hampshire, and West Texas. Newt Gingrich?"
    assert [name for name, _, _ in prose_people(said)] == ["Newt Gingrich"]
    # Nor "not", and a law's parts are no one: "Article One", "the Second Amendment".
    said = "Not Bernie, Joe Biden. Read Article One, Section Eight, and the Second Amendment."
    assert [name for name, _, _ in prose_people(said)] == ["Joe Biden"]


def test_a_broadcasters_own_person_named_after_its_initials_is_read_with_them():
    assert prose_people("NPR's Mary Louise Kelly speaks with economist Jason Furman.") == [
        ("Mary Louise Kelly", "NPR", True),
        ("Jason Furman", "", False),
    ]
    # And after a program's name of two words or more.
    assert prose_people("Morning Edition's Leila Fadel and Steve Inskeep talk with Ann Lee.") == [
        ("Leila Fadel", "Morning Edition", True),
        ("Steve Inskeep", "", True),
        ("Ann Lee", "", False),
    ]
    assert prose_people("Joining us is CNN’s Dana Bash. Then NASA's Apollo Program.") == [
        ("Dana Bash", "CNN", False)
    ]


def test_two_people_who_open_a_clause_together_are_both_its_subject():
    assert prose_people("Judy Woodruff and Amna Nawaz talk with Tom Vilsack.") == [
        ("Judy Woodruff", "", True),
        ("Amna Nawaz", "", True),
        ("Tom Vilsack", "", False),
    ]
    for others in (
        "Ann Lee and Tom Wu are joined by Bo Park.",
        "Justices Hugo Black and William Douglas also question counsel.",
        "We talk to Ann Lee and Tom Wu about the vote.",
    ):
        assert not any(subject for *_, subject in prose_people(others))


def test_whoever_is_interviewed_by_someone_is_not_the_subject_who_asks():
    assert prose_people("Theresa May interviewed by John Humphrys on the Today programme.") == [
        ("Theresa May", "", False),
        ("John Humphrys", "", False),
    ]
    assert askers("Theresa May is interviewed by John Humphrys.") == {"John Humphrys"}


def test_the_subject_of_a_sentence_in_the_past_tense_is_its_subject_too():
    for told in (
        "Our own Jeffrey Brown sat down with Colson Whitehead in New York.",
        "Jeffrey Brown talked with Colson Whitehead in New York.",
    ):
        assert prose_people(told) == [("Jeffrey Brown", "", True), ("Colson Whitehead", "", False)]


def test_whom_guests_join_is_the_programs_own_and_whoever_joins_is_not():
    assert prose_people("Senator Jane Doe joins Judy Woodruff to discuss the vote.") == [
        ("Senator Jane Doe", "", False),
        ("Judy Woodruff", "", True),
    ]


def test_what_someone_does_said_before_their_name_is_no_part_of_it_nor_makes_them_the_host():
    assert prose_people("Author Julia Sweig says the U.S. can change that.") == [
        ("Julia Sweig", "", False)
    ]
    assert prose_people("Correspondent Ann Lee reports from Kyiv.") == [("Ann Lee", "", True)]


def test_words_closing_a_quotation_are_a_works_title_not_a_person():
    found = prose_people(
        'His new book is called "Bill Moyers Journal: The Conversation Continues," out today.'
    )
    assert found == []


def test_a_list_of_people_is_not_read_as_each_ones_affiliation():
    found = prose_people("With questions from Ann Lee, Bob Cole, Carl Dunn of Reuters and Dee Fox.")
    assert found == [
        ("Ann Lee", "", False),
        ("Bob Cole", "", False),
        ("Carl Dunn", "Reuters", False),
        ("Dee Fox", "", False),
    ]


def test_an_affiliation_runs_on_through_of_and_for_and_dotted_letters_name_no_one():
    found = prose_people(
        "Ann Lee of the University of Chicago, Bo Park of the Institute for the Study of War"
        " and J.R. Smith of the U.S. Chamber of Commerce join us."
    )
    assert found == [
        ("Ann Lee", "the University of Chicago", False),
        ("Bo Park", "the Institute for the Study of War", False),
        ("J.R. Smith", "the U.S. Chamber of Commerce", False),
    ]


def test_an_affiliation_ends_with_a_header_line_of_its_own_not_a_line_wrapped_at_a_width():
    assert prose_people("Jo Park, Department Spokesperson\nWashington, DC") == [
        ("Jo Park", "Department Spokesperson", False)
    ]
    assert prose_people("Jo Park, Department Spokesperson\n\nWashington") == [
        ("Jo Park", "Department Spokesperson", False)
    ]
    wrapped = prose_people(
        "Tonight the program looks at the talks on Gaza with Jo Park, Spokesperson of the\n"
        "Department of State, and others."
    )
    assert wrapped == [("Jo Park", "Spokesperson of the Department of State", False)]


def test_a_name_before_versus_is_a_party_to_a_case_not_the_subject_of_a_sentence():
    assert prose_people("Number 3, Ann Toth versus the Air Force.") == [("Ann Toth", "", False)]
    assert prose_people("Ann Toth reports on the case.") == [("Ann Toth", "", True)]


def test_in_a_list_of_people_neither_the_next_name_nor_a_suffix_is_an_affiliation():
    found = prose_people(
        "Justices Earl Warren, Arthur J. Goldberg, William J. Brennan, Byron R. White and Abe"
        " Fortas also ask. Tom Wu, Jr., The Times, replies."
    )
    assert [(name, affiliation) for name, affiliation, _ in found] == [
        ("Justices Earl Warren", ""),
        ("Arthur J. Goldberg", ""),
        ("William J. Brennan", ""),
        ("Byron R. White", ""),
        ("Abe Fortas", ""),
        ("Tom Wu", "The Times"),
    ]
    # A court's record lists counsel with whom they appear for, not where they practise.
    counsel = prose_people(
        "JO PARK, ESQUIRE, Boston, Massachusetts; on behalf of the Petitioner. Then Ann Lee,"
        " Esquire, spoke. Tom Wu, a lawyer, read it on behalf of the Union."
    )
    assert [(name, affiliation) for name, affiliation, _ in counsel] == [
        ("JO PARK", "on behalf of the Petitioner"),
        ("Ann Lee", ""),
        ("Tom Wu", ""),
    ]


def test_a_summary_tells_who_asks():
    assert askers(
        "Ann Lee moderates a debate between Tom Wu of Acme and Jo Park. With questions from Bo"
        " Li, Sam Hill and Kay Ross."
    ) == {"Ann Lee", "Bo Li", "Sam Hill", "Kay Ross"}
    assert askers("Justices Earl Warren and Abe Fortas also question counsel.") == {
        "Justices Earl Warren",
        "Abe Fortas",
    }
    assert askers("A debate moderated by Ann Lee, with Tom Wu and Jo Park.") == {"Ann Lee"}
    assert askers("An interview with Jo Park, conducted by Tom Wu, March 3, 2019.") == {"Tom Wu"}
    assert prose_people("A talk with Jo Park, Professor of Law.") == [
        ("Jo Park", "Professor of Law", False)
    ]
    assert prose_people("An interview conducted by Tom Wu, March 3, 2019.") == [
        ("Tom Wu", "", False)
    ]
    assert askers("Ann Lee talks with Tom Wu of Acme and Jo Park of the Times.") == set()
    # Whom someone described, not named, talks to asks them.
    assert askers("The author of a new novel talks to Peter Lang about exile.") == {"Peter Lang"}
    assert askers("Ann Lee, a novelist, talks to Peter Lang about exile.") == set()


def test_a_moderators_opening_tells_who_asks_with_what_each_works_for():
    assert askers(
        "Questions will be put by Frank Reynolds of ABC News, James Gannon of the Wall Street"
        " Journal, and Elizabeth Drew of the New Yorker magazine."
    ) == {"Frank Reynolds", "James Gannon", "Elizabeth Drew"}
