"""The editor's journey in the admin: add a transcript, correct it in a preview, save or publish.

Between the steps the parse lives in the session (`TranscriptDraft.to_dict()`), never in the
database: nothing is written until the editor saves, and then all of it in one transaction.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify

from interviews.forms import SegmentDetailsForm, TranscriptForm
from interviews.models import Program, Role, Segment, Speaker, Turn
from interviews.services.drafts import (
    DraftError,
    TranscriptDraft,
    draft_speaker_add,
    draft_speaker_assign,
    draft_speaker_update,
    draft_turn_split,
    draft_turns_merge,
    split_points,
)
from interviews.services.ingest import (
    program_get_or_create,
    segment_ingest,
    speaker_find,
    topic_get_or_create,
)
from interviews.services.topics import topic_suggest

SESSION_KEY = "transcript_drafts"
# Drafts kept per session: enough for a few tabs, while bounding what a session can hold.
MAX_DRAFTS = 5
UNIDENTIFIED = ""


def _drafts(request: HttpRequest) -> dict:
    return request.session.setdefault(SESSION_KEY, {})


def _draft_store(request: HttpRequest, token: str, entry: dict) -> None:
    drafts = _drafts(request)
    drafts.pop(token, None)
    while len(drafts) >= MAX_DRAFTS:
        drafts.pop(next(iter(drafts)))
    drafts[token] = entry
    request.session.modified = True


def _draft_discard(request: HttpRequest, token: str) -> None:
    _drafts(request).pop(token, None)
    request.session.modified = True


def transcript_add(model_admin: ModelAdmin, request: HttpRequest) -> HttpResponse:
    """Step 1: paste or upload a transcript; a good one goes on to the preview."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = TranscriptForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        transcript = form.cleaned_data["transcript"]
        draft = TranscriptDraft(transcript=transcript, raw_text=form.cleaned_data["raw_text"])
        token = uuid.uuid4().hex
        _draft_store(
            request,
            token,
            {
                "draft": draft.to_dict(),
                "suggestions": topic_suggest(transcript=transcript),
                "details": {
                    "title": transcript.headline(),
                    "summary": transcript.summary,
                    "program": transcript.program,
                    "air_date": transcript.air_date or "",
                    "source_url": transcript.source_url,
                },
            },
        )
        return redirect("admin:interviews_segment_preview", token=token)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Add a transcript",
        "form": form,
    }
    return TemplateResponse(request, "admin/interviews/segment/transcript_add.html", context)


def transcript_preview(model_admin: ModelAdmin, request: HttpRequest, token: str) -> HttpResponse:
    """Step 2: the parse as the public will see it; corrections; then save as draft or publish."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    entry = _drafts(request).get(token)
    try:
        draft = TranscriptDraft.from_dict(entry["draft"]) if entry else None
    except DraftError as exc:
        messages.error(request, str(exc))
        draft = None
    if draft is None:
        if entry is None:
            messages.warning(request, "That preview has expired or was already saved.")
        _draft_discard(request, token)
        return redirect("admin:interviews_segment_add")

    if request.method == "POST":
        details = SegmentDetailsForm(request.POST, suggestions=entry["suggestions"])
        # Every button posts the whole page, so what the editor typed in the details survives
        # a correction; it is kept as typed and validated only on saving.
        entry["details"] = {
            name: request.POST.getlist(name)
            if name == "suggested_topics"
            else request.POST.get(name, "")
            for name in details.fields
        }
        action = request.POST.get("action", "")
        if action in ("save_draft", "publish"):
            response = _save(request, draft, details, publish=action == "publish")
            if response is not None:
                _draft_discard(request, token)
                return response
        else:
            try:
                notice = _correct(draft, action, request.POST)
            except DraftError as exc:
                messages.error(request, str(exc))
            else:
                if notice:
                    messages.success(request, notice)
            entry["draft"] = draft.to_dict()
            _draft_store(request, token, entry)
            return redirect(
                reverse("admin:interviews_segment_preview", kwargs={"token": token})
                + _anchor(action)
            )
    else:
        details = SegmentDetailsForm(initial=entry["details"], suggestions=entry["suggestions"])

    rows = _preview_turns(draft, title=entry["details"].get("title", ""))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Check the transcript before saving",
        "details": details,
        "draft": draft,
        "speakers": draft.transcript.speakers,
        "turns": rows,
        "checks": [row for row in rows if row["needs_checking"]],
        "roles": Role.choices,
        "programs": Program.objects.values_list("name", flat=True),
        "unidentified": UNIDENTIFIED,
    }
    return TemplateResponse(request, "admin/interviews/segment/transcript_preview.html", context)


def _anchor(action: str) -> str:
    """Back to the turn that was just corrected, so a long transcript does not lose the place."""
    _, _, index = action.partition(":")
    return f"#turn-{int(index) + 1}" if index.isdigit() else ""


def _correct(draft: TranscriptDraft, action: str, data) -> str:
    """Apply one correction from the preview; returns what to tell the editor."""
    verb, _, index_text = action.partition(":")
    if verb == "add_speaker":
        name = draft_speaker_add(
            draft,
            name=data.get("new_speaker_name", ""),
            role=data.get("new_speaker_role", Role.UNKNOWN),
            affiliation=data.get("new_speaker_affiliation", ""),
        )
        return f"{name} can now be chosen for any turn."
    if not index_text.isdigit():
        return ""
    index = int(index_text)
    if verb == "assign":
        chosen = data.get(f"speaker_{index}", UNIDENTIFIED)
        typed = data.get(f"new_speaker_{index}", "").strip()
        name = draft_speaker_add(draft, name=typed) if typed else chosen or None
        others = draft_speaker_assign(draft, turn=index, name=name)
        also = f" and {others} more of the same voice are" if others else " is"
        return f"Turn {index + 1}{also} now spoken by {name or 'an unidentified speaker'}."
    if verb == "speaker":
        speaker = (
            draft.transcript.speakers[index] if index < len(draft.transcript.speakers) else None
        )
        if speaker is None:
            raise DraftError("That speaker is no longer in the transcript.")
        draft_speaker_update(
            draft,
            name=speaker.name,
            role=data.get(f"role_{index}", speaker.role),
            affiliation=data.get(f"affiliation_{index}", speaker.affiliation),
        )
        return f"{speaker.name}'s role and affiliation are updated."
    if verb == "merge":
        draft_turns_merge(draft, turn=index)
        return f"Turns {index + 1} and {index + 2} are now one."
    if verb == "split":
        at = data.get(f"split_{index}", "")
        if not at.isdigit():
            raise DraftError(f"Choose where to split turn {index + 1}.")
        draft_turn_split(draft, turn=index, at=int(at))
        return f"Turn {index + 1} is now two turns; check the second one's speaker."
    return ""


def _save(
    request: HttpRequest, draft: TranscriptDraft, details: SegmentDetailsForm, *, publish: bool
) -> HttpResponse | None:
    """Write the corrected transcript as one segment; None (with the errors shown) if it cannot."""
    if not details.is_valid():
        messages.error(request, "Please correct the details below before saving.")
        return None
    data = details.cleaned_data
    draft.transcript.title, draft.transcript.summary = data["title"], data["summary"]
    try:
        # The program and topics are created in the same transaction as the segment: a failure
        # leaves none of them behind.
        with transaction.atomic():
            result = segment_ingest(
                transcript=draft.transcript,
                raw_text=draft.raw_text,
                status=Segment.Status.PUBLISHED if publish else Segment.Status.DRAFT,
                program=program_get_or_create(name=data["program"]) if data["program"] else None,
                topics=[topic_get_or_create(name=name) for name in details.topic_names()],
                air_date=data["air_date"],
                source_url=data["source_url"],
                edited=draft.edited,
                user=request.user,
            )
    except DatabaseError:
        messages.error(
            request, "The transcript could not be saved; nothing was written. Try again."
        )
        return None
    segment = result.segment
    change_url = reverse("admin:interviews_segment_change", args=[segment.pk])
    if not result.created:
        messages.warning(
            request,
            format_html("This transcript is already in the archive, as “{}”.", segment.title),
        )
    elif publish:
        messages.success(request, published_message(segment))
    else:
        messages.success(
            request,
            format_html("“{}” is saved as a draft: only editors can see it.", segment.title),
        )
    return HttpResponseRedirect(change_url)


def published_message(segment: Segment) -> str:
    """What an editor is told once a segment is public."""
    return format_html(
        '“{}” is published and searchable. <a href="{}">See it on the site</a>.',
        segment.title,
        segment.get_absolute_url(),
    )


def _preview_turns(draft: TranscriptDraft, *, title: str) -> list[dict]:
    """Each turn as an unsaved `Turn`, so the public partial renders it exactly as it will be."""
    title = title or draft.transcript.headline() or "Untitled transcript"
    segment = Segment(title=title, slug=slugify(title) or "untitled")
    speakers: dict[str, Speaker] = {}
    affiliations: dict[str, str] = {}
    for parsed in draft.transcript.speakers:
        speakers[parsed.name] = speaker_find(parsed.name) or Speaker(
            name=parsed.name, slug=slugify(parsed.name) or "speaker"
        )
        affiliations[parsed.name] = parsed.affiliation
    rows = []
    to_check = draft.turns_to_check()
    for index, parsed in enumerate(draft.transcript.turns):
        edited = draft.edited[index]
        turn = Turn(
            segment=segment,
            sequence=index + 1,
            speaker=speakers.get(parsed.speaker) if parsed.speaker else None,
            role=parsed.role,
            text=parsed.text,
            speaker_label=parsed.label,
            attribution=Turn.Attribution.EDITOR if edited else parsed.attribution,
            confidence=1.0 if edited else parsed.confidence,
            start_seconds=parsed.start,
            paragraph_starts=parsed.paragraph_starts,
        )
        turn.affiliation = affiliations.get(parsed.speaker or "", "")
        rows.append(
            {
                "index": index,
                "turn": turn,
                "speaker_name": parsed.speaker or UNIDENTIFIED,
                "who": parsed.speaker
                or turn.voice
                or f"unidentified {turn.get_role_display().lower()}",
                "needs_checking": index in to_check,
                "split_points": split_points(parsed.text),
                "is_last": index == len(draft.transcript.turns) - 1,
            }
        )
    return rows
