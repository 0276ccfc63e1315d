"""Benchmark: the one-folder bundle's size on Linux (measured) and on Windows (estimated).

PyInstaller cannot analyse for Windows on Linux, so the Windows figure is derived:

1. The real Linux bundle is built from build.spec with PyInstaller (the ``build`` extra,
   ``pip install -e '.[build]'``) into ``bench/.cache/linux-build/`` and its files are summed;
   the build's COLLECT table says where each file came from. The build is reused while
   build.spec, pyproject.toml, dost_desk/, resources/ and the installed versions are unchanged.
2. The ``win_amd64`` wheels of the project's dependencies are downloaded once into
   ``bench/.cache/wheels-win_amd64-cp311/`` (``pip download --platform win_amd64
   --only-binary=:all: --python-version 3.11 --implementation cp``).
3. Every Linux binary that came from a wheel is replaced by its Windows counterpart
   (``bundle_estimate.windows_counterpart``); the Qt plugins build.spec keeps are taken from the
   Windows wheel by the same rule (qwindows, qmodernwindowsstyle…); then the DLLs those import
   are followed through the Windows wheels as PyInstaller would (MSVC runtime, psycopg's libpq
   and OpenSSL…), minus the DLLs build.spec drops. What the OS provides (ICU: Qt6Core.dll
   imports the system ``icuuc.dll``; kernel32…) is listed, not counted.
4. Pure Python and data (the PYZ inside the executable, base_library.zip, resources, fonts,
   metadata) are counted at their Linux size; Windows has two executables (dost-desk.exe and
   dost-desk-cli.exe), each carrying the PYZ. Linux system libraries (X11/xcb, glib, CUPS, ICU,
   libstdc++…) count only on Linux.
5. The CPython runtime has no Windows build on the package registry: its stand-in is the
   Linux ``libpython3.11.so`` + ``lib-dynload/*.so`` + the system libraries those link and
   CPython's Windows installer ships as DLLs (OpenSSL, SQLite, libffi, zlib, bz2, lzma, expat),
   plus the VC runtime python311.dll needs (taken from the PySide6 wheel).

The row: ``ours`` is the Windows estimate, ``baseline`` the Linux bundle (MB = 10⁶ bytes),
target ≤ 150 MB. The breakdown by component goes to stderr and into the row's JSON.

Run alone: ``python bench/bench_bundle.py``.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
import re
import subprocess
import sys
import sysconfig
import tomllib
from collections import defaultdict
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from bundle_estimate import (  # noqa: E402
    WindowsWheels,
    canonical,
    plugin_is_kept,
    spec_rules,
    windows_counterpart,
    windows_distributions,
)

CACHE = BENCH_DIR / ".cache"
WHEELS = CACHE / "wheels-win_amd64-cp311"
BUILD = CACHE / "linux-build"
TARGET_MB = 150.0
MB = 1e6

QT = "Qt (PySide6, shiboken6, Qt libraries and kept plugins; Windows: + MSVC runtime)"
ICU = "ICU (Linux: bundled for QtCore; Windows: the OS's icuuc.dll)"
RUNTIME = "Python runtime (Windows: Linux stand-in, see bench_bundle.py)"
EXTENSIONS = "other extensions (pydantic_core, psycopg_binary + libpq/OpenSSL, PIL, yaml…)"
SYSTEM = "Linux system libraries (X11/xcb, glib, CUPS, krb5, libstdc++…; none on Windows)"
EXECUTABLES = "executables (bootloader + PYZ of all Python code; Windows: 2 of them)"
DATA = "pure Python / data (base_library.zip, resources, fonts, migrations, metadata)"
COMPONENTS = (QT, ICU, RUNTIME, EXTENSIONS, SYSTEM, EXECUTABLES, DATA)

# System libraries of the Linux build that CPython links and its Windows build ships (as
# libcrypto-3.dll, libssl-3.dll, sqlite3.dll, libffi-8.dll) or links statically into its .pyd
# files (zlib, bz2, lzma, expat, mpdecimal): counted in the runtime stand-in.
RUNTIME_SYSTEM_LIBS = (
    "libcrypto.so",
    "libssl.so",
    "libsqlite3.so",
    "libffi.so",
    "libz.so",
    "libbz2.so",
    "liblzma.so",
    "libexpat.so",
    "libmpdec.so",
)
PYTHON_VC_RUNTIME = ("vcruntime140.dll", "vcruntime140_1.dll")
PYTHON_DLL = re.compile(r"python3\d*\.dll", re.IGNORECASE)  # the runtime (its stand-in)


# -- inputs -------------------------------------------------------------------------------------


def project_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(project["project"]["dependencies"])


def download_windows_wheels(folder: Path = WHEELS) -> Path:
    """The win_amd64 wheels of the project's dependencies, downloaded once per dependency list."""
    requirements = "\n".join(project_dependencies()) + "\n"
    stamp = folder / "requirements.txt"
    if stamp.is_file() and stamp.read_text() == requirements and any(folder.glob("*.whl")):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "requirements.in").write_text(requirements)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--platform", "win_amd64"]
    command += ["--only-binary=:all:", "--python-version", "3.11", "--implementation", "cp"]
    command += ["-d", str(folder), "-r", str(folder / "requirements.in")]
    print("bench_bundle: downloading the win_amd64 wheels…", file=sys.stderr, flush=True)
    subprocess.run(command, check=True, timeout=1800)
    # pip evaluates the markers for this machine, not for Windows: fetch what only Windows
    # needs (keyring's pywin32-ctypes, tzdata…) once the markers are evaluated for Windows.
    wheels = WindowsWheels(folder)
    installed = windows_distributions(project_dependencies(), wheels.requirements)
    missing = [spec for dist, spec in installed.items() if dist not in wheels.requirements]
    if missing:
        subprocess.run([*command[:-2], "--no-deps", *missing], check=True, timeout=1800)
    stamp.write_text(requirements)
    return folder


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("build.spec", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    for folder in ("dost_desk", "resources"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".qm":
                digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    for dist in ("PySide6-Essentials", "PySide6-Addons", "pyinstaller"):
        digest.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    digest.update(sys.executable.encode())
    return digest.hexdigest()


def build_linux_bundle(work: Path = BUILD) -> tuple[Path, Path]:
    """Build ``dist/dost-desk`` from build.spec (reused while its inputs are unchanged);
    return the bundle folder and PyInstaller's COLLECT table."""
    try:
        importlib.metadata.version("pyinstaller")
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeError("PyInstaller is missing: pip install -e '.[build]'") from None
    bundle = work / "dist" / "dost-desk"
    stamp = work / "fingerprint.txt"
    fingerprint = _fingerprint()
    tables = sorted((work / "build").glob("*/COLLECT-00.toc"))
    if bundle.is_dir() and tables and stamp.is_file() and stamp.read_text() == fingerprint:
        return bundle, tables[0]
    work.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    print("bench_bundle: building the Linux bundle…", file=sys.stderr, flush=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN"]
    command += ["--distpath", str(work / "dist"), "--workpath", str(work / "build")]
    with (work / "pyinstaller.log").open("w", encoding="utf-8") as log:
        subprocess.run(
            [*command, str(ROOT / "build.spec")],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=1800,
        )
    stamp.write_text(fingerprint)
    return bundle, sorted((work / "build").glob("*/COLLECT-00.toc"))[0]


# -- the Linux bundle ---------------------------------------------------------------------------


def _site_packages() -> list[Path]:
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    paths.update(p for p in sys.path if p.endswith("site-packages"))
    return [Path(p).resolve() for p in paths]


def _relative_to_any(path: Path, folders: list[Path]) -> str | None:
    for folder in folders:
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return None


def linux_files(bundle: Path, table: Path) -> list[dict]:
    """Every file of the bundle (symlinks not followed) with its size, source and component."""
    toc = ast.literal_eval(table.read_text(encoding="utf-8"))
    entries = toc[0] if isinstance(toc, tuple) else toc
    sources = {dest: (Path(source), kind) for dest, source, kind in entries}
    site_packages = _site_packages()
    base = Path(sys.base_prefix).resolve()
    files = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        inside = "_internal" in path.relative_to(bundle).parts
        dest = path.relative_to(bundle / "_internal").as_posix() if inside else ""
        source, kind = sources.get(dest, (None, "DATA"))
        record = {"dest": dest or path.name, "size": path.stat().st_size, "kind": kind}
        record["wheel_path"] = None
        resolved = source.resolve() if source else None
        in_wheel = _relative_to_any(resolved, site_packages) if resolved else None
        if not dest:
            record["component"] = EXECUTABLES
        elif kind not in ("BINARY", "EXTENSION"):
            record["component"] = DATA
        elif path.name.startswith("libicu"):
            record["component"] = ICU  # PySide6's wheel ships it on Linux
        elif in_wheel is not None:
            record["wheel_path"] = in_wheel
            top = in_wheel.split("/")[0]
            record["component"] = QT if top in ("PySide6", "shiboken6") else EXTENSIONS
        elif (resolved is not None and resolved.is_relative_to(base)) or path.name.startswith(
            RUNTIME_SYSTEM_LIBS
        ):
            record["component"] = RUNTIME
        else:
            record["component"] = SYSTEM
        files.append(record)
    return files


# -- the Windows wheels -------------------------------------------------------------------------


def _plugin_kinds_by_qt_library() -> dict[str, set[str]]:
    """Qt plugin folders PyInstaller collects for each Qt library (its own table)."""
    from PyInstaller.utils.hooks.qt._modules_info import QT_MODULES_INFO

    kinds: dict[str, set[str]] = defaultdict(set)
    for info in QT_MODULES_INFO:
        if info.shared_lib and (not info.bindings or "PySide6" in info.bindings):
            kinds[f"qt6{info.shared_lib}.dll".lower()].update(info.plugins)
    return kinds


def estimate_windows(files: list[dict], wheels: WindowsWheels) -> dict:
    plugins_kept, dlls_dropped = spec_rules((ROOT / "build.spec").read_text(encoding="utf-8"))
    installed_from = windows_distributions(project_dependencies(), wheels.requirements)
    installed = set(installed_from)
    linux_only, counterpart_of, roots, libraries = [], {}, [], []
    for record in files:
        if record["component"] not in (QT, EXTENSIONS):
            continue
        path = windows_counterpart(record["wheel_path"])
        if path is None and ".libs/" in record["wheel_path"]:
            reason = "system library vendored by auditwheel; the Windows wheel links its own"
            linux_only.append((record["dest"], record["size"], reason))
        elif path is None or path not in wheels.binaries:
            linux_only.append((record["dest"], record["size"], "no Windows file of that name"))
        elif wheels.dist(path) not in installed:
            reason = f"{wheels.dist(path)} is not installed on Windows (markers)"
            linux_only.append((record["dest"], record["size"], reason))
        else:
            counterpart_of[path] = record["dest"]
            # Extension modules and plugins are what PyInstaller starts from; libraries come
            # only when a kept binary imports them (checked below).
            if record["kind"] == "EXTENSION" or "/plugins/" in path:
                roots.append(path)
            else:
                libraries.append((path, record))
    kinds_by_library = _plugin_kinds_by_qt_library()
    kept: dict[str, int] = {}
    from_os: set[str] = set()
    queue = list(roots)
    while True:
        while queue:
            path = queue.pop()
            if path in kept:
                continue
            kept[path] = wheels.size(path)
            for dll in wheels.imports(path):
                if dlls_dropped.fullmatch(dll):
                    continue
                found = wheels.resolve(dll, path, installed)
                if found is None:
                    if not PYTHON_DLL.fullmatch(dll):  # python311.dll: the runtime stand-in
                        from_os.add(dll)
                elif found not in kept:
                    queue.append(found)
        collected = set().union(
            *(kinds_by_library.get(p.rsplit("/", 1)[-1].lower(), set()) for p in kept)
        )
        for path in wheels.binaries:
            parts = path.split("/")
            if (
                len(parts) == 4
                and parts[:2] == ["PySide6", "plugins"]
                and path not in kept
                and parts[2] in collected
                and plugin_is_kept(parts[2], parts[3], plugins_kept)
                and wheels.dist(path) in installed
                and not dlls_dropped.fullmatch(parts[3])
            ):
                queue.append(path)
        if not queue:
            break
    for path, record in libraries:
        if path not in kept:
            reason = f"{path.rsplit('/', 1)[-1]} is imported by no kept Windows binary"
            linux_only.append((record["dest"], record["size"], reason))
    windows_only = sorted((path, size) for path, size in kept.items() if path not in counterpart_of)
    vc_runtime = sum(
        wheels.size(p)
        for p in wheels.binaries
        if p.startswith("PySide6/") and p.rsplit("/", 1)[-1].lower() in PYTHON_VC_RUNTIME
    )
    missing = sorted(d for d in installed if d not in wheels.requirements)
    here = {canonical(d.metadata["Name"]) for d in importlib.metadata.distributions()}
    windows_only_python = {d: wheels.unpacked[d] for d in sorted(installed - here)}
    return {
        "windows_only_python": windows_only_python,
        "kept": kept,
        "linux_only": linux_only,
        "windows_only": windows_only,
        "from_os": sorted(from_os, key=str.lower),
        "vc_runtime_for_python": vc_runtime,
        "distributions_without_wheel": missing,
        "linux_only_distributions": sorted(here & set(wheels.requirements) - installed),
    }


def breakdown(files: list[dict], windows: dict, wheels: WindowsWheels) -> dict[str, list[int]]:
    """component → [Linux bytes, Windows bytes]."""
    sizes = {component: [0, 0] for component in COMPONENTS}
    for record in files:
        component = record["component"]
        sizes[component][0] += record["size"]
        if component == EXECUTABLES:
            sizes[component][1] += 2 * record["size"]
        elif component in (DATA, RUNTIME):
            sizes[component][1] += record["size"]
    sizes[RUNTIME][1] += windows["vc_runtime_for_python"]
    sizes[DATA][1] += sum(windows["windows_only_python"].values())
    for path, size in windows["kept"].items():
        top = path.split("/")[0]
        qt = top in ("PySide6", "shiboken6")
        sizes[QT if qt else EXTENSIONS][1] += size
    return sizes


def _mb(size: int) -> str:
    return f"{size / MB:6.1f}"


def report(sizes: dict[str, list[int]], windows: dict, linux_total: int, total: int) -> str:
    lines = ["bundle size by component (MB)   Linux  Windows"]
    lines += [f"  {_mb(lin)}  {_mb(win)}  {name}" for name, (lin, win) in sizes.items()]
    lines.append(f"  {_mb(linux_total)}  {_mb(total)}  total (Windows: estimate)")
    biggest = sorted(windows["kept"].items(), key=lambda item: -item[1])[:12]
    lines.append(
        "largest Windows binaries: "
        + ", ".join(f"{path.rsplit('/', 1)[-1]} {size / MB:.1f}" for path, size in biggest)
    )
    lines.append("Linux binaries with no Windows counterpart (not counted for Windows):")
    lines += [f"  {size / MB:6.2f}  {dest} ({why})" for dest, size, why in windows["linux_only"]]
    lines.append("Windows-only binaries (imported by kept ones, or plugins kept by build.spec):")
    lines += [f"  {size / MB:6.2f}  {path}" for path, size in windows["windows_only"]]
    icu = [name for name in windows["from_os"] if name.lower().startswith("icu")]
    lines.append(
        f"ICU on Windows: Qt imports {', '.join(icu) or 'no ICU DLL'} from the OS (Windows 10+);"
        " Linux bundles libicu*.so (see the ICU line)"
    )
    lines.append("DLLs the Windows bundle takes from the OS: " + ", ".join(windows["from_os"]))
    if windows["windows_only_python"]:
        lines.append(
            "Windows-only Python packages (counted unpacked under pure Python / data): "
            + ", ".join(f"{d} {s / MB:.2f}" for d, s in windows["windows_only_python"].items())
        )
    if windows["distributions_without_wheel"]:
        lines.append(
            "NOT COUNTED, required on Windows but no wheel downloaded: "
            + ", ".join(windows["distributions_without_wheel"])
        )
    if windows["linux_only_distributions"]:
        lines.append(
            "installed here, not on Windows (markers): "
            + ", ".join(windows["linux_only_distributions"])
        )
    return "\n".join(lines)


def run(quick: bool = False) -> list[dict]:
    wheels = WindowsWheels(download_windows_wheels())
    bundle, table = build_linux_bundle()
    files = linux_files(bundle, table)
    windows = estimate_windows(files, wheels)
    sizes = breakdown(files, windows, wheels)
    linux_total = sum(lin for lin, _ in sizes.values())
    total = sum(win for _, win in sizes.values())
    print(report(sizes, windows, linux_total, total), file=sys.stderr, flush=True)
    return [
        {
            "benchmark": "one-folder bundle: Windows estimate (baseline: Linux, built here)",
            "ours": round(total / MB, 1),
            "baseline": round(linux_total / MB, 1),
            "ratio": total / linux_total,
            "unit": "MB",
            "target": f"Windows ≤ {TARGET_MB:g} MB (estimate)",
            "ok": total / MB <= TARGET_MB,
            "breakdown": {
                name: {"linux_mb": round(lin / MB, 2), "windows_mb": round(win / MB, 2)}
                for name, (lin, win) in sizes.items()
            },
            "linux_only": [
                {"file": d, "mb": round(s / MB, 3), "why": w} for d, s, w in windows["linux_only"]
            ],
            "windows_only": [
                {"file": p, "mb": round(s / MB, 3)} for p, s in windows["windows_only"]
            ],
            "windows_from_os": windows["from_os"],
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps({k: v for k, v in row.items() if not isinstance(v, dict | list)}))
