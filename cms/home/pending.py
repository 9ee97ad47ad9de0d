"""A need typed into the home page's box, kept in the visitor's session until they can save it.

Anyone may see the matches; saving a need, shortlisting and sending inquiries
take an account and a company. "Save this as a need" puts the words in the
session, which survives signing up and logging in (Django keeps a session's
data when it gives it a new key at login), and the new-need form of the
company journey (``partners.views.needs.new_need``) fills itself from it once.
"""

from partners.needs import companies_of

# Read by partners.views.needs.new_need, which takes them out when it shows the form.
TEXT_KEY = "pending_need_text"
TOWN_KEY = "pending_need_town"


def keep(session, text: str, town: str) -> None:
    """Remember what the visitor typed, replacing anything kept before."""
    session[TEXT_KEY] = text
    session[TOWN_KEY] = town


def is_kept(session) -> bool:
    return bool(session.get(TEXT_KEY))


def may_save(user) -> bool:
    """A need belongs to a company: only a company's members may save one."""
    return bool(companies_of(user))
