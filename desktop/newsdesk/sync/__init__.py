"""Syncing: the service (server, service, admin, backup), its protocol, and the desktop client."""
