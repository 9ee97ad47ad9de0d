"""factory_boy factories for workshop (WTZ) pages."""

from tests.cms.factories import ProfilePageFactory
from workshops.models import WorkshopPage


class WorkshopPageFactory(ProfilePageFactory):
    class Meta:
        model = WorkshopPage
