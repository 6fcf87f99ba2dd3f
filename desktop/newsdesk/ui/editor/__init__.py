"""Articles and their editor: the Articles page, the rich-text body (``body``), its HTML
conversion (``document``), checks, revisions, and merging a conflict revision (``merge``)."""
