"""The notification pages; every rule is a function of :mod:`cms.notices`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms import notices
from cms.models import Notification
from cms.notifications.forms import NotificationSettingsForm

PER_PAGE = 20


@login_required
def notification_list(request):
    page_obj = Paginator(notices.notifications_of(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "cms/notifications/list.html",
        {"page_obj": page_obj, "unread": notices.unread_count(request.user)},
    )


@login_required
def open_notification(request, pk):
    """Mark it read and go where it points (on this site only; else back to the list)."""
    try:
        notification = notices.open_notification(request.user, pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    target = notification.url
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("notifications")


@login_required
@require_POST
def mark_all_read(request):
    count = notices.mark_all_read(request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications")


@login_required
def notification_settings(request):
    form = NotificationSettingsForm(
        request.POST or None, preferences=notices.preferences_of(request.user)
    )
    if request.method == "POST" and form.is_valid():
        notices.set_preferences(request.user, form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notification-settings")
    return render(request, "cms/notifications/settings.html", {"form": form})


# Exempt from CSRF: mail programs send the RFC 8058 one-click POST ("List-Unsubscribe=One-Click")
# without a session or a CSRF token. The signed token in the URL is the proof instead, and it
# can only turn e-mail off, for the person and kinds it names.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button and changes nothing: mail scanners and link previews open every
    link in a message, and would otherwise unsubscribe people who never asked to. POST (the
    button, or the mail program's one-click request) turns the e-mail off."""
    try:
        if request.method == "POST":
            user, kinds = notices.unsubscribe(token)
            done = True
        else:
            user, kinds = notices.read_unsubscribe_token(token)
            done = False
    except ValidationError as error:
        return render(
            request, "cms/notifications/unsubscribe.html", {"error": error.messages[0]}, status=400
        )
    return render(
        request,
        "cms/notifications/unsubscribe.html",
        {"done": done, "email": user.email, "kinds": [kind.label for kind in kinds]},
    )
