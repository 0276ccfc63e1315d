"""Invented but valid people for the demo centre: Azerbaijani names, FİN, ID card, phone."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dost_desk.services.intake_dto import ApplicantInput, RepresentativeInput

CERTIFICATE = "01-08-02-00"  # only its applicants may be permanent residents

# The name lists read better as text than as a hundred quoted words.
_MALE_NAMES = (  # noqa: SIM905
    "Əli Vüqar Elvin Rəşad Tural Orxan Kamran Murad Səbuhi Anar Elşən Ramil Fərid Nicat Cavid "
    "Emin İlqar Zaur Rauf Həsən Hüseyn Namiq Rövşən Şahin Ceyhun Elnur Tofiq Vaqif Yaşar Aydın "
    "Babək Qabil Pərviz Xəyal Ülvi Samir Toğrul Mübariz Fuad Kənan"
).split()
_FEMALE_NAMES = (  # noqa: SIM905
    "Leyla Aygün Günay Nərmin Səbinə Aysel Könül Ülviyyə Nigar Sevinc Gülnarə Xədicə Fatimə "
    "Zəhra Aynur Lalə Röya Şəbnəm Türkan Vüsalə Elnarə Məleykə Nailə Pərvanə Rəna Samirə "
    "Təranə Zümrüd Aidə İradə"
).split()
_SURNAMES = (  # noqa: SIM905 (masculine forms; the feminine adds -a)
    "Məmmədov Əliyev Həsənov Hüseynov Quliyev İsmayılov Abbasov Cəfərov Babayev Rzayev "
    "Süleymanov Mustafayev Nəsirov Kərimov Orucov Əhmədov Qasımov Vəliyev Səfərov Bağırov "
    "Nağıyev Mehdiyev Rəhimov Zeynalov Allahverdiyev Hacıyev Şirinov Tağıyev Novruzov "
    "Sadıqov Qurbanov Musayev İbrahimov Xəlilov Bayramov Əsgərov Ağayev Məlikov Yusifov"
).split()
_SURNAMES_BOTH = ("Əlizadə", "Hüseynzadə", "Sultanlı", "Qasımlı", "Abbaslı", "Cəlilli")
_FIN_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
_MOBILE_CODES = ("50", "51", "55", "70", "77")
_PLACES = (
    ("Bakı şəhəri", ("Nəsimi", "Yasamal", "Nərimanov", "Binəqədi", "Xətai", "Səbail")),
    ("Sumqayıt şəhəri", ()),
    ("Gəncə şəhəri", ("Kəpəz", "Nizami")),
    ("Şirvan şəhəri", ()),
    ("Lənkəran rayonu", ()),
)
_STREETS = (
    "Səməd Vurğun",
    "Nizami",
    "Füzuli",
    "Azadlıq pr.",
    "Həsən bəy Zərdabi",
    "Cəfər Cabbarlı",
)
_TRANSLIT = str.maketrans(
    {
        "ə": "e",
        "Ə": "e",
        "ı": "i",
        "I": "i",
        "İ": "i",
        "ö": "o",
        "Ö": "o",
        "ü": "u",
        "Ü": "u",
        "ğ": "g",
        "Ğ": "g",
        "ş": "sh",
        "Ş": "sh",
        "ç": "ch",
        "Ç": "ch",
    }
)
_NOTARIES = (
    "Bakı şəhəri 3 saylı Dövlət Notariat Kontoru",
    "Bakı şəhəri 11 saylı Dövlət Notariat Kontoru",
    "Sumqayıt şəhəri 1 saylı Dövlət Notariat Kontoru",
)
_GUARDIANSHIP = "rayon İcra Hakimiyyətinin qəyyumluq və himayə orqanı"
_COMPANIES = ("Xəzər Tikinti", "Gəncə Aqro", "Şirvan Logistika", "Abşeron Servis", "Kür Texnika")


class People:
    """Invented people and organisations with valid, unique FİN, ID card and VÖEN."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while (value := make()) in self.used:
            pass
        self.used.add(value)
        return value

    def _fin(self) -> str:
        return self._unique(lambda: "".join(self.rng.choices(_FIN_ALPHABET, k=7)))

    def _digits(self, prefix: str, n: int) -> str:
        return self._unique(lambda: prefix + "".join(self.rng.choices("0123456789", k=n)))

    def _phone(self) -> str:
        rest = "".join(self.rng.choices("0123456789", k=7))
        code = self.rng.choice(_MOBILE_CODES)
        return self.rng.choice((f"0{code} {rest[:3]} {rest[3:5]} {rest[5:]}", f"+994{code}{rest}"))

    def _names(self) -> tuple[str, str, str]:
        rng = self.rng
        male = rng.random() < 0.5
        surname = rng.choice(_SURNAMES) if rng.random() < 0.9 else rng.choice(_SURNAMES_BOTH)
        if not male and surname.endswith("v"):
            surname += "a"
        father = rng.choice(_MALE_NAMES)
        name = rng.choice(_MALE_NAMES if male else _FEMALE_NAMES)
        return surname, name, f"{father} {'oğlu' if male else 'qızı'}"

    def _birth_date(self) -> str:
        born = date(1940, 1, 1) + timedelta(days=self.rng.randrange(24_472))  # to 2006-12-31
        return f"{born:%d.%m.%Y}"

    def _address(self) -> str:
        city, districts = self.rng.choice(_PLACES)
        street = self.rng.choice(_STREETS)
        district = f"{self.rng.choice(districts)} rayonu, " if districts else ""
        return f"{city}, {district}{street} küç., ev {self.rng.randint(1, 120)}"

    def person(self, passport_id: str) -> ApplicantInput:
        rng = self.rng
        surname, name, patronymic = self._names()
        resident = passport_id == CERTIFICATE and rng.random() < 0.03
        email = ""
        if rng.random() < 0.25:
            login = f"{name}.{surname}".translate(_TRANSLIT).lower()
            email = f"{login}{rng.randint(1, 99)}@{rng.choice(('mail.ru', 'gmail.com', 'box.az'))}"
        return ApplicantInput(
            user_type="foreigner_permanent_resident" if resident else "citizen",
            fin=self._fin(),
            id_document_kind="residence_permit" if resident else "id_card",
            id_document_number=self._digits("MYI" if resident else "AA", 7),
            surname=surname,
            name=name,
            patronymic=patronymic,
            birth_date=self._birth_date(),
            phone=self._phone() if rng.random() < 0.9 else "",
            email=email,
            address=self._address() if rng.random() < 0.7 else "",
        )

    def organisation(self) -> ApplicantInput:
        kind = self.rng.choice(("legal_entity", "legal_entity", "individual_entrepreneur"))
        if kind == "legal_entity":
            title = f"{self.rng.choice(_COMPANIES)} MMC"
        else:
            surname, name, _ = self._names()
            title = f"Fərdi sahibkar {surname} {name}"
        return ApplicantInput(
            kind=kind,
            user_type=kind,
            voen=self._digits(self.rng.choice("12345"), 9),
            organisation_name=title,
            phone=self._phone(),
            address=self._address(),
        )

    def representative(self, before: date) -> RepresentativeInput:
        surname, name, patronymic = self._names()
        guardian = self.rng.random() < 0.2
        district = self.rng.choice(_PLACES[0][1])
        return RepresentativeInput(
            fin=self._fin(),
            id_document_number=self._digits("AA", 7),
            surname=surname,
            name=name,
            patronymic=patronymic,
            birth_date=self._birth_date(),
            phone=self._phone(),
            authority_kind="guardianship" if guardian else "power_of_attorney",
            authority_number=f"{'Q' if guardian else 'N'}-{self.rng.randint(100, 9999)}",
            authority_date=before - timedelta(days=self.rng.randint(1, 400)),
            authority_issuer=f"{district} {_GUARDIANSHIP}"
            if guardian
            else self.rng.choice(_NOTARIES),
        )
