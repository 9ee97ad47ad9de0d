"""Pages that keep profiles fresh: the one-click confirmation from a reminder, and the regional
centre's list of stale profiles to chase (the rules are :mod:`cms.freshness`)."""
