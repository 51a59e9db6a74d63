"""床位: the bed board and bulk bed management."""
