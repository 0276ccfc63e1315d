"""Bad command-line input gives one line on stderr and a non-zero exit code (2 for a
usage error), never a traceback: bytes that are not UTF-8, numbers too big for the
database, anything hypothesis can think of in the main commands' arguments."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dost_desk.cli import main


def outcome(capsys, argv: list[str]) -> tuple[int, str, str]:
    """The exit code (a usage error's SystemExit included), stdout and stderr."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(code: int, err: str) -> None:
    assert code != 0
    assert err.startswith("dost-desk: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_arguments_that_are_not_utf8_are_one_line_in_the_real_process(tmp_path) -> None:
    env = {
        **os.environ,
        "DOST_DESK_DATA_DIR": str(tmp_path / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dost_desk",
            "app",
            "list",
            "--query",
            b"\xff".decode(errors="surrogateescape"),
        ],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    err = result.stderr.decode(errors="replace")
    assert result.returncode == 2, err
    assert err.startswith("dost-desk: error: argument 4 is not UTF-8 text") and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["app", "list", "--limit", "99999999999999999999999"],
        ["app", "list", "--limit", "-5"],
        ["catalog", "search", "x", "--limit", "10" * 30],
        ["sync", "--batch-size", "99999999999999999999999"],
        ["sync", "--batch-size", "0"],
        ["demo", "--applications", "10000000000"],
        ["demo", "--applications", "many"],
        ["checks", "record", "x", "--step", "99999999999999999999", "--result", "confirmed"],
    ],
)
def test_numbers_out_of_range_are_usage_errors(capsys, argv: list[str]) -> None:
    code, out, err = outcome(capsys, argv)
    assert code == 2 and out == ""
    assert_one_error_line(code, err)


def test_an_unconfigured_demo_refuses_before_making_anything(
    capsys, monkeypatch, isolated_config
) -> None:
    from pathlib import Path

    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    code, out, err = outcome(capsys, ["demo", "--applications", "3"])
    assert_one_error_line(code, err)
    assert code == 1 and out == ""
    assert "dost-desk config set centre_code C123" in err
    assert not (Path(os.environ["DOST_DESK_DATA_DIR"]) / "dost_desk.sqlite3").exists()


_VALUES = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=12),
    st.sampled_from(["%", "_", "\\", "\udcff", "a\udc80b", "-1", "1e9", " 7 ", "9" * 40, "--"]),
)
_COMMANDS = st.one_of(
    st.tuples(st.just(["app", "list", "--limit"]), _VALUES),
    st.tuples(st.just(["app", "list", "--query"]), _VALUES),
    st.tuples(st.just(["app", "list", "--status"]), _VALUES),
    st.tuples(st.just(["app", "show"]), _VALUES),
    st.tuples(st.just(["catalog", "search"]), _VALUES),
    st.tuples(st.just(["catalog", "search", "x", "--limit"]), _VALUES),
    st.tuples(st.just(["sync", "--batch-size"]), _VALUES),
    st.tuples(st.just(["demo", "--applications"]), _VALUES),
    st.tuples(st.just(["calendar", "check"]), _VALUES),
    st.tuples(st.just(["config"]), _VALUES),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(command=_COMMANDS)
def test_fuzzed_arguments_work_or_give_one_line(capsys, command) -> None:
    head, value = command
    if head[0] == "demo":  # a valid count would really make applications: only bad ones
        with contextlib.suppress(ValueError):
            assume(not 0 <= int(value) <= 10_000_000)
    code, _out, err = outcome(capsys, [*head, value])
    assert "Traceback" not in err
    if code != 0:
        assert_one_error_line(code, err)
