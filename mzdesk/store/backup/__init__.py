"""Backups of the local database: made automatically and on request, verified, rotated, and
restored atomically (docs/backups.md). ``layout`` says where they are and what each is,
``making`` makes and rotates them, ``restoring`` puts one back."""
