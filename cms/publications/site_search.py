"""Publications in the site search (/search/).

The directory's search is Elasticsearch, owned by the matcher (search/): its documents,
analysis and ranking are about who can do a job, not about articles. Publications are content
pages, so they go through Wagtail's search backend, the database one this site configures
(architecture.md: "CMS page search: Wagtail's database search backend"), which Wagtail keeps
current on every publish. It keeps working while Elasticsearch is down.
"""

from wagtail.models import Page

from cms.models.publications import published

LIMIT = 10


def find_publications(words: str, limit: int = LIMIT) -> list[Page]:
    """Live public news, guides and events matching ``words``, best first (their specific
    pages, so that the English title is at hand)."""
    words = (words or "").strip()
    if not words:
        return []
    found = [page.pk for page in published().search(words)[:limit]]
    pages = Page.objects.filter(pk__in=found).specific().in_bulk()
    return [pages[pk] for pk in found if pk in pages]
