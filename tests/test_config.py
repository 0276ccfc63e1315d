"""Settings sources and priorities, error wording, URL helpers, `dost-desk config`.

The autouse ``isolated_config`` fixture (conftest.py) points DOST_DESK_CONFIG at a file
under tmp_path, so the real user's config is never read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dost_desk.cli import main
from dost_desk.config import (
    CentreCategory,
    ConfigError,
    Settings,
    config_file_path,
    effective_database_url,
    load_settings,
)
from dost_desk.url_secrets import masked_database_url


def write_config(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config_file(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    assert not isolated_config.exists()
    settings = load_settings()
    assert settings.centre_code is None  # never a silent C000: the app asks
    assert settings.centre_name == "DOST mərkəzi"
    assert settings.centre_category is CentreCategory.C
    assert settings.database_url is None
    assert settings.language == "az"


def test_default_data_dir_comes_from_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOST_DESK_DATA_DIR")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: "/somewhere/dost-desk")
    assert load_settings().data_dir == Path("/somewhere/dost-desk")


def test_config_file_path_follows_the_environment(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert config_file_path() == isolated_config
    monkeypatch.delenv("DOST_DESK_CONFIG")
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *a, **k: "/cfg/dost-desk")
    assert config_file_path() == Path("/cfg/dost-desk/config.toml")


def test_priority_init_then_env_then_toml_then_defaults(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    write_config(
        isolated_config,
        'centre_code = "B12"\ncentre_name = "Bakı DOST 1"\ncentre_category = "B"\n',
    )
    settings = load_settings()
    assert (settings.centre_code, settings.centre_name) == ("B12", "Bakı DOST 1")
    assert settings.centre_category is CentreCategory.B
    assert settings.language == "az"  # default: not in the file

    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "D7")
    monkeypatch.setenv("DOST_DESK_LANGUAGE", "en")
    settings = load_settings()
    assert settings.centre_code == "D7"  # env beats the file
    assert settings.centre_name == "Bakı DOST 1"  # the file beats the default
    assert settings.language == "en"

    assert load_settings(centre_code="E1").centre_code == "E1"  # kwargs beat env
    assert Settings().centre_code == "D7"  # direct construction uses the same sources


def test_an_explicit_config_file_replaces_the_usual_one(
    isolated_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    write_config(isolated_config, 'centre_code = "B12"\n')
    other = write_config(tmp_path / "other.toml", 'centre_code = "A1"\n')
    assert load_settings(config_file=other).centre_code == "A1"
    assert load_settings().centre_code == "B12"  # and only for that call


def test_database_url_from_env_and_empty_means_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", "postgresql+psycopg://desk@db:5432/dost")
    settings = load_settings()
    assert effective_database_url(settings) == "postgresql+psycopg://desk@db:5432/dost"
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", "")
    settings = load_settings()
    assert settings.database_url is None
    expected = (tmp_path / "dost-data" / "dost_desk.sqlite3").absolute().as_posix()
    assert effective_database_url(settings) == f"sqlite:///{expected}"
    assert not (tmp_path / "dost-data").exists()  # not created by the config layer


def test_malformed_toml_names_the_file(isolated_config: Path) -> None:
    write_config(isolated_config, 'centre_code = "C1\n')
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert str(isolated_config) in message
    assert "invalid TOML" in message
    assert "\n" not in message


def test_invalid_category_names_the_file_and_field(isolated_config: Path) -> None:
    write_config(isolated_config, 'centre_category = "Z"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(f"{isolated_config}: centre_category: Input should be 'A'")
    assert "'Z'" in message
    assert "Traceback" not in message and "pydantic" not in message
    assert "\n" not in message


def test_invalid_env_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "X99999")
    with pytest.raises(ConfigError, match="environment variable DOST_DESK_CENTRE_CODE: "):
        load_settings()


def test_unknown_keys_are_errors(isolated_config: Path) -> None:
    write_config(isolated_config, 'centre_kode = "C1"\n')
    with pytest.raises(ConfigError, match="centre_kode: unknown setting"):
        load_settings()


def test_a_directory_as_config_file(isolated_config: Path) -> None:
    isolated_config.mkdir(parents=True)
    with pytest.raises(ConfigError, match="cannot read the config file"):
        load_settings()


def test_not_utf8_config(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_bytes('centre_name = "Şuşa"\n'.encode("cp1254"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings()


@pytest.mark.parametrize(
    ("raw", "normalised"), [("C123", "C123"), ("a1", "A1"), (" E9999 ", "E9999")]
)
def test_valid_centre_codes(raw: str, normalised: str) -> None:
    assert load_settings(centre_code=raw).centre_code == normalised


@pytest.mark.parametrize("raw", ["F123", "C", "C12345", "123", "CC12", "C-12"])
def test_invalid_centre_codes(raw: str) -> None:
    with pytest.raises(ConfigError, match="argument: centre_code: should be a letter A-E"):
        load_settings(centre_code=raw)


def test_an_invalid_database_url_is_not_echoed() -> None:
    with pytest.raises(ConfigError, match="database_url") as caught:
        load_settings(database_url="desk:s3cret@db/dost")
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        (
            "postgresql+psycopg://desk:s3cret@db:5432/dost",
            "postgresql+psycopg://desk:***@db:5432/dost",
        ),
        ("postgresql+psycopg://desk:p%40ss@db/dost", "postgresql+psycopg://desk:***@db/dost"),
        ("postgresql://desk@db/dost", "postgresql://desk@db/dost"),
        ("postgresql://db/dost?password=s3cret&x=1", "postgresql://db/dost?password=***&x=1"),
        ("sqlite:////home/u/dost_desk.sqlite3", "sqlite:////home/u/dost_desk.sqlite3"),
    ],
)
def test_masked_database_url(url: str, masked: str) -> None:
    assert masked_database_url(url) == masked


# --- dost-desk config ---------------------------------------------------------------


def test_config_show_masks_the_password(
    isolated_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(
        isolated_config,
        'database_url = "postgresql+psycopg://desk:s3cret@db:5432/dost"\ncentre_code = "C123"\n',
    )
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out
    assert "postgresql+psycopg://desk:***@db:5432/dost" in out
    assert f"config file: {isolated_config} (exists)" in out
    for field in Settings.model_fields:
        assert field in out


def test_config_show_json(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOST_DESK_CENTRE_NAME", "Gəncə DOST")
    assert main(["config", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["config_file"] == str(isolated_config)
    assert data["config_file_exists"] is False
    assert set(Settings.model_fields) <= set(data)
    assert data["centre_name"] == "Gəncə DOST"
    assert data["sources"]["centre_name"] == "environment variable DOST_DESK_CENTRE_NAME"
    assert data["database_url"].startswith("sqlite:///")


def test_config_show_with_a_broken_file(
    isolated_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(isolated_config, "centre_code = = 1\n")
    assert main(["config", "show"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"dost-desk: error: {isolated_config}: invalid TOML")


def test_config_path(isolated_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(isolated_config)


# --- data_dir, the centre code, values that cannot be read --------------------------------


@pytest.mark.parametrize("value", ["", ".", "data", "./dost", "../x"])
def test_a_relative_or_empty_data_dir_is_refused(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOST_DESK_DATA_DIR", value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("environment variable DOST_DESK_DATA_DIR: data_dir: must be an")
    assert "absolute" in message and "\n" not in message


def test_a_relative_data_dir_in_the_file_is_refused(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOST_DESK_DATA_DIR")
    write_config(isolated_config, 'data_dir = "dost-data"\n')
    with pytest.raises(ConfigError, match=r"config.toml: data_dir: must be an absolute"):
        load_settings()
    assert load_settings(data_dir="~/dost").data_dir.is_absolute()  # ~ is the home folder


def test_an_unconfigured_centre_code_is_refused_where_it_is_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dost_desk.config import CentreNotConfigured, require_centre_code

    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    with pytest.raises(CentreNotConfigured, match="dost-desk config set centre_code C123"):
        require_centre_code(load_settings())
    assert require_centre_code(load_settings(centre_code="b7")) == "B7"


@pytest.mark.parametrize(
    "name", ["DOST_DESK_CHECKS", "DOST_DESK_PRINT_PROFILES", "DOST_DESK_NOTICES"]
)
def test_a_table_variable_that_is_not_json_is_one_line(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(name, "{not json")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    field = name.removeprefix("DOST_DESK_").lower()
    assert str(caught.value).startswith(
        f"environment variable {name}: {field}: should be a JSON object"
    )


def test_undecodable_bytes_in_a_variable_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOST_DESK_CENTRE_NAME", "DOST \udcff")  # how Python keeps b"\xff"
    with pytest.raises(ConfigError, match="DOST_DESK_CENTRE_NAME: centre_name: is not valid text"):
        load_settings()


def test_config_show_names_a_variable_that_is_not_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOST_DESK_CHECKS", "manual")
    assert main(["config", "show"]) == 1
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "DOST_DESK_CHECKS" in err and "Traceback" not in err
