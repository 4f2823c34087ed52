from django.contrib import admin
from django.db import transaction
from django.db.models import Count

from interviews.models import Appearance, Program, Segment, Speaker, Topic, Turn
from interviews.services.indexing import segment_index_sync


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "modified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "modified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    autocomplete_fields = ["speaker"]


class TurnInline(admin.StackedInline):
    model = Turn
    extra = 0
    fields = [
        ("sequence", "speaker", "role"),
        ("attribution", "confidence", "speaker_label"),
        "text",
    ]
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
    readonly_fields = ["content_hash", "source_format", "created", "modified"]
    inlines = [AppearanceInline, TurnInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program").annotate(Count("turns"))

    @admin.display(description="Turns", ordering="turns__count")
    def turn_count(self, segment: Segment) -> int:
        return segment.turns__count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        segment_id = form.instance.pk
        transaction.on_commit(lambda: segment_index_sync(segment_id=segment_id))

    def delete_model(self, request, segment):
        segment_id = segment.pk
        super().delete_model(request, segment)
        transaction.on_commit(lambda: segment_index_sync(segment_id=segment_id))


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "honorific", "affiliation", "modified"]
    search_fields = ["name", "affiliation", "key"]
    readonly_fields = ["key", "created", "modified"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["speaker", "segment", "role", "affiliation"]
    list_filter = ["role"]
    search_fields = ["speaker__name", "segment__title", "affiliation"]
    autocomplete_fields = ["speaker", "segment"]


@admin.register(Turn)
class TurnAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "role", "attribution", "confidence"]
    list_filter = ["attribution", "role"]
    search_fields = ["text", "speaker__name", "segment__title"]
    autocomplete_fields = ["speaker", "segment"]
    list_select_related = ["segment", "speaker"]
