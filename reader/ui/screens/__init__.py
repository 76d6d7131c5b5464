"""Screens shown over the reading screen."""
