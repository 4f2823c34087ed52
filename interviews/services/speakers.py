"""Editing speakers: merging duplicates, renaming, aliases, with search following at once.

Links never break: a merged speaker's slug, or one an editor changed, redirects to the speaker it
now belongs to (`SpeakerRedirect`), and their old names become aliases (`SpeakerAlias`), so a
later ingest that meets them resolves to the same person.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from interviews import parsing
from interviews.models import Appearance, SegmentEvent, Speaker, SpeakerAlias, SpeakerRedirect, Turn
from interviews.services.history import segment_events_record
from interviews.services.publishing import segments_index_sync_on_commit


class SpeakerMergeError(ValueError):
    """The merge asked for cannot be done; the message says why, for an editor."""


@dataclass(frozen=True)
class MergeResult:
    speaker: Speaker
    merged_names: list[str]
    turns_moved: int
    segment_ids: list[int]


def speaker_segment_ids(speakers: Iterable[Speaker]) -> set[int]:
    """Every segment in which one of these speakers speaks or appears."""
    ids = [speaker.pk for speaker in speakers]
    return set(
        Turn.objects.filter(speaker_id__in=ids).values_list("segment_id", flat=True).distinct()
    ) | set(Appearance.objects.filter(speaker_id__in=ids).values_list("segment_id", flat=True))


def speaker_appearance_ensure(*, turn: Turn) -> None:
    """Make the speaker of `turn` appear in its segment, in the role the turn gives them.

    A segment's speakers, their affiliation on each turn and the most frequent speakers of a
    program are all read through appearances: a turn an editor gives to someone new to the
    segment brings them in, with their current affiliation.
    """
    if turn.speaker_id is not None:
        Appearance.objects.get_or_create(
            segment_id=turn.segment_id,
            speaker_id=turn.speaker_id,
            defaults={"role": turn.role, "affiliation": turn.speaker.affiliation},
        )


def speaker_name_holder(name: str, *, exclude: Speaker | None = None) -> Speaker | None:
    """The speaker (other than `exclude`) whose name or alias is this name, if any."""
    key = parsing.speaker_key(name)
    speakers = Speaker.objects.filter(Q(key=key) | Q(aliases__key=key)).distinct()
    if exclude is not None:
        speakers = speakers.exclude(pk=exclude.pk)
    return speakers.first()


@transaction.atomic
def speaker_merge(
    *, keep: Speaker, merged: Sequence[Speaker], user: AbstractBaseUser | None = None
) -> MergeResult:
    """Merge `merged` into `keep`: their turns, appearances, names and links all move to `keep`.

    Where `keep` already appears in a segment, the merged speaker's appearance there is dropped
    (keep's role and affiliation win). Blank fields of `keep` are filled from the merged ones.
    Every affected segment records the merge in its history and is re-indexed after commit.
    """
    merged = [speaker for speaker in merged if speaker.pk != keep.pk]
    if not merged:
        raise SpeakerMergeError("Choose at least two different speakers to merge.")
    ids = [speaker.pk for speaker in merged]
    keep = Speaker.objects.select_for_update().get(pk=keep.pk)
    segment_ids = speaker_segment_ids(merged)

    turns_moved = Turn.objects.filter(speaker_id__in=ids).update(
        speaker=keep, modified=timezone.now()
    )
    present = set(Appearance.objects.filter(speaker=keep).values_list("segment_id", flat=True))
    for appearance in Appearance.objects.filter(speaker_id__in=ids).order_by("segment_id", "pk"):
        if appearance.segment_id in present:
            appearance.delete()
            continue
        appearance.speaker = keep
        appearance.save(update_fields=["speaker", "modified"])
        present.add(appearance.segment_id)

    SpeakerAlias.objects.filter(speaker_id__in=ids).update(speaker=keep)
    SpeakerAlias.objects.bulk_create(
        SpeakerAlias(speaker=keep, name=speaker.name, key=speaker.key) for speaker in merged
    )
    SpeakerRedirect.objects.filter(speaker_id__in=ids).update(speaker=keep)
    SpeakerRedirect.objects.bulk_create(
        SpeakerRedirect(old_slug=speaker.slug, speaker=keep) for speaker in merged
    )
    for field in ("honorific", "affiliation"):
        if not getattr(keep, field):
            setattr(keep, field, next((getattr(s, field) for s in merged if getattr(s, field)), ""))
    keep.save()
    Speaker.objects.filter(pk__in=ids).delete()

    names = [speaker.name for speaker in merged]
    segment_events_record(
        segment_ids=segment_ids,
        action=SegmentEvent.Action.SPEAKERS_MERGED,
        user=user,
        message=f"{', '.join(names)} merged into {keep.name}.",
    )
    segments_index_sync_on_commit(segment_ids)
    return MergeResult(
        speaker=keep, merged_names=names, turns_moved=turns_moved, segment_ids=sorted(segment_ids)
    )


@transaction.atomic
def speaker_edit_apply(*, speaker: Speaker, previous_slug: str, previous_name: str) -> None:
    """Follow up an editor's change to a speaker (already saved), so nothing breaks.

    A changed slug leaves a redirect from the old one; a changed name becomes the speaker's key
    and the old name an alias; the speaker's segments are re-indexed, so search shows the change.
    """
    if previous_slug and previous_slug != speaker.slug:
        SpeakerRedirect.objects.filter(old_slug=speaker.slug).delete()
        SpeakerRedirect.objects.update_or_create(
            old_slug=previous_slug, defaults={"speaker": speaker}
        )
    key = parsing.speaker_key(speaker.name)
    if key != speaker.key:
        SpeakerAlias.objects.get_or_create(
            key=speaker.key, defaults={"speaker": speaker, "name": previous_name or speaker.name}
        )
        SpeakerAlias.objects.filter(speaker=speaker, key=key).delete()
        speaker.key = key
        speaker.save(update_fields=["key", "modified"])
    segments_index_sync_on_commit(speaker_segment_ids([speaker]))
