"""Docked panels around the canvas: the palette (later the inspector and structure editors)."""
