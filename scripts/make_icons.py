"""Render the app icon from its SVG sources into the PNG, ICO and ICNS files the platforms need.

    python scripts/make_icons.py            # (re)writes the files listed below

Sources: resources/icons/kisdesk.svg (48 px and up) and kisdesk-small.svg (a pixel-grid redraw
for 16 px). Outputs:
    resources/icons/kisdesk-<N>.png   N = 16 24 32 48 64 128 256 512 (window icon, Linux hicolor)
    packaging/icons/kisdesk.ico       Windows: 16-64 px as 32-bit DIBs, 128/256 px as PNG
    packaging/icons/kisdesk.icns      macOS: PNG entries 16 px to 1024 px (512@2x)

Rendering uses Qt's QSvgRenderer (PySide6-Essentials); the ICO and ICNS containers are written
here because Qt's ICO writer stores one image per file and Pillow is not a dependency.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PACKAGING_ICONS = ROOT / "packaging" / "icons"
SOURCE = ICONS / "kisdesk.svg"
SMALL_SOURCE = ICONS / "kisdesk-small.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_MAX = 16  # at or below this size the pixel-grid drawing is used
# ICNS element types and their pixel sizes (PNG payloads; Apple's "icp"/"ic" types).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render(size: int) -> object:
    """The icon as a straight-alpha ARGB32 QImage of ``size`` x ``size`` pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = SMALL_SOURCE if size <= SMALL_MAX else SOURCE
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot parse {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: object) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):  # type: ignore[attr-defined]
        raise SystemExit("make_icons: PNG encoding failed")
    buf.close()
    return bytes(data.data())


def dib_bytes(image: object) -> bytes:
    """A 32-bit BGRA DIB as stored in ICO files: header, bottom-up pixels, then the AND mask."""
    w, h = image.width(), image.height()  # type: ignore[attr-defined]
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. bytes B, G, R, A on little-endian machines.
    rows = []
    for y in range(h):
        line = bytes(image.constScanLine(y))[: w * 4]  # type: ignore[attr-defined]
        if sys.byteorder == "big":
            line = b"".join(line[i : i + 4][::-1] for i in range(0, len(line), 4))
        rows.append(line)
    xor = b"".join(reversed(rows))
    mask_stride = ((w + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(w):
            if row[x * 4 + 3] == 0:  # fully transparent: set the AND bit
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    and_mask = b"".join(reversed(mask_rows))
    header = struct.pack(
        "<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, len(xor) + len(and_mask), 0, 0, 0, 0
    )
    return header + xor + and_mask


def ico_bytes(images: dict[int, object]) -> bytes:
    """ICONDIR + ICONDIRENTRYs; PNG payloads from 128 px up (Vista+), DIBs below for old loaders."""
    payloads = [
        (size, png_bytes(img) if size >= 128 else dib_bytes(img)) for size, img in images.items()
    ]
    out = bytearray(struct.pack("<HHH", 0, 1, len(payloads)))
    offset = 6 + 16 * len(payloads)
    for size, data in payloads:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in payloads:
        out += data
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 (keeps Qt alive)
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    images = {size: render(size) for size in sizes}
    pngs = {size: png_bytes(img) for size, img in images.items()}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = ICONS / f"kisdesk-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    PACKAGING_ICONS.mkdir(parents=True, exist_ok=True)
    ico = PACKAGING_ICONS / "kisdesk.ico"
    ico.write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    icns = PACKAGING_ICONS / "kisdesk.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [ico, icns]
    for path in written:
        print(f"make_icons: wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
