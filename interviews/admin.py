"""The admin, arranged for editors: add, correct and publish transcripts, and tidy speakers.

Every change that the public could see goes through a service in `interviews.services`, which
records it in the segment's history and re-syncs the search index once the change commits.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import construct_change_message
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from interviews import admin_views
from interviews.forms import SpeakerAliasForm, SpeakerForm, TurnForm
from interviews.models import (
    Appearance,
    Program,
    Segment,
    SegmentEvent,
    Speaker,
    SpeakerAlias,
    Topic,
    Turn,
)
from interviews.services.history import segment_event_record
from interviews.services.ingest import IngestError
from interviews.services.publishing import (
    segment_delete,
    segment_edit_record,
    segment_publish,
    segment_unpublish,
    segments_index_sync_on_commit,
)
from interviews.services.reparse import segment_reparse
from interviews.services.speakers import (
    SpeakerMergeError,
    speaker_edit_apply,
    speaker_merge,
    speaker_segment_ids,
)

admin.site.site_header = "Interview Archive: editors"
admin.site.site_title = "Interview Archive admin"
admin.site.index_title = "Transcripts, speakers and topics"


class IndexFollowsAdmin(admin.ModelAdmin):
    """Re-index the segments an object shows in after it is saved or deleted.

    Topic and program names, affiliations and turns are all in the search documents, so a change
    to any of them must reach the index, once the admin's transaction commits.
    """

    def segment_ids(self, obj) -> set[int]:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        segments_index_sync_on_commit(self.segment_ids(obj))

    def delete_model(self, request, obj):
        ids = self.segment_ids(obj)
        super().delete_model(request, obj)
        segments_index_sync_on_commit(ids)

    def delete_queryset(self, request, queryset):
        ids = set().union(*(self.segment_ids(obj) for obj in queryset))
        super().delete_queryset(request, queryset)
        segments_index_sync_on_commit(ids)


@admin.register(Program)
class ProgramAdmin(IndexFollowsAdmin):
    list_display = ["name", "slug", "modified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def segment_ids(self, program: Program) -> set[int]:
        return set(program.segments.values_list("pk", flat=True)) if program.pk else set()


@admin.register(Topic)
class TopicAdmin(IndexFollowsAdmin):
    list_display = ["name", "slug", "modified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def segment_ids(self, topic: Topic) -> set[int]:
        return set(topic.segments.values_list("pk", flat=True)) if topic.pk else set()


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    autocomplete_fields = ["speaker"]


class TurnInline(admin.StackedInline):
    model = Turn
    form = TurnForm
    extra = 0
    fields = [
        ("sequence", "speaker", "role"),
        ("attribution", "confidence", "speaker_label"),
        "text",
    ]
    readonly_fields = ["attribution", "confidence", "speaker_label"]
    autocomplete_fields = ["speaker"]
    ordering = ["sequence"]


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "air_date", "status", "turn_count", "modified"]
    list_filter = ["status", "program", "source_format", "air_date", "topics"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "air_date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics"]
    readonly_fields = ["status", "content_hash", "source_format", "created", "modified"]
    inlines = [AppearanceInline, TurnInline]
    actions = ["publish_selected", "unpublish_selected"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_form_template = "admin/interviews/segment/change_form.html"
    object_history_template = "admin/interviews/segment/object_history.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program").annotate(Count("turns"))

    def get_urls(self):
        own = [
            path(
                "preview/<str:token>/",
                self.admin_site.admin_view(self.preview_view),
                name="interviews_segment_preview",
            ),
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(require_POST(self.publish_view)),
                name="interviews_segment_publish",
            ),
            path(
                "<int:pk>/unpublish/",
                self.admin_site.admin_view(require_POST(self.unpublish_view)),
                name="interviews_segment_unpublish",
            ),
            path(
                "<int:pk>/reparse/",
                self.admin_site.admin_view(require_POST(self.reparse_view)),
                name="interviews_segment_reparse",
            ),
        ]
        return own + super().get_urls()

    @admin.display(description="Turns", ordering="turns__count")
    def turn_count(self, segment: Segment) -> int:
        return segment.turns__count

    # Adding: the paste-or-upload form and its preview, instead of an empty segment form.
    def add_view(self, request, form_url="", extra_context=None):
        return admin_views.transcript_add(self, request)

    def preview_view(self, request, token):
        return admin_views.transcript_preview(self, request, token)

    # Publishing, from the buttons on a segment's page and from the list's actions.
    def _segment_for_change(self, request: HttpRequest, pk: int) -> Segment:
        segment = get_object_or_404(Segment, pk=pk)
        if not self.has_change_permission(request, segment):
            raise PermissionDenied
        return segment

    def _back_to(self, segment: Segment) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:interviews_segment_change", args=[segment.pk]))

    @staticmethod
    def _unpublished_message(segment: Segment) -> str:
        return f"“{segment.title}” is a draft again: off the site and out of search."

    @staticmethod
    def _already_message(segment: Segment) -> str:
        return f"“{segment.title}” was already {segment.get_status_display().lower()}."

    def publish_view(self, request, pk):
        segment = self._segment_for_change(request, pk)
        if segment_publish(segment=segment, user=request.user):
            messages.success(request, admin_views.published_message(segment))
        else:
            messages.info(request, self._already_message(segment))
        return self._back_to(segment)

    def unpublish_view(self, request, pk):
        segment = self._segment_for_change(request, pk)
        if segment_unpublish(segment=segment, user=request.user):
            messages.success(request, self._unpublished_message(segment))
        else:
            messages.info(request, self._already_message(segment))
        return self._back_to(segment)

    def reparse_view(self, request, pk):
        segment = self._segment_for_change(request, pk)
        try:
            result = segment_reparse(segment=segment, user=request.user)
        except IngestError as exc:
            messages.error(
                request, f"The transcript could not be parsed again: {exc} Nothing changed."
            )
            return self._back_to(segment)
        lost = (
            f" {result.corrections_lost} corrections were dropped because their text changed."
            if result.corrections_lost
            else ""
        )
        messages.success(
            request,
            f"Parsed again: {result.turns_before} turns before, {result.turns_after} now, "
            f"{result.turns_changed} of them changed; "
            f"{result.corrections_kept} of your corrections kept.{lost}",
        )
        return self._back_to(segment)

    @admin.action(description="Publish selected segments", permissions=["change"])
    def publish_selected(self, request, queryset: QuerySet[Segment]):
        changed = sum(segment_publish(segment=s, user=request.user) for s in queryset)
        messages.success(request, f"{changed} segments published; the others already were.")

    @admin.action(description="Unpublish selected segments (back to draft)", permissions=["change"])
    def unpublish_selected(self, request, queryset: QuerySet[Segment]):
        changed = sum(segment_unpublish(segment=s, user=request.user) for s in queryset)
        messages.success(
            request, f"{changed} segments taken back to draft; the others were drafts."
        )

    # Editing and deleting: recorded, and the index follows.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            message = _change_summary(construct_change_message(form, formsets, False))
            segment_edit_record(segment=form.instance, user=request.user, message=message)

    def save_formset(self, request, form, formset, change):
        reassigned = []
        if formset.model is Turn:
            for turn_form in formset.forms:
                if turn_form.instance.pk and "speaker" in turn_form.changed_data:
                    before = turn_form.initial.get("speaker")
                    reassigned.append((turn_form, before))
        super().save_formset(request, form, formset, change)
        for turn_form, before in reassigned:
            turn = turn_form.instance
            was = Speaker.objects.filter(pk=before).first() if before else None
            segment_event_record(
                segment=form.instance,
                action=SegmentEvent.Action.SPEAKER_REASSIGNED,
                user=request.user,
                message=f"Turn {turn.sequence}: {turn.speaker_name} (was {was or 'unidentified'}).",
            )

    def delete_model(self, request, segment):
        segment_delete(segment=segment)

    def delete_queryset(self, request, queryset):
        for segment in queryset:
            segment_delete(segment=segment)

    def history_view(self, request, object_id, extra_context=None):
        segment = get_object_or_404(Segment, pk=object_id)
        if not self.has_view_or_change_permission(request, segment):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": segment,
            "title": f"History: {segment}",
            "events": segment.events.select_related("user"),
        }
        return TemplateResponse(request, self.object_history_template, context)


def _change_summary(change_message: list) -> str:
    """The admin's structured change message, in words."""
    parts = []
    for entry in change_message:
        for verb, detail in entry.items():
            fields = ", ".join(detail.get("fields", []))
            what = f"{detail['name']} “{detail['object']}”" if "object" in detail else ""
            parts.append(" ".join(p for p in [verb.capitalize(), what, fields] if p))
    return "; ".join(parts) or "Saved without changes."


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    fields = ["name"]
    extra = 1
    verbose_name = "other name"
    verbose_name_plural = "Other names (an ingest that meets one of these finds this speaker)"


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    form = SpeakerForm
    list_display = ["name", "honorific", "affiliation", "turn_count", "modified"]
    search_fields = ["name", "affiliation", "key", "aliases__name"]
    readonly_fields = ["old_addresses", "created", "modified"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerAliasInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("turns", distinct=True))

    @admin.display(description="Turns", ordering="turns__count")
    def turn_count(self, speaker: Speaker) -> int:
        return speaker.turns__count

    @admin.display(description="Old addresses (they redirect here)")
    def old_addresses(self, speaker: Speaker) -> str:
        slugs = speaker.redirects.values_list("old_slug", flat=True) if speaker.pk else []
        return format_html_join(", ", "/speakers/{}/", ((slug,) for slug in slugs)) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A change form's initial values are the speaker as it was before this save.
        speaker_edit_apply(
            speaker=form.instance,
            previous_slug=form.initial.get("slug", "") if change else "",
            previous_name=form.initial.get("name", "") if change else "",
        )

    def delete_model(self, request, speaker):
        ids = speaker_segment_ids([speaker])
        super().delete_model(request, speaker)
        segments_index_sync_on_commit(ids)

    def delete_queryset(self, request, queryset):
        ids = speaker_segment_ids(queryset)
        super().delete_queryset(request, queryset)
        segments_index_sync_on_commit(ids)

    @admin.action(description="Merge selected speakers…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset: QuerySet[Speaker]):
        speakers = list(queryset.annotate(Count("turns", distinct=True)).order_by("-turns__count"))
        if len(speakers) < 2:
            messages.warning(request, "Tick at least two speakers to merge.")
            return None
        if "keep" in request.POST:
            keep = next((s for s in speakers if str(s.pk) == request.POST["keep"]), None)
            if keep is None:
                messages.error(request, "Choose which speaker to keep.")
            else:
                try:
                    result = speaker_merge(
                        keep=keep, merged=[s for s in speakers if s != keep], user=request.user
                    )
                except SpeakerMergeError as exc:
                    messages.error(request, str(exc))
                    return None
                messages.success(
                    request,
                    f"{', '.join(result.merged_names)} merged into {keep.name}: "
                    f"{result.turns_moved} turns moved, {len(result.segment_ids)} segments "
                    "updated. Their old addresses redirect here.",
                )
                return HttpResponseRedirect(
                    reverse("admin:interviews_speaker_change", args=[keep.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge speakers",
            "speakers": speakers,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/interviews/speaker/merge.html", context)


@admin.register(Appearance)
class AppearanceAdmin(IndexFollowsAdmin):
    list_display = ["speaker", "segment", "role", "affiliation"]
    list_filter = ["role"]
    search_fields = ["speaker__name", "segment__title", "affiliation"]
    autocomplete_fields = ["speaker", "segment"]

    def segment_ids(self, appearance: Appearance) -> set[int]:
        return {appearance.segment_id}


@admin.register(Turn)
class TurnAdmin(IndexFollowsAdmin):
    form = TurnForm
    list_display = ["__str__", "speaker", "role", "attribution", "confidence"]
    list_filter = ["attribution", "role"]
    search_fields = ["text", "speaker__name", "segment__title"]
    autocomplete_fields = ["speaker", "segment"]
    readonly_fields = ["attribution", "confidence"]
    list_select_related = ["segment", "speaker"]

    def segment_ids(self, turn: Turn) -> set[int]:
        return {turn.segment_id}

    def save_model(self, request, turn, form, change):
        super().save_model(request, turn, form, change)
        segment_event_record(
            segment=turn.segment,
            action=SegmentEvent.Action.EDITED,
            user=request.user,
            message=f"Turn {turn.sequence}: {', '.join(form.changed_data) or 'saved'}.",
        )
