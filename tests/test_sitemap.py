import pytest

from tests.factories import AppearanceFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_published_segments_and_who_appears_in_them(client):
    appearance = AppearanceFactory(speaker__name="Ann Public")
    appearance.segment.topics.create(name="Housing", slug="housing")

    index = client.get("/sitemap.xml").content.decode()
    segments = client.get("/sitemap-segments.xml").content.decode()
    speakers = client.get("/sitemap-speakers.xml").content.decode()

    assert "http://testserver/sitemap-segments.xml" in index
    assert appearance.segment.get_absolute_url() in segments
    assert appearance.speaker.get_absolute_url() in speakers
    assert "/topics/housing/" in client.get("/sitemap-topics.xml").content.decode()
    assert (
        appearance.segment.program.get_absolute_url()
        in client.get("/sitemap-programs.xml").content.decode()
    )


def test_the_sitemap_lists_the_home_page_and_the_directories(client):
    assert "http://testserver/sitemap-pages.xml" in client.get("/sitemap.xml").content.decode()
    pages = client.get("/sitemap-pages.xml").content.decode()

    for path in ("/", "/programs/", "/topics/", "/speakers/"):
        assert f"<loc>http://testserver{path}</loc>" in pages


def test_drafts_and_the_people_only_they_mention_stay_out_of_the_sitemap(client):
    draft = AppearanceFactory(segment__status="draft", speaker__name="Embargoed Person")
    draft.segment.topics.create(name="Secret topic", slug="secret-topic")

    everything = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ("segments", "speakers", "topics", "programs")
    )

    assert draft.segment.slug not in everything
    assert draft.speaker.slug not in everything
    assert "secret-topic" not in everything
    assert draft.segment.program.slug not in everything


def test_an_unknown_sitemap_section_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-segments.xml?p=abc").status_code == 404
