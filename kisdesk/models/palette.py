"""Rise/fall colour palettes. Korean HTS: rises red, falls blue; western: rises green, falls red.

Colours are hex strings (QColor accepts them) so this module needs no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from kisdesk.domain.direction import Direction


@dataclass(frozen=True)
class Palette:
    name: str
    up: str
    down: str
    flat: str | None = None  # None: the view's normal text colour

    def color(self, direction: Direction | None) -> str | None:
        if direction is None:
            return None
        if direction.rising:
            return self.up
        if direction.falling:
            return self.down
        return self.flat


KOREAN = Palette("korean", up="#d0312d", down="#1f5fbf")
WESTERN = Palette("western", up="#1a8a3a", down="#d0312d")

PALETTES: dict[str, Palette] = {p.name: p for p in (KOREAN, WESTERN)}


def palette_named(name: str | None) -> Palette:
    """The palette saved under ``name`` in settings; Korean when unknown."""
    return PALETTES.get(name or "", KOREAN)
