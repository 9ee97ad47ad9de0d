"""URLs of the notification pages (under /notifications/, or /en/notifications/)."""

from django.urls import path

from cms.notifications import views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("<int:pk>/", views.open_notification, name="notification"),
    path("read/", views.mark_all_read, name="notifications-read"),
    path("settings/", views.notification_settings, name="notification-settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="notification-unsubscribe"),
]
