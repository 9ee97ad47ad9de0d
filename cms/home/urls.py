"""URLs of the home page's box (under the language prefix, see cms/urls.py)."""

from django.urls import path

from cms.home import views

urlpatterns = [
    path("find/", views.find, name="find"),
    path("find/save/", views.save_need, name="save-need"),
]
