"""Reference data of the catalog: the classification tree, back offices, vocabulary labels."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dost_desk.models.passport import Text
from dost_desk.models.vocabulary import VOCABULARIES, SourceFormat


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClassificationCategory(_Model):
    code: str = Field(pattern=r"^\d{2}$")
    name: Text


class BackOffice(_Model):
    code: str = Field(pattern=r"^\d{2}$")
    text: Text
    short: Text


class CatalogReference(_Model):
    """The classification categories, the back offices and the Azerbaijani labels of enums."""

    classification: tuple[ClassificationCategory, ...] = Field(min_length=1)
    back_offices: tuple[BackOffice, ...] = Field(min_length=1)
    labels: dict[str, dict[str, Text]]

    @model_validator(mode="after")
    def _every_enum_value_has_a_label(self) -> CatalogReference:
        vocabularies = {**VOCABULARIES, "source_format": SourceFormat}
        for name, enum in vocabularies.items():
            given = self.labels.get(name, {})
            missing = [member.value for member in enum if member.value not in given]
            if missing:
                raise ValueError(f"labels.{name}: no label for {', '.join(missing)}")
        return self

    def category_name(self, code: str) -> str | None:
        return next((c.name for c in self.classification if c.code == code), None)

    def back_office(self, code: str) -> BackOffice | None:
        return next((b for b in self.back_offices if b.code == code), None)

    def label(self, vocabulary: str, key: str) -> str:
        """The Azerbaijani label of a vocabulary value (the key itself when unknown)."""
        return self.labels.get(vocabulary, {}).get(str(key), str(key))
