"""Widgets of the reading screen, one module per widget."""
