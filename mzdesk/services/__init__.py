"""Use cases. Each public function is one transaction that validates, writes rows and their
outbox entries (through the store's outbox listener), commits, and returns plain dataclasses."""
