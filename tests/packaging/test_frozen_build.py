"""The one-folder bundle built with build.spec on this machine starts and passes its smoke test.

PyInstaller (the pinned ``build`` extra of pyproject.toml) goes into a throwaway virtual
environment under the session's temp folder that also sees this environment's packages (a
``.pth`` file), so only PyInstaller itself is downloaded. The build takes about a minute on two
cores; the bundle's size is printed (the Windows target is 150 MB; Linux carries ICU and the
system libraries Qt needs, which Windows does not).
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import time
import tomllib
from pathlib import Path

import pytest
from needs import unavailable

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build proof"),
]


BUILD_REPORT: list[str] = []  # printed by the first test, past pytest's output capture


def _build_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(project["project"]["optional-dependencies"]["build"])


def _run(command: list[str], log: Path, **kw) -> None:
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False, **kw)
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        pytest.fail(f"{' '.join(command[:3])}... failed ({result.returncode}):\n{tail}")


def _pyinstaller_venv(folder: Path) -> Path:
    """A venv with PyInstaller that imports everything else from the running environment."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=600)
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout.strip()
    parents = dict.fromkeys([*site.getsitepackages(), sysconfig.get_paths()["purelib"]])
    lines = [f"import site; site.addsitedir({str(path)!r})" for path in parents]
    (Path(purelib) / "dost_desk_parent_env.pth").write_text("\n".join(lines) + "\n")
    _run(
        [str(python), "-m", "pip", "install", "-q", *_build_requirements()],
        folder / "pip.log",
    )
    return folder / "bin" / "pyinstaller"


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build ``dist/dost-desk`` once per session; return its folder."""
    if shutil.which("strip") is None or shutil.which("objdump") is None:
        unavailable("binutils (strip, objdump) are missing: apt-get install binutils")
    work = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    pyinstaller = _pyinstaller_venv(work / "venv")
    installed = time.monotonic()
    _run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        work / "pyinstaller.log",
        cwd=ROOT,
    )
    bundle = work / "dist" / "dost-desk"
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file())
    BUILD_REPORT.append(
        f"frozen bundle {bundle}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB); "
        f"PyInstaller installed in {installed - started:.0f} s, "
        f"bundle built in {time.monotonic() - installed:.0f} s"
    )
    return bundle


def smoke(bundle: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DOST_DESK_", "QT_", "DISPLAY", "WAYLAND_DISPLAY"))
    }
    env.update(
        DOST_DESK_CONFIG=str(tmp_path / "config.toml"),
        DOST_DESK_DATA_DIR=str(tmp_path / "data"),
    )
    return subprocess.run(
        [str(bundle / "dost-desk"), "self-check", "--smoke"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def step_lines(output: str) -> dict[str, str]:
    """``{"resources": "ok", ...}`` from the self-check's output."""
    states = {}
    for line in output.splitlines():
        state, _, rest = line.partition(" ")
        if state in ("ok", "FAILED") and ":" in rest:
            states[rest.strip().split(":", 1)[0]] = state
    return states


def printing_is_written() -> bool:
    from importlib.util import find_spec

    return find_spec("dost_desk.services.printing") is not None


def test_the_frozen_bundle_passes_its_smoke_test(
    frozen_bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print("\n" + "\n".join(BUILD_REPORT))
    result = smoke(frozen_bundle, tmp_path)
    states = step_lines(result.stdout)
    assert set(states) == {
        "resources",
        "passports",
        "database",
        "receipt-pdf",
        "log",
        "main-window",
    }
    if printing_is_written():
        assert result.returncode == 0, result.stdout + result.stderr
        assert set(states.values()) == {"ok"}
    else:  # until dost_desk.services.printing lands, only that step may fail
        assert states.pop("receipt-pdf") == "FAILED"
        assert set(states.values()) == {"ok"}, result.stdout
    assert "Traceback" not in result.stderr
    # The smoke test never touches the real database (the data folder holds only the log).
    assert not (tmp_path / "data").exists() or os.listdir(tmp_path / "data") == ["logs"]


@pytest.mark.parametrize(
    "resource",
    ["resources/fonts/DejaVuSans-Bold.ttf", "resources/i18n/dost_desk_az.qm"],
)
def test_a_resource_missing_from_the_bundle_fails_the_smoke_test_naming_it(
    frozen_bundle: Path, tmp_path: Path, resource: str
) -> None:
    path = frozen_bundle / "_internal" / resource
    aside = path.with_name(path.name + ".aside")
    path.rename(aside)
    try:
        result = smoke(frozen_bundle, tmp_path)
    finally:
        aside.rename(path)
    assert result.returncode != 0
    assert f"FAILED resources: missing {resource}" in result.stdout
    assert Path(resource).name in result.stderr.splitlines()[-1]  # the one-line error names it
