from interviews.quotecheck import CLOSE_SCORE, Verdict, align, verdict, word_diff

REAL = (
    "I don't buy it because the data doesn't back it up. This is a group that was trying to "
    "send fighters from its earliest days. And it had the strategy of exporting terror at the "
    "same time that it had a strategy of holding ground."
)


def differing(pieces):
    return [piece.text for piece in pieces if piece.kind == "differs"]


def test_the_exact_words_are_verbatim_whatever_the_case_and_punctuation():
    alignment = align("THE DATA DOESN’T BACK IT UP", REAL)

    assert alignment.verbatim and alignment.score == 100
    assert verdict(alignment) is Verdict.VERBATIM
    assert differing(word_diff("THE DATA DOESN’T BACK IT UP", REAL, alignment).pasted) == []


def test_substituted_words_still_find_the_sentence_and_are_marked_on_both_sides():
    pasted = "I don't buy it because the data does not support it"
    alignment = align(pasted, REAL)
    diff = word_diff(pasted, REAL, alignment)

    assert verdict(alignment) is Verdict.CLOSE
    assert differing(diff.pasted) == ["does not support"]
    assert differing(diff.real) == ["doesn't back"]


def test_a_reordered_quote_scores_as_close():
    alignment = align("because the data doesn't back it up, I don't buy it", REAL)

    assert alignment.score >= CLOSE_SCORE
    assert verdict(alignment) is Verdict.CLOSE


def test_dropped_words_and_a_changed_tense_are_close():
    alignment = align("it has the strategy of exporting terror at the time it had a strategy", REAL)

    assert verdict(alignment) is Verdict.CLOSE
    assert REAL.split()[alignment.start] in {"the", "it"}


def test_unrelated_words_are_no_close_match():
    alignment = align("we should lower taxes on small businesses and farms this year", REAL)

    assert verdict(alignment) is Verdict.NONE


def test_the_real_side_keeps_the_turns_own_spelling_and_its_sentence_as_context():
    pasted = "the data doesnt back it up"
    diff = word_diff(pasted, REAL, align(pasted, REAL))

    assert (
        "".join(piece.text for piece in diff.real)
        == "I don't buy it because the data doesn't back it up."
    )
    assert [p.kind for p in diff.real][0] == "context"


def test_a_quote_longer_than_the_turn_aligns_with_the_whole_turn():
    short = "I don't buy it."
    alignment = align("Honestly I don't buy it at all, not for a second", short)

    assert (alignment.start, alignment.end) == (0, 4)


def test_text_without_words_has_no_alignment():
    assert align("...", REAL) is None
    assert verdict(None) is Verdict.NONE
