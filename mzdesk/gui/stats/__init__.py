"""统计: published bed figures, charts and exports."""
