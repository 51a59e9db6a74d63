"""Shared widgets: the one dialog base, the one table idiom, inputs, the palette."""
