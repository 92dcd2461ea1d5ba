"""``python -m vanban``: the command line."""

from vanban._cli import run

run()
