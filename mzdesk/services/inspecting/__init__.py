"""Carrying out inspections (issue 12, part C): a draft answered item by item and saved as it
goes, finished and signed, then locked; corrections as amendments; recurring schedules."""
