"""The directory as a whole: browsing it, and importing and exporting it in the public format."""
