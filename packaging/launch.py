"""Entry script of the frozen app: PyInstaller runs this file as __main__."""

import os
import sys

if os.environ.get("KISDESK_BUNDLE_SELFTEST") == "1":
    from kisdesk_selftest import run

    sys.exit(run())

from kisdesk.__main__ import main

main()
