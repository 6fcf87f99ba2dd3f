"""Writing files atomically: the old file or the new one, never a part, and nothing left over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.files import write_atomically


def test_a_file_is_written_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    write_atomically(target, b"<p>one</p>")
    write_atomically(target, [b"<p>", b"two", b"</p>"])
    assert target.read_bytes() == b"<p>two</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")

    def blocks() -> Iterator[bytes]:
        yield b"half"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, blocks())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_the_temporary_file_carries_the_prefix_a_sweep_looks_for(tmp_path: Path) -> None:
    def blocks() -> Iterator[bytes]:
        assert [p.name[:10] for p in tmp_path.iterdir()] == [".newsdesk-"]
        yield b"x"

    write_atomically(tmp_path / "a.json", blocks(), prefix=".newsdesk-")
    assert (tmp_path / "a.json").read_bytes() == b"x"
