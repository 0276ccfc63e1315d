"""The pure parts of bench/bench_bundle.py's Windows size estimate (no network, no build):
the Linux file → Windows counterpart mapping, build.spec's trimming rules as read from the
spec, the PE import reader and the Windows marker evaluation."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "bundle_estimate", ROOT / "bench" / "bundle_estimate.py"
)
estimate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(estimate)


@pytest.mark.parametrize(
    ("linux", "windows"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt6Core.dll"),
        ("PySide6/Qt/lib/libQt6PdfWidgets.so.6", "PySide6/Qt6PdfWidgets.dll"),
        ("PySide6/QtCore.abi3.so", "PySide6/QtCore.pyd"),
        ("PySide6/libpyside6.abi3.so.6.11", "PySide6/pyside6.abi3.dll"),
        ("shiboken6/libshiboken6.abi3.so.6.11", "shiboken6/shiboken6.abi3.dll"),
        ("shiboken6/Shiboken.abi3.so", "shiboken6/Shiboken.pyd"),
        (
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/plugins/platforms/qoffscreen.dll",
        ),
        ("PySide6/Qt/plugins/imageformats/libqico.so", "PySide6/plugins/imageformats/qico.dll"),
        (
            "pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so",
            "pydantic_core/_pydantic_core.cp311-win_amd64.pyd",
        ),
        ("yaml/_yaml.cpython-311-x86_64-linux-gnu.so", "yaml/_yaml.cp311-win_amd64.pyd"),
        (
            "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
            "_cffi_backend.cp311-win_amd64.pyd",
        ),
        (
            "cryptography/hazmat/bindings/_rust.abi3.so",
            "cryptography/hazmat/bindings/_rust.pyd",
        ),
    ],
)
def test_a_linux_binary_maps_to_its_windows_counterpart(linux: str, windows: str) -> None:
    assert estimate.windows_counterpart(linux) == windows


@pytest.mark.parametrize(
    "linux",
    [
        "psycopg_binary.libs/libpq-e9b5c9ac.so.5.18",  # auditwheel's copies: no name match
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "PySide6/Qt/lib/libicudata.so.73",  # Windows Qt uses the OS's ICU
        "resources/fonts/DejaVuSans.ttf",
    ],
)
def test_files_without_a_counterpart_by_name_map_to_none(linux: str) -> None:
    assert estimate.windows_counterpart(linux) is None


def test_the_trimming_rules_are_read_from_build_spec() -> None:
    plugins, dropped = estimate.spec_rules((ROOT / "build.spec").read_text(encoding="utf-8"))
    assert estimate.plugin_is_kept("platforms", "qwindows.dll", plugins)
    assert estimate.plugin_is_kept("platforms", "libqxcb.so", plugins)
    assert not estimate.plugin_is_kept("platforms", "qdirect2d.dll", plugins)
    assert not estimate.plugin_is_kept("sqldrivers", "qsqlite.dll", plugins)
    assert dropped.fullmatch("opengl32sw.dll")
    assert dropped.fullmatch("D3Dcompiler_47.dll")
    assert not dropped.fullmatch("Qt6Core.dll")


def _pe_importing(*dlls: str) -> bytes:
    """A minimal PE32+ image whose import table names ``dlls``."""
    image = bytearray(0x400)
    image[:2] = b"MZ"
    struct.pack_into("<I", image, 0x3C, 0x40)
    image[0x40:0x44] = b"PE\0\0"
    struct.pack_into("<HH12xHH", image, 0x44, 0x8664, 1, 240, 0x2022)  # 1 section
    optional = 0x58
    struct.pack_into("<H", image, optional, 0x20B)
    struct.pack_into("<II", image, optional + 112 + 8, 0x1000, 20 * (len(dlls) + 1))
    section = optional + 240
    image[section : section + 8] = b".idata\0\0"
    struct.pack_into("<IIII", image, section + 8, 0x200, 0x1000, 0x200, 0x200)
    names = 0x100
    for index, dll in enumerate(dlls):
        struct.pack_into("<I", image, 0x200 + 20 * index + 12, 0x1000 + names)
        image[0x200 + names : 0x200 + names + len(dll)] = dll.encode()
        names += len(dll) + 1
    return bytes(image)


def test_the_import_table_of_a_pe_image_is_read() -> None:
    assert estimate.pe_imports(_pe_importing("Qt6Core.dll", "MSVCP140.dll")) == [
        "Qt6Core.dll",
        "MSVCP140.dll",
    ]
    with pytest.raises(ValueError):
        estimate.pe_imports(b"\x7fELF" + bytes(100))


def test_markers_are_evaluated_for_windows_not_for_this_machine() -> None:
    requirements = {
        "keyring": [
            'pywin32-ctypes>=0.2.0; sys_platform == "win32"',
            'SecretStorage>=3.2; sys_platform == "linux"',
        ],
        "psycopg": ['psycopg-binary==3.3.9; extra == "binary"', 'tzdata; sys_platform == "win32"'],
    }
    found = estimate.windows_distributions(["keyring>=25", "psycopg[binary]>=3.2"], requirements)
    assert set(found) == {"keyring", "pywin32-ctypes", "psycopg", "psycopg-binary", "tzdata"}
    assert found["pywin32-ctypes"] == "pywin32-ctypes>=0.2.0"
    plain = estimate.windows_distributions(["psycopg"], requirements)
    assert "psycopg-binary" not in plain
