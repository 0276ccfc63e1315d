"""Printer profiles as data (``resources/print/profiles.yaml``): paper, margins, type sizes.

``a4`` is an A4 portrait page; ``roll80`` an 80 mm receipt roll with 72 mm printable
width and no fixed length: :attr:`PrinterProfile.continuous` profiles get a page exactly
as long as the document (computed by :mod:`dost_desk.print.documents`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dost_desk.print._yaml import read_yaml, validated
from dost_desk.print.errors import TemplateError
from dost_desk.resources import resource_path

MM = 72 / 25.4  # points per millimetre


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Margins(_Model):
    top: float = Field(ge=0)
    right: float = Field(ge=0)
    bottom: float = Field(ge=0)
    left: float = Field(ge=0)


class TypeSizes(_Model):
    """Font sizes in points."""

    title: float = Field(gt=0)
    heading: float = Field(gt=0)
    body: float = Field(gt=0)
    small: float = Field(gt=0)


class PrinterProfile(_Model):
    """One kind of paper; lengths in millimetres."""

    key: str = ""
    label: str = Field(min_length=1)
    page_width_mm: float = Field(gt=0)
    page_height_mm: float | None = Field(default=None, gt=0)  # None: a continuous roll
    printable_width_mm: float | None = Field(default=None, gt=0)
    margins_mm: Margins
    type: TypeSizes
    leading_ratio: float = Field(default=1.25, ge=1.0, le=2.0)
    qr_size_mm: float = Field(default=30, gt=10)
    label_column_ratio: float = Field(default=0.35, ge=0.15, le=0.7)
    stacked_key_values: bool = False
    page_footer: bool = True
    max_page_height_mm: float = Field(default=5000, gt=0, le=5080)

    @model_validator(mode="after")
    def _printable_width_matches_margins(self) -> PrinterProfile:
        width = self.page_width_mm - self.margins_mm.left - self.margins_mm.right
        if width <= 20:
            raise ValueError(f"the margins leave {width:g} mm of printable width")
        if self.printable_width_mm is not None and abs(width - self.printable_width_mm) > 0.01:
            raise ValueError(
                f"printable_width_mm is {self.printable_width_mm:g} but the page width "
                f"less the margins is {width:g}"
            )
        return self

    @property
    def continuous(self) -> bool:
        """A roll: one page as long as the content."""
        return self.page_height_mm is None

    @property
    def frame_width(self) -> float:
        """The printable width in points."""
        return (self.page_width_mm - self.margins_mm.left - self.margins_mm.right) * MM


class _ProfilesFile(_Model):
    profiles: dict[str, PrinterProfile] = Field(min_length=1)


def profiles_file() -> Path:
    return resource_path("print", "profiles.yaml")


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, PrinterProfile]:
    loaded = validated(_ProfilesFile, read_yaml(path), path)
    return {key: value.model_copy(update={"key": key}) for key, value in loaded.profiles.items()}


def load_profiles() -> dict[str, PrinterProfile]:
    """Every printer profile by key (read once per file)."""
    return _load(profiles_file())


def get_profile(key: str) -> PrinterProfile:
    """The profile ``key`` (``a4``, ``roll80``); :class:`TemplateError` when unknown."""
    profiles = load_profiles()
    try:
        return profiles[key]
    except KeyError:
        known = ", ".join(sorted(profiles))
        raise TemplateError(f"unknown printer profile {key!r} (known: {known})") from None


def profile_names() -> tuple[str, ...]:
    return tuple(load_profiles())
