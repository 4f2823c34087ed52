from django.urls import path

from interviews import quote_views, views
from interviews.feeds import SearchFeed

app_name = "interviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/quotes.csv", views.search_export, {"format": "csv"}, name="search_csv"),
    path("search/quotes.json", views.search_export, {"format": "json"}, name="search_json"),
    path("search/feed/", SearchFeed(), name="search_feed"),
    path("search/speakers.json", views.speaker_suggestions, name="speaker_suggest"),
    path(
        "segments/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.segment_detail,
        name="segment",
    ),
    path("segments/<slug:slug>/", views.segment_detail, name="segment_undated"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("programs/<slug:slug>/", views.program_detail, name="program"),
    path("quote-check/", quote_views.quote_check_page, name="quote_check"),
    path("meaning/", quote_views.meaning_search_page, name="meaning_search"),
    path("quotes/<int:pk>/similar/", quote_views.similar_quotes_page, name="similar_quotes"),
    path("talking-points/", quote_views.talking_points_page, name="talking_points"),
    path("talking-points/<int:pk>/", quote_views.talking_point_page, name="talking_point"),
]
