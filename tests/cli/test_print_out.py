"""`dost-desk print app --out`: the archive row only for a file that was delivered, never
a write into something that is not a regular file, and a kill -9 at any point of a print
converges on the next print (no DUBLİKAT without an original on paper)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from needs import unavailable
from pypdf import PdfReader
from test_print_cli import accepted_application, one_error_line, run
from test_print_cli import database as database  # the fixture, re-exported


def printed(url: str, regno: str) -> list[tuple[int, bool]]:
    from dost_desk.config import load_settings
    from dost_desk.services.desk import open_desk
    from dost_desk.services.printing import list_printed_documents

    desk = open_desk(load_settings(centre_code="C123"), url=url)
    try:
        return [(row.copy_number, row.duplicate) for row in list_printed_documents(desk, regno)]
    finally:
        desk.close()


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def print_app(capsys, regno, out):
    return run(capsys, "print", "app", regno, "--kind", "receipt", "--out", out)


def test_an_unwritable_out_archives_nothing_and_the_next_print_is_the_original(
    database, tmp_path, capsys
):
    regno = database["regno"]
    blocker = tmp_path / "somefile"
    blocker.write_text("not a folder")
    for bad in (tmp_path / "missing" / "r.pdf", blocker / "r.pdf"):
        code, out, err = print_app(capsys, regno, bad)
        assert code == 1 and out == "" and "cannot save the PDF" in one_error_line(err)
    assert printed(database["url"], regno) == []
    code, out, _ = print_app(capsys, regno, tmp_path / "r.pdf")
    assert code == 0 and "original" in out and "DUBLİKAT" not in text_of(tmp_path / "r.pdf")
    assert printed(database["url"], regno) == [(1, False)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["r.pdf"]


@pytest.fixture
def tiny_disk(mount_tmpfs):
    """A 64 KiB tmpfs, almost full (a receipt does not fit)."""
    folder = mount_tmpfs("64k")
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - 8192))  # room for a few bytes only
    return folder


def test_a_full_disk_archives_nothing_and_leaves_nothing_at_the_target(
    database, tmp_path, tiny_disk, capsys
):
    regno = database["regno"]
    target = tiny_disk / "r.pdf"
    code, _, err = print_app(capsys, regno, target)
    assert code == 1 and "cannot save the PDF" in one_error_line(err)
    assert "No space left" in err
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]
    assert printed(database["url"], regno) == []
    code, out, _ = print_app(capsys, regno, tmp_path / "r.pdf")
    assert code == 0 and "original" in out
    assert printed(database["url"], regno) == [(1, False)]


def _symlink_to_file(tmp_path: Path) -> tuple[Path, Path]:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "link.pdf"
    link.symlink_to(victim)
    return link, victim


def _make(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.pdf"
    if kind == "symlink":
        return _symlink_to_file(tmp_path)[0]
    if kind == "dangling-symlink":
        path.symlink_to(tmp_path / "nowhere.pdf")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
        except PermissionError:
            unavailable("creating a device node needs root")
    elif kind == "directory":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind", ["symlink", "dangling-symlink", "fifo", "device", "directory"])
def test_out_refuses_anything_but_a_regular_file(kind, database, tmp_path, capsys):
    path = _make(kind, tmp_path)
    before = os.lstat(path)
    code, out, err = print_app(capsys, database["regno"], path)
    assert code == 1 and out == ""
    assert "not a regular file" in one_error_line(err) or "is a folder" in err
    after = os.lstat(path)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if kind == "symlink":
        assert (tmp_path / "victim.txt").read_text() == "keep me"
    assert not list(tmp_path.glob("*.part"))
    assert printed(database["url"], database["regno"]) == []


def test_out_replaces_a_regular_file_atomically_and_new_files_follow_the_umask(
    database, tmp_path, capsys
):
    regno = database["regno"]
    new = tmp_path / "new.pdf"
    previous = os.umask(0o022)
    try:
        code, _, _ = print_app(capsys, regno, new)
    finally:
        os.umask(previous)
    assert code == 0 and stat.S_IMODE(new.stat().st_mode) == 0o644
    existing = tmp_path / "existing.pdf"
    existing.write_text("old")
    existing.chmod(0o640)
    code, out, _ = print_app(capsys, regno, existing)
    assert code == 0 and "DUBLİKAT, copy 2" in out
    assert existing.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


# -- kill -9 in the middle of a print ------------------------------------------------------

STAGES = ["rendered", "written", "delivered", "archived"]


def _cli(database, tmp_path, *argv, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DOST_DESK_") and key != "DOST_TEST_FAULT_PRINT"
    }
    env.update(
        DOST_DESK_DATABASE_URL=database["url"],
        DOST_DESK_CENTRE_CODE="C123",
        DOST_DESK_CONFIG=str(tmp_path / "none.toml"),
        DOST_DESK_DATA_DIR=str(tmp_path / "data"),
    )
    if fault:
        env["DOST_TEST_FAULT_PRINT"] = fault
    return subprocess.run(
        [sys.executable, "-m", "dost_desk", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_kill_9_during_a_print_converges_on_the_next_print(stage, database, tmp_path):
    regno = database["regno"]
    target = tmp_path / "out" / "r.pdf"
    target.parent.mkdir()
    killed = _cli(
        database, tmp_path, "print", "app", regno, "--kind", "receipt", "--out", target, fault=stage
    )
    assert killed.returncode == -9, killed.stderr
    delivered = target.exists()
    assert delivered == (stage in ("delivered", "archived"))
    if delivered:
        assert "DUBLİKAT" not in text_of(target)  # a whole PDF, never half of one
    assert printed(database["url"], regno) == ([(1, False)] if stage == "archived" else [])

    again = _cli(database, tmp_path, "print", "app", regno, "--kind", "receipt", "--out", target)
    assert again.returncode == 0, again.stderr
    if stage == "archived":
        assert "DUBLİKAT, copy 2" in again.stdout
        assert printed(database["url"], regno) == [(1, False), (2, True)]
    else:
        assert "original" in again.stdout and "DUBLİKAT" not in text_of(target)
        assert printed(database["url"], regno) == [(1, False)]
    # a temporary file left by the killed process is cleared by the next print
    assert [p.name for p in target.parent.iterdir()] == ["r.pdf"]


# -- six desks printing one receipt at once, on the real PostgreSQL and on SQLite ---------


@pytest.fixture
def pg_database(pg_empty_url, tmp_path) -> dict:
    """The PostgreSQL test database with one accepted application."""
    return {"url": pg_empty_url, "regno": accepted_application(pg_empty_url, tmp_path)}


@pytest.mark.slow
@pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]
)
def test_six_parallel_print_app_processes_give_one_original(backend, request, tmp_path):
    database = request.getfixturevalue("pg_database" if backend == "postgresql" else "database")
    regno = database["regno"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("DOST_")}
    env.update(
        DOST_DESK_DATABASE_URL=database["url"],
        DOST_DESK_CENTRE_CODE="C123",
        DOST_DESK_CONFIG=str(tmp_path / "none.toml"),
        DOST_DESK_DATA_DIR=str(tmp_path / "data"),
    )
    outs = [tmp_path / f"r{n}.pdf" for n in range(6)]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dost_desk",
                "print",
                "app",
                regno,
                "--kind",
                "receipt",
                "--out",
                str(out),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    for process in processes:
        _, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
    assert sorted(printed(database["url"], regno)) == [(n, n > 1) for n in range(1, 7)]
    originals = [out for out in outs if "DUBLİKAT" not in text_of(out)]
    assert len(originals) == 1
