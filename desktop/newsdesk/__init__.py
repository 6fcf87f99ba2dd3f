"""Newsdesk (采编台): an offline-first editorial desktop for new-media departments."""

from importlib.metadata import PackageNotFoundError, version

try:
    # One source of truth: the version in pyproject.toml, as installed.
    __version__ = version("newsdesk")
except PackageNotFoundError:
    # The sources run without being installed (a bundle built without the package's metadata):
    # a version no service's --min-desktop accepts, so such a build is noticed, not trusted.
    __version__ = "0+unknown"
