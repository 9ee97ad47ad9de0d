"""The regional dashboard and the public summary (under the language prefix, see cms/urls.py)."""

from django.urls import path

from cms.dashboard import views

urlpatterns = [
    path("dashboard/", views.regional_dashboard, name="regional-dashboard"),
    path("statistics/", views.regional_statistics, name="regional-statistics"),
]
