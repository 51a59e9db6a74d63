"""Fixtures shared by the hostile-file tests: a database with a home and its beds."""

from tests.services.tables.test_import import seeded  # noqa: F401  (the fixture)
