"""Snippets: which words are marked, and the window of text around them."""

from interviews.search.highlight import MatchTerms, quoted_paragraph, snippet


def test_a_stemmed_word_marks_every_form_in_any_case_and_nothing_else():
    terms = MatchTerms(stems={"recruit"})

    marked = snippet("Recruiting is hard; recruits leave. Rec rooms stay.", terms)

    assert marked == "<mark>Recruiting</mark> is hard; <mark>recruits</mark> leave. Rec rooms stay."


def test_exact_words_prefixes_and_phrases_mark_only_what_they_match():
    text = "The state. A statesman said the state of the states is state-run."

    assert snippet(text, MatchTerms(words={"state"})).count("<mark>") == 3
    assert snippet(text, MatchTerms(prefixes={"states"})) == (
        "The state. A <mark>statesman</mark> said the state of the <mark>states</mark> is"
        " state-run."
    )
    assert snippet(text, MatchTerms(phrases=[("the", "state")])) == (
        "<mark>The</mark> <mark>state</mark>. A statesman said <mark>the</mark> <mark>state</mark>"
        " of the states is state-run."
    )


def test_a_dotted_abbreviation_is_one_word():
    terms = MatchTerms(words={"s", "u.s"})

    assert snippet("U.S. troops, and S. Smith.", terms) == (
        "<mark>U.S</mark>. troops, and <mark>S</mark>. Smith."
    )


def test_the_text_is_escaped_around_the_marks():
    assert snippet("<b>Rents</b> & rates", MatchTerms(stems={"rent"})) == (
        "&lt;b&gt;<mark>Rents</mark>&lt;/b&gt; &amp; rates"
    )


def test_a_long_text_is_cut_to_a_window_around_its_most_matches():
    text = " ".join(["filler"] * 100 + ["border", "wall", "border"] + ["filler"] * 100)

    marked = snippet(text, MatchTerms(stems={"border"}), width=80)

    assert marked.startswith("…filler") and marked.endswith("filler…")
    assert marked.count("<mark>border</mark>") == 2
    assert len(marked) < 140
    assert snippet(text, MatchTerms(stems={"absent"}), width=80).startswith("filler filler")


def test_the_paragraph_a_snippet_quotes_is_found_by_its_first_mark():
    text = "Rents & rates.\n\n" + " ".join(["filler"] * 60) + " rates again.\n\nRates, last."

    def quoted(**terms) -> int:
        return quoted_paragraph(text, snippet(text, MatchTerms(**terms), width=80))

    assert quoted(stems={"rent"}) == 0
    assert quoted(words={"again"}) == 1  # in a window cut to the middle of a paragraph
    assert quoted(words={"last"}) == 2
    assert quoted(words={"absent"}) == 0
    assert quoted_paragraph(text, "<mark>not</mark> in the text") == 0
