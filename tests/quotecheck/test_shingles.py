from interviews.quotecheck import passages
from interviews.quotecheck.shingles import THRESHOLD, new_index, shingles, signature, similarity


def shingles_of(text):
    (span,) = passages(text)
    return shingles(span)


SAID = shingles_of("We have to secure the border before we talk about anything else.")
ECHOED = shingles_of("We have to secure the border before we talk about anything else at all.")
OTHER = shingles_of("The harvest was late this year because the spring rains never came.")


def test_near_identical_passages_are_alike_and_different_ones_are_not():
    assert similarity(SAID, ECHOED) >= THRESHOLD
    assert similarity(SAID, OTHER) < THRESHOLD


def test_shingles_ignore_case_and_punctuation():
    assert shingles_of("WE HAVE TO SECURE THE BORDER, BEFORE WE TALK ABOUT ANYTHING ELSE!") == SAID


def test_the_lsh_index_proposes_the_echo_and_not_the_other_passage():
    index = new_index()
    index.insert("echo", signature(ECHOED))
    index.insert("other", signature(OTHER))

    assert index.query(signature(SAID)) == ["echo"]
