"""Starting up: first run, choosing an institution, logging in."""
