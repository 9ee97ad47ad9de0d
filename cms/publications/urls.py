"""The events list and the feeds (the pages themselves are Wagtail's to serve)."""

from django.urls import path

from cms.publications.feeds import NewsFeed
from cms.publications.views import events, events_calendar

urlpatterns = [
    path("events/", events, name="events"),
    path("events/calendar.ics", events_calendar, name="events-calendar"),
    path("news/feed.xml", NewsFeed(), name="news-feed"),
]
