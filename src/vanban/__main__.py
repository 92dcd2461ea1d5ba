"""``python -m vanban``: the command line."""

import sys

from vanban._cli import main

sys.exit(main())
