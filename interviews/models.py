"""The archive's vocabulary: programs air segments, in which speakers appear and take turns."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse

from interviews.links import path_to
from interviews.parsing import voice_of

WEB_SCHEMES = ("http", "https")
# A long transcript (an oral argument of a thousand turns) is shown in pages of this many turns.
TURNS_PER_PAGE = 100


def web_url(value: str) -> str:
    """`value` if it is an http(s) address, else "": an imported file's `javascript:` or
    `data:` "source" must never become a link."""
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return ""
    return value.strip() if scheme in WEB_SCHEMES else ""


def counted(rows: models.QuerySet) -> models.Subquery:
    """How many `rows` there are, for an outer query to annotate with: a correlated count,
    without the GROUP BY that `annotate(Count(...))` would put in the subquery."""
    return models.Subquery(
        rows.order_by().values(count=models.Func("pk", function="COUNT")),
        output_field=models.IntegerField(),
    )


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Role(models.TextChoices):
    ANCHOR = "anchor", "Anchor"
    HOST = "host", "Host"
    CORRESPONDENT = "correspondent", "Correspondent"
    GUEST = "guest", "Guest"
    UNKNOWN = "unknown", "Unknown"


class Program(TimeStamped):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interviews:program", args=[self.slug])


class Topic(TimeStamped):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interviews:topic", args=[self.slug])


def newest_segment_first(segment: str = "") -> list:
    """The order of newest segment first, undated ones last; `segment` is the path to it
    ("segment__") when ordering rows that belong to a segment."""
    return [models.F(f"{segment}air_date").desc(nulls_last=True), f"-{segment}created"]


class SegmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Segment.Status.PUBLISHED)

    def newest_first(self):
        return self.order_by(*newest_segment_first())


class Segment(TimeStamped):
    """One broadcast item: a transcript as aired, kept verbatim so that it can be parsed again."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.PROTECT, related_name="segments"
    )
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(blank=True)
    air_date = models.DateField(null=True, blank=True, db_index=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_format = models.CharField(max_length=20, blank=True)
    raw_text = models.TextField(help_text="The transcript exactly as it was ingested.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="segments")

    objects = SegmentQuerySet.as_manager()

    class Meta:
        ordering = ["-air_date", "-created"]
        indexes = [
            # Published segments newest first, read in order: SQLite otherwise sorts them all,
            # working out what a list shows of each (its turns, counted) before the sort.
            models.Index(fields=["status", "air_date", "created"], name="segment_status_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.air_date:
            d = self.air_date
            return path_to("interviews:segment", d.year, f"{d.month:02}", f"{d.day:02}", self.slug)
        return path_to("interviews:segment_undated", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def transcript_pages(self) -> Paginator:
        """The pages its transcript is shown in: each a range of turn sequence numbers.

        By sequence number rather than by count, so that a turn's page (and its permalink) follows
        from the turn alone (`Turn.transcript_page`).
        """
        last = self.turns.aggregate(last=models.Max("sequence"))["last"] or 0
        return Paginator(range(1, last + 1), TURNS_PER_PAGE)

    def moment_url(self, moment: str) -> str:
        """The place in its transcript of what is being said at `moment` into the recording
        ("754", "12:34", "1:02:03", "12m34s"): the paragraph then, in the last timed turn to
        start by then (or the first timed one, before it starts); "" where the time is no time
        or no turn of this segment is timed."""
        seconds = _seconds(moment)
        if seconds is None:
            return ""
        timed = self.turns.filter(start_seconds__isnull=False).select_related("segment")
        before = timed.filter(start_seconds__lte=seconds).order_by("-start_seconds", "-sequence")
        turn = before.first() or timed.order_by("start_seconds", "sequence").first()
        return turn.get_absolute_url(at=seconds) if turn else ""

    def transcript(self, sequences: range | None = None) -> list["Turn"]:
        """Its turns in order (those numbered in `sequences`, if given), ready to show
        (`for_display`). They share this segment and one instance per speaker, so a long
        transcript reverses each URL once, not once per turn."""
        speakers = {}
        turns = self.turns.for_display(with_segment=False).order_by("sequence")
        if sequences is not None:
            turns = turns.filter(sequence__gte=sequences.start, sequence__lt=sequences.stop)
        turns = list(turns)
        for turn in turns:
            turn.segment = self
            if turn.speaker_id:
                turn.speaker = speakers.setdefault(turn.speaker_id, turn.speaker)
        return turns

    @property
    def source_link(self) -> str:
        """The source URL when it is safe to link to (http or https), else ""."""
        return web_url(self.source_url)


class Speaker(TimeStamped):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    key = models.CharField(
        max_length=200, unique=True, help_text="Normalised name that identifies the person."
    )
    honorific = models.CharField(max_length=50, blank=True)
    affiliation = models.CharField(max_length=300, blank=True, help_text="Current affiliation.")

    class Meta:
        ordering = ["name"]
        # Lists of speakers by name read a page from the index instead of sorting everyone.
        indexes = [models.Index(fields=["name"], name="speaker_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return path_to("interviews:speaker", self.slug)


class SpeakerAlias(TimeStamped):
    """Another name for a speaker: an ingest that meets it resolves to this speaker.

    Recorded when two speakers are merged (the merged one's name) or a speaker is renamed (the
    old name), and editable by editors.
    """

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, help_text="`speaker_key` of the name.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return f"{self.name} (alias of {self.speaker})"


class SpeakerRedirect(TimeStamped):
    """An old speaker slug (a merged speaker's, or one an editor changed) and where it went."""

    old_slug = models.SlugField(max_length=200, unique=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.speaker.slug}"


class AppearanceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(segment__status=Segment.Status.PUBLISHED)

    def newest_first(self):
        return self.order_by(*newest_segment_first("segment__"))


class Appearance(TimeStamped):
    """A speaker in one segment, with the role and affiliation shown in it at the time."""

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="appearances")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.UNKNOWN)
    affiliation = models.CharField(max_length=300, blank=True)

    objects = AppearanceQuerySet.as_manager()

    class Meta:
        ordering = ["segment", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "speaker"], name="one_appearance_per_segment"
            )
        ]
        # A speaker's published segments, counted without reading the appearances themselves.
        indexes = [models.Index(fields=["speaker", "segment"], name="appearance_speaker_segment")]

    def __str__(self) -> str:
        return f"{self.speaker} in {self.segment}"


class TurnQuerySet(models.QuerySet):
    def published(self):
        # "segment in (published segments)" rather than a join on status: SQLite without
        # statistics drives a join from the status index, probing every published segment
        # for the 20 turns a search page loads (50 ms at a million turns instead of 1).
        return self.filter(segment__in=Segment.objects.published())

    def spoken(self):
        """Someone's words: not a stage direction or a record's heading."""
        return self.exclude(attribution=self.model.Attribution.DIRECTION)

    def by_speaker(self, speaker: Speaker):
        return self.filter(speaker=speaker)

    def for_display(self, *, with_segment: bool = True):
        """With what a rendered quote shows: its segment, speaker, and affiliation at the time.

        Without `with_segment`, the caller gives each turn its segment (one transcript's turns
        share it): loading it and its program again with each of a page's 100 turns was 6-7 ms
        of the 15 the turns took to load at a million turns.
        """
        shown_as = Appearance.objects.filter(
            segment=models.OuterRef("segment"), speaker=models.OuterRef("speaker")
        ).order_by()
        displayed = self.select_related("speaker")
        if with_segment:
            # A quote never shows its segment's raw transcript: not loading it once per turn.
            displayed = displayed.select_related("segment__program").defer("segment__raw_text")
        return displayed.annotate(
            affiliation=models.Subquery(shown_as.values("affiliation")[:1]),
            said_elsewhere=models.Exists(
                TalkingPointPassage.objects.filter(turn=models.OuterRef("pk"))
            ),
        )


_MOMENT = re.compile(
    r"^(?:(?P<h>\d+):(?=\d+:))?(?:(?P<m>\d+):)?(?P<s>\d+(?:\.\d+)?)$"
    r"|^(?:(?P<hh>\d+)h)?(?:(?P<mm>\d+)m)?(?:(?P<ss>\d+)s)?$"
)


def _seconds(moment: str) -> float | None:
    """Seconds in a time as players and video addresses print it: "754", "12:34", "1:02:03",
    "1h2m3s"; None for anything else."""
    moment = moment.strip()
    match = _MOMENT.match(moment) if 0 < len(moment) <= 20 else None
    if not match:
        return None
    hours, minutes, seconds = (
        match["h"] or match["hh"],
        match["m"] or match["mm"],
        match["s"] or match["ss"],
    )
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)


class Turn(TimeStamped):
    """One uninterrupted stretch of speech: the archive's quote unit."""

    class Attribution(models.TextChoices):
        LABEL = "label", "Labelled in the transcript"
        INFERRED = "inferred", "Inferred from the text"
        UNKNOWN = "unknown", "Unknown"
        EDITOR = "editor", "Set by an editor"
        # No one's words: a stage direction ("(APPLAUSE)") or a record's heading.
        DIRECTION = "direction", "Stage direction"

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="turns")
    sequence = models.PositiveIntegerField()
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="turns"
    )
    speaker_label = models.CharField(
        max_length=300, blank=True, help_text="The speaker label as printed, if any."
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.UNKNOWN)
    text = models.TextField()
    attribution = models.CharField(
        max_length=10, choices=Attribution.choices, default=Attribution.UNKNOWN
    )
    confidence = models.FloatField(default=0.0)
    start_seconds = models.FloatField(null=True, blank=True)
    end_seconds = models.FloatField(null=True, blank=True)
    paragraph_starts = models.JSONField(
        default=list,
        blank=True,
        help_text="When each paragraph starts, in seconds (null where unknown), where the"
        " transcript times paragraphs after the first.",
    )

    objects = TurnQuerySet.as_manager()
    # The paragraph a search hit quotes, whose time and place the hit links to.
    quoted_paragraph = 0

    class Meta:
        ordering = ["segment", "sequence"]
        indexes = [
            # A speaker's quotes counted per segment from the index alone (a justice speaks
            # 40,000-60,000 turns of a million), and a page of them found by both (NewestFirst).
            models.Index(fields=["speaker", "segment"], name="turn_speaker_segment"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["segment", "sequence"], name="one_turn_per_position"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="confidence_between_0_and_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.segment} #{self.sequence}"

    def get_absolute_url(self, *, at: float | None = None) -> str:
        """Its place in its segment's transcript; with `at`, the place of the paragraph being
        spoken at that many seconds into the recording."""
        page = self.transcript_page
        query = f"?page={page}" if page > 1 else ""
        return f"{self.segment.get_absolute_url()}{query}#{self.moment_anchor(at)}"

    def get_moment_url(self, seconds: float | None = None) -> str:
        """Its segment at the moment it starts (or `seconds`, a paragraph's start): the address
        `segment_detail` takes to this turn, as a clip's time in a video's address does; "" for
        a turn with no time."""
        if seconds is None:
            seconds = self.start_seconds
        if seconds is None:
            return ""
        return f"{self.segment.get_absolute_url()}?t={int(seconds)}"

    @property
    def quoted_seconds(self) -> float | None:
        """When the quoted paragraph (`quoted_paragraph`) starts, as far as is known: where it
        has no time of its own, the last before it that has, or the turn's start."""
        if self.quoted_paragraph and self.paragraph_starts:
            starts = self._own_starts(len(self.paragraphs))[: self.quoted_paragraph + 1]
            timed = [start for start in starts if start is not None]
            if timed:
                return timed[-1]
        return self.start_seconds

    @property
    def timed_paragraphs(self) -> list[tuple[str, float | None, str]]:
        """Its paragraphs, each with the time it starts at where that is its own (not the
        turn's, shown with the speaker) and its anchor."""
        paragraphs = self.paragraphs
        starts = self._own_starts(len(paragraphs))
        return [
            (paragraph, start, self._paragraph_anchor(k))
            for k, (paragraph, start) in enumerate(zip(paragraphs, starts, strict=True))
        ]

    def moment_anchor(self, seconds: float | None) -> str:
        """The anchor of the paragraph being spoken `seconds` into the recording: the last
        that starts by then, where paragraphs have times; else the turn's."""
        if seconds is None or not self.paragraph_starts:
            return self.anchor
        starts = self._own_starts(len(self.paragraphs))
        started = [k for k, start in enumerate(starts) if start is not None and start <= seconds]
        return self._paragraph_anchor(started[-1]) if started else self.anchor

    def _own_starts(self, paragraphs: int) -> list[float | None]:
        """When each of its `paragraphs` paragraphs starts where that time is its own: none for
        the first (the turn's), and none at all where an editor has changed the paragraphs
        since they were timed."""
        starts = self.paragraph_starts
        return [None, *starts[1:]] if len(starts) == paragraphs else [None] * paragraphs

    def _paragraph_anchor(self, index: int) -> str:
        return f"{self.anchor}-p{index + 1}"

    @property
    def transcript_page(self) -> int:
        """The page of its segment's transcript that shows it (`Segment.transcript_pages`)."""
        return max(self.sequence - 1, 0) // TURNS_PER_PAGE + 1

    @property
    def anchor(self) -> str:
        return f"turn-{self.sequence}"

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n")

    @property
    def speaker_name(self) -> str:
        if self.attribution == self.Attribution.DIRECTION:
            return self.Attribution.DIRECTION.label
        if self.speaker_id:
            return self.speaker.name
        if self.voice:
            return self.voice
        return self.role_label if self.role != Role.UNKNOWN else "Unidentified speaker"

    @property
    def voice(self) -> str:
        """The number an automatic transcript gave this turn's unnamed speaker ("Speaker 2")."""
        return voice_of(self.speaker_label)

    # Labels from the choices' enums: get_FOO_display() rebuilds a dict of the choices on each
    # call, a tenth of the time a long transcript takes to render.
    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def attribution_label(self) -> str:
        return self.Attribution(self.attribution).label

    @property
    def confidence_text(self) -> str:
        return f"{self.confidence:.2f}"


class NewestFirst(Sequence):
    """The published ones of `turns` (turns of one speaker, of one segment, or all), newest
    segment first and in spoken order within each, as a Paginator's list.

    Sorting the turns themselves by their segment's date walked all of them: a justice's 55,000
    took 140 ms a page and counting them another 60-110; the API's list of all turns took 1.3 s
    for its first page and 8.6 s for its 500th. Here the turns are counted per segment from an
    index, the segments put in order, and a page loads only the turns it shows.
    """

    def __init__(self, turns: models.QuerySet["Turn"]):
        self.turns = turns.order_by()
        per_segment = dict(self.turns.values_list("segment").annotate(count=models.Count("pk")))
        # Every published segment in order, then those with turns here: a list of ids in the
        # query would meet SQLite's limit on parameters, a subquery would walk the turns again.
        newest_first = Segment.objects.published().newest_first().values_list("pk", flat=True)
        self.segments = [pk for pk in newest_first if pk in per_segment]
        # Where each segment's turns start in the whole list, and where the last one's end.
        self.starts = list(accumulate((per_segment[pk] for pk in self.segments), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            position = index + len(self) if index < 0 else index
            if not 0 <= position < len(self):
                raise IndexError(index)
            return self[position : position + 1][0]
        start, stop, _ = index.indices(len(self))
        if start >= stop:
            return []
        first = bisect_right(self.starts, start) - 1
        shown = self.segments[first : bisect_left(self.starts, stop)]
        place = models.Case(*(models.When(segment=pk, then=i) for i, pk in enumerate(shown)))
        in_place = self.turns.filter(segment__in=shown).order_by(place, "sequence")
        skip = start - self.starts[first]
        # The page's turns picked by id first: with the tables it shows joined in, SQLite walks
        # all of a speaker's turns rather than the (speaker, segment) index.
        page = list(in_place.values_list("pk", flat=True)[skip : skip + stop - start])
        loaded = Turn.objects.for_display().in_bulk(page)
        return [loaded[pk] for pk in page]


class SegmentEvent(models.Model):
    """One entry in a segment's history: who did what to it, and when."""

    class Action(models.TextChoices):
        INGESTED = "ingested", "Ingested"
        EDITED = "edited", "Edited"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        SPEAKER_REASSIGNED = "reassigned", "Speaker reassigned"
        SPEAKERS_MERGED = "merged", "Speakers merged"
        REPARSED = "reparsed", "Re-parsed"

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="segment_events",
        help_text="Empty when the change came from the command line.",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    message = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.segment}"


class ContentVersion(models.Model):
    """The archive's content version: one row, bumped whenever anything public may have changed.

    Stored pages and ETags carry it, so that a publish or an edit in one worker reaches every
    worker and server that shares the database (interviews.caching).
    """

    number = models.PositiveBigIntegerField(default=0)
    changed = models.DateTimeField()

    def __str__(self) -> str:
        return f"Content version {self.number} ({self.changed:%Y-%m-%d %H:%M:%S})"


class TalkingPointQuerySet(models.QuerySet):
    def repeated(self, *, start=None, end=None):
        """Talking points said in published turns by two speakers or more, or on two dates or more.

        Each carries `times` (turns saying it), `speakers` and `dates` counts, within the air
        dates given; the most repeated first.
        """
        within = models.Q(passages__turn__segment__status=Segment.Status.PUBLISHED)
        if start:
            within &= models.Q(passages__turn__segment__air_date__gte=start)
        if end:
            within &= models.Q(passages__turn__segment__air_date__lte=end)
        return (
            self.annotate(
                times=models.Count("passages__turn", filter=within, distinct=True),
                speakers=models.Count("passages__turn__speaker", filter=within, distinct=True),
                dates=models.Count(
                    "passages__turn__segment__air_date", filter=within, distinct=True
                ),
            )
            .filter(models.Q(speakers__gte=2) | models.Q(dates__gte=2))
            .order_by("-times", "-speakers", "pk")
        )


class TalkingPoint(TimeStamped):
    """A passage said near-identically in several turns: a repeated talking point.

    Found by `interviews.services.talking_points`; `text` is one wording of it, its passages
    are every turn that says it.
    """

    text = models.TextField()

    objects = TalkingPointQuerySet.as_manager()

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("interviews:talking_point", args=[self.pk])


class TalkingPointPassageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(turn__segment__status=Segment.Status.PUBLISHED)

    def echoes_of(self, turn: "Turn"):
        """The passages that say what `turn` says, by someone else or in another segment."""
        return (
            self.published()
            .filter(talking_point__passages__turn=turn)
            .exclude(turn__segment=turn.segment_id, turn__speaker=turn.speaker_id)
            .distinct()
        )


class TalkingPointPassage(TimeStamped):
    """Where a turn says a talking point: the sentence, by character offsets into its text."""

    talking_point = models.ForeignKey(
        TalkingPoint, on_delete=models.CASCADE, related_name="passages"
    )
    turn = models.ForeignKey(
        "Turn", on_delete=models.CASCADE, related_name="talking_point_passages"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    objects = TalkingPointPassageQuerySet.as_manager()

    class Meta:
        ordering = ["talking_point", "turn__segment__air_date", "turn_id"]
        constraints = [
            models.UniqueConstraint(fields=["turn", "start"], name="one_passage_per_position")
        ]

    def __str__(self) -> str:
        return f"{self.turn}: {self.text[:60]}"
