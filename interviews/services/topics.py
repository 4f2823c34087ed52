"""Topic suggestions: a transcript's key terms, proposed to the editor as topics.

Whoosh's key-term extraction (`whoosh.classify`, Bo1 model) scores the words that are frequent in
this transcript but rare in a background of recently published turns, so "Mosul" beats "people".
The background lives in a small in-memory index built per request, which keeps this independent
of which search engine the archive runs on.
"""

from collections import Counter, defaultdict

from whoosh import fields
from whoosh.analysis import StemmingAnalyzer
from whoosh.filedb.filestore import RamStorage

from interviews import parsing
from interviews.models import Topic, Turn

BACKGROUND_TURNS = 400
MIN_LENGTH = 3
# Words that are never a topic, however often a transcript says them: function words, and the
# verbs and fillers of conversation. Whoosh's own list is too short for speech.
STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any
    anyone anything are around as ask asked at away back be because been before being below
    between both but by came can cannot come could did do does doing done down during each either
    else enough even ever every everyone everything few first for from get gets getting give go
    goes going gone good got great had has have having he her here hers herself him himself his
    how however i if in into is it its itself just keep kind know last least less let like look
    lot lots made make making many may maybe me mean might mine more most much must my myself need
    never new next no nobody none nor not nothing now of off often oh ok okay old on once one only
    or other others our ours ourselves out over own part people put quite rather really right said
    same say saying says see seem seems seen several shall she should since so some somebody
    someone something sort still such sure take talk tell than thank thanks that the their theirs
    them themselves then there these they thing things think this those though thought through
    time times to today together too took toward try two under until up upon us use used very want
    wanted was way we well went were what whatever when where whether which while who whole whom
    whose why will with within without would yeah yes yet you your yours yourself yourselves
    """.split()  # noqa: SIM905 - a word list reads best as prose
)


def _surface_forms(analyzer: StemmingAnalyzer, text: str) -> dict[str, str]:
    """Each stem in the text mapped to the way it is most often written there."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for token in analyzer(text, mode="index", keeporiginal=True):
        seen[token.text][token.original] += 1
    return {stem: forms.most_common(1)[0][0] for stem, forms in seen.items()}


def topic_suggest(*, transcript: parsing.Transcript, limit: int = 8) -> list[str]:
    """Up to `limit` topic names for the transcript, best first; existing topics by their name.

    Speakers' names are left out (they are frequent in their own transcript but are people, not
    topics), and so are numbers and very short words.
    """
    texts = [turn.text for turn in transcript.turns if turn.text.strip()]
    if not texts:
        return []
    analyzer = StemmingAnalyzer(stoplist=STOP_WORDS)
    index = RamStorage().create_index(fields.Schema(text=fields.TEXT(analyzer=analyzer)))
    background = Turn.objects.published().order_by("-pk").values_list("text", flat=True)
    with index.writer() as writer:
        for text in [*texts, *background[:BACKGROUND_TURNS]]:
            writer.add_document(text=text)

    whole = "\n\n".join(texts)
    surface = _surface_forms(analyzer, whole)
    names = " ".join(s.name for s in transcript.speakers)
    excluded = {token.text for token in analyzer(names)}
    existing = {name.lower(): name for name in Topic.objects.values_list("name", flat=True)}

    suggestions: list[str] = []
    with index.searcher() as searcher:
        for stem, _score in searcher.key_terms_from_text("text", whole, numterms=limit * 4):
            form = surface.get(stem, stem)
            if stem in excluded or len(form) < MIN_LENGTH or not form.isalpha():
                continue
            name = existing.get(form.lower()) or form[0].upper() + form[1:]
            if name not in suggestions:
                suggestions.append(name)
            if len(suggestions) == limit:
                break
    return suggestions
