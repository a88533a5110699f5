"""How a laid-out map is drawn, once, for every painter (the canvas, the PDF, the SVG)."""
