"""URLs of the company journey (/needs/, /inquiries/) and of partnerships (or under /en/…)."""

from django.urls import path

from partners import views

urlpatterns = [
    path("needs/", views.my_needs, name="my-needs"),
    path("needs/new/", views.new_need, name="new-need"),
    path("needs/fitting/", views.fitting_needs, name="fitting-needs"),
    path("needs/<slug:slug>/shortlist/<int:cooperative_id>/", views.shortlist, name="shortlist"),
    path("needs/<slug:slug>/inquire/<int:cooperative_id>/", views.inquire, name="inquire"),
    path("needs/<slug:slug>/", views.need_matches, name="need-matches"),
    path("inquiries/", views.inquiries, name="inquiries"),
    path("inquiries/<int:pk>/", views.inquiry, name="inquiry"),
    path("partnerships/", views.partnership_list, name="partnerships"),
    path("partnerships/new/", views.partnership_form, name="new-partnership"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership"),
    path("partnerships/<slug:slug>/edit/", views.partnership_form, name="edit-partnership"),
]
