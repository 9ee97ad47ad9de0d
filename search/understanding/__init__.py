"""Reading a buyer's request: what work, where, how much, by when, with which certificates."""
