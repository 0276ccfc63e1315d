"""Demo data: a centre's last two months of applications, made through the real services.

Every application goes through the same service functions as at the counter (start, set
the applicant, record each document, submit or refuse, later statuses), on a clock that
walks through the working days of the last ~60 days, 09:00–18:00 Baku time. The people
are invented but valid (FİN, ID card, phone); the same seed gives the same data.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from dost_desk.config import require_centre_code
from dost_desk.models.identity import FieldProblem
from dost_desk.models.working_calendar import WorkingCalendar
from dost_desk.services.applicants import set_applicant, set_representative
from dost_desk.services.demo_people import CERTIFICATE, People
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake import record_document, save_draft, start_application
from dost_desk.services.intake_dto import (
    ApplicationView,
    IntakeRuleBroken,
    InvalidInput,
)
from dost_desk.services.outcome import change_status, refuse_application, submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

PAYMENTS = "01-00-01-00"  # seed 001: insurance payments, by insured category and event
WINDOW_DAYS = 60
OPENING_SECONDS = 9 * 3600  # 09:00 Baku
WORKING_SECONDS = 9 * 3600  # until 18:00
DRAFT_SHARE = 0.05
REFUSED_SHARE = 0.10
KEPT_IDS = 10_000  # the summary names the first ones only: a huge demo keeps memory flat
DEMO_AGENTS = ("Aygün Həsənova", "Rəşad Quliyev", "Nərmin Əliyeva", "Tural Məmmədov")

_ACTIONS = (("issue", 60), ("replace", 25), ("duplicate", 15))
_CATEGORIES = (("military", 45), ("judicial", 25), ("diplomatic", 25), ("parliament", 5))
_EVENTS = (
    ("death", 25),
    ("disability", 25),
    ("injury", 30),
    ("missing", 5),
    ("death-after-illness", 15),
)
_PAPER_FORMS = (("original", 50), ("copy", 30), ("electronic_copy", 12), ("notarised_copy", 8))
_REFUSAL_REASONS = {
    "incomplete_documents": "Tələb olunan sənəd təqdim edilməyib: {document}",
    "no_legal_basis": "Müraciətçinin bu xidmətdən istifadə etməsi üçün hüquqi əsas yoxdur",
}
_DRAFT_NOTES = (
    "Vətəndaş sənədin əslini gətirmək üçün getdi",
    "Nümayəndə etibarnaməni unudub, sabah gələcək",
    "MEİS cavab vermir, sonra davam ediləcək",
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What :func:`create_demo_applications` made: counts by final status and the dates."""

    created: int
    statuses: dict[str, int]
    first_day: date | None
    last_day: date | None
    seconds: float
    application_ids: tuple[str, ...] = field(default=(), repr=False)  # the first KEPT_IDS

    @property
    def accepted(self) -> int:
        return sum(
            self.statuses.get(s, 0) for s in ("submitted", "ordered", "ready", "handed_over")
        )

    def line(self) -> str:
        """The one-line summary the command line prints."""
        later = ", ".join(
            f"{self.statuses[s]} {s.replace('_', ' ')}"
            for s in ("ordered", "ready", "handed_over")
            if self.statuses.get(s)
        )
        text = f"created {self.created} applications: {self.accepted} submitted"
        text += f" ({later})" if later else ""
        text += f", {self.statuses.get('refused', 0)} refused"
        text += f", {self.statuses.get('draft', 0)} drafts"
        if self.first_day and self.last_day:
            text += f"; {self.first_day:%d.%m.%Y}–{self.last_day:%d.%m.%Y}"
        return text + f"; {self.seconds:.1f} s"


class _WalkingClock:
    """The demo's clock: set to each moment of the simulated day before a service call."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current


@dataclass(frozen=True, slots=True)
class _Visit:
    start: datetime  # aware UTC
    seconds: int  # service time at the counter
    ticket: str
    outcome: str  # submit, refuse or draft
    passport_id: str


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def _working_days(calendar: WorkingCalendar, today: date) -> list[date]:
    days = (today - timedelta(days=n) for n in range(WINDOW_DAYS, 0, -1))
    return [day for day in days if calendar.is_working_day(day)]


def _at(day: date, seconds: float) -> datetime:
    local = datetime(day.year, day.month, day.day, tzinfo=BAKU) + timedelta(seconds=seconds)
    return local.astimezone(UTC)


def _day_starts(rng: random.Random, durations: list[int]) -> list[float]:
    """Start offsets (seconds after opening) of one day's visits, in order."""
    free = WORKING_SECONDS - sum(durations)
    if free < 0:  # more visits than one counter can serve: several counters at once
        step = (WORKING_SECONDS - max(durations)) / len(durations)
        return [i * step for i in range(len(durations))]
    weights = [rng.random() for _ in range(len(durations) + 1)]
    scale = free / sum(weights)
    starts, offset = [], 0.0
    for weight, duration in zip(weights, durations, strict=False):
        offset += weight * scale
        starts.append(offset)
        offset += duration
    return starts


def _plan_visits(rng: random.Random, count: int, days: list[date]) -> Iterator[_Visit]:
    """Spread ``count`` visits over ``days`` (Mondays busier), with exact outcome shares,
    day by day: only one day's visits are in memory (a huge demo starts at once)."""
    remaining = {
        "draft": round(count * DRAFT_SHARE),
        "refuse": round(count * REFUSED_SHARE),
    }
    remaining["submit"] = count - sum(remaining.values())
    weights = [1.3 if day.weekday() == 0 else 0.85 if day.weekday() == 4 else 1.0 for day in days]
    left, weight_left = count, sum(weights)
    for index, (day, weight) in enumerate(zip(days, weights, strict=True)):
        last_day = index == len(days) - 1
        visits_today = left if last_day else _binomial(rng, left, min(1.0, weight / weight_left))
        left -= visits_today
        weight_left -= weight
        durations = [round(rng.triangular(240, 840, 480)) for _ in range(visits_today)]
        tickets: Counter[str] = Counter()
        for offset, seconds in zip(_day_starts(rng, durations), durations, strict=True):
            service = CERTIFICATE if rng.random() < 0.65 else PAYMENTS
            letter = "A" if service == CERTIFICATE else "B"
            tickets[letter] += 1
            start = _at(day, OPENING_SECONDS + offset)
            ticket = f"{letter}-{tickets[letter]:03d}"
            yield _Visit(start, seconds, ticket, _draw_outcome(rng, remaining), service)


def _draw_outcome(rng: random.Random, remaining: dict[str, int]) -> str:
    """One outcome drawn without replacement: the shares come out exact, as a shuffle's."""
    pick = rng.randrange(sum(remaining.values()))
    for outcome, left in remaining.items():
        if pick < left:
            remaining[outcome] -= 1
            return outcome
        pick -= left
    raise AssertionError("no outcome left")  # pragma: no cover - count is exact


def _binomial(rng: random.Random, trials: int, chance: float) -> int:
    """How many of ``trials`` succeed (a normal approximation for large numbers)."""
    if trials < 1000:
        return sum(rng.random() < chance for _ in range(trials))
    mean, spread = trials * chance, math.sqrt(trials * chance * (1 - chance))
    return min(trials, max(0, round(rng.gauss(mean, spread))))


def _variant(rng: random.Random, passport_id: str) -> dict[str, str]:
    if passport_id == CERTIFICATE:
        return {"action": _pick(rng, _ACTIONS)}
    return {"category": _pick(rng, _CATEGORIES), "event": _pick(rng, _EVENTS)}


def _submission(rng: random.Random, passport_id: str, allowed: tuple[str, ...]) -> str:
    electronic_share = 0.6 if passport_id == PAYMENTS else 0.15
    if rng.random() < electronic_share:
        return "electronic_source"
    forms = tuple((form, w) for form, w in _PAPER_FORMS if form in allowed)
    return _pick(rng, forms) if forms else "electronic_source"


class _Intake:
    """One visit at the counter, step by step on the walking clock."""

    def __init__(
        self,
        desks: list[Desk],
        clock: _WalkingClock,
        rng: random.Random,
        calendar: WorkingCalendar,
        limit: datetime,
    ) -> None:
        self.desks, self.clock, self.rng, self.calendar = desks, clock, rng, calendar
        self.people = People(rng)
        self.limit = limit  # nothing happens after the real present
        self.desk = desks[0]

    def run(self, visit: _Visit, passport_id: str) -> ApplicationView:
        """Serve one visit at one of the counters; the application as it was left."""
        rng, people = self.rng, self.people
        desk = self.desk = rng.choice(self.desks)
        start_day = visit.start.astimezone(BAKU).date()
        organisation = passport_id == CERTIFICATE and rng.random() < 0.05
        represented = not organisation and rng.random() < 0.08
        self.clock.current = visit.start
        app = start_application(
            desk,
            passport_id,
            _variant(rng, passport_id),
            "representative" if represented else "in_person",
            "in_person" if rng.random() < 0.8 else "self_service",
            visit.ticket,
        )
        steps = 2 + len(app.documents) + represented
        moments = iter(sorted(rng.uniform(0.15, 0.95) for _ in range(steps)))
        if visit.outcome == "draft" and rng.random() < 0.3:
            return self._leave_as_draft(app, visit, moments)
        self._step(visit, next(moments))
        applicant = people.organisation() if organisation else people.person(passport_id)
        app = set_applicant(desk, app.id, applicant)
        if represented:
            self._step(visit, next(moments))
            set_representative(desk, app.id, people.representative(start_day))
        skipped = self._skipped_document(app, visit)
        for document in app.documents:
            if document.name == skipped:
                continue
            self._step(visit, next(moments))
            submission = _submission(rng, passport_id, document.allowed)
            app = record_document(desk, app.id, document.name, submission)
        if visit.outcome == "draft":
            return self._leave_as_draft(app, visit, moments)
        self.clock.current = visit.start + timedelta(seconds=visit.seconds)
        if visit.outcome == "refuse":
            return self._refuse(app, skipped)
        app = submit_application(desk, app.id)
        return self._follow_up(app)

    def _step(self, visit: _Visit, fraction: float) -> None:
        self.clock.current = visit.start + timedelta(seconds=visit.seconds * fraction)

    def _skipped_document(self, app: ApplicationView, visit: _Visit) -> str | None:
        """The document a refusal for incompleteness (or a draft) is missing."""
        if visit.outcome == "submit" or not app.documents:
            return None
        if visit.outcome == "refuse" and app.passport_id == CERTIFICATE and self.rng.random() < 0.4:
            return None  # refused on another ground
        return self.rng.choice(app.documents).name

    def _leave_as_draft(self, app: ApplicationView, visit: _Visit, moments) -> ApplicationView:
        self._step(visit, next(moments, 0.95))
        save_draft(self.desk, app.id, {"note": self.rng.choice(_DRAFT_NOTES)})
        return app

    def _refuse(self, app: ApplicationView, skipped: str | None) -> ApplicationView:
        passport = self.desk.catalog.get(app.passport_id)
        ground = "incomplete_documents" if skipped else "no_legal_basis"
        reason = _REFUSAL_REASONS[ground].format(document=(skipped or "").rstrip("."))
        basis = (
            passport.legal_bases[0] if passport.legal_bases and self.rng.random() < 0.5 else None
        )
        return refuse_application(self.desk, app.id, [ground], reason, basis)

    def _follow_up(self, app: ApplicationView) -> ApplicationView:
        """Ordered from the back office, ready, handed over: as far as the present allows."""
        day = self.clock.current.astimezone(BAKU).date()
        for status, chance, days in (
            ("ordered", 0.9, (0, 1)),
            ("ready", 0.8, (3, 20)),
            ("handed_over", 0.85, (1, 6)),
        ):
            day = self.calendar.add_working_days(day, self.rng.randint(*days))
            moment = _at(day, OPENING_SECONDS + self.rng.uniform(1800, WORKING_SECONDS - 1800))
            if moment <= self.clock.current:
                moment = self.clock.current + timedelta(minutes=self.rng.randint(20, 90))
            if self.rng.random() >= chance or moment >= self.limit:
                break
            self.clock.current = moment
            app = change_status(self.desk, app.id, status)
        return app


def create_demo_applications(desk: Desk, count: int, seed: int | None = None) -> DemoSummary:
    """Make ``count`` applications at ``desk``'s centre over its last ~60 days.

    About 5 % stay drafts and 10 % are refused; the accepted ones move on to ordered,
    ready and handed over as time allows. ``desk.now()`` is the present; ``seed`` makes
    the people, the mix and the times repeatable. Raises InvalidInput for a negative count
    and IntakeRuleBroken when the calendar leaves no working day in the window,
    CentreNotConfigured when no centre code is configured. Visits are planned day by day
    and each is committed by the service functions as it is made, so a huge ``count``
    starts at once with flat memory (the summary keeps the first :data:`KEPT_IDS` IDs).
    """
    if count < 0:
        raise InvalidInput(
            {"count": FieldProblem("demo.count", "the number of applications cannot be negative")}
        )
    require_centre_code(desk.settings)  # before anything: never numbered as some default
    began = time.perf_counter()
    rng = random.Random(seed)
    clock = _WalkingClock(desk.now())
    with UnitOfWork(desk.engine, write=False) as uow:
        calendar = desk.calendar(uow.session)
    days = _working_days(calendar, desk.local_now().date())
    if count and not days:
        raise IntakeRuleBroken("demo.no_working_days", "no working day in the last 60 days")
    desks = [
        replace(desk, settings=desk.settings.model_copy(update={"agent_name": name}), clock=clock)
        for name in DEMO_AGENTS
    ]
    intake = _Intake(desks, clock, rng, calendar, desk.now())
    statuses: Counter[str] = Counter()
    ids: list[str] = []
    first = last = None
    for visit in _plan_visits(rng, count, days) if count else ():
        app = intake.run(visit, visit.passport_id)  # each step commits: nothing is held back
        statuses[app.status] += 1
        if len(ids) < KEPT_IDS:
            ids.append(app.id)
        first = first or visit.start
        last = visit.start
    first_day = first.astimezone(BAKU).date() if first else None
    last_day = last.astimezone(BAKU).date() if last else None
    seconds = time.perf_counter() - began
    return DemoSummary(count, dict(statuses), first_day, last_day, seconds, tuple(ids))
