"""The pages of the company journey and of partnerships, one module per subject.

Each view validates with a form and calls one function of :mod:`partners.needs`,
:mod:`partners.quotes` or :mod:`partners.partnerships`, which hold the permission
rules.
"""
