"""Nobody gets in who should not: the admin and every write are staff-only, every form carries
a CSRF token, drafts are nowhere public, and the API only reads."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from haystack import connections
from haystack.query import SearchQuerySet

from interviews.models import ContentVersion, Segment, Turn
from interviews.search_indexes import TurnIndex
from interviews.services.talking_points import talking_points_update
from tests.factories import (
    EditorFactory,
    SegmentFactory,
    SpeakerFactory,
    TurnFactory,
    UserFactory,
    index_segments,
)

pytestmark = pytest.mark.django_db

SECRET_WORD = "clandestine"
DRAFT_TEXT = (
    f"The {SECRET_WORD} negotiations with the harbour authority will resume on Tuesday, "
    "whatever the minister says in public about the harbour."
)


def admin_urls(segment: Segment) -> list[str]:
    """Every admin page of every registered model, and the archive's own admin views."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        opts = model._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    urls += [
        reverse("admin:interviews_segment_change", args=[segment.pk]),
        reverse("admin:interviews_segment_history", args=[segment.pk]),
        reverse("admin:interviews_segment_preview", args=["0" * 32]),
    ]
    return urls


ADMIN_WRITES = [
    "admin:interviews_segment_publish",
    "admin:interviews_segment_unpublish",
    "admin:interviews_segment_reparse",
    "admin:interviews_segment_delete",
]


def content_version() -> int:
    return ContentVersion.objects.values_list("number", flat=True).first() or 0


@pytest.fixture
def draft(db) -> Segment:
    """A draft segment whose speaker has said nothing published, and whose words nobody else
    used; one published echo of it by someone else would make it a talking point."""
    segment = SegmentFactory(status=Segment.Status.DRAFT, air_date=datetime.date(2020, 1, 1))
    TurnFactory(segment=segment, text=DRAFT_TEXT, speaker=SpeakerFactory(name="Dana Draftwell"))
    index_segments(segment)
    return segment


@pytest.mark.parametrize("who", ["anonymous", "signed in, not staff"])
def test_no_admin_page_opens_for_anyone_but_staff(client, draft, who):
    if who != "anonymous":
        client.force_login(UserFactory(username="reader", is_staff=False))

    for url in admin_urls(draft):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.parametrize("who", ["anonymous", "signed in, not staff"])
def test_no_admin_write_works_for_anyone_but_staff(client, draft, who):
    if who != "anonymous":
        client.force_login(UserFactory(username="reader", is_staff=False))
    before = content_version()

    for name in ADMIN_WRITES:
        response = client.post(reverse(name, args=[draft.pk]), {"post": "yes"})
        assert response.status_code == 302 and "/login/" in response["Location"], name
    client.post(reverse("admin:interviews_segment_add"), {"text": "ANNA: Hello there."})

    draft.refresh_from_db()
    assert draft.status == Segment.Status.DRAFT
    assert Segment.objects.count() == 1
    assert content_version() == before


def test_no_public_address_writes_anything_when_posted_to(client, draft, seed_segment):
    public = [
        reverse("interviews:home"),
        reverse("interviews:search"),
        reverse("interviews:search_csv"),
        reverse("interviews:search_feed"),
        reverse("interviews:quote_check"),
        reverse("interviews:talking_points"),
        seed_segment.get_absolute_url(),
        reverse("api:search"),
        reverse("api:segments"),
    ]
    before = (content_version(), Segment.objects.count(), Turn.objects.count())

    for url in public:
        response = client.post(url, {"q": "ghanima", "title": "Defaced"})
        assert response.status_code in (403, 405), url

    assert (content_version(), Segment.objects.count(), Turn.objects.count()) == before


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"method": (attributes.get("method") or "get").lower(), "fields": set()}
            )
        elif tag == "input" and self.forms:
            self.forms[-1]["fields"].add(attributes.get("name"))


def post_forms(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return [form for form in parser.forms if form["method"] == "post"]


def test_every_post_form_an_editor_sees_carries_a_csrf_token(draft):
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(EditorFactory())
    added = editor.get(reverse("admin:interviews_segment_add"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', added.content.decode())[1]
    preview = editor.post(
        reverse("admin:interviews_segment_add"),
        {
            "text": "ANNA SMITH: Hello there, and welcome.\n\nBOB JONES: Thank you.",
            "csrfmiddlewaretoken": token,
        },
    )
    pages = [
        reverse("admin:login"),
        reverse("admin:interviews_segment_add"),
        preview["Location"],
        reverse("admin:interviews_segment_change", args=[draft.pk]),
        reverse("admin:interviews_segment_changelist"),
        reverse("admin:interviews_speaker_changelist"),
        reverse("admin:interviews_turn_change", args=[draft.turns.get().pk]),
        reverse("admin:interviews_segment_delete", args=[draft.pk]),
    ]
    seen = 0
    for url in pages:
        client = Client(enforce_csrf_checks=True) if url == reverse("admin:login") else editor
        for form in post_forms(client.get(url).content.decode()):
            assert "csrfmiddlewaretoken" in form["fields"], url
            seen += 1
    assert seen >= len(pages)


def test_a_write_without_the_csrf_token_is_refused_and_changes_nothing(draft):
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(EditorFactory())
    writes = [
        (reverse("admin:interviews_segment_publish", args=[draft.pk]), {}),
        (reverse("admin:interviews_segment_add"), {"text": "ANNA SMITH: Hello there."}),
        (reverse("admin:interviews_segment_delete", args=[draft.pk]), {"post": "yes"}),
        (
            reverse("admin:interviews_segment_changelist"),
            {"action": "publish_selected", "_selected_action": [draft.pk]},
        ),
    ]
    for url, data in writes:
        assert editor.post(url, data).status_code == 403, url
    assert (
        Client(enforce_csrf_checks=True)
        .post(reverse("admin:login"), {"username": "x", "password": "y"})
        .status_code
        == 403
    )

    draft.refresh_from_db()
    assert draft.status == Segment.Status.DRAFT


def test_a_draft_is_on_no_public_page_feed_export_or_sitemap(client, draft, seed_segment):
    turn = draft.turns.get()

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("interviews:similar_quotes", args=[turn.pk])).status_code == 404
    assert (
        "Dana Draftwell"
        not in client.get(reverse("interviews:search"), {"q": "Dana"}).content.decode()
    )
    speaker_page = client.get(turn.speaker.get_absolute_url()).content.decode()
    assert SECRET_WORD not in speaker_page
    for name in (
        "interviews:search",
        "interviews:search_feed",
        "interviews:search_csv",
        "interviews:search_json",
    ):
        response = client.get(reverse(name), {"q": "harbour"})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET_WORD not in body.decode(), name
    sitemaps = "".join(
        client.get(reverse("sitemaps:section", args=[section])).content.decode()
        for section in ("segments", "speakers")
    )
    assert draft.slug not in sitemaps and turn.speaker.slug not in sitemaps
    quote = client.get(reverse("interviews:quote_check"), {"quote": DRAFT_TEXT}).content.decode()
    assert "Draftwell" not in quote


def test_a_draft_is_not_in_the_api(client, draft):
    turn = draft.turns.get()

    assert client.get(reverse("api:segment", args=[draft.pk])).status_code == 404
    assert client.get(reverse("api:turn", args=[turn.pk])).status_code == 404
    assert client.get(reverse("api:speaker", args=[turn.speaker_id])).status_code == 404
    for name, params in [
        ("api:search", {"q": "harbour"}),
        ("api:segments", {}),
        ("api:turns", {}),
        ("api:speakers", {"q": "Draftwell"}),
    ]:
        assert SECRET_WORD not in client.get(reverse(name), params).content.decode(), name
        assert "Draftwell" not in client.get(reverse(name), params).content.decode(), name


def test_a_draft_is_no_talking_point(client, draft):
    TurnFactory(text=f"As I said: {DRAFT_TEXT}", segment=SegmentFactory())
    talking_points_update()

    assert not draft.turns.get().talking_point_passages.exists()
    assert SECRET_WORD not in client.get(reverse("interviews:talking_points")).content.decode()


def test_a_draft_left_in_the_index_by_mistake_is_still_never_shown(client, draft):
    # Belt and braces: should the index ever hold a draft (a failed sync), reads filter it out.
    connections["default"].get_backend().update(TurnIndex(), list(draft.turns.all()))

    assert SearchQuerySet().filter(content="harbour").count() == 1
    for name in ("interviews:search", "interviews:search_feed", "interviews:search_json"):
        response = client.get(reverse(name), {"q": "harbour"})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET_WORD not in body.decode(), name
    assert SECRET_WORD not in client.get(reverse("api:search"), {"q": "harbour"}).content.decode()
    quote = client.get(reverse("interviews:quote_check"), {"quote": DRAFT_TEXT}).content.decode()
    assert "Draftwell" not in quote


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_refuses_every_write(client, seed_segment, method):
    turn = seed_segment.turns.first()
    urls = [
        reverse("api:index"),
        reverse("api:segments"),
        reverse("api:segment", args=[seed_segment.pk]),
        reverse("api:speakers"),
        reverse("api:turns"),
        reverse("api:turn", args=[turn.pk]),
        reverse("api:topics"),
        reverse("api:programs"),
        reverse("api:search"),
    ]
    before = (content_version(), Turn.objects.count())

    for url in urls:
        response = getattr(client, method)(
            url, {"text": "defaced"}, content_type="application/json"
        )
        assert response.status_code == 405, url
        assert "read-only" in response.json()["detail"]

    assert (content_version(), Turn.objects.count()) == before


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_password_guessing_is_locked_out_with_a_clear_message(client, settings):
    editor = EditorFactory(username="ed")
    editor.set_password("the right horse battery")
    editor.save()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "ed", "wrong guess").status_code == 200
    locked = sign_in(client, "ed", "wrong guess")
    even_right = sign_in(client, "ed", "the right horse battery")

    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "paused for 15 minutes" in locked.content.decode()
    assert even_right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_holds_only_that_username_from_that_address(client, settings):
    editor = EditorFactory(username="ed")
    editor.set_password("the right horse battery")
    editor.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ed", "wrong guess", address="198.51.100.66")

    signed_in = sign_in(client, "ed", "the right horse battery", address="203.0.113.7")

    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_sign_in_clears_the_failures(client, settings):
    editor = EditorFactory(username="ed")
    editor.set_password("the right horse battery")
    editor.save()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "ed", "wrong guess")
    assert sign_in(client, "ed", "the right horse battery").status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "ed", "wrong guess").status_code == 200
