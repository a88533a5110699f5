"""Data shipped with cxmapper: templates, JSON Schema, fonts and icons.

Installed as the package cxmapper.resources (see pyproject.toml).
"""
