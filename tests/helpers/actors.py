"""Who acts in tests that are not about permissions: someone setting up a database that has
no users yet (every permission, any institution)."""

from mzdesk.core.permissions import Actor

SETUP = Actor.setup()
