"""URLs of the organisation membership pages (under /organisations/, or /en/organisations/)."""

from django.urls import path

from cms.accounts import views

urlpatterns = [
    path("", views.my_organisations, name="my-organisations"),
    path("join/", views.request_to_join, name="join-organisation"),
    path("<int:organisation_id>/invite/", views.invite, name="invite-to-organisation"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("requests/<int:membership_id>/", views.decide, name="decide-membership"),
    path("register/", views.register_organisation, name="register-organisation"),
    path("claim/", views.claim_search, name="claim-search"),
    path("claim/<int:page_id>/", views.claim_profile, name="claim-profile"),
    path("queue/", views.joining_queue, name="joining-queue"),
    path(
        "queue/registrations/<int:pk>/",
        views.decide_joining,
        {"what": "registration"},
        name="decide-registration",
    ),
    path("queue/claims/<int:pk>/", views.decide_joining, {"what": "claim"}, name="decide-claim"),
]
