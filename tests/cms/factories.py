"""factory_boy factories for people, organisations, and the base of every profile page factory."""

import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from cms.accounts import second_factor
from cms.kinds import kind_of_model
from cms.models import Membership, Organisation, Voivodeship

PASSWORD = "Kooperacja-test-2026"
# Administrators and regional centre members must have an authenticator app before they may
# use the admin or the dashboard (cms/accounts/second_factor.py). The factories give them one
# with this secret, as they would have set up in real life; pass ``totp=False`` to leave it out
# (``totp=True`` gives it to anyone).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The code an authenticator app with ``secret`` shows now (allauth's own arithmetic);
    a code is accepted once, in the 30-second period it belongs to, so avoid a period's end."""
    if time.time() % 30 > 28:
        time.sleep(2.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _give_authenticator_app(user, wanted) -> None:
    if wanted and not second_factor.has_authenticator_app(user):
        second_factor.set_authenticator_app(user, TOTP_SECRET)


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

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Administrators get an authenticator app (see TOTP_SECRET)."""
        if create:
            _give_authenticator_app(self, self.is_superuser if extracted is None else extracted)


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
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    status = Membership.Status.ACTIVE

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Members of a regional centre get an authenticator app (see TOTP_SECRET)."""
        if create:
            centre = self.organisation.kind == Organisation.Kind.REGIONAL_CENTRE
            _give_authenticator_app(self.user, centre if extracted is None else extracted)


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
