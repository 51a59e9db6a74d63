"""首页: the day's numbers."""
