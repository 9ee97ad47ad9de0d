"""The front door: the home page's "Describe what you need" box and its explained matches for
anyone, keeping what a visitor typed while they sign up, the directory's live numbers and its
latest partnerships."""
