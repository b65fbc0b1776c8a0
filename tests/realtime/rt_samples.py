"""Sample records for the realtime tests: the digest's examples and builders for the rest.

Values are lists of text, as a frame's payload splits on ``^``.
"""

from __future__ import annotations

from decimal import Decimal

# websocket.md §6.1, workbook example record (46 values).
TICK_46_TEXT = (
    "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1^3052507"
    "^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5"
    "^-500^092619^2^200^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100"
)
TICK_46 = TICK_46_TEXT.split("^")

# websocket.md §9.1, workbook decrypted overseas acknowledgement (24 values).
OVERSEAS_ACK_24 = [
    "abcd1234", "12345678", "3567", "", "02", "0", "1", "7203", "0000000100", "000032200", "",
    "0", "1", "1", "", "", "******", "도요타자동차", "D", "10", "", "", "", "",
]  # fmt: skip

# The same text, AES-256-CBC with the key/iv below, base64: made with `openssl enc
# -aes-256-cbc -K <hex key> -iv <hex iv> -base64 -A` (an implementation independent of ours).
SAMPLE_KEY = "abcdefghijklmnopqrstuvwxyz012345"
SAMPLE_IV = "0123456789ABCDEF"
OVERSEAS_ACK_24_OPENSSL = (
    "hSyszP4XkP46Dgo+Ou7TZ03kux1geROLbQafB6pU1Yq6s2PQvxJ8LFuEOA5MS900dvPEG3u1xDCu/a7E17e00wKgVAMG"
    "L3s+xVUIbxiypkSo8lHUNkwoyrRqFbuZyG7n0CkPoVfsUkNqtTzMEN5ozg=="
)


def tick(
    *, code: str = "005930", price: int = 71900, volume: int = 3052507, width: int = 47
) -> list[str]:
    """A tick record of ``width`` values (46 as in the workbook, 47 with MARKET_CLS_CODE "2";
    more: extra values "x…" a newer server might append)."""
    values = list(TICK_46)
    values[0], values[2], values[13] = code, str(price), str(volume)
    if width >= 47:
        values.append("2")
    values += [f"x{i}" for i in range(47, width)]
    return values[:width]


def book(
    *, code: str = "005930", best_ask: int = 71900, tick_size: int = 100, width: int = 63
) -> list[str]:
    """A book record: asks ascending from ``best_ask``, bids descending from one tick below,
    size of level n = 1000·n (asks) and 2000·n (bids). 59 or 63 values (or more)."""
    asks = [best_ask + tick_size * i for i in range(10)]
    bids = [best_ask - tick_size * (i + 1) for i in range(10)]
    ask_sizes = [1000 * (i + 1) for i in range(10)]
    bid_sizes = [2000 * (i + 1) for i in range(10)]
    values = [code, "093354", "0"]
    values += [str(v) for v in asks + bids + ask_sizes + bid_sizes]
    values += [str(sum(ask_sizes)), str(sum(bid_sizes)), "0", "0"]  # 43-46
    values += ["71850", "1200", "3400", "-50", "5", "-0.07"]  # 47-52 expected price …
    values += ["3052507", "-300", "450", "0", "0", ""]  # 53-58
    if width >= 63:
        values += [str(best_ask - tick_size // 2), "777", "1", "2"]  # 59-62
    values += [f"x{i}" for i in range(63, width)]
    return values[:width]


def domestic_notice(
    *,
    fill: bool = True,
    qty: int = 10,
    price: int = 71900,
    order_no: str = "0000012345",
    width: int = 26,
) -> list[str]:
    """An execution notice of the 26-field layout (§6.3), or the older 23-field one."""
    common = [
        "hts0001", "5012345601", order_no, "", "02", "0", "00", "0", "005930", str(qty),
        str(price), "093355", "0", "2" if fill else "1", "2" if fill else "1", "06010",
        "10", "홍길동",
    ]  # fmt: skip
    if width >= 26:
        values = [*common, "", "1", "Y", "", "", "", "삼성전자", "71900"]
    else:
        values = [*common, "삼성전자", "", "", "삼성전자", "71900"]
    values += [f"x{i}" for i in range(len(values), width)]
    return values[:width] if width >= 26 else values


def overseas_tick(*, key: str = "DNASAAPL", price: str = "182.8700") -> list[str]:
    return [
        key, key[4:], "4", "20240506", "20240506", "202223", "20240507", "092223", "181.0000",
        "183.5000", "180.2500", price, "2", "1.1200", "0.62", "182.8500", price, "350", "57",
        "10", "1234567", "225000000", "600000", "634567", "105.76", "1",
    ]  # fmt: skip


def overseas_book(*, levels: int = 10) -> list[str]:
    """HDFSASP0 (10 levels, 71 values) or HDFSASP1 (1 level, 17): bid n = 182.85 − 0.01·(n−1),
    ask n = 182.87 + 0.01·(n−1), bid size 100·n, ask size 50·n."""
    values = ["RBAQAAPL", "AAPL", "4", "20240506", "202223", "20240507", "092223", "1482", "381",
              "0", "-10"]  # fmt: skip
    for n in range(levels):
        bid = Decimal("182.8500") - Decimal("0.0100") * n
        ask = Decimal("182.8700") + Decimal("0.0100") * n
        values += [str(bid), str(ask), str(100 * (n + 1)), str(50 * (n + 1)), "0", "-10"]
    return values
