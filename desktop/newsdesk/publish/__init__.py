"""Publishing: the HTML allow-list and sanitiser, paste clean-up, and (later) the exporters.

No Qt and no SQLAlchemy here: the exporters and sanitiser run in the desktop and in batch jobs
alike. ``sanitize`` is the single allow-list every path in and out of an article body uses.
"""
