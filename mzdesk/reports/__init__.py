"""PDF certificates and inspection reports (reportlab, embedded CJK font)."""
