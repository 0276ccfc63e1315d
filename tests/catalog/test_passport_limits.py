"""Passport files are untrusted input: no YAML aliases, bounded values, `file:field:` lines."""

from __future__ import annotations

import pytest
import yaml
from test_validator import GOOD, _edit, _messages
from test_validator import passports as passports  # the fixture, re-exported

from dost_desk.catalog.loader import validate_catalog
from dost_desk.cli import main
from dost_desk.resources import resource_path


def alias_bomb(groups: int, documents: int) -> str:
    """A passport whose few KB of aliases expand to ``groups * documents`` documents."""
    good = (resource_path("passports") / GOOD).read_text(encoding="utf-8")
    data = yaml.safe_load(good)
    data.pop("document_groups")
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    aliases = ", ".join(["*doc"] * (documents - 1))
    first = "&doc {name: Şəxsiyyət vəsiqəsi., allowed_forms: [original]}"
    lines = ["document_groups:", f"  - documents: &docs [{first}, {aliases}]"]
    lines += ["  - {documents: *docs}"] * (groups - 1)
    return head + "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_with_the_line_of_the_anchor(passports):
    bomb = alias_bomb(groups=300, documents=300)
    assert len(bomb) < 30_000  # small on disk, 90,000 documents once expanded
    (passports / GOOD).write_text(bomb, encoding="utf-8")
    messages = _messages(validate_catalog(passports))
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{GOOD}:line ")
    assert "anchors and aliases are not allowed" in messages[0]


def test_a_lone_anchor_is_refused_too(passports):
    _edit(passports / GOOD, "operator_standard_minutes: 10", "operator_standard_minutes: &m 10")
    (message,) = _messages(validate_catalog(passports))
    assert message.startswith(f"{GOOD}:line ") and "anchors and aliases" in message


def test_a_huge_file_is_refused_before_parsing(passports):
    with (passports / GOOD).open("a", encoding="utf-8") as file:
        file.write("# " + "x" * 2_000_000 + "\n")
    (message,) = _messages(validate_catalog(passports))
    assert message.startswith(f"{GOOD}:file: larger than ")


@pytest.mark.parametrize(
    ("value", "unit"), [(999999999, "day"), (521, "day"), (25, "month"), (20000, "hour")]
)
def test_durations_beyond_two_years_are_refused(passports, value, unit):
    _edit(
        passports / GOOD,
        "total: {value: 30, unit: day}",
        f"total: {{value: {value}, unit: {unit}}}",
    )
    (message,) = _messages(validate_catalog(passports))
    assert message.startswith(f"{GOOD}:durations.total: ")
    assert f"a duration in {unit}s may be at most" in message


def test_the_longest_real_durations_pass(passports):
    _edit(passports / GOOD, "total: {value: 30, unit: day}", "total: {value: 24, unit: month}")
    assert _messages(validate_catalog(passports)) == []


def test_overlong_text_and_overlong_lists_are_refused(passports):
    _edit(passports / GOOD, "operator_standard_minutes: 10", "operator_standard_minutes: 100000")
    data = yaml.safe_load((passports / GOOD).read_text(encoding="utf-8"))
    data["name"] = "ə" * 5000
    data["notes"] = ["qeyd"] * 1000
    data["fee"]["amount_azn"] = float("inf")
    (passports / GOOD).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    messages = _messages(validate_catalog(passports))
    fields = sorted(message.split(":")[1] for message in messages)
    assert fields == ["fee.amount_azn", "name", "notes", "operator_standard_minutes"], messages
    assert any("at most 4000 characters" in m for m in messages)
    assert any("at most 200 items" in m for m in messages)


def test_cli_validate_refuses_the_alias_bomb_and_the_huge_duration(passports, capsys):
    (passports / GOOD).write_text(alias_bomb(groups=50, documents=50), encoding="utf-8")
    _edit(
        passports / "01-00-01-00.yaml",
        "durations: null ",
        "durations: {total: {value: 999999999, unit: day}} ",
    )
    assert main(["catalog", "validate", str(passports)]) == 1
    err = capsys.readouterr().err
    assert f"{GOOD}:line " in err and "01-00-01-00.yaml:durations.total: " in err
    assert "Traceback" not in err
