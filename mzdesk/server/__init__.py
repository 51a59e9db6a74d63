"""The central server: FastAPI app with its own store, enrolment, scoping and sync endpoints."""
