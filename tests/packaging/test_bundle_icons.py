"""The app icon files: PNG sizes, the ICO and ICNS containers, and their match with the SVG."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("source", ["kisdesk.svg", "kisdesk-small.svg"])
def test_svg_sources_parse(source: str, qapp) -> None:
    renderer = QSvgRenderer(str(ICONS / source))
    assert renderer.isValid()
    size = renderer.defaultSize()
    assert size.width() == size.height() > 0


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_png_has_its_size_and_alpha(size: int, qapp) -> None:
    image = QImage(str(ICONS / f"kisdesk-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    # The rounded tile leaves the corner (almost, at 16 px) transparent and fills the centre.
    assert image.pixelColor(0, 0).alpha() < 16
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.mark.parametrize("size", [16, 48, 256])
def test_committed_png_matches_the_svg(size: int, qapp) -> None:
    """Catches an SVG edit without re-running scripts/make_icons.py (small tolerance: Qt's
    anti-aliasing may differ between versions)."""
    fresh = make_icons.render(size)
    committed = QImage(str(ICONS / f"kisdesk-{size}.png")).convertToFormat(fresh.format())
    total = 0
    for y in range(size):
        a, b = bytes(fresh.constScanLine(y)), bytes(committed.constScanLine(y))
        total += sum(abs(p - q) for p, q in zip(a[: size * 4], b[: size * 4], strict=True))
    assert total / (size * size * 4) < 2.0


def test_ico_directory_lists_every_size_and_qt_reads_it(qapp) -> None:
    data = (ROOT / "packaging" / "icons" / "kisdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    seen = []
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        size = w or 256
        assert (w, h, planes, bpp) == (size % 256, size % 256, 1, 32)
        payload = data[offset : offset + length]
        assert len(payload) == length
        if payload[:8] == PNG_MAGIC:
            assert _png_size(payload) == (size, size)
        else:  # BITMAPINFOHEADER: height counts the XOR image and the AND mask
            assert struct.unpack_from("<IiiHH", payload, 0) == (40, size, size * 2, 1, 32)
        seen.append(size)
    assert seen == list(make_icons.ICO_SIZES)

    buf = QBuffer()
    buf.setData(QByteArray(data))  # a copy the buffer owns
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf, b"ico")
    assert reader.imageCount() == count
    sizes = set()
    for i in range(count):
        assert reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.add(image.width())
    assert sizes == set(make_icons.ICO_SIZES)


def test_icns_elements_are_pngs_of_the_declared_sizes() -> None:
    data = (ROOT / "packaging" / "icons" / "kisdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    elements = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        elements[kind] = data[pos + 8 : pos + length]
        pos += length
    assert pos == len(data)
    assert set(elements) == {kind for kind, _ in make_icons.ICNS_TYPES}
    for kind, size in make_icons.ICNS_TYPES:
        assert _png_size(elements[kind]) == (size, size), kind
