"""住户: the resident list, its Qt model, and the dialogs of a stay."""
