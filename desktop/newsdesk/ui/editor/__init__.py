"""The article editor: the rich-text body (``body``), its HTML conversion (``document``), checks."""
