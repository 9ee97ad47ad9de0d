"""URLs of the organisation membership pages (under /organisations/, or /en/organisations/)."""

from django.urls import path

from cms.accounts import views

urlpatterns = [
    path("", views.my_organisations, name="my-organisations"),
    path("join/", views.request_to_join, name="join-organisation"),
    path("<int:organisation_id>/invite/", views.invite, name="invite-to-organisation"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("requests/<int:membership_id>/", views.decide, name="decide-membership"),
]
