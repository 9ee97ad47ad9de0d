"""factory_boy factories for cooperative pages and their certificates."""

from cooperatives.models import CooperativePage
from tests.cms.factories import ProfilePageFactory


class CooperativePageFactory(ProfilePageFactory):
    class Meta:
        model = CooperativePage
