"""``python -m newsdesk`` runs the desktop command line."""

import sys

from newsdesk.cli import main

sys.exit(main())
