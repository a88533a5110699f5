"""Data shipped with cxmapper (templates, JSON Schema, fonts, icons). Installed as cxmapper.resources."""
