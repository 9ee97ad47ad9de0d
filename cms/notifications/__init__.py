"""The notification pages: a person's list, their e-mail settings, and one-click unsubscribe."""
