"""factory_boy factories for business partner pages."""

from partners.models import PartnerPage
from tests.cms.factories import ProfilePageFactory


class PartnerPageFactory(ProfilePageFactory):
    class Meta:
        model = PartnerPage
