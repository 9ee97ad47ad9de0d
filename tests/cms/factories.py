"""factory_boy factories for people, organisations, and the base of every profile page factory."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from cms.kinds import kind_of_model
from cms.models import Membership, Organisation, Voivodeship

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


class RegionalCentreFactory(OrganisationFactory):
    """An approved regional centre (ROPS); Wielkopolska's unless ``voivodeship`` says."""

    name = factory.Sequence(lambda n: f"ROPS {n}")
    kind = Organisation.Kind.REGIONAL_CENTRE
    voivodeship = factory.LazyFunction(lambda: Voivodeship.objects.get(teryt="30"))


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


class ProfilePageFactory(factory.django.DjangoModelFactory):
    """A published profile page below its listing page, made without the import.

    Many-to-many values (``capabilities=[…]``) are set before publishing, so
    the live page and its first revision carry them; ``live=False`` leaves a
    draft nobody has published.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Profil {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    voivodeship = factory.LazyFunction(lambda: Voivodeship.objects.get(teryt="30"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("live", True)
        related = {
            name: kwargs.pop(name)
            for name in list(kwargs)
            if name in {field.name for field in model_class._meta.many_to_many}
            or name == "certificates"
        }
        page = model_class(*args, live=live, **kwargs)
        for name, value in related.items():
            setattr(page, name, value)
        kind_of_model(model_class).index_model.add_profile(page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return page
