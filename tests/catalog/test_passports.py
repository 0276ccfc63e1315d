"""The bundled passports: both seeds encoded without loss, and the catalog rules on them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from dost_desk.catalog.catalog import UnknownPassport, UnknownVariant
from dost_desk.catalog.loader import load_catalog
from dost_desk.models.vocabulary import CentreCategory, DurationUnit, SubmissionForm
from dost_desk.resources import resource_path

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
SEED_000 = SEEDS / "000_19ed28607b243231.txt"
SEED_001 = SEEDS / "001_cff248581fb675b8.txt"
SERVICE_000 = "01-08-02-00"
SERVICE_001 = "01-00-01-00"

# Lines of the seeds that are the form's own scaffolding, not values of the passport.
FORM_SCAFFOLDING = {
    "Rəqəmlə",
    "** Qeyd: ID strukturunun detallı izahatı əlavə fayldadır",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [_norm(data)]
    if isinstance(data, bool) or data is None:
        return []
    if isinstance(data, int | float):
        return [str(data)]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [_norm(str(data))]


def _seed_lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = _norm(raw)
        line = re.sub(r"^(?:•|-)\s*", "", line)  # bullets
        line = re.sub(r"^\d+\.\s+", "", line)  # numbering of fields and list items
        line = re.sub(r"\s*\*+-?\s*(yalnız 1-ni seçə bilər\.)?\**$", "", line)  # required marks
        line = re.sub(r"\*+\)", ")", line).strip()
        if line and line not in FORM_SCAFFOLDING:
            lines.append(line)
    return lines


@pytest.mark.parametrize(
    ("seed", "passport_file"),
    [(SEED_000, f"{SERVICE_000}.yaml"), (SEED_001, f"{SERVICE_001}.yaml")],
)
def test_every_line_of_the_seed_is_kept_in_the_catalog_data(seed, passport_file):
    data = yaml.safe_load(resource_path("passports", passport_file).read_text(encoding="utf-8"))
    reference = yaml.safe_load(resource_path("catalog", "reference.yaml").read_text("utf-8"))
    values = _strings(data) + _strings(reference)
    missing = [line for line in _seed_lines(seed) if not any(line in v for v in values)]
    assert missing == []


def test_seed_000_fields(catalog):
    p = catalog.get(SERVICE_000)
    assert not p.id_provisional
    assert p.name.startswith("Sosial sığorta şəhadətnaməsinin verilməsi")
    assert p.classification.code == "08"
    assert len(p.legal_bases) == 4 and p.legal_bases[0].startswith('"Sosial sığorta haqqında"')
    assert [u.kind.value for u in p.eligible_users] == [
        "citizen",
        "foreigner_permanent_resident",
        "stateless_permanent_resident",
        "individual_entrepreneur",
        "legal_entity",
        "family_farm",
    ]
    assert (
        p.durations.total.value,
        p.durations.front_office.value,
        p.durations.back_office.value,
    ) == (
        30,
        2,
        28,
    )
    assert p.durations.total.unit is DurationUnit.DAY
    assert p.operator_standard_minutes == 10
    assert [g.text for g in p.refusal_grounds] == ["Sənədlərin natamamlığı", "Hüquqi əsası yoxdur"]
    assert len(p.meis_subsystems) == 16 and len(p.steps) == 8
    assert p.steps[4].subsystems == ("monitoring",)
    assert p.approval.date.isoformat() == "2019-12-16" and p.approval.number is None
    representative = p.application_forms[1]
    assert representative.authority_document_note.startswith("Etibarnamə və ya qəyyum")
    (document,) = p.all_documents()
    assert document.name == "Şəxsiyyət vəsiqəsi."
    assert document.allowed_forms == tuple(SubmissionForm)
    assert p.fee.kind is None  # the seed lists both choices without marking one


def test_seed_001_leaves_empty_fields_not_stated(catalog):
    p = catalog.get(SERVICE_001)
    assert p.id_provisional
    for field in (
        "content",
        "classification",
        "participating",
        "response_forms",
        "result",
        "durations",
        "fee",
        "application_hours",
        "administrative_procedures",
        "pre_court_dispute",
    ):
        assert getattr(p, field) is None, field
    assert p.electronic_documents_note.startswith("Qeyd: “İnzibati icraat haqqında”")
    assert p.automation_level.text == "Avtomatlaşdırılmayıb"


def _names(catalog, passport_id, **selection):
    return [d.name for d in catalog.documents_for(catalog.get(passport_id), selection)]


def test_documents_for_a_killed_serviceman(catalog):
    assert _names(catalog, SERVICE_001, category="military", event="death") == [
        "Şəxsiyyət vəsiqəsi",
        "Vərəsəlik hüququ haqqında şəhadətnamə (həlak olması halında)",
        "Sığortaolunanın ölüm haqqında şəhadətnaməsi (həlak olması halında)",
    ]


def test_service_duty_opinion_applies_to_judicial_and_diplomatic_staff_only(catalog):
    opinion = "Hadisənin sığortaolunanın xidməti vəzifərinin icrası ilə əlaqədar olması barədə rəy"
    for category in ("judicial", "diplomatic"):
        for event in ("death", "disability", "injury", "missing", "death-after-illness"):
            assert opinion in _names(catalog, SERVICE_001, category=category, event=event)
    for category in ("military", "parliament"):
        assert opinion not in _names(catalog, SERVICE_001, category=category)


def test_injury_of_a_judge_needs_the_medical_opinion(catalog):
    names = _names(catalog, SERVICE_001, category="judicial", event="injury")
    assert len(names) == 3
    assert names[2].startswith("Tibb müəssisəsinin həkim-məsləhət komissiyasının rəyi")


def test_unknown_variant_is_rejected(catalog):
    with pytest.raises(UnknownVariant):
        _names(catalog, SERVICE_001, category="astronaut")
    with pytest.raises(UnknownVariant):
        _names(catalog, SERVICE_000, colour="red")


def test_unknown_passport_is_rejected(catalog):
    with pytest.raises(UnknownPassport):
        catalog.get("99-99-99-99")


def test_tree_has_the_eleven_categories_in_seed_order(catalog):
    tree = catalog.tree()
    assert [n.code for n in tree] == [f"{i:02d}" for i in range(1, 12)] + [None]
    assert tree[7].name == "Sığortaolunanların fərdi uçota alınması və uçotdan çıxarılması"
    assert [p.id for p in tree[7].passports] == [SERVICE_000]
    assert [p.id for p in tree[-1].passports] == [SERVICE_001]


def test_only_services_offered_at_the_centre_category_are_listed(catalog):
    online_only = catalog.get(SERVICE_000).model_copy(update={"places": ()})
    assert CentreCategory.C in catalog.get(SERVICE_000).centre_categories
    assert CentreCategory.C not in online_only.centre_categories
    assert {p.id for p in catalog.offered_at(CentreCategory.E)} == {SERVICE_000, SERVICE_001}
