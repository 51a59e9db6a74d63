"""Bed-type statistics as civil-affairs bureaus publish them (see ``asof`` for the rules)."""
