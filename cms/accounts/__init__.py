"""Accounts and organisations: my organisations, joining, invitations, approvals."""
