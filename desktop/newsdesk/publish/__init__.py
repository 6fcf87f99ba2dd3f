"""Publishing: the HTML allow-list and sanitiser (``sanitize``), paste clean-up (``paste``), the
PC and WAP pages (``pages``), the APP's ninjs documents (``ninjs``), image renditions, the
exporter writing them to a folder (``export``), delivery to a folder or an HTTP endpoint
(``delivery``), and the publisher tying them to the publish and retract mutations.

No Qt and no SQLAlchemy here: publishing runs in the desktop and from the command line alike,
and reads the workspace through ``newsdesk.store.reads``. ``sanitize`` is the single allow-list
every path in and out of an article body uses; the body format itself is ``newsdesk.core.body``.
"""
