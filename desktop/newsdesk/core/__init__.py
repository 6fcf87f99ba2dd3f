"""The domain: entities, lifecycle rules, permissions, mutations and text checks.

Pure Python. It imports neither Qt nor SQLAlchemy nor network code and does no I/O, so the same
rules run in the desktop (to enable buttons and apply a change at once, offline) and in the sync
server (to accept or refuse it).
"""
