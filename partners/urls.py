"""URLs of the company journey (/needs/, /inquiries/, /quotes/, /orders/), of the regional
centres' brokered help (/broker/) and of partnerships
(or under /en/…)."""

from django.urls import path

from partners.views import brokering, inquiries, needs, orders, partnerships, statement

urlpatterns = [
    path("needs/", needs.my_needs, name="my-needs"),
    path("needs/new/", needs.new_need, name="new-need"),
    path("needs/fitting/", needs.fitting_needs, name="fitting-needs"),
    path("needs/<slug:slug>/shortlist/<int:cooperative_id>/", needs.shortlist, name="shortlist"),
    path("needs/<slug:slug>/inquire/<int:cooperative_id>/", needs.inquire, name="inquire"),
    path("needs/<slug:slug>/offer/<int:cooperative_id>/", needs.offer, name="offer"),
    path("needs/<slug:slug>/edit/", needs.edit_need, name="edit-need"),
    path("needs/<slug:slug>/close/", needs.close_need, name="close-need"),
    path("needs/<slug:slug>/request-quotes/", needs.request_quotes, name="request-quotes"),
    path("needs/<slug:slug>/quotes/", orders.compare, name="need-quotes"),
    path("needs/<slug:slug>/quotes/<int:quote_id>/accept/", orders.accept, name="accept-quote"),
    path("needs/<slug:slug>/ask-for-help/", brokering.ask_for_help, name="ask-for-help"),
    path(
        "needs/<slug:slug>/recommended/<int:cooperative_id>/shortlist/",
        brokering.shortlist_recommended,
        name="shortlist-recommended",
    ),
    path("needs/<slug:slug>/", needs.need_matches, name="need-matches"),
    path("broker/", brokering.queue, name="broker-queue"),
    path("broker/needs/<slug:slug>/", brokering.broker_need, name="broker-need"),
    path(
        "broker/needs/<slug:slug>/recommend/<int:cooperative_id>/",
        brokering.recommend,
        name="recommend",
    ),
    path(
        "broker/needs/<slug:slug>/recommend/<int:cooperative_id>/remove/",
        brokering.unrecommend,
        name="unrecommend",
    ),
    path(
        "broker/needs/<slug:slug>/send/", brokering.send_recommendation, name="send-recommendation"
    ),
    path("broker/needs/<slug:slug>/note/", brokering.contact_note, name="contact-note"),
    path("inquiries/", inquiries.inquiries, name="inquiries"),
    path("inquiries/<int:pk>/", inquiries.inquiry, name="inquiry"),
    path("inquiries/<int:pk>/quote/", inquiries.submit_quote, name="submit-quote"),
    path("inquiries/<int:pk>/decline/", inquiries.decline, name="decline-inquiry"),
    path("quotes/<int:pk>/attachment/", inquiries.quote_attachment, name="quote-attachment"),
    path("orders/statement/", statement.statement, name="procurement-statement"),
    path("orders/<slug:slug>/delivered/", orders.delivered, name="order-delivered"),
    path("orders/<slug:slug>/cancel/", orders.cancel, name="cancel-order"),
    path("partnerships/", partnerships.partnership_list, name="partnerships"),
    path("partnerships/new/", partnerships.partnership_form, name="new-partnership"),
    path("partnerships/<slug:slug>/", partnerships.partnership_detail, name="partnership"),
    path("partnerships/<slug:slug>/edit/", partnerships.partnership_form, name="edit-partnership"),
]
