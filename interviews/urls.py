from django.urls import path
from django.views.decorators.http import require_safe

from interviews import quote_views, views
from interviews.feeds import SearchFeed

app_name = "interviews"

# The public site only reads: anything but GET or HEAD is refused with 405, so no public
# address can ever be made to write, whatever a view comes to do later.
urlpatterns = [
    path(route, require_safe(view), *rest, name=name)
    for route, view, *rest, name in [
        ("", views.home, "home"),
        ("search/", views.search, "search"),
        ("search/quotes.csv", views.search_export, {"format": "csv"}, "search_csv"),
        ("search/quotes.json", views.search_export, {"format": "json"}, "search_json"),
        ("search/feed/", SearchFeed(), "search_feed"),
        ("search/speakers.json", views.speaker_suggestions, "speaker_suggest"),
        (
            "segments/<int:year>/<str:month>/<str:day>/<slug:slug>/",
            views.segment_detail,
            "segment",
        ),
        ("segments/<slug:slug>/", views.segment_detail, "segment_undated"),
        ("speakers/", views.speaker_list, "speakers"),
        ("speakers/<slug:slug>/", views.speaker_detail, "speaker"),
        ("topics/", views.topic_list, "topics"),
        ("topics/<slug:slug>/", views.topic_detail, "topic"),
        ("programs/", views.program_list, "programs"),
        ("programs/<slug:slug>/", views.program_detail, "program"),
        ("quote-check/", quote_views.quote_check_page, "quote_check"),
        ("meaning/", quote_views.meaning_search_page, "meaning_search"),
        ("quotes/<int:pk>/similar/", quote_views.similar_quotes_page, "similar_quotes"),
        ("talking-points/", quote_views.talking_points_page, "talking_points"),
        ("talking-points/<int:pk>/", quote_views.talking_point_page, "talking_point"),
    ]
]
