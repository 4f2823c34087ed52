"""The engine names unlabelled speakers from the evidence a careful reader uses."""

import math

from interviews.parsing import parse_transcript
from interviews.parsing.draft import Block, Draft
from interviews.parsing.engine import Weights, _Habits, _Model, _resumes
from interviews.parsing.people import Roster, find_mentions


def page(summary: str, *turns: list[str], labels: dict[int, str] | None = None) -> str:
    """A scraped page: furniture, a title, a summary, then indented paragraphs, two blank lines
    between turns, and a bulleted label line before the turns given in `labels`."""
    lines = ["Share", "", "A conversation", "", summary, "", "Read the Full Transcript", "", ""]
    for i, paragraphs in enumerate(turns):
        if labels and i in labels:
            lines += [f"  • {labels[i]}:", ""]
        for paragraph in paragraphs:
            lines += [f"    {paragraph}", ""]
        lines.append("")
    return "\n".join(lines + ["Related"]) + "\n"


def pasted(paragraphs: list[str]) -> str:
    """A page as a browser copies it: flush left, one blank line between any two paragraphs."""
    return "\n\n".join(paragraphs) + "\n"


def speaker_of_each(paragraphs: list[str]) -> dict[str, str | None]:
    """Who the parse of the pasted `paragraphs` gives each paragraph to."""
    parsed = parse_transcript(pasted(paragraphs))
    return {p: t.speaker for t in parsed.turns for p in t.text.split("\n\n")}


def speakers(text: str) -> list[str | None]:
    return [t.speaker for t in parse_transcript(text).turns]


def roster_of(*names: str) -> Roster:
    roster = Roster()
    for name in names:
        roster.add(name)
    return roster


def addressed(text: str, roster: Roster) -> list[tuple[str, str, bool]]:
    """Who `text` names, how, and whether it thanks them."""
    return [(m.person.name, m.kind, m.thanks) for m in find_mentions(text, roster)]


def park_and_hill_debate(*turns: list[str], labels: dict[int, str]) -> str:
    """A debate page moderated by Pat Kim, after her opening: `turns` count from 1."""
    return page(
        "Pat Kim moderates a debate between Lee Park of the Green Party and Sam Hill of the"
        " Blue Party.",
        ["Welcome to the debate.", "Pat Kim begins."],
        *turns,
        labels=labels,
    )


INTERVIEW = page(
    "What comes after the vote? Judy Woodruff talks with Ann Lee of the Brookings Institution"
    " and Omar Diaz of the Cato Institute about what the results mean for the economy.",
    ["Voters went to the polls today.", "Judy Woodruff has more."],
    ["Ann Lee, what did you make of the results tonight?"],
    ["They were surprising, Judy. Turnout was high everywhere we looked."],
    ["Omar Diaz, do you agree with that reading of the turnout?"],
    ["Mostly. I would add that the suburbs moved more than anyone expected."],
    ["Ann Lee and Omar Diaz, thank you both."],
    ["Thank you."],
    ["Thank you."],
    labels={2: "ANN LEE, Brookings Institution", 4: "OMAR DIAZ, Cato Institute"},
)


def test_the_anchor_who_introduces_the_host_is_nobody_named():
    first = parse_transcript(INTERVIEW).turns[0]
    assert (first.speaker, first.role) == (None, "anchor")


def test_a_vocative_hands_the_floor_to_the_person_addressed():
    assert speakers(INTERVIEW)[1:6] == [
        "Judy Woodruff",
        "Ann Lee",
        "Judy Woodruff",
        "Omar Diaz",
        "Judy Woodruff",
    ]


def test_the_host_named_in_the_summary_is_a_host_and_the_labelled_guest_a_guest():
    parsed = parse_transcript(INTERVIEW)
    roles = {s.name: s.role for s in parsed.speakers}
    assert roles == {"Judy Woodruff": "host", "Ann Lee": "guest", "Omar Diaz": "guest"}
    assert parsed.speaker("Omar Diaz").affiliation == "Cato Institute"


def test_thank_you_both_hands_the_goodbyes_to_both_guests_in_the_order_named():
    assert speakers(INTERVIEW)[-2:] == ["Ann Lee", "Omar Diaz"]


def test_thanks_said_back_after_thanks_carries_on_nobodys_speech():
    # A host who is thanked and goes on resumes their speech; a second guest's thanks does not.
    thanks = Block(["Thank you."], separation="turn")
    assert _resumes(thanks, Block(["As I was saying, the suburbs moved."], separation="turn"))
    assert not _resumes(thanks, thanks)


def test_a_thank_you_to_both_guests_without_their_names_is_the_hosts_goodbye():
    text = page(
        "Congress has a deal. Judy Woodruff talks with Jane Doe, a Democrat from Ohio, and John"
        " Roe, an economist.",
        ["The budget deal faces its first test today.", "Judy Woodruff has more."],
        ["We are joined by Senator Jane Doe and the economist John Roe. Senator, will it pass?"],
        ["I believe it will. We have the votes."],
        ["And you, sir. Will your side go along?"],
        ["Some of us will. I will not."],
        ["Why not?"],
        ["Because it spends money we do not have."],
        ["Senator, your response?"],
        ["He is wrong. It pays for itself."],
        ["Thank you both."],
        labels={2: "JANE DOE, Democrat of Ohio", 4: "JOHN ROE, Economist"},
    )
    assert speakers(text)[-1] == "Judy Woodruff"


def test_a_speaker_who_introduces_themselves_is_named_by_it():
    text = page(
        "A look at the storm with Maria Gonzalez of the Weather Service and Tom Reed.",
        ["Good evening, I'm Tom Reed. The storm made landfall an hour ago."],
        ["Maria Gonzalez, how bad is it?"],
        ["It is very bad, Tom. The surge is the worst we have measured."],
    )
    assert speakers(text) == ["Tom Reed", "Maria Gonzalez"]


def test_a_name_addressed_in_a_turn_is_not_its_speaker():
    text = page(
        "Pat Kim moderates a debate between Lee Park of the Green Party and Sam Hill of the"
        " Blue Party.",
        ["Welcome to the debate. Lee Park, you go first: why should anyone vote for you?"],
        ["Because I listen, Pat. And Sam Hill never has."],
        ["That is simply untrue, Lee. I have held forty town halls this year alone."],
        ["You held them behind closed doors, Sam, and everybody knows it."],
        ["Let us move on. Sam Hill, your plan for schools?"],
        labels={1: "LEE PARK, Green Party", 2: "SAM HILL, Blue Party"},
    )
    turns = parse_transcript(text).turns
    assert [t.speaker for t in turns[:3]] == ["Pat Kim", "Lee Park", "Sam Hill"]
    addressed = {"Lee": "Lee Park", "Sam": "Sam Hill", "Pat": "Pat Kim"}
    for turn in turns:
        for paragraph in turn.paragraphs:
            for vocative, person in addressed.items():
                if f", {vocative}" in paragraph:
                    assert turn.speaker != person, paragraph


def test_every_inferred_turn_says_so_with_a_probability():
    parsed = parse_transcript(INTERVIEW)
    inferred = [t for t in parsed.turns if t.attribution == "inferred"]
    assert inferred and all(0.0 < t.confidence < 1.0 for t in inferred)
    assert [t.attribution for t in parsed.turns].count("label") == 2


def test_a_part_labelled_on_its_own_line_speaks_each_turn_it_heads():
    town_hall = page(
        "Voters question the candidates. Judy Woodruff moderates a forum with Ann Lee of the"
        " Green Party and Omar Diaz of the Blue Party.",
        ["Tonight, the voters ask.", "Judy Woodruff begins."],
        ["Welcome. Our first question comes from the floor."],
        ["Ms. Lee, what will you do about rents in this city?"],
        ["I will build more homes, and quickly."],
        ["Mr. Diaz, what would you do about the buses?"],
        ["More of them, and more often."],
        ["Thank you. Next question."],
        ["Why should anyone trust either of you?"],
        labels={
            2: "QUESTION",
            3: "ANN LEE, Green Party",
            4: "QUESTION",
            5: "OMAR DIAZ, Blue Party",
            7: "QUESTION",
        },
    )
    parsed = parse_transcript(town_hall)

    asked = [t for t in parsed.turns if t.label == "QUESTION"]
    assert [t.text for t in asked] == [
        "Ms. Lee, what will you do about rents in this city?",
        "Mr. Diaz, what would you do about the buses?",
        "Why should anyone trust either of you?",
    ]
    assert {(t.speaker, t.attribution, t.confidence) for t in asked} == {(None, "label", 1.0)}


# A hearing's summary, the anchor's introduction and the host's first exchange with one guest.
BUDGET_HEARING_OPENS = [
    "Rita Moreno questions Paul Grant of the Treasury and Lena Ortiz of the Audit Office"
    " about the budget.",
    ["Tonight, the budget hearing.", "Rita Moreno begins."],
    ["Paul Grant, where did the money go?"],
    ["Most of it went to roads, and the rest to schools."],
]


def test_a_hosts_follow_up_naming_nobody_is_answered_by_the_guest_they_were_talking_with():
    hearing = page(
        *BUDGET_HEARING_OPENS,
        ["Lena Ortiz, is that what your audit found?"],
        ["Our audit found that a third of it cannot be traced at all."],
        ["A third?"],
        ["A third. The accounts for two years are missing."],
        ["Who kept them?"],
        ["A contractor, and the contract ended last spring."],
        ["And the roads?"],
        ["Half of them were never resurfaced, whatever the ledger says."],
        labels={2: "PAUL GRANT, Treasury", 4: "LENA ORTIZ, Audit Office"},
    )
    assert speakers(hearing)[4:] == ["Lena Ortiz", "Rita Moreno"] * 3 + ["Lena Ortiz"]


def test_a_name_is_addressed_or_talked_about_by_where_it_stands_in_its_sentence():
    roster = roster_of("Ann Lee", "Sam Hill")

    def mentions(text):
        return [(m.person.name, m.kind, m.sentence) for m in find_mentions(text, roster)]

    # "Mr." ends no sentence, and a name set off before its verb is the verb's subject.
    assert mentions(
        "Senator Lee, I start with you. Your rival, Mr. Sam Hill, would raise taxes. Would you?"
    ) == [("Ann Lee", "vocative", 0), ("Sam Hill", "third", 1)]
    assert mentions("Tell me, Mr. Hill, would you raise them?") == [("Sam Hill", "vocative", 0)]
    # An apposition runs on to the sentence's verb; a vocative needs none.
    assert mentions("Mr. Hill, a question for Senator Lee.") == [
        ("Sam Hill", "vocative", 0),
        ("Ann Lee", "third", 0),
    ]
    assert mentions("Sam Hill, a senator since 2010, said no.") == [("Sam Hill", "third", 0)]
    # A stage direction is nobody's words: the name after it still opens the sentence.
    assert mentions("(CROSSTALK) Senator Lee?") == [("Ann Lee", "vocative", 0)]
    assert mentions("[crosstalk] Mr. Hill, your response?") == [("Sam Hill", "vocative", 0)]
    # The floor goes to whom a question is for, not to whom an answer responds.
    assert find_mentions("Mr. Hill, a question for Senator Lee.", roster)[1].directed
    assert not find_mentions("Mr. Hill, respond to Senator Lee.", roster)[1].directed
    # A name ends with its sentence: the thanks go to whoever spoke, the floor to Mr. Hill.
    (handed,) = find_mentions("Thank you, Senator. Mr. Hill.", roster)
    assert (handed.person.name, handed.sentence, handed.thanks) == ("Sam Hill", 1, False)


def test_a_name_set_off_at_a_sentences_end_is_addressed_unless_it_renames_someone():
    roster = roster_of("Ann Lee", "Sam Hill")
    assert addressed("It does, Ann. Wages rose.", roster) == [("Ann Lee", "vocative", False)]
    assert addressed("I'll get to that, Mr. Hill!", roster) == [("Sam Hill", "vocative", False)]
    assert addressed("I agree with my friend, Sam Hill.", roster) == [("Sam Hill", "third", False)]
    # A name that ends its sentence: after words to its person, or alone.
    assert [m.trailing for m in find_mentions("I listen, Ann. Mr. Hill? Ann, why?", roster)] == [
        True,
        True,
        False,
    ]


def test_a_co_anchor_whom_the_guest_answers_by_name_asked():
    text = page(
        "Geoff Bennett and Amna Nawaz talk with economist Diane Swonk about the jobs report.",
        ["Employers added 250,000 jobs in September.", "Diane, why was this number so strong?"],
        ["Thanks for having me, Geoff. Health care and restaurants hired."],
        ["Diane, does a report like this make another rate hike more likely?"],
        ["It does, Amna. The Fed will look at wages, which rose faster than expected."],
        ["And what does that mean for families, Diane?"],
        ["In the near term, higher borrowing costs."],
        labels={1: "DIANE SWONK, KPMG"},
    )
    geoff, amna, diane = "Geoff Bennett", "Amna Nawaz", "Diane Swonk"
    assert speakers(text) == [geoff, diane, amna, diane, amna, diane]


def test_whom_the_host_thanks_by_name_thanks_the_host_back():
    text = page(
        "Judy Woodruff talks with Tom Wu of the Green Party and Jo Park of the Blue Party.",
        ["Tom Wu, Jo Park, welcome. Mr. Wu, why are rents rising?"],
        ["Because we stopped building homes a generation ago, and demand kept growing."],
        ["Ms. Park, do you agree?"],
        ["Partly. Zoning matters more, and the cities have been slow to change it."],
        ["Mr. Wu, what would you do first?"],
        ["I would let builders put up apartments near every train station in the state."],
        ["Thank you, Mr. Wu. Ms. Park, a last word?"],
        ["Build near the trains, yes."],
        ["Ms. Park, thank you."],
        ["Thank you."],
        labels={1: "TOM WU, Green Party", 3: "JO PARK, Blue Party"},
    )
    assert speakers(text)[-3:] == ["Jo Park", "Judy Woodruff", "Jo Park"]


def test_guests_labelled_by_bare_names_over_their_greetings_are_guests():
    text = page(
        "Columnists Ann Lee and Tom Wu join Judy Woodruff to discuss the week in politics.",
        ["It has been a busy week. For that, we turn to Ann Lee and Tom Wu.", "Hello to you both."],
        ["Hello."],
        ["Hi, Judy."],
        ["So, the deal is done. Ann, who came out ahead?"],
        ["The country did. Neither side got what it wanted, which is usually a good sign."],
        ["Tom, do you see it that way?"],
        ["Mostly. The president kept what his party cares about most."],
        labels={1: "ANN LEE", 2: "TOM WU"},
    )
    parsed = parse_transcript(text)
    judy, ann, tom = "Judy Woodruff", "Ann Lee", "Tom Wu"
    assert [t.speaker for t in parsed.turns] == [judy, ann, tom, judy, ann, judy, tom]
    assert {s.name: s.role for s in parsed.speakers} == {judy: "host", ann: "guest", tom: "guest"}


def test_guests_labelled_by_bare_names_on_a_pasted_page_speak_no_earlier_than_their_labels():
    paragraphs = [
        "A busy week",
        "Columnists Ann Lee and Tom Wu join Judy Woodruff to discuss the week in politics.",
        "It has been a busy week in politics.",
        "For that, we turn to Ann Lee and Tom Wu.",
        "Hello to both of you.",
        "• ANN LEE:",
        "Hello.",
        "• TOM WU:",
        "Hi, Judy.",
        "So, the deal is done. Ann, who came out ahead?",
        "The country did. Neither side got what it wanted, which is usually a good sign.",
    ]
    said = speaker_of_each(paragraphs)
    judy = "Judy Woodruff"
    assert [said[p] for p in paragraphs[2:5]] == [judy, judy, judy]
    assert [said["Hello."], said["Hi, Judy."]] == ["Ann Lee", "Tom Wu"]


def test_a_name_addressed_inside_a_quotation_is_reported_not_addressed():
    roster = roster_of("Ann Lee", "Sam Hill")
    for story in (
        "A woman stood up and said, “But, Senator Hill, I want you to fix the bridge.” I will.",
        'She told me, "Well, Ann, you have to run." So I did.',
    ):
        assert [kind for _, kind, _ in addressed(story, roster)] == ["third"], story
    assert addressed("Ann, she said “fix it.”", roster) == [("Ann Lee", "vocative", False)]


def test_a_name_set_off_by_a_dash_is_addressed_however_the_dash_is_typed():
    roster = roster_of("Ann Lee")
    for text in (
        "Senator Lee - - your response?",
        "Senator Lee -- your response?",
        "Senator Lee — your response?",
        "Senator Lee – your response?",
        "Senator Lee--your response?",
    ):
        assert [m.kind for m in find_mentions(text, roster)] == ["vocative"]
    assert [m.kind for m in find_mentions("I disagree with Senator Lee — on taxes.", roster)] == [
        "third"
    ]


def test_a_question_that_opens_with_a_name_and_a_verb_asks_that_person():
    roster = Roster()
    roster.add("Ann Lee", honorific="Sen.", evidence="label")
    roster.add("Bo Park", evidence="label")
    assert addressed("Senator, is there anything Congress can do?", roster) == [
        ("Ann Lee", "vocative", False)
    ]
    assert addressed("Mr. Park, is the senator right?", roster)[0] == ("Bo Park", "vocative", False)
    assert addressed("Bo Park, joins us from London.", roster) == [("Bo Park", "third", False)]


def test_a_name_broken_off_by_a_dash_and_said_again_is_addressed_both_times():
    roster = roster_of("Ann Lee")
    for text in ("Senator Lee - - Senator Lee, why?", "Well, Senator Lee — Senator Lee, why?"):
        assert [m.kind for m in find_mentions(text, roster)] == ["vocative", "vocative"]


def test_a_name_after_an_adverb_that_opens_the_sentence_is_addressed():
    roster = roster_of("Grace Lin")
    for text in ("Honestly, Grace, I think he does.", "Frankly, Grace, no."):
        assert [m.kind for m in find_mentions(text, roster)] == ["vocative"]
    assert [m.kind for m in find_mentions("Sadly, Grace Lin was not there.", roster)] == ["third"]


def test_an_office_parted_by_a_hyphen_where_a_line_break_was_removed_is_still_the_office():
    roster = Roster()
    bush = roster.add("George Bush")
    roster.learn_titles(["Vice- President Bush and his running mate.", "Vice- President Bush won."])
    assert roster.by_title("Vice President") is bush
    assert [(m.person, m.kind) for m in find_mentions("Vice- President Bush, why?", roster)] == [
        (bush, "vocative")
    ]


def test_a_given_name_before_another_surname_is_not_the_roster_person_who_shares_it():
    roster = roster_of("John Edwards", "Dick Cheney")
    assert find_mentions("I respect John Kerry, and so does Dick.", roster)[0].person.name == (
        "Dick Cheney"
    )
    assert [m.person.name for m in find_mentions("John, go ahead.", roster)] == ["John Edwards"]


def test_a_hyphenated_given_name_alone_names_its_person():
    roster = roster_of("Jean-Luc Moreau", "Jean-Pierre Roux", "Mary-Kate Lund", "Ann Smith-Jones")
    assert [m.person.name for m in find_mentions("Jean-Luc, go ahead.", roster)] == [
        "Jean-Luc Moreau"
    ]
    assert [m.person.name for m in find_mentions("Thank you, Mary-Kate.", roster)] == [
        "Mary-Kate Lund"
    ]
    assert [m.person.name for m in find_mentions("Ms. Smith-Jones, go ahead.", roster)] == [
        "Ann Smith-Jones"
    ]


def test_a_person_talked_about_by_their_office_alone_is_mentioned_where_one_holds_it():
    roster = roster_of("Barack Obama", "Mitt Romney")
    roster.learn_titles(["President Obama and Governor Romney are here, Governor Romney first."])
    roster.learn_titles(["President Obama spoke last."])
    assert [
        (m.person.name, m.kind)
        for m in find_mentions("The governor's plan adds up, and the President knows it.", roster)
    ] == [("Mitt Romney", "third"), ("Barack Obama", "third")]
    assert find_mentions("The senator from Ohio disagrees.", roster) == []


def test_an_office_of_several_words_addressed_alone_is_the_one_person_holding_it():
    roster = roster_of("Al Gore", "George Bush")
    roster.learn_titles(["Vice President Gore and Governor Bush, welcome, Vice President Gore."])
    assert addressed("Thank you, Vice President.", roster) == [("Al Gore", "vocative", True)]
    assert addressed("Mr. Vice President, your response?", roster) == [
        ("Al Gore", "vocative", False)
    ]


def test_an_office_addressed_in_lower_case_is_the_one_person_holding_it():
    roster = roster_of("Bernie Sanders", "Mitt Romney")
    roster.learn_titles(["Senator Sanders and Governor Romney, welcome, Senator Sanders first."])
    roster.learn_titles(["Governor Romney spoke last."])
    assert addressed("senator, your response", roster) == [("Bernie Sanders", "vocative", False)]
    assert addressed("That is all the time we have, governor.", roster) == [
        ("Mitt Romney", "vocative", False)
    ]
    assert addressed("Thank you, governor. Senator?", roster) == [
        ("Mitt Romney", "vocative", True),
        ("Bernie Sanders", "vocative", False),
    ]
    # An office talked about is no one addressed.
    assert addressed("A senator, in my view, is elected to decide.", roster) == []


def test_bringing_someone_in_gives_them_the_floor():
    roster = roster_of("Ann Lee", "Sam Hill")
    for text in (
        "Let me bring in Senator Lee on this.",
        "I want to bring Senator Lee in.",
        "We should bring Senator Lee into this conversation.",
    ):
        (mention,) = find_mentions(text, roster)
        assert (mention.kind, mention.directed) == ("third", True)
    # Someone who would bring something in is talked about, not given the floor.
    (subject,) = find_mentions("Senator Lee would bring in tariffs.", roster)
    assert not subject.directed


def test_whoever_is_to_ask_next_is_given_the_floor():
    roster = roster_of("Ann Lee", "Sam Hill")
    for text in (
        "Ann Lee has the next question.",
        "Ms. Lee with a question for Mr. Hill.",
        "Ann Lee will ask the first question.",
        "The next question will be asked by Ann Lee.",
        "The next question is by Ms. Lee, for Mr. Hill.",
    ):
        assert find_mentions(text, roster)[0].directed, text
    # Someone who questioned something is talked about.
    (subject,) = find_mentions("Ann Lee has questioned my record.", roster)
    assert not subject.directed


def test_whom_a_question_is_for_answers_after_the_one_who_asks_it():
    debate = page(
        "Pat Kim moderates a debate between Lee Park of the Green Party and Sam Hill of the"
        " Blue Party. With questions from Jo Diaz.",
        ["Welcome to the debate.", "Pat Kim begins."],
        ["Mr. Hill, your plan for the rivers?"],
        ["Dredge them first, and then we will see."],
        ["Mr. Park, your response?"],
        ["Cleaning them costs less than dredging."],
        ["Thank you. Jo, a question for Mr. Hill."],
        ["What would you do about the roads in the north, which are falling apart?"],
        ["I would pave them within a year, and pay for it with the gas tax."],
        labels={2: "SAM HILL, Blue Party", 4: "LEE PARK, Green Party"},
    )
    assert speakers(debate)[5:] == ["Pat Kim", "Jo Diaz", "Sam Hill"]


def test_a_block_ending_by_giving_someone_the_floor_is_a_hosts():
    debate = page(
        "Pat Kim moderates a debate between Lee Park of the Green Party and Sam Hill of the"
        " Blue Party. With questions from Jo Diaz.",
        ["Welcome to the debate.", "Pat Kim begins."],
        ["Mr. Hill, your plan for the rivers?"],
        ["Dredge them first, and then we will see what the water does next spring."],
        ["Dredging costs too much, and it has never worked for long anywhere it was tried."],
        ["Now Jo Diaz, with a question for Mr. Park."],
        ["Mr. Park, the roads in the north are falling apart. What would you do about them?"],
        ["I would pave them within a year, and pay for it with the gas tax."],
        labels={2: "SAM HILL, Blue Party", 3: "LEE PARK, Green Party"},
    )
    assert speakers(debate)[3:] == ["Lee Park", "Pat Kim", "Jo Diaz", "Lee Park"]


def rivers_debate(interjection: str, carrying_on: str) -> str:
    """Hill and Park on the rivers; Park rebuts, Hill objects, the fourth turn is `interjection`
    and Hill carries on with `carrying_on`."""
    return park_and_hill_debate(
        ["Mr. Hill, your plan for the rivers?"],
        ["Dredge them first, and then we will see what the water does next spring."],
        ["Mr. Park, your response?"],
        ["Dredging costs too much, and it has never worked for long anywhere it was tried."],
        ["That is simply not true."],
        [interjection],
        [carrying_on],
        labels={2: "SAM HILL, Blue Party", 4: "LEE PARK, Green Party"},
    )


def test_keeping_order_on_the_floor_is_the_hosts():
    for line in ("Go ahead.", "One at a time, please.", "Allow him to respond."):
        debate = rivers_debate(
            line, "It worked on the Hudson, and it will work here, at half the cost of his plan."
        )
        assert speakers(debate)[4:] == ["Lee Park", "Sam Hill", "Pat Kim", "Sam Hill"], line


def test_taking_the_program_to_a_break_is_the_hosts():
    for line in ("We'll be right back.", "We are going to take a short break."):
        debate = rivers_debate(
            line, "As I was saying, it worked on the Hudson, and it will work here."
        )
        assert speakers(debate)[4:] == ["Lee Park", "Sam Hill", "Pat Kim", "Sam Hill"], line


def rivers_rebuttal(interjection: str, then: list[str]) -> str:
    """Park and Hill answer the moderator in turn; the fifth turn is `interjection`."""
    return park_and_hill_debate(
        ["Mr. Park, your plan for the rivers?"],
        ["Clean them within five years."],
        ["Mr. Hill, your plan?"],
        ["Dredge them first. Mr. Park voted against every cleanup bill in the legislature."],
        [interjection],
        *([line] for line in then),
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )


def test_asking_for_the_floor_is_a_guests():
    for line in ("May I respond to that?", "Can I respond?", "Could I answer that?"):
        debate = rivers_rebuttal(line, ["Briefly.", "I wrote the cleanup bill and voted for it."])
        assert speakers(debate)[4:] == ["Sam Hill", "Lee Park", "Pat Kim", "Lee Park"], line


def test_a_rival_addressed_mid_answer_replies():
    debate = park_and_hill_debate(
        ["Mr. Park, your plan for the rivers?"],
        ["Clean them within five years."],
        ["Mr. Hill, your plan?"],
        [
            "Dredge them first. And I ask you, Mr. Park, where was your plan ten years ago? The"
            " rivers have waited long enough for it."
        ],
        ["I had a plan, and you blocked it twice in committee."],
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )
    assert speakers(debate)[4:] == ["Sam Hill", "Lee Park"]


def test_denying_what_was_said_is_the_rivals():
    # So is disagreeing: in the corpus's debates, 88 of 91 paragraphs saying "I disagree" or
    # "I'm not so sure" are candidates'.
    for line in (
        "That is not true.",
        "You're wrong.",
        "He never said that.",
        "I disagree.",
        "I'm not so sure.",
    ):
        debate = rivers_rebuttal(
            line, ["It is in the record, and anyone can read it: he voted no on both bills."]
        )
        assert speakers(debate)[4:] == ["Sam Hill", "Lee Park", "Sam Hill"], line


def test_a_name_after_the_one_a_thank_you_addresses_is_called_on_next():
    debate = park_and_hill_debate(
        ["Mr. Hill, your plan for the rivers?"],
        ["Dredge them first, and then we will see."],
        ["Thank you Mr. Hill, Mr. Park, your response?"],
        ["I would clean them within five years."],
        ["Thank you Mr. Park, Mr. Hill, your response?"],
        ["Dredging is cheaper."],
        labels={2: "SAM HILL, Blue Party", 4: "LEE PARK, Green Party"},
    )
    assert speakers(debate)[-2:] == ["Pat Kim", "Sam Hill"]
    # A sentence that ends on the second name thanks both: a list of goodbyes.
    roster = roster_of("Lee Park", "Sam Hill")
    assert [m.thanks for m in find_mentions("Thank you, Mr. Park, Mr. Hill.", roster)] == [
        True,
        True,
    ]


def test_a_candidate_naming_their_own_ticket_twice_is_still_its_likely_speaker():
    debate = park_and_hill_debate(
        ["Mr. Park, your plan for the rivers?"],
        ["Clean them within five years."],
        ["Mr. Hill, the same question."],
        ["I have cleaned more rivers than anyone in this state."],
        ["Mr. Hill, and the forests?"],
        [
            "The forests need work. The Hill and Ross ticket will plant a million trees, because"
            " Hill and Ross have the plan, and Hill and Ross have the money."
        ],
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )
    assert speakers(debate)[5:] == ["Pat Kim", "Sam Hill"]


def test_whom_a_labelled_block_addresses_speaks_next():
    debate = page(
        "A debate between Lee Park of the Green Party and Sam Hill of the Blue Party.",
        ["Tonight, the debate."],
        ["Mr. Park, your plan for the rivers?"],
        ["Clean them within five years."],
        ["Mr. Hill, your plan?"],
        ["I would dredge them first, and then we will see."],
        ["Mr. Hill, two minutes on the forests."],
        ["Plant a million trees, and protect the old ones."],
        ["Mr. Park, your response."],
        ["Trees are fine, but jobs come first."],
        labels={
            1: "MODERATOR",
            2: "LEE PARK, Green Party",
            3: "MODERATOR",
            4: "SAM HILL, Blue Party",
            5: "MODERATOR",
            7: "MODERATOR",
        },
    )
    assert speakers(debate)[5:] == [None, "Sam Hill", None, "Lee Park"]


RIVERS_DEBATE_OPENS = [
    "Jake Tapper moderates a debate between Lee Park of the Green Party and Sam Hill of the"
    " Blue Party. With questions from Dana Bash.",
    ["Tonight, the debate.", "Jake Tapper begins."],
    ["Welcome. Mr. Park, your plan for the rivers?"],
    ["Clean them within five years."],
    ["Mr. Hill, the same question."],
    ["I would dredge them first, and then we will see."],
]


def test_the_moderator_a_guest_addresses_holds_the_floor():
    debate = page(
        *RIVERS_DEBATE_OPENS,
        ["Thank you both. Now to the budget: where would the money come from?"],
        ["From the rivers fund. Dana, that fund is large. It can pay for all of it."],
        ["How large?"],
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )
    assert speakers(debate)[-2:] == ["Sam Hill", "Dana Bash"]


def test_the_moderator_a_colleague_thanks_on_taking_over_asked_the_whole_stretch_before():
    debate = page(
        *RIVERS_DEBATE_OPENS,
        ["Now the budget, and the questions come from Dana Bash."],
        ["Mr. Park, what would the cleanup cost?"],
        ["About a billion dollars over five years."],
        ["And who pays for it?"],
        ["The polluters, through a levy on their permits."],
        ["Mr. Hill, would you charge that levy?"],
        ["No. It would drive the factories away."],
        ["Dana, thank you. Mr. Hill, when would the dredging start?"],
        ["Next spring."],
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )
    assert speakers(debate)[6:13:2] == ["Dana Bash", "Dana Bash", "Dana Bash", "Jake Tapper"]


def test_the_host_a_summary_makes_its_subject_leads_the_others_it_lists():
    debate = page(
        "With questions from Ann Cole and Bo Dunn, Pat Kim moderates a debate between Lee Park"
        " of the Green Party and Sam Hill of the Blue Party.",
        ["Tonight, the debate."],
        ["Good evening. Our first question goes to the Green Party."],
        ["We will clean the rivers within five years."],
        ["And the Blue Party?"],
        ["We will dredge them first, and then we will see."],
        labels={2: "LEE PARK, Green Party", 4: "SAM HILL, Blue Party"},
    )
    asked = [
        turn.speaker
        for turn in parse_transcript(debate).turns
        for question in ("Our first question", "And the Blue Party?")
        if question in turn.text
    ]
    assert asked == ["Pat Kim", "Pat Kim"]


def test_a_guest_whose_label_comes_later_does_not_answer_before_it():
    hearing = page(
        *BUDGET_HEARING_OPENS,
        ["Lena Ortiz, were the accounts kept well?"],
        ["She has not joined us yet, I think. But no, some of the records came in late."],
        ["How late?"],
        ["Two years, in some cases."],
        ["Lena Ortiz, is that what your audit found?"],
        ["Our audit found that a third of the money cannot be traced at all."],
        labels={2: "PAUL GRANT, Treasury", 8: "LENA ORTIZ, Audit Office"},
    )
    assert speakers(hearing)[4] == "Paul Grant"


def test_the_host_a_summary_names_after_the_network_in_the_possessive_asks_the_questions():
    parsed = parse_transcript(
        page(
            "NPR's Mary Louise Kelly speaks with Harvard economist Jason Furman about the rate cut.",
            ["The Fed cut rates today.", "Jason Furman joins us. Welcome."],
            ["Thanks for having me."],
            ["Why go big?"],
            ["They felt they were behind.", "Inflation has come down a lot."],
            ["Jason Furman, thank you."],
            labels={1: "JASON FURMAN, Harvard University"},
        )
    )
    assert [t.speaker for t in parsed.turns] == ["Mary Louise Kelly", "Jason Furman"] * 2 + [
        "Mary Louise Kelly"
    ]


def test_co_hosts_a_summary_names_together_ask_and_the_guest_thanks_them_both():
    parsed = parse_transcript(
        page(
            "Steve Inskeep and Leila Fadel speak with Agriculture Secretary Tom Vilsack about what"
            " happens to the farm bill.",
            ["Good morning. I'm Steve Inskeep."],
            ["And I'm Leila Fadel. The secretary is with us. Good morning, Mr. Secretary."],
            ["Good morning, Leila.", "Good morning, Steve."],
            ["Mr. Secretary, what happens if there is no bill?"],
            ["Well, Steve, a lot of programs would lapse.", "That is the real risk."],
            ["Secretary Vilsack, thank you."],
            ["Thank you both."],
            labels={1: "LEILA FADEL", 2: "TOM VILSACK, Agriculture Secretary"},
        )
    )
    assert {s.name: s.role for s in parsed.speakers} == {
        "Steve Inskeep": "host",
        "Leila Fadel": "host",
        "Tom Vilsack": "guest",
    }
    assert parsed.turns[-1].speaker == "Tom Vilsack"


def test_a_host_a_page_labels_once_asks_the_rest_of_the_questions():
    parsed = parse_transcript(
        page(
            "New York Times columnist David Brooks and Washington Post columnist Jonathan Capehart"
            " join Judy Woodruff to discuss the week in politics.",
            ["And that brings us to Brooks and Capehart.", "Hello to both of you."],
            ["Good evening."],
            ["Good evening, Judy."],
            ["So, David, who blinks first?"],
            ["The president, I think.", "And the Democrats know it."],
            ["Jonathan, do you see it that way?"],
            ["I do not. The Democrats have the polls on their side."],
            labels={
                0: "JUDY WOODRUFF",
                1: "DAVID BROOKS, The New York Times",
                2: "JONATHAN CAPEHART, The Washington Post",
            },
        )
    )
    assert [t.speaker for t in parsed.turns] == [
        "Judy Woodruff",
        "David Brooks",
        "Jonathan Capehart",
        "Judy Woodruff",
        "David Brooks",
        "Judy Woodruff",
        "Jonathan Capehart",
    ]


def test_a_page_without_a_summary_opens_with_the_hosts_speech_not_a_summary_made_of_it():
    parsed = parse_transcript(
        "Transcript\n\n"
        "Good evening. I'm Lester Holt. Tonight we're joined by the mayor of Chicago, Brandon"
        " Johnson. Mayor, welcome.\n\n\n"
        "• BRANDON JOHNSON, Mayor of Chicago:\n\nThank you, Lester. Good to be with you.\n\n\n"
        "Mayor, the budget gap is nearly a billion dollars. How do you close it?\n\n\n"
        "We're going to ask the wealthiest to pay their fair share and cut waste.\n\n"
        "That's the plan, and it's a good one, whatever the business leaders of this city say.\n"
    )
    assert parsed.summary == ""
    assert [t.speaker for t in parsed.turns] == ["Lester Holt", "Brandon Johnson"] * 2


def test_a_page_pasted_from_a_browser_with_no_wider_gap_between_turns_still_alternates():
    paragraphs = [
        "Fed cuts rates",
        "NPR's Mary Louise Kelly speaks with Harvard economist Jason Furman about the Federal"
        " Reserve's decision to cut interest rates.",
        "The Federal Reserve cut interest rates today. Jason Furman joins us. Welcome.",
        "• JASON FURMAN, Harvard University:",
        "Thank you for having me.",
        "So a half-point cut. Why go big?",
        "The Fed had been waiting a long time, and I think they felt they were behind.",
        "Inflation has come down a lot, and the job market has cooled.",
        "Is there a risk they have declared victory too soon?",
        "There is always that risk. But the data on prices has been good for months.",
        "Jason Furman, thank you.",
        "Thank you.",
    ]
    parsed = parse_transcript(pasted(paragraphs))
    assert [(t.speaker, t.text.split("\n\n")[0]) for t in parsed.turns] == [
        ("Mary Louise Kelly", paragraphs[2]),
        ("Jason Furman", paragraphs[4]),
        ("Mary Louise Kelly", paragraphs[5]),
        ("Jason Furman", paragraphs[6]),
        ("Mary Louise Kelly", paragraphs[8]),
        ("Jason Furman", paragraphs[9]),
        ("Mary Louise Kelly", paragraphs[10]),
        ("Jason Furman", paragraphs[11]),
    ]


def test_thanking_the_program_for_having_them_on_is_a_guests_line():
    paragraphs = [
        "The Economy Hour",
        "Host Maria Santos talks with economists Raj Patel and Helen Brooks about whether a"
        " recession is coming.",
        "Welcome to The Economy Hour. I'm Maria Santos. With me today are Raj Patel and Helen"
        " Brooks. Welcome to you both.",
        "Thanks, Maria. Great to be here.",
        "Thank you for having me.",
        "Raj, let me start with you. Are we headed for a recession?",
        "I don't think so, not this year.",
    ]
    said = speaker_of_each(paragraphs)
    assert said["Thank you for having me."] in {"Raj Patel", "Helen Brooks"}


def test_an_anchors_introduction_pasted_without_wider_gaps_runs_to_the_hand_over():
    paragraphs = [
        "The second debate",
        "A look back at a key exchange. Candy Crowley puts questions to Mitt Romney, the Republican"
        " nominee, and Barack Obama, the president.",
        "We turn now to the second presidential debate.",
        "What was at stake?",
        "Candy Crowley begins.",
        "Good evening from Hofstra University. I'm Candy Crowley. We are here for the second"
        " presidential debate.",
        "• BARACK OBAMA, the president:",
        "Thank you, Candy.",
    ]
    parsed = parse_transcript(pasted(paragraphs))
    assert [(t.speaker, t.role, t.text) for t in parsed.turns[:2]] == [
        (None, "anchor", "\n\n".join(paragraphs[2:5])),
        ("Candy Crowley", "host", paragraphs[5]),
    ]


def test_guests_a_host_introduces_together_greet_in_the_order_named():
    parsed = parse_transcript(
        page(
            "Host Maria Santos talks with economists Raj Patel and Helen Brooks about whether a"
            " recession is coming.",
            [
                "Welcome to The Economy Hour. I'm Maria Santos.",
                "With me today are Raj Patel of the Brookings Institution and Helen Brooks of"
                " Goldman Sachs. Welcome to you both.",
            ],
            ["Thanks, Maria. Great to be here."],
            ["Thank you for having me."],
            ["Raj, let me start with you. Are we headed for a recession?"],
            ["I don't think so, not this year.", "Consumer spending is still strong."],
        )
    )
    assert [t.speaker for t in parsed.turns] == [
        "Maria Santos",
        "Raj Patel",
        "Helen Brooks",
        "Maria Santos",
        "Raj Patel",
    ]


def test_a_time_opening_most_paragraphs_dates_them_and_a_short_summary_names_the_cast():
    parsed = parse_transcript(
        "Morning interview\n\nAnn Lee talks with the economist Tom Wu about rates.\n\n"
        "[00:00:01] Good morning. Tom, will rates fall?\n\n"
        "[00:00:06] I think they will, Ann, but not before the autumn.\n\n"
        "[00:00:12] Why so late?\n\n[00:00:14] Inflation is still too high.\n"
    )
    assert parsed.summary == "Ann Lee talks with the economist Tom Wu about rates."
    assert [(t.start, t.text) for t in parsed.turns][1:] == [
        (6.0, "I think they will, Ann, but not before the autumn."),
        (12.0, "Why so late?"),
        (14.0, "Inflation is still too high."),
    ]
    assert [t.speaker for t in parsed.turns][1:] == ["Tom Wu", "Ann Lee", "Tom Wu"]


def test_a_dash_opening_each_reply_is_a_new_speaker_and_no_word():
    parsed = parse_transcript(
        "Entretien\n\n— Bonjour, monsieur le ministre. Les prix montent-ils encore ?\n\n"
        "— Bonjour. Oui, mais moins vite.\n\n— Et les salaires ?\n\n— Ils suivent.\n"
    )
    assert [t.text for t in parsed.turns][:2] == [
        "Bonjour, monsieur le ministre. Les prix montent-ils encore ?",
        "Bonjour. Oui, mais moins vite.",
    ]
    assert [t.role for t in parsed.turns][:2] == ["host", "guest"]


def test_captions_copied_as_text_change_speaker_at_each_chevron_and_say_no_chevron():
    parsed = parse_transcript(
        ">> Good evening. I'm Lester Holt. Our Katy Tur is in Miami. Katy?\n"
        ">> Lester, the rain has not stopped. >> How long will this last?\n"
        ">> Through tomorrow night. >> Katy, stay safe.\n"
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Lester Holt", "Good evening. I'm Lester Holt. Our Katy Tur is in Miami. Katy?"),
        ("Katy Tur", "Lester, the rain has not stopped."),
        ("Lester Holt", "How long will this last?"),
        ("Katy Tur", "Through tomorrow night."),
        ("Lester Holt", "Katy, stay safe."),
    ]


def test_captions_copied_as_text_change_speaker_at_a_dash_opening_a_line_of_them():
    parsed = parse_transcript(
        "- I'm Evan Smith.\nShe's a legendary journalist, and she joins us\n"
        "from Washington. This is Overheard.\n- Judy, welcome.\n"
        "- Thank you, Evan. It's great to be here.\n- So you left the anchor chair. Why now?\n"
        "- Well, I had been doing it a long time.\nI thought it was time - high time - to go.\n"
        "- And the new series?\n- It's about the divide in this country.\n"
    )
    assert [t.text for t in parsed.turns] == [
        "I'm Evan Smith. She's a legendary journalist, and she joins us from Washington. This is"
        " Overheard.\n\nJudy, welcome.",
        "Thank you, Evan. It's great to be here.",
        "So you left the anchor chair. Why now?",
        "Well, I had been doing it a long time. I thought it was time - high time - to go.",
        "And the new series?",
        "It's about the divide in this country.",
    ]
    assert [t.speaker for t in parsed.turns][::2] == ["Evan Smith"] * 3


def test_a_part_a_caption_names_in_lower_case_after_its_chevron_labels_it():
    parsed = parse_transcript(
        "Book TV In Depth\n\n>> host: war and peace, that is the role of the media. >> guest: "
        "that is what people say. >> host: what is the corporate media? >> guest: nbc, cbs.\n"
    )
    assert [(t.role, t.attribution, t.text) for t in parsed.turns] == [
        ("host", "label", "war and peace, that is the role of the media."),
        ("guest", "label", "that is what people say."),
        ("host", "label", "what is the corporate media?"),
        ("guest", "label", "nbc, cbs."),
    ]


def test_a_block_ending_on_someone_addressed_and_little_else_calls_on_them():
    lines = [
        "Thank you. Mr. Park, one minute.",
        "Senator Hill, you have thirty seconds.",
        "Mr. Park, your plan for the rivers?",  # a question: asking already
        "Mr. Park, you know as well as I do that the towns would pay for it.",
        "I say to you, Mr. Park, one minute is enough.",
    ]
    draft = Draft(
        format="scraped",
        summary="Pat Kim moderates a debate between Lee Park and Sam Hill.",
        blocks=[Block([line], separation="turn") for line in lines],
    )
    model = _Model(draft, Weights(), [None] * len(lines))
    assert model.ends_calling_on == [True, True, False, False, False]
    pat, park = (
        next(k for k, s in enumerate(model.states) if s.person and s.person.name == name)
        for name in ("Pat Kim", "Lee Park")
    )

    def leaning_to_the_moderator(weights: Weights) -> float:
        model.w = weights
        first = model.emissions()[0]
        return first[pat] - first[park]

    assert leaning_to_the_moderator(Weights()) > leaning_to_the_moderator(Weights(calls_on=0.0))


def staying_past_bare_breaks(paragraphs: list[str], weights: Weights, i: int) -> dict[str, float]:
    """How each speaker of Ann Lee's talk with Tom Wu scores going on into paragraph i, where
    only a paragraph break parts the paragraphs after the first."""
    draft = Draft(
        format="scraped",
        summary="Ann Lee talks with the economist Tom Wu about rates.",
        blocks=[
            Block([paragraph], separation="soft" if n else "start")
            for n, paragraph in enumerate(paragraphs)
        ],
    )
    model = _Model(draft, weights, [None] * len(draft.blocks))
    table = model.transitions(i)
    return {s.person.name if s.person else s.role: table[k][k] for k, s in enumerate(model.states)}


def test_a_guest_going_on_past_a_bare_paragraph_break_is_likelier_to_keep_the_floor():
    paragraphs = [
        "Tom Wu, will rates fall?",
        "They will fall, but not before the autumn.",
        "Services are still too dear.",
        "Why is that?",
        "Wages.",
        "Thank you, that is clear.",
    ]

    def staying(weights: Weights, i: int) -> dict[str, float]:
        return staying_past_bare_breaks(paragraphs, weights, i)

    going_on, untold = staying(Weights(), 2), staying(Weights(soft_continued=0.0), 2)
    assert going_on["Tom Wu"] - untold["Tom Wu"] == Weights().soft_continued > 0
    assert staying(Weights(), 3) == staying(Weights(soft_continued=0.0), 3)  # a question
    assert staying(Weights(), 5) == staying(Weights(soft_continued=0.0), 5)  # a reply


def test_words_broken_off_before_a_bare_paragraph_break_are_cut_into_by_someone_else():
    paragraphs = [
        "Tom Wu, will rates fall?",
        "They will fall, but not before --",
        "Before the autumn?",
        "Yes, and the banks know it…",
        "So do we.",
    ]

    def staying(weights: Weights, i: int) -> list[float]:
        return list(staying_past_bare_breaks(paragraphs, weights, i).values())

    for broken_off in (2, 4):
        kept = staying(Weights(), broken_off)
        untold = staying(Weights(soft_broken_off=0.0), broken_off)
        assert [b - a for a, b in zip(kept, untold, strict=True)] == [
            Weights().soft_broken_off
        ] * len(kept)
    assert staying(Weights(), 3) == staying(Weights(soft_broken_off=0.0), 3)  # a question


def test_how_a_paragraph_opens_past_a_bare_break_tells_whether_its_speaker_goes_on():
    def staying(opening: str, weights: Weights) -> list[float]:
        paragraphs = ["Tom Wu, will rates fall?", "They will fall in the autumn.", opening]
        return list(staying_past_bare_breaks(paragraphs, weights, 2).values())

    def change(opening: str) -> set[float]:
        """How much likelier the same speaker is, for that opening, than with the rule unset."""
        unset = Weights(soft_joined=0.0, soft_replying=0.0)
        return {
            round(a - b, 6)
            for a, b in zip(staying(opening, Weights()), staying(opening, unset), strict=True)
        }

    assert change("But not before the autumn.") == {Weights().soft_joined} != {0.0}
    assert change("And the banks know it.") == {Weights().soft_joined}
    assert change("And what will the banks do?") == {0.0}  # a follow-up is someone else's
    assert change("Well, I doubt it.") == {-Weights().soft_replying} != {0.0}
    assert change("Thank you, Tom.") == {-Weights().soft_replying}
    assert change("The banks know it.") == {0.0}


def test_a_speakers_learnt_vocabulary_is_what_they_say_elsewhere_not_in_the_block_decided():
    question = "Tom Wu, what does the central bank want to see before it moves, and when?"
    answer = "Rates will fall later this year, once services and wages cool, as they always do."
    aside = (
        "Zebras quokkas pangolins meerkats ibexes okapis lemurs tapirs wombats narwhals graze"
        " beside herons egrets cranes storks plovers curlews godwits avocets dunlins stints."
    )
    draft = Draft(
        format="scraped",
        summary="Ann Lee talks with the economist Tom Wu about rates.",
        blocks=[
            Block([question] * 4, separation="turn")
            if i % 2 == 0
            else Block([answer if i < 5 else aside] * 3, separation="turn")
            for i in range(6)
        ],
    )
    model = _Model(draft, Weights(structure=0.0), [None] * len(draft.blocks))
    ann, tom = (
        next(k for k, s in enumerate(model.states) if s.person and s.person.name == name)
        for name in ("Ann Lee", "Tom Wu")
    )
    # Ann asks blocks 0, 2 and 4; Tom answers 1 and 3 alike, and says the aside of block 5.
    marginals = [
        [float(k == (tom if i % 2 else ann)) for k in range(len(model.states))] for i in range(6)
    ]
    learnt = _Habits(model).scores(marginals)
    assert learnt[1][tom] > 0  # he says it again in block 3
    assert learnt[5][tom] < 0  # words he says nowhere else


def test_a_word_new_to_a_speaker_costs_little_however_much_they_said_before():
    answer = (
        "Rates will fall later this year, once services and wages cool, as they always do, and"
        " the bank will say so plainly when its governors meet in the spring."
    )
    new_topic = (
        "Zebras quokkas pangolins meerkats ibexes okapis lemurs tapirs wombats narwhals graze"
        " beside herons egrets cranes storks plovers curlews godwits avocets dunlins stints."
    )
    blocks = [Block(["Tom Wu, what comes next?"], separation="turn"), Block([answer] * 3)] * 12
    draft = Draft(
        format="scraped",
        summary="Ann Lee talks with the economist Tom Wu about rates.",
        blocks=[*blocks, Block([new_topic], separation="turn")],
    )
    weights = Weights(lexical=1.0, structure=0.0, habit_cap=1e9)
    model = _Model(draft, weights, [None] * len(draft.blocks))
    tom = next(k for k, s in enumerate(model.states) if s.person and s.person.name == "Tom Wu")
    marginals = [[float(k == tom) * (i % 2) for k in range(len(model.states))] for i in range(24)]
    learnt = _Habits(model).scores([*marginals, [0.0] * len(model.states)])
    # Tom said nearly every word of the transcript, and none of these 22 (scores are per square
    # root of a block's words): each costs him at most log 5, his vocabulary being pooled with a
    # quarter of the transcript's words; pooled with a fixed 50 it cost him log 23 each.
    assert -math.log(5) * math.sqrt(22) < learnt[-1][tom] < 0


def test_a_turn_is_attributed_as_its_least_sure_paragraph_was():
    parsed = parse_transcript(
        "Brooks and Capehart\n\n"
        "New York Times columnist David Brooks and Washington Post writer Jonathan Capehart join"
        " Judy Woodruff to discuss the week in politics.\n\n"
        "And that brings us to Brooks and Capehart. Hello to both of you.\n\n"
        "DAVID BROOKS: Good evening.\n\nJONATHAN CAPEHART: Good evening, Judy.\n\n"
        "So, David, the government is shut down for the second week. Who blinks first?\n\n"
        "DAVID BROOKS: Well, I think the president blinks first, because he has less to lose.\n\n"
        "The polling is pretty clear that people blame the White House.\n\n"
        "Jonathan, do you see it that way?\n\n"
        "JONATHAN CAPEHART: I do not, actually.\n\n"
        "David Brooks, Jonathan Capehart, thank you both.\n"
    )
    going_on = next(t for t in parsed.turns if t.text.startswith("Well, I think"))
    assert (
        going_on.paragraphs[1] == "The polling is pretty clear that people blame the White House."
    )
    assert (going_on.speaker, going_on.label) == ("David Brooks", "DAVID BROOKS")
    assert going_on.attribution == "inferred" and going_on.confidence < 0.9
    assert next(t for t in parsed.turns if t.text == "Good evening.").attribution == "label"


def test_a_page_whose_labels_open_the_guests_paragraphs_makes_the_others_it_names_hosts():
    # "• TOM WU, Acme Corp: Because ..." labels a guest as a label line would: the summary's
    # other people, who ask, are hosts, and Max Hart asks the question he is handed.
    text = page(
        "Ann Lee talks with Tom Wu of Acme Corp and Jo Park of the Beta Institute about interest"
        " rates. Questions also come from Max Hart and Sue Bell of the Daily Post.",
        ["Good evening. Rates rose again today.", "Ann Lee has more."],
        ["Thank you. Tom Wu, let me start with you. Why did the bank move now?"],
        ["• TOM WU, Acme Corp: Because inflation is still well above its target."],
        ["Jo Park, do you agree with that?"],
        ["• JO PARK, Beta Institute: Only in part. The labour market is cooling fast."],
        ["Max Hart has a question for Tom Wu."],
        ["Tom, will mortgage holders feel this before Christmas?"],
        ["Most will, yes. Those on variable rates will see it in their next payment."],
    )
    parsed = parse_transcript(text)
    assert [t.speaker for t in parsed.turns] == [
        None,
        "Ann Lee",
        "Tom Wu",
        "Ann Lee",
        "Jo Park",
        "Ann Lee",
        "Max Hart",
        "Tom Wu",
    ]
    assert {s.name: s.role for s in parsed.speakers}["Max Hart"] == "host"


# A debate in Dayton moderated by Pat Kim: her introduction by the anchor, and two exchanges.
DAYTON_OPENING = ["Good evening from Dayton.", "Pat Kim moderates."]
WU_ON_RENTS = (
    ["Mr. Wu, what would you do about rents in this city?"],
    ["I would build more homes, and I would start this year."],
)
PARK_ON_THE_BRIDGE = (
    ["Ms. Park, how would you pay for the new bridge?"],
    ["With the state's help, and with a toll for the first ten years."],
)


def test_a_bare_label_over_a_question_is_the_hosts_who_asks_it():
    # Guests' labels print their affiliation; the panel's print a bare name, each over the
    # question it asks, as the page's labels of hosts do.
    text = page(
        "Pat Kim moderates a debate between Tom Wu of the Green Party and Jo Park of the Blue"
        " Party. With questions from Max Hart and Sue Bell.",
        DAYTON_OPENING,
        ["Welcome to the debate. Mr. Hart, your question for Mr. Wu."],
        *WU_ON_RENTS,
        ["Thank you. Ms. Bell, your question for Ms. Park."],
        *PARK_ON_THE_BRIDGE,
        labels={2: "MAX HART", 3: "TOM WU, Green Party", 5: "SUE BELL", 6: "JO PARK, Blue Party"},
    )
    parsed = parse_transcript(text)
    # (Who thanks Tom Wu and calls on Sue Bell, the moderator or the panelist, the page does not
    # say.)
    spoken = [t.speaker for t in parsed.turns]
    assert spoken[:4] + spoken[5:] == [None, "Pat Kim", "Max Hart", "Tom Wu", "Sue Bell", "Jo Park"]
    roles = {s.name: s.role for s in parsed.speakers}
    assert (roles["Max Hart"], roles["Sue Bell"]) == ("host", "host")


def test_the_host_an_introduction_hands_over_to_leads_where_the_summary_names_none():
    # The summary names only the panel; the anchor's "Pat Kim moderates." makes her the lead,
    # who calls on each candidate, and the panel asks only the questions handed to them.
    text = page(
        "A debate between Tom Wu of the Green Party and Jo Park of the Blue Party. With questions"
        " from Max Hart and Sue Bell.",
        DAYTON_OPENING,
        ["Welcome to the debate. The first question goes to Mr. Wu, from Mr. Hart."],
        *WU_ON_RENTS,
        ["Ms. Park, your response."],
        ["Homes take years to build. I would cap rents now."],
        ["The next question goes to Ms. Park, from Ms. Bell."],
        *PARK_ON_THE_BRIDGE,
        ["Mr. Wu, your response."],
        ["A toll is a tax on the people who can least afford it."],
        ["Thank you both. That is all the time we have."],
        labels={3: "TOM WU, Green Party", 5: "JO PARK, Blue Party"},
    )
    pat, max_, sue, tom, jo = "Pat Kim", "Max Hart", "Sue Bell", "Tom Wu", "Jo Park"
    assert speakers(text) == [None, pat, max_, tom, pat, jo, pat, sue, jo, pat, tom, pat]


def test_with_no_label_the_summarys_questioner_asks_and_the_introduced_host_speaks_first():
    # "With questions from Max Hart": he asks, as a host. "Pat Kim moderates." hands her the
    # floor right after the anchor, as calling on her by name would.
    text = page(
        "Pat Kim moderates a debate between Tom Wu of the Green Party and Jo Park of the Blue"
        " Party. With questions from Max Hart.",
        DAYTON_OPENING,
        ["Welcome to the debate. The first question goes to Mr. Wu, from Mr. Hart."],
        *WU_ON_RENTS,
        ["Ms. Park, your response."],
        ["Homes take years to build. I would cap rents now."],
        ["Mr. Hart, your next question, for Ms. Park."],
        *PARK_ON_THE_BRIDGE,
    )
    pat, max_, tom, jo = "Pat Kim", "Max Hart", "Tom Wu", "Jo Park"
    parsed = parse_transcript(text)
    assert [t.speaker for t in parsed.turns] == [None, pat, max_, tom, pat, jo, pat, max_, jo]
    assert {s.name: s.role for s in parsed.speakers}[max_] == "host"


# Cat Wise's report from Fresno County: its summary, the anchor's introduction, her first
# words and the first interviewee's, whose label line is printed by block 2.
DROUGHT_REPORT = (
    "A third year of drought is forcing farmers to leave fields empty. Special correspondent"
    " Cat Wise reports from Fresno County.",
    ["Many fields are going unplanted this year.", "Special correspondent Cat Wise reports."],
    ["On a hot morning, Joe Del Bosque walks along a dry irrigation canal."],
    ["We have never seen it this bad. My father never left half his land empty."],
)


def test_the_anchor_comes_back_after_a_report_to_talk_with_its_reporter():
    text = page(
        *DROUGHT_REPORT,
        ["State officials say the cuts protect the water supply for cities."],
        ["We are asking everyone to share the burden this year."],
        ["For the NewsHour, I'm Cat Wise in Fresno County, California."],
        [
            "And Cat Wise joins me now.",
            "Cat, how are the farmers planning to get through the year?",
        ],
        ["Judy, many of them are pumping more groundwater, which is expensive."],
        ["Thank you, Cat."],
        ["Thank you, Judy."],
        labels={2: "JOE DEL BOSQUE, Farmer", 4: "KARLA NEMETH, Department of Water Resources"},
    )
    parsed = parse_transcript(text)
    # The thanks after the last answer are the anchor's; the thanks back, the reporter's.
    assert [(t.speaker, t.role) for t in parsed.turns][-5:] == [
        ("Cat Wise", "host"),
        (None, "anchor"),
        ("Cat Wise", "host"),
        (None, "anchor"),
        ("Cat Wise", "host"),
    ]


def test_the_anchor_comes_back_once_the_reporter_signs_off():
    text = page(
        *DROUGHT_REPORT,
        ["For the NewsHour, I'm Cat Wise in Fresno County, California."],
        ["And Cat's reporting is part of our series on the drought."],
        labels={2: "JOE DEL BOSQUE, Farmer"},
    )
    parsed = parse_transcript(text)
    assert [(t.speaker, t.role) for t in parsed.turns][-2:] == [
        ("Cat Wise", "host"),
        (None, "anchor"),
    ]


def test_the_panel_a_moderators_opening_names_asks_where_the_summary_names_none():
    text = page(
        "Pat Kim moderates a debate between Tom Wu of the Green Party and Jo Park of the Blue"
        " Party.",
        DAYTON_OPENING,
        [
            "Welcome. Questions will be put by Max Hart of the Dayton Daily and Sue Bell of WDTN."
            " Mr. Hart, your question for Mr. Wu."
        ],
        *WU_ON_RENTS,
        ["Ms. Bell, your question for Ms. Park."],
        *PARK_ON_THE_BRIDGE,
        labels={3: "TOM WU, Green Party", 6: "JO PARK, Blue Party"},
    )
    parsed = parse_transcript(text)
    pat, max_, sue, tom, jo = "Pat Kim", "Max Hart", "Sue Bell", "Tom Wu", "Jo Park"
    spoken = [t.speaker for t in parsed.turns]
    # (Who calls on Sue Bell after Tom Wu's answer, the moderator or Max Hart, the page does not
    # say.)
    assert spoken[:4] + spoken[5:] == [None, pat, max_, tom, sue, jo]
    roles = {s.name: s.role for s in parsed.speakers}
    assert (roles[max_], roles[sue]) == ("host", "host")


def test_a_pasted_pages_last_words_are_speech_not_its_footer():
    for closing in (
        "Thank you. (APPLAUSE)",
        "Thanks. (APPLAUSE, CHEERING, SHOUTS OF FOUR MORE YEARS)",
        "It was really interesting because you",
    ):
        parsed = parse_transcript(
            pasted(
                [
                    "Rivers at risk",
                    "Pat Kim talks with Lee Park of the Green Party about the rivers.",
                    "Lee Park, will the rivers be clean?",
                    "• LEE PARK, Green Party:",
                    "In five years, if the towns pay their share and the state keeps its word.",
                    closing,
                    "Related",
                    "Listen to this Segment",
                ]
            )
        )
        assert parsed.turns[-1].paragraphs[-1] == closing


def test_a_summary_naming_someone_by_a_middle_initial_i_is_no_ones_first_person():
    parsed = parse_transcript(
        pasted(
            [
                "Rivers at risk",
                "Pat Kim questions Samuel I. Rosenman, counsel for the towns, about the rivers.",
                "We turn now to the rivers.",
                "Mr. Rosenman, will the rivers be clean?",
                "• SAMUEL I. ROSENMAN, counsel for the towns:",
                "In five years, if the towns pay their share and the state keeps its word.",
            ]
        )
    )
    assert parsed.summary.startswith("Pat Kim questions Samuel I. Rosenman")
    assert parsed.turns[0].text.startswith("We turn now to the rivers.")


def test_a_print_interview_names_its_answerer_in_the_headline_and_whom_they_talk_to_asks():
    parsed = parse_transcript(
        'Interview with novelist Ana Ruiz: "I write to find out what I think"\n\n'
        'The author of "Salt Roads" talks to Peter Lang about exile and her new book.\n\n'
        "— Your new novel begins in a port town. Why there?\n\n"
        "— Because that is where I grew up.\n\n— Do you still feel that way?\n\n"
        "— Less now. Writing the book helped.\n"
    )
    assert [t.speaker for t in parsed.turns] == ["Peter Lang", "Ana Ruiz"] * 2
    assert {s.name: s.role for s in parsed.speakers} == {"Peter Lang": "host", "Ana Ruiz": "guest"}


def test_two_guests_welcomed_together_greet_in_turn_and_a_greeting_thanks_no_one_back():
    parsed = parse_transcript(
        pasted(
            [
                "The fight over the farm bill",
                "Host Maya Brooks talks with Senator Tom Calloway of Kansas and Rita Vance, who"
                " runs a food bank in Kansas City.",
                "Congress has until September to pass a farm bill. Joining me now are Senator Tom"
                " Calloway and Rita Vance. Welcome to you both.",
                "Thanks for having me, Maya.",
                "Good to be here.",
                "Senator, let me start with you. Why cut food aid now?",
                "We are not cutting anything. We are asking adults to work or train.",
            ]
        )
    )
    assert [t.speaker for t in parsed.turns] == [
        "Maya Brooks",
        "Tom Calloway",
        "Rita Vance",
        "Maya Brooks",
        "Tom Calloway",
    ]


def test_a_pages_label_line_below_its_last_block_labels_nothing_and_breaks_nothing():
    parsed = parse_transcript(
        "A talk.\n\n    Good evening. Tom Wu joins us.\n\n\n    Thank you for having me.\n\n"
        "  • TOM WU, Acme:\n"
    )
    assert [t.text for t in parsed.turns] == [
        "Good evening. Tom Wu joins us.",
        "Thank you for having me.",
    ]
