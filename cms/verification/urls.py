"""URLs of the freshness pages (under the language prefix, see cms/urls.py)."""

from django.urls import path

from cms.verification import views

urlpatterns = [
    path("profiles/confirm/<str:token>/", views.confirm_profile, name="confirm-profile"),
    path("dashboard/stale/", views.stale_profiles, name="stale-profiles"),
]
