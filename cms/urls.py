"""URL map: admin and API without a language prefix; pages in Polish (no prefix) or under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.utils import timezone
from django.utils.functional import lazy
from django.views.decorators.http import last_modified
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.accounts.admin_login import admin_login
from cms.api import api
from cms.map.views import partnership_map
from search.views import directory_search

# When this process started: the scripts' translations are as old as that.
STARTED = timezone.now()

# A plain page (JSON on the API), and 503 while the database is unreachable.
handler500 = "cms.errors.server_error"

urlpatterns = [
    # Django's own admin is not mounted: Wagtail's admin does all the work, and one login
    # door (allauth's, rate-limited, with the second factor) is easier to guard than three.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Browsers ask for /favicon.ico whatever the page says: send them to the icon.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
    path("api/v1/", api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The language switcher links to each page's address in the other language
# (cms_tags.language_switcher); Django's set_language view stays for forms posted to it.
urlpatterns += i18n_patterns(
    path("i18n/", include("django.conf.urls.i18n")),
    # The translations our scripts use (cms/locale/*/djangojs.po), with Polish plurals: the
    # map's "2 miejsca". They change only with a deployment, which restarts the process.
    path(
        "jsi18n/",
        last_modified(lambda request: STARTED)(JavaScriptCatalog.as_view(packages=["cms"])),
        name="javascript-catalog",
    ),
    path("", include("cms.home.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("cms.accounts.urls")),
    path("notifications/", include("cms.notifications.urls")),
    path("search/", directory_search, name="directory-search"),
    path("map/", partnership_map, name="partnership-map"),
    path("", include("partners.urls")),
    path("", include("cms.verification.urls")),
    path("", include("cms.dashboard.urls")),
    path("", include("cms.publications.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
