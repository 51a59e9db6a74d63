"""One importer per kind of roster, on a shared base (``base``)."""
