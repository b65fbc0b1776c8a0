"""kisdesk: a keyboard-first desktop trading terminal for the KIS Open API."""

__version__ = "0.1.0"
APP_NAME = "kisdesk"
