"""`python -m kisdesk` and the `kisdesk` GUI script."""

from __future__ import annotations

import sys


def main() -> None:
    from kisdesk.app.main import run

    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
