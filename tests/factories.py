"""factory_boy factories for people and organisations (directory data comes through the import)."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from cms.models import Membership, Organisation

PASSWORD = "Kooperacja-test-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"osoba{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organizacja {n}")
    kind = Organisation.Kind.COOPERATIVE
    approved = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    status = Membership.Status.ACTIVE


def member_of(organisation):
    """A new person with an active membership of ``organisation`` and the rights it gives."""
    from cms import roles

    membership = MembershipFactory(organisation=organisation)
    roles.sync_user_rights(membership.user)
    return membership.user
