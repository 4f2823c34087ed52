"""The sitemap: every published segment, the speakers, topics and programs shown in them, and
the pages that lead to them."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from interviews.public import public_programs, public_segments, public_speakers, public_topics


class SegmentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return public_segments().order_by("pk").only("slug", "air_date", "modified")

    def lastmod(self, segment):
        return segment.modified


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return public_speakers().order_by("pk").only("slug")


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return public_topics().order_by("pk").only("slug")


class ProgramSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return public_programs().order_by("pk").only("slug")


class PageSitemap(Sitemap):
    """The home page and the directories of programs, topics and speakers."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["home", "programs", "topics", "speakers"]

    def location(self, name):
        return reverse(f"interviews:{name}")


SITEMAPS = {
    "pages": PageSitemap,
    "segments": SegmentSitemap,
    "speakers": SpeakerSitemap,
    "topics": TopicSitemap,
    "programs": ProgramSitemap,
}
