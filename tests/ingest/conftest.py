"""The repost tests' web site (see tests/websites.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.websites import Site, serving


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as serving_site:
        yield serving_site
