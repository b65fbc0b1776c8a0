"""The app shell on top of everything: start-up (``main.run``) and the controller that owns the
window, the menus and the session life cycle (``controller.AppController``). Nothing in kisdesk
imports this package but ``kisdesk.__main__``."""
