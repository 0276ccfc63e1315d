"""`dost-desk self-check`: passes from source; a missing resource or a bad PDF fails by name."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import types
from importlib.util import find_spec
from pathlib import Path

import pytest

from dost_desk import resources
from dost_desk.services import self_check
from dost_desk.services.self_check import pdf_fonts, run_self_check, run_step
from dost_desk.storage import migrate

pytestmark = pytest.mark.slow  # real processes; CI runs it, the fast set does not

STEPS = ["resources", "passports", "database", "receipt-pdf", "log", "main-window"]
FONTS = resources.resource_path("fonts")


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.update(DOST_DESK_CONFIG=str(tmp_path / "c.toml"), DOST_DESK_DATA_DIR=str(tmp_path / "d"))
    return subprocess.run(
        [sys.executable, "-m", "dost_desk", "self-check", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_self_check_passes_from_source(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--smoke")
    lines = result.stdout.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines] == STEPS
    failed = [line for line in lines if not line.startswith("ok ")]
    if find_spec("dost_desk.services.printing") is None:  # until the printing module lands
        assert failed == [line for line in lines if "receipt-pdf" in line]
        assert "printing module is not available" in failed[0]
        return
    assert result.returncode == 0, result.stdout + result.stderr
    assert failed == []
    assert "fonts embedded: DejaVuSans" in result.stdout
    assert f"log file: {tmp_path / 'd' / 'logs' / 'dost-desk.log'}" in result.stdout
    # Only a temporary database was touched: the data folder holds the log and nothing else.
    assert [path.name for path in (tmp_path / "d").iterdir()] == ["logs"]


def test_self_check_fails_on_a_log_folder_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "d").write_text("a file where the data folder should be")
    result = run_cli(tmp_path, "--json")
    steps = {step["name"]: step for step in json.loads(result.stdout)["steps"]}
    assert not steps["log"]["ok"]
    assert (
        f"cannot write the log file {tmp_path / 'd' / 'logs' / 'dost-desk.log'}"
        in (steps["log"]["detail"])
    )
    assert steps["database"]["ok"]  # everything else still runs
    assert result.returncode == 1
    assert result.stderr.startswith("dost-desk: cannot write the log file")


def test_json_output_and_report_file(tmp_path: Path) -> None:
    report = tmp_path / "smoke.txt"
    result = run_cli(tmp_path, "--smoke", "--json", "--report", str(report))
    data = json.loads(result.stdout)
    assert [step["name"] for step in data["steps"]] == STEPS
    assert data["ok"] == (result.returncode == 0)
    written = report.read_text(encoding="utf-8").splitlines()
    assert len(written) == len(STEPS) + 1
    assert written[-1] == ("self-check passed" if data["ok"] else "self-check failed")


@pytest.fixture
def resource_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ that the app reads instead of the real one."""
    copy = tmp_path / "bundle" / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    return copy


@pytest.mark.parametrize(
    "missing",
    [
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "i18n/dost_desk_az.qm",
        "catalog/reference.yaml",
    ],
)
def test_a_missing_resource_fails_naming_the_file(resource_copy: Path, missing: str) -> None:
    (resource_copy / missing).unlink()
    report = run_self_check(only=["resources"])
    assert not report.ok
    (step,) = report.failed
    assert step.name == "resources"
    assert f"missing resources/{missing} ({resource_copy / missing})" in step.detail


def test_missing_passports_fail_the_resources_and_passports_steps(resource_copy: Path) -> None:
    shutil.rmtree(resource_copy / "passports")
    (resource_copy / "passports").mkdir()
    report = run_self_check(only=["resources", "passports"])
    assert [step.name for step in report.failed] == ["resources", "passports"]
    assert "resources/passports" in report.failed[0].detail


def test_a_broken_passport_fails_naming_the_file(resource_copy: Path) -> None:
    broken = sorted((resource_copy / "passports").glob("*.yaml"))[0]
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    report = run_self_check(only=["passports"])
    assert not report.ok
    assert broken.name in report.failed[0].detail


def test_missing_migrations_fail_naming_them(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "env.py").unlink()
    for script in (folder / "versions").glob("*.py"):
        script.unlink()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    detail = run_self_check(only=["resources"]).failed[0].detail
    assert "env.py" in detail
    assert "no migration scripts" in detail


def test_a_source_checkout_compiles_a_missing_translation(resource_copy: Path) -> None:
    from dost_desk.cli.selfcheck_cmd import _compile_translations_in_checkout

    (resource_copy / "i18n" / "dost_desk_az.qm").unlink()
    _compile_translations_in_checkout()
    assert run_self_check(only=["resources"]).ok


def test_the_database_step_migrates_to_the_newest_revision() -> None:
    (step,) = run_self_check(only=["database"]).steps
    assert step.ok, step.detail
    assert step.detail.endswith(migrate.head_revision())


def test_an_unexpected_error_is_reported_not_raised() -> None:
    def broken() -> str:
        raise KeyError("boom")

    result = run_step("broken", broken)
    assert not result.ok
    assert result.detail == "KeyError: 'boom'"


# -- PDF fonts ----------------------------------------------------------------------------------


def pdf_with(font: str) -> bytes:
    """A one-page PDF written by ReportLab in ``font`` (a TTF name registers DejaVu)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if font.startswith("DejaVu"):
        pdfmetrics.registerFont(TTFont(font, str(FONTS / f"{font}.ttf")))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=font, initialFontSize=12)
    canvas.setFont(font, 12)
    canvas.drawString(72, 720, "Qəbz: Azərbaycan")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_pdf_fonts_sees_embedded_truetype_fonts() -> None:
    fonts = pdf_fonts(pdf_with("DejaVuSans-Bold"))
    assert {(font.name, font.embedded) for font in fonts} == {("DejaVuSans-Bold", True)}


def test_pdf_fonts_sees_an_unembedded_base14_font() -> None:
    fonts = pdf_fonts(pdf_with("Helvetica"))
    assert ("Helvetica", "Type1", False) in [(f.name, f.subtype, f.embedded) for f in fonts]
    assert not any(font.embedded for font in fonts)


def test_pdf_fonts_agrees_with_pypdf() -> None:
    import pypdf  # a runtime dependency (verify)

    data = pdf_with("DejaVuSans")
    reader = pypdf.PdfReader(io.BytesIO(data))
    seen = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            seen[str(font["/BaseFont"]).split("+")[-1]] = embedded
    assert seen == {font.name: font.embedded for font in pdf_fonts(data)}


@pytest.fixture
def fake_printing(monkeypatch: pytest.MonkeyPatch):
    """Replace dost_desk.services.printing by a module whose render_sample returns ``pdf``."""

    def install(pdf: object) -> None:
        module = types.ModuleType("dost_desk.services.printing")
        module.render_sample = lambda kind, profile: pdf  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "dost_desk.services.printing", module)

    return install


def test_the_receipt_step_passes_with_embedded_fonts(fake_printing) -> None:
    fake_printing(pdf_with("DejaVuSans"))
    (step,) = run_self_check(only=["receipt-pdf"]).steps
    assert step.ok
    assert step.detail.endswith("fonts embedded: DejaVuSans")


def test_the_receipt_step_names_an_unembedded_font(fake_printing) -> None:
    fake_printing(pdf_with("Helvetica"))
    (step,) = run_self_check(only=["receipt-pdf"]).steps
    assert not step.ok
    assert step.detail.startswith("fonts not embedded in the receipt PDF: Helvetica")


def test_the_receipt_step_refuses_what_is_not_a_pdf(fake_printing) -> None:
    fake_printing(b"<html>")
    (step,) = run_self_check(only=["receipt-pdf"]).steps
    assert not step.ok
    assert "did not return PDF bytes" in step.detail


def test_a_missing_printing_module_is_a_failed_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dost_desk.services.printing", None)  # import fails
    (step,) = run_self_check(only=["receipt-pdf"]).steps
    assert not step.ok
    assert step.detail.startswith("the printing module is not available")


def test_steps_run_in_order_and_report_live() -> None:
    seen = []
    report = run_self_check(
        extra_steps=[("extra", lambda: "fine")],
        only=["database", "extra"],
        on_result=seen.append,
    )
    assert [step.name for step in report.steps] == ["database", "extra"]
    assert seen == list(report.steps)
    assert self_check.SelfCheckReport(report.steps).ok
