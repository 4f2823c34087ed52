from interviews.quotecheck import informative_words, passages, sentences, words


def test_words_keep_inner_apostrophes_and_their_positions():
    text = "It doesn’t, Peter's."
    found = words(text)

    assert [w.text for w in found] == ["It", "doesn’t", "Peter's"]
    assert [w.norm for w in found] == ["it", "doesn't", "peter's"]
    assert all(text[w.start : w.end] == w.text for w in found)


def test_sentences_end_at_stops_and_paragraph_breaks():
    text = "First one here. Is this second? Yes!\n\nA new paragraph without a stop"

    assert [text[s.start : s.end].strip() for s in sentences(text)] == [
        "First one here.",
        "Is this second?",
        "Yes!",
        "A new paragraph without a stop",
    ]


def test_passages_leave_out_stock_phrases():
    text = "Thank you very much. The border has to be controlled by the people who live there."

    assert [len(p.words) for p in passages(text)] == [12]


def test_informative_words_skip_common_ones_and_prefer_long_ones_in_their_order():
    assert informative_words("I think that the Mosul offensive is crucial for them", limit=3) == [
        "mosul",
        "offensive",
        "crucial",
    ]


def test_informative_words_are_safe_to_put_in_a_query():
    found = informative_words("border) OR \"wall* AND -fence:x don't_stop")

    assert found == ["border", "wall", "fence", "stop"]


def test_a_paste_with_few_distinctive_words_is_filled_up_with_its_common_ones():
    assert informative_words("Now, I should like to if I may to proceed to") == [
        "now",
        "should",
        "like",
        "proceed",
    ]
