"""A desktop process killed (SIGKILL) in the middle of its first pull: the workspace holds whole
pages and the cursor that covers them, never half a page, and the next sync resumes from there
and ends equal to the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from newsdesk.store.workspace import Workspace
from newsdesk.sync.replica import CURSOR
from tests.sync.conftest import PASSWORD, LiveServer, Newsroom
from tests.sync.desks import Desk, server_view

# The child pulls three rows a page, slowly, and prints each saved cursor.
CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    import httpx
    from newsdesk.store.workspace import Workspace
    from newsdesk.sync.client import SyncClient
    from newsdesk.sync.replica import Replica

    class Slow(httpx.AsyncHTTPTransport):
        async def handle_async_request(self, request):
            await asyncio.sleep(0.05)
            return await super().handle_async_request(request)

    async def main():
        workspace = Workspace.open(Path(sys.argv[1]), create=True)
        client = SyncClient(Replica(workspace.store), sys.argv[2], transport=Slow())
        await client.sign_in("chief", sys.argv[3])
        await client.pull(lambda p: print(p.cursor, flush=True), page_size=3)

    asyncio.run(main())
    """
)


def test_a_desktop_killed_mid_pull_resumes_where_its_last_page_ended(
    tmp_path: Path, live: LiveServer, room: Newsroom
) -> None:
    author = Desk(tmp_path / "author", live.url, "editor")
    for number in range(30):
        author.write(room.news, f"稿件{number}")
    author.sync()
    author.close()
    folder = tmp_path / "laptop"

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), live.url, PASSWORD],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    seen = [child.stdout.readline() for _ in range(3)]
    assert all(line.strip() for line in seen), seen
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    time.sleep(0.1)
    with Workspace.open(folder) as workspace:
        saved = int(workspace.store.setting(CURSOR) or 0)
    assert saved >= int(seen[-1])
    laptop = Desk(folder, live.url, "chief", sign_in=False)
    try:
        laptop.sync()
        assert laptop.rows() == server_view(live.url, "chief")
    finally:
        laptop.close()
