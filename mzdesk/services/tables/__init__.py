"""Spreadsheets in and out: .xlsx and .csv rosters of institutions, beds, residents and workers."""
