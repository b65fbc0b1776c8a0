"""kisdesk.resources lives in the top-level resources/ folder (pyproject maps it there), so
PyInstaller, which cannot see setuptools' editable-install finder, is pointed at the repo root
and finds resources/__init__.py as the package."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_find_module_path(api):
    api.search_dirs = [str(ROOT)]
