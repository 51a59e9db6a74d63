"""同步: enrolment, sync, USB bundles, conflict and quarantine review."""
