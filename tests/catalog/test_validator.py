"""`validate_catalog` reports broken passport files as `file:field: message`, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from dost_desk.catalog.loader import CatalogError, load_catalog, validate_catalog
from dost_desk.resources import resource_path

GOOD = "01-08-02-00.yaml"


@pytest.fixture
def passports(tmp_path):
    folder = tmp_path / "passports"
    shutil.copytree(resource_path("passports"), folder)
    return folder


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(report):
    return [str(issue) for issue in report.errors]


def test_bundled_catalog_is_valid():
    report = validate_catalog()
    assert report.errors == [] and report.warnings == []
    assert len(report.catalog) == 2


def test_yaml_syntax_error_names_the_line(passports):
    (passports / GOOD).write_text("id: 01-08-02-00\nname: [unclosed\n", encoding="utf-8")
    messages = _messages(validate_catalog(passports))
    assert len(messages) == 1
    assert messages[0].startswith(f"{GOOD}:line ") and "YAML syntax error" in messages[0]


def test_missing_field_is_named(passports):
    _edit(passports / GOOD, "name: Sosial sığorta", "title: Sosial sığorta")
    messages = _messages(validate_catalog(passports))
    assert f"{GOOD}:name: Field required" in messages
    assert f"{GOOD}:title: Extra inputs are not permitted" in messages


def test_wrong_enum_value_is_named_with_its_path(passports):
    _edit(passports / GOOD, "allowed_forms: [original, copy,", "allowed_forms: [photocopy, copy,")
    (message,) = _messages(validate_catalog(passports))
    assert message.startswith(
        f"{GOOD}:document_groups.0.documents.0.allowed_forms.0: Input should be"
    )


def test_duplicate_id_is_an_error(passports):
    shutil.copy(passports / GOOD, passports / "copy.yaml")
    messages = _messages(validate_catalog(passports))
    assert any("duplicate ID 01-08-02-00" in m for m in messages)


def test_unknown_variant_option_in_a_condition(passports):
    _edit(passports / "01-00-01-00.yaml", "when: {event: [disability]}", "when: {event: [flood]}")
    messages = _messages(validate_catalog(passports))
    assert any("unknown option 'flood' of 'event'" in m for m in messages)


def test_id_groups_that_disagree_with_the_fields_only_warn(passports):
    _edit(passports / GOOD, "id: 01-08-02-00", "id: 07-09-02-00")
    report = validate_catalog(passports)
    assert report.errors == []
    warnings = [str(w) for w in report.warnings]
    assert any("group 2 (09) differs from the classification 08" in w for w in warnings)
    assert any("file name differs from the ID" in w for w in warnings)


def test_bad_id_structure_is_an_error(passports):
    _edit(passports / GOOD, "id: 01-08-02-00", "id: 1-8-2")
    assert any(m.startswith(f"{GOOD}:id:") for m in _messages(validate_catalog(passports)))


def test_not_utf8_and_not_a_mapping(passports):
    (passports / "bad.yaml").write_bytes(b"name: \xff\xfe")
    (passports / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    messages = _messages(validate_catalog(passports))
    assert "bad.yaml:file: not UTF-8 text (invalid start byte)" in messages
    assert "list.yaml:file: must hold a mapping of passport fields" in messages


def test_empty_or_missing_folder(tmp_path):
    assert "holds no passport files" in _messages(validate_catalog(tmp_path))[0]
    assert "no such file or folder" in _messages(validate_catalog(tmp_path / "nope"))[0]


def test_load_catalog_raises_with_the_issues(passports):
    _edit(passports / GOOD, "operator_standard_minutes: 10", "operator_standard_minutes: -3")
    with pytest.raises(CatalogError) as caught:
        load_catalog(passports)
    assert str(caught.value).startswith(f"{GOOD}:operator_standard_minutes:")
