"""``python -m newsdesk`` and the ``newsdesk`` command: the desktop command line."""

import gc
import sys


def start(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (by default this process's)."""
    # Importing makes a few hundred thousand objects that live as long as the process (modules,
    # classes, functions): with the collector on, its collections scanned them again and again,
    # some 35 ms of every start. It is off while they are made, which are then frozen: left out
    # of every later collection.
    gc.disable()
    from newsdesk.cli import main

    gc.freeze()
    gc.enable()
    return main(argv)


if __name__ == "__main__":
    sys.exit(start())
