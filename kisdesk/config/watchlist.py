"""The watchlist's groups, kept in the app's settings (QSettings) as one JSON value: a list of
``{"name": …, "codes": [...]}`` in the user's order. No secrets here: names and codes only."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

KEY = "watchlist/groups"
MAX_SYMBOLS = 200  # per group: what the GUI bench measures


@dataclass
class WatchGroup:
    name: str
    codes: list[str] = field(default_factory=list)


def load_groups(settings: Any) -> list[WatchGroup]:
    """The saved groups; a damaged value gives an empty list, never an exception."""
    raw = settings.value(KEY)
    if not isinstance(raw, str) or not raw:
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    groups = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            codes = [c for c in item.get("codes", []) if isinstance(c, str)]
            groups.append(WatchGroup(item["name"], list(dict.fromkeys(codes))))
    return groups


def save_groups(settings: Any, groups: list[WatchGroup]) -> None:
    data = [{"name": g.name, "codes": list(g.codes)} for g in groups]
    settings.setValue(KEY, json.dumps(data, ensure_ascii=False))
    settings.sync()
