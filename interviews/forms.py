"""Forms for editors in the admin: adding a transcript, its details, and speakers' names."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html

from interviews import parsing
from interviews.models import Segment, Speaker, SpeakerAlias, Turn
from interviews.services.ingest import (
    IngestError,
    content_hash,
    transcript_parse,
    transcript_size_check,
)
from interviews.services.speakers import speaker_appearance_ensure, speaker_name_holder


class TranscriptForm(forms.Form):
    """Paste a transcript or upload a file; clean() parses it and keeps the result."""

    text = forms.CharField(
        label="Paste the transcript",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField"}),
        strip=False,
    )
    file = forms.FileField(label="or upload a file", required=False)
    format = forms.ChoiceField(
        label="Format",
        choices=[("", "Detect automatically"), *((f, f) for f in parsing.FORMATS)],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            "Any format the archive reads: a page copied or saved from a broadcaster's site, a "
            "labelled transcript (text, Word, RTF or PDF), captions, a CSV table, an archive JSON "
            "export or a speech-to-text service's JSON. Largest accepted: "
            f"{filesizeformat(settings.TRANSCRIPT_MAX_BYTES)}."
        )

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if text.strip() and upload:
            raise forms.ValidationError("Paste a transcript or upload a file, not both.")
        if not text.strip() and not upload:
            raise forms.ValidationError("Paste a transcript or choose a file to upload.")
        try:
            if upload:
                transcript_size_check(upload.size, name=upload.name)
                data = upload.read()
            else:
                transcript_size_check(len(text.encode("utf-8")))
                data = text
            transcript, raw_text = transcript_parse(data, format=cleaned.get("format") or None)
        except IngestError as exc:
            raise forms.ValidationError(str(exc)) from exc
        existing = Segment.objects.filter(content_hash=content_hash(raw_text)).first()
        if existing is not None:
            raise forms.ValidationError(
                format_html(
                    'This transcript is already in the archive, as <a href="{}">“{}”</a>.',
                    reverse("admin:interviews_segment_change", args=[existing.pk]),
                    existing.title,
                )
            )
        cleaned["transcript"], cleaned["raw_text"] = transcript, raw_text
        return cleaned


class SegmentDetailsForm(forms.Form):
    """What the editor says about a transcript in the preview, besides its turns."""

    title = forms.CharField(max_length=300)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    program = forms.CharField(
        max_length=200,
        required=False,
        help_text="Pick one from the list or type a new program's name.",
        widget=forms.TextInput(attrs={"list": "programs"}),
    )
    air_date = forms.DateField(
        required=False, help_text="YYYY-MM-DD", widget=forms.DateInput(attrs={"type": "date"})
    )
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    suggested_topics = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Suggested topics"
    )
    topics = forms.CharField(
        required=False,
        max_length=2000,
        label="Other topics",
        help_text="Separated by commas. Untick a suggestion and type your own wording here.",
    )

    def __init__(self, *args, suggestions: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested_topics"].choices = [(name, name) for name in suggestions]

    def topic_names(self) -> list[str]:
        """The topics chosen: ticked suggestions, then typed ones, each once."""
        typed = [name.strip() for name in self.cleaned_data["topics"].split(",")]
        names: dict[str, str] = {}
        for name in [*self.cleaned_data["suggested_topics"], *typed]:
            if name and name.lower() not in names:
                names[name.lower()] = name[:200]
        return list(names.values())


class SpeakerForm(forms.ModelForm):
    """A speaker's details; refuses a name that already belongs to another speaker."""

    class Meta:
        model = Speaker
        fields = ["name", "slug", "honorific", "affiliation"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        holder = speaker_name_holder(name, exclude=self.instance if self.instance.pk else None)
        if holder is not None:
            raise forms.ValidationError(
                f"“{holder.name}” already has this name. If they are the same person, merge "
                "them: tick both in the speaker list and choose “Merge selected speakers”."
            )
        return name


class SpeakerAliasForm(forms.ModelForm):
    """Another name for a speaker; its key is worked out, and must be no one else's."""

    class Meta:
        model = SpeakerAlias
        fields = ["name"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        key = parsing.speaker_key(name)
        if not key:
            raise forms.ValidationError("An alias needs letters in it.")
        speaker = self.instance.speaker if self.instance.speaker_id else None
        holder = speaker_name_holder(name, exclude=speaker)
        if holder is not None:
            raise forms.ValidationError(f"“{name}” is already the name of “{holder.name}”.")
        self.instance.key = key
        return name


class TurnForm(forms.ModelForm):
    """A turn edited by hand: a changed speaker or role is the editor's, with full confidence."""

    class Meta:
        model = Turn
        fields = [
            "segment",
            "sequence",
            "speaker",
            "speaker_label",
            "role",
            "text",
            "start_seconds",
            "end_seconds",
        ]

    def save(self, commit=True):
        if {"speaker", "role"} & set(self.changed_data):
            self.instance.attribution = Turn.Attribution.EDITOR
            self.instance.confidence = 1.0
        if {"speaker", "segment"} & set(self.changed_data):
            speaker_appearance_ensure(turn=self.instance)
        return super().save(commit)
