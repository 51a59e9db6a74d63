"""Read-only queries that compute the published figures (beds, occupancy, training rates)."""
