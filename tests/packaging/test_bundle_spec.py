"""packaging/kisdesk.spec run with PyInstaller's build objects stubbed: the Windows and macOS
sections (which CI cannot build) execute and pass the right icon, version and bundle metadata,
and the Qt trimming keeps and drops what it should. Needs no PyInstaller."""

from __future__ import annotations

import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "kisdesk.spec"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

# Fake link graph for the stubbed dependency reader: source path -> libraries it links.
LINKS = {
    "/qt/plugins/platforms/libqxcb.so": {"/qt/lib/libQt6XcbQpa.so.6", "/sys/libxcb.so.1"},
    "/qt/plugins/platforms/libqeglfs.so": {"/qt/lib/libQt6EglFS.so.6", "/sys/libxcb.so.1"},
    "/qt/plugins/themes/libqgtk3.so": {"/sys/libatk.so.0", "/sys/libcairo.so.2"},
    "/sys/libcairo.so.2": {"/sys/libpixman.so.0"},
    "/qt/plugins/imageformats/libqjpeg.so": {"/sys/libjpeg.so.62"},
}


def _binaries(prefix: str) -> list[tuple[str, str, str]]:
    plugin = f"{prefix}/plugins"
    return [
        (f"{plugin}/platforms/libqxcb.so", "/qt/plugins/platforms/libqxcb.so", "BINARY"),
        (f"{plugin}/platforms/libqoffscreen.so", "/qt/p/libqoffscreen.so", "BINARY"),
        (f"{plugin}/platforms/libqeglfs.so", "/qt/plugins/platforms/libqeglfs.so", "BINARY"),
        (
            f"{plugin}/platformthemes/libqgtk3.so",
            "/qt/plugins/themes/libqgtk3.so",
            "BINARY",
        ),
        (f"{plugin}/imageformats/libqjpeg.so", "/qt/plugins/imageformats/libqjpeg.so", "BINARY"),
        (f"{plugin}/imageformats/libqsvg.so", "/qt/p/libqsvg.so", "BINARY"),
        (f"{plugin}/tls/libqopensslbackend.so", "/qt/p/libqopensslbackend.so", "BINARY"),
        (f"{plugin}/generic/libqevdevmouseplugin.so", "/qt/p/libqevdev.so", "BINARY"),
        (f"{plugin}/platforms/qwindows.dll", "/qt/p/qwindows.dll", "BINARY"),
        (f"{plugin}/imageformats/qico.dll", "/qt/p/qico.dll", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6EglFS.so.6", "/qt/lib/libQt6EglFS.so.6", "BINARY"),
        ("libxcb.so.1", "/sys/libxcb.so.1", "BINARY"),
        ("libatk.so.0", "/sys/libatk.so.0", "BINARY"),
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("libpixman.so.0", "/sys/libpixman.so.0", "BINARY"),
        ("libjpeg.so.62", "/sys/libjpeg.so.62", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]


EXTRA_BINARIES: list[tuple[str, str, str]] = []  # real files, for the stripping test


class _Built:
    """Records how a PyInstaller build object (Analysis, EXE, ...) was called."""

    calls: list[_Built]

    def __init__(self, kind: str, args: tuple, kwargs: dict[str, Any]) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.binaries: list = []
        self.datas: list = []
        self.pure = self.scripts = ()


def _run_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, *, onefile: bool = False
) -> dict:
    calls: list[_Built] = []
    qt_prefix = "PySide6" if platform == "win32" else "PySide6/Qt"

    def factory(kind: str):
        def build(*args: Any, **kwargs: Any) -> _Built:
            built = _Built(kind, args, kwargs)
            if kind == "Analysis":
                built.binaries = _binaries(qt_prefix) + EXTRA_BINARIES
                built.datas = [
                    (f"{qt_prefix}/translations/qtbase_ko.qm", "/qt/t/qtbase_ko.qm", "DATA"),
                    (f"{qt_prefix}/translations/qtbase_de.qm", "/qt/t/qtbase_de.qm", "DATA"),
                    *[(dest, src, "DATA") for src, dest in kwargs["datas"]],
                ]
            if kind == "COLLECT":
                (tmp_path / "dist" / kwargs["name"]).mkdir(parents=True, exist_ok=True)
            calls.append(built)
            return built

        return build

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [f"{name}.stub"]  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda name: [("/site/keyring.dist-info", "keyring.dist-info")]  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: {(Path(p).name, p) for p in LINKS.get(path, ())}  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setenv("KISDESK_ONEFILE", "1" if onefile else "0")
    monkeypatch.delenv("KISDESK_CONSOLE", raising=False)

    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "SPECPATH": str(SPEC.parent),
        "workpath": str(tmp_path / "build"),
        "DISTPATH": str(tmp_path / "dist"),
        **{k: factory(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    with monkeypatch.context() as m:
        m.setattr(sys, "platform", platform)
        exec(code, namespace)
    namespace["calls"] = {c.kind: c for c in calls}
    return namespace


def test_linux_section_trims_plugins_and_their_orphan_libraries(monkeypatch, tmp_path) -> None:
    ns = _run_spec(monkeypatch, tmp_path, "linux")
    analysis = ns["calls"]["Analysis"]
    kept = {dest.rsplit("/", 1)[-1] for dest, _, _ in analysis.binaries}
    assert {"libqxcb.so", "libqoffscreen.so", "libqsvg.so"} <= kept
    assert not kept & {"libqeglfs.so", "libqgtk3.so", "libqjpeg.so", "libqevdevmouseplugin.so"}
    assert "libqopensslbackend.so" not in kept  # Qt's TLS serves QtNetwork only; httpx uses ssl
    # Libraries only dropped plugins linked go too (transitively); shared ones and roots stay.
    assert not kept & {"libQt6EglFS.so.6", "libatk.so.0", "libcairo.so.2", "libpixman.so.0"}
    assert not kept & {"libjpeg.so.62"}
    assert {"libQt6XcbQpa.so.6", "libxcb.so.1", "libpython3.11.so.1.0"} <= kept
    qms = {dest.rsplit("/", 1)[-1] for dest, _, _ in analysis.datas if dest.endswith(".qm")}
    assert qms == {"qtbase_ko.qm"}

    spec_kwargs = analysis.kwargs
    assert "kisdesk.sim" in spec_kwargs["hiddenimports"]
    assert "aiohttp" in spec_kwargs["hiddenimports"]
    assert {"secretstorage", "jeepney", "keyring"} <= set(spec_kwargs["hiddenimports"])
    assert "keyrings.alt" in spec_kwargs["excludes"]
    assert ("/site/keyring.dist-info", "keyring.dist-info") in spec_kwargs["datas"]
    dests = {dest for _, dest in spec_kwargs["datas"]}
    assert {"kisdesk/resources/data", "kisdesk/resources/icons"} <= dests

    exe = ns["calls"]["EXE"].kwargs
    assert exe["name"] == "kisdesk" and exe["console"] and exe["icon"] is None
    assert "BUNDLE" not in ns["calls"]
    assert (tmp_path / "dist" / "kisdesk" / "install.sh").is_file()
    assert (tmp_path / "dist" / "kisdesk" / "kisdesk.desktop").is_file()


def test_windows_section_sets_icon_and_version_resource(monkeypatch, tmp_path) -> None:
    ns = _run_spec(monkeypatch, tmp_path, "win32")
    exe = ns["calls"]["EXE"].kwargs
    assert exe["icon"].endswith("kisdesk.ico") and Path(exe["icon"]).is_file()
    assert exe["console"] is False and exe["strip"] is False
    text = Path(exe["version"]).read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{VERSION}')" in text
    assert "@" not in text.replace("'", "")
    kept = {dest.rsplit("/", 1)[-1] for dest, _, _ in ns["calls"]["Analysis"].binaries}
    assert {"qwindows.dll", "qico.dll"} <= kept
    hidden = ns["calls"]["Analysis"].kwargs["hiddenimports"]
    assert "win32ctypes.pywin32.win32cred" in hidden and "secretstorage" not in hidden


def test_macos_section_makes_an_app_bundle_with_metadata(monkeypatch, tmp_path) -> None:
    ns = _run_spec(monkeypatch, tmp_path, "darwin")
    bundle = ns["calls"]["BUNDLE"]
    assert bundle.args == (ns["calls"]["COLLECT"],)
    kw = bundle.kwargs
    assert kw["name"] == "kisdesk.app"
    assert kw["icon"].endswith("kisdesk.icns") and Path(kw["icon"]).is_file()
    assert kw["bundle_identifier"] == "org.kisdesk.kisdesk"
    assert kw["version"] == VERSION
    plist = kw["info_plist"]
    assert plist["CFBundleShortVersionString"] == VERSION and plist["NSHighResolutionCapable"]
    assert ns["calls"]["EXE"].kwargs["console"] is False


def test_onefile_puts_everything_in_the_executable(monkeypatch, tmp_path) -> None:
    ns = _run_spec(monkeypatch, tmp_path, "linux", onefile=True)
    exe = ns["calls"]["EXE"]
    assert "COLLECT" not in ns["calls"]
    assert exe.args[2] is ns["calls"]["Analysis"].binaries


def test_the_korean_font_and_its_licence_go_into_the_bundle_and_the_wheel(
    monkeypatch, tmp_path
) -> None:
    from kisdesk.ui.fonts import FONT_FILES

    shipped = [ROOT / "resources" / "fonts" / name for name in (*FONT_FILES, "OFL.txt")]
    assert all(p.is_file() for p in shipped)
    assert "SIL Open Font License" in shipped[-1].read_text(encoding="utf-8")
    for platform in ("linux", "win32", "darwin"):
        datas = _run_spec(monkeypatch, tmp_path / platform, platform)["calls"]["Analysis"].kwargs
        assert {(str(p), "kisdesk/resources/fonts") for p in shipped} <= set(datas["datas"])
    # pyproject's package-data globs (setuptools matches them like Path.glob) take them too.
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    resources = ROOT / setuptools["package-dir"]["kisdesk.resources"]
    globbed = {
        p
        for pattern in setuptools["package-data"]["kisdesk.resources"]
        for p in resources.glob(pattern)
    }
    assert set(shipped) <= globbed


def test_linux_strips_libraries_but_not_the_auditwheel_vendored_ones(monkeypatch, tmp_path) -> None:
    # strip corrupts numpy.libs/ (OpenBLAS then fails to load: the chart's numpy import fails).
    import shutil

    if not shutil.which("strip"):
        pytest.skip("no strip")
    elf = Path(sys.executable).resolve()
    vendored = ("numpy.libs/libscipy_openblas64_.so", str(elf), "BINARY")
    own = ("numpy/_core/_multiarray_umath.so", str(elf), "BINARY")
    monkeypatch.setattr(sys.modules[__name__], "EXTRA_BINARIES", [vendored, own])
    ns = _run_spec(monkeypatch, tmp_path, "linux")
    srcs = {dest: src for dest, src, _ in ns["calls"]["Analysis"].binaries}
    assert srcs[vendored[0]] == str(elf)  # as the wheel shipped it
    stripped = Path(srcs[own[0]])
    assert stripped.parent.is_relative_to(tmp_path / "build" / "stripped")
    assert stripped.read_bytes()[:4] == b"\x7fELF"
    assert ns["calls"]["COLLECT"].kwargs["strip"] is False  # PyInstaller would strip numpy.libs
