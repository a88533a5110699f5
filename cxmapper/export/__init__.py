"""Renderers of a map without Qt: the PDF (reportlab). JSON and CSV writers live in model/."""
