"""Realistic demo data, written through the same services staff use.

``site``: one nursing home of about 150 beds with residents, contacts, assessments, care
workers, training sessions and inspections (some hazards still open, one overdue).
``city``: about 100 institutions and 10,000 beds across the districts of one city.
Deterministic for a given seed, so screenshots and benchmarks are reproducible.
"""
