"""Helpers of ``bench_bundle.py``: Linux bundle file → Windows wheel counterpart, the import
table of a Windows DLL, the trimming rules read from ``build.spec``, the dependency markers of a
wheel evaluated for Windows, and the index of the downloaded wheels. Nothing here touches the
network or builds anything.
"""

from __future__ import annotations

import ast
import re
import struct
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# -- Linux file → Windows counterpart -----------------------------------------------------------

_QT_LIB = re.compile(r"^lib(?P<name>Qt6\w+)\.so(?:\.\d+)*$")
_SHIBOKEN_LIB = re.compile(r"^lib(?P<name>(?:pyside6|pyside6qml|shiboken6)\.abi3)\.so(?:\.\d+)*$")
_CPYTHON_EXT = re.compile(r"^(?P<name>[^.]+)\.cpython-(?P<ver>\d+)-x86_64-linux-gnu\.so$")
_ABI3_EXT = re.compile(r"^(?P<name>[^.]+)\.abi3\.so$")
_PLUGIN = re.compile(r"^PySide6/Qt/plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")


def plugin_stem(file_name: str) -> str:
    """``libqxcb.so`` and ``qxcb.dll`` are both ``qxcb`` (the rule of build.spec)."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def windows_counterpart(linux_path: str) -> str | None:
    """The path inside a ``win_amd64`` wheel of the file that plays the part of ``linux_path``
    (a path inside a Linux wheel, as installed in site-packages), or None when no file of the
    Windows wheel corresponds to it by name (vendored ``<dist>.libs/`` system libraries,
    X11-only Qt libraries and plugins…: the caller lists those, it never drops them silently).

    ``PySide6/Qt/lib/libQt6Core.so.6`` → ``PySide6/Qt6Core.dll``;
    ``PySide6/QtCore.abi3.so`` → ``PySide6/QtCore.pyd``;
    ``PySide6/Qt/plugins/platforms/libqminimal.so`` → ``PySide6/plugins/platforms/qminimal.dll``;
    ``yaml/_yaml.cpython-311-x86_64-linux-gnu.so`` → ``yaml/_yaml.cp311-win_amd64.pyd``.
    """
    path = PurePosixPath(linux_path)
    name = path.name
    folder = path.parent
    if ".libs" in (part[-5:] for part in path.parts[:-1]):
        return None  # auditwheel's copies of system libraries; Windows wheels bring their own
    plugin = _PLUGIN.match(linux_path)
    if plugin:
        return f"PySide6/plugins/{plugin['kind']}/{plugin_stem(plugin['file'])}.dll"
    qt_lib = _QT_LIB.match(name)
    if qt_lib and folder.as_posix() == "PySide6/Qt/lib":
        return f"PySide6/{qt_lib['name']}.dll"
    shiboken = _SHIBOKEN_LIB.match(name)
    if shiboken:
        return (folder / f"{shiboken['name']}.dll").as_posix()
    extension = _CPYTHON_EXT.match(name)
    if extension:
        return (folder / f"{extension['name']}.cp{extension['ver']}-win_amd64.pyd").as_posix()
    abi3 = _ABI3_EXT.match(name)
    if abi3:
        return (folder / f"{abi3['name']}.pyd").as_posix()
    return None


# -- what build.spec keeps ----------------------------------------------------------------------


def spec_rules(spec_text: str) -> tuple[dict[str, set[str] | None], re.Pattern[str]]:
    """``_QT_PLUGINS_KEPT`` and ``_WINDOWS_DLLS_DROPPED`` read from build.spec's source (the
    spec cannot be imported: it runs the analysis at module level)."""
    plugins = dropped = None
    for node in ast.parse(spec_text).body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if not isinstance(target, ast.Name) or value is None:
            continue
        if target.id == "_QT_PLUGINS_KEPT":
            plugins = ast.literal_eval(value)
        elif target.id == "_WINDOWS_DLLS_DROPPED" and isinstance(value, ast.Call):
            dropped = re.compile(ast.literal_eval(value.args[0]), re.IGNORECASE)
    if plugins is None or dropped is None:
        raise ValueError("build.spec: _QT_PLUGINS_KEPT or _WINDOWS_DLLS_DROPPED not found")
    return plugins, dropped


def plugin_is_kept(kind: str, file_name: str, kept: dict[str, set[str] | None]) -> bool:
    if kind not in kept:
        return False
    stems = kept[kind]
    return stems is None or plugin_stem(file_name) in stems


# -- the import table of a PE file (what PyInstaller follows on Windows) -------------------------


def _c_string(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE image imports (import and delay-import tables), in table order."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE file")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError("no PE header")
    sections_count, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)
    sections = [
        struct.unpack_from("<8xIIII", data, optional + optional_size + 40 * index)
        for index in range(sections_count)
    ]

    def offset(rva: int) -> int | None:
        for virtual_size, address, raw_size, raw_pointer in sections:
            if address <= rva < address + max(virtual_size, raw_size):
                return rva - address + raw_pointer
        return None

    names: list[str] = []
    for directory, entry_size, name_at in ((1, 20, 12), (13, 32, 4)):
        rva, size = struct.unpack_from("<II", data, directories + 8 * directory)
        start = offset(rva) if rva and size else None
        while start is not None and start + entry_size <= len(data):
            entry = data[start : start + entry_size]
            if not any(entry):
                break
            name_offset = offset(struct.unpack_from("<I", entry, name_at)[0])
            if name_offset is not None:
                names.append(_c_string(data, name_offset))
            start += entry_size
    return names


# -- which distributions a Windows install has ---------------------------------------------------

WINDOWS_ENVIRONMENT = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.9",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_release": "10",
    "platform_system": "Windows",
    "platform_version": "10.0.19045",
    "python_full_version": "3.11.9",
    "python_version": "3.11",
    "sys_platform": "win32",
}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def windows_distributions(
    roots: Iterable[str], requirements: dict[str, list[str]]
) -> dict[str, str]:
    """The distributions installed on Windows from ``roots`` (requirement strings), following
    ``requirements`` (distribution → its ``Requires-Dist`` lines) with the markers evaluated for
    Windows; maps each to its first requirement without the marker (``"tzdata>=2024.1"``)."""
    from packaging.requirements import Requirement

    found: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    queue = [(text, frozenset[str]()) for text in roots]
    while queue:
        text, parent_extras = queue.pop(0)
        requirement = Requirement(text)
        if requirement.marker is not None:
            extras = parent_extras or {""}
            if not any(
                requirement.marker.evaluate({**WINDOWS_ENVIRONMENT, "extra": extra})
                for extra in extras
            ):
                continue
        name = canonical(requirement.name)
        extras = frozenset(requirement.extras)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        found.setdefault(name, f"{requirement.name}{requirement.specifier}")
        queue += [(line, extras) for line in requirements.get(name, [])]
    return found


def read_requires(metadata: str) -> list[str]:
    """The ``Requires-Dist`` lines of a wheel's METADATA."""
    return [
        line.split(":", 1)[1].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    ]


def wheel_distribution(wheel: Path) -> str:
    return canonical(wheel.name.split("-")[0])


class WindowsWheels:
    """The binaries (.dll, .pyd) of the downloaded wheels and their distributions' requirements."""

    def __init__(self, folder: Path):
        self.binaries: dict[str, tuple[Path, str, int]] = {}  # path → (wheel, dist, size)
        self.requirements: dict[str, list[str]] = {}
        self.unpacked: dict[str, int] = {}  # distribution → bytes of its files, metadata aside
        for wheel in sorted(folder.glob("*.whl")):
            dist = wheel_distribution(wheel)
            with zipfile.ZipFile(wheel) as archive:
                for info in archive.infolist():
                    name = info.filename
                    if ".dist-info/" not in name:
                        self.unpacked[dist] = self.unpacked.get(dist, 0) + info.file_size
                    if name.lower().endswith((".dll", ".pyd")):
                        self.binaries[name] = (wheel, dist, info.file_size)
                    elif name.endswith(".dist-info/METADATA"):
                        self.requirements[dist] = read_requires(archive.read(name).decode())
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for name in self.binaries:
            self.by_name[name.rsplit("/", 1)[-1].lower()].append(name)

    def size(self, path: str) -> int:
        return self.binaries[path][2]

    def dist(self, path: str) -> str:
        return self.binaries[path][1]

    def imports(self, path: str) -> list[str]:
        wheel = self.binaries[path][0]
        with zipfile.ZipFile(wheel) as archive:
            return pe_imports(archive.read(path))

    def resolve(self, dll: str, importer: str, installed: set[str]) -> str | None:
        """The wheel file a DLL name loads, preferring the importer's folder (like Windows)."""
        candidates = [p for p in self.by_name.get(dll.lower(), []) if self.dist(p) in installed]
        folder = importer.rsplit("/", 1)[0]
        same = [p for p in candidates if p.rsplit("/", 1)[0] == folder]
        return (same or candidates or [None])[0]
