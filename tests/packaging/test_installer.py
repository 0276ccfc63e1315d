"""installer/dost-desk.nsi compiles with makensis against a stub payload (syntax and includes
proven; warnings are errors), and the Linux build script wraps it, signing when asked."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from needs import unavailable

from dost_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "dost-desk.nsi"
BUILD_SCRIPT = ROOT / "installer" / "build_installer.sh"


@pytest.fixture(scope="module")
def makensis() -> str:
    tool = shutil.which("makensis")
    if tool is None:
        unavailable("makensis is missing: apt-get install nsis")
    return tool


@pytest.fixture
def stub_payload(tmp_path: Path) -> Path:
    """What PyInstaller would put in dist/dost-desk, as placeholder files."""
    payload = tmp_path / "dist" / "dost-desk"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "dost-desk.exe").write_text("stub: the windowed launcher\n")
    (payload / "dost-desk-cli.exe").write_text("stub: the console launcher\n")
    (payload / "_internal" / "resources" / "readme.txt").write_text("stub\n")
    return payload


def compile_installer(makensis: str, payload: Path, out: Path, *defines: str):
    return subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",  # a warning (unknown variable, unused function...) fails the build
            f"-DVERSION={__version__}",
            f"-DDIST_DIR={payload}",
            f"-DOUT_FILE={out}",
            *defines,
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("target", [None, "amd64-unicode"], ids=["x86-unicode", "amd64-unicode"])
def test_the_installer_script_compiles(
    makensis: str, stub_payload: Path, tmp_path: Path, target: str | None
) -> None:
    out = tmp_path / "out" / "dost-desk-test-setup.exe"
    out.parent.mkdir()
    defines = [f"-DTARGET={target}"] if target else []
    result = compile_installer(makensis, stub_payload, out, *defines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.is_file()
    assert out.read_bytes()[:2] == b"MZ"  # a Windows executable


def test_the_version_and_payload_are_required(makensis: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [makensis, "-V2", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode != 0
    assert "pass the version" in result.stdout + result.stderr


def run_build_script(payload: Path, out_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SIGN_")}
    environment.update(env)
    return subprocess.run(
        ["bash", str(BUILD_SCRIPT), str(payload), str(out_dir)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_build_script_skips_signing_without_a_certificate(
    makensis: str, stub_payload: Path, tmp_path: Path
) -> None:
    result = run_build_script(stub_payload, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "code signing skipped: no certificate (set SIGN_CERT)" in result.stdout
    assert (tmp_path / "out" / f"dost-desk-{__version__}-setup.exe").is_file()


def test_the_build_script_refuses_a_folder_without_the_program(
    makensis: str, tmp_path: Path
) -> None:
    result = run_build_script(tmp_path / "nothing", tmp_path / "out")
    assert result.returncode != 0
    assert "no dost-desk.exe in" in result.stderr


def test_the_build_script_signs_with_a_certificate(
    makensis: str, tmp_path: Path, stub_payload: Path
) -> None:
    """Needs osslsigncode and openssl (a throwaway self-signed certificate), which the
    test command installs; skipped only outside CI."""
    if not (shutil.which("osslsigncode") and shutil.which("openssl")):
        unavailable("osslsigncode or openssl is missing: apt-get install osslsigncode openssl")
    # Real Windows executables to sign: compile the installer once and use it as the payload.
    launcher = tmp_path / "launcher.exe"
    assert compile_installer(makensis, stub_payload, launcher).returncode == 0
    for name in ("dost-desk.exe", "dost-desk-cli.exe"):
        shutil.copy(launcher, stub_payload / name)
    key, cert, pfx = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "cert.pfx"
    openssl = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    subprocess.run(
        [*openssl, "-keyout", str(key), "-out", str(cert), "-subj", "/CN=DOST Desk test"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    export = ["openssl", "pkcs12", "-export", "-out", str(pfx), "-inkey", str(key)]
    subprocess.run(
        [*export, "-in", str(cert), "-passout", "pass:test-secret"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = run_build_script(
        stub_payload, tmp_path / "out", SIGN_CERT=str(pfx), SIGN_PASSWORD="test-secret"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "code signing skipped" not in result.stdout
    assert result.stdout.count("signed ") == 4  # two launchers, the uninstaller, the installer
    installer = tmp_path / "out" / f"dost-desk-{__version__}-setup.exe"
    for signed in (installer, stub_payload / "dost-desk.exe"):
        verify = subprocess.run(
            ["osslsigncode", "verify", "-in", str(signed)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "CN=DOST Desk test" in verify.stdout, verify.stdout + verify.stderr
