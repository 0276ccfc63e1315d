"""The provider of each information system, as the configuration chooses it."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from dost_desk.checks.base import CheckProvider, Clock, utc_now
from dost_desk.checks.http_provider import HttpCheckProvider
from dost_desk.checks.manual import ManualProvider
from dost_desk.checks.notice_sender import HttpNoticeSender, ManualNoticeSender, NoticeSender
from dost_desk.checks.reference import DatabaseReferenceTables, ReferenceProvider
from dost_desk.config import Settings
from dost_desk.http_endpoints import NoticeSenderConfig


def provider_for(
    system: str, settings: Settings, engine: Engine, clock: Clock = utc_now
) -> CheckProvider:
    """The provider ``[checks.<system>]`` names (``manual`` when the system is not listed)."""
    config = settings.check_provider(system)
    if config.provider == "http":
        return HttpCheckProvider(config, clock)
    if config.provider == "reference":
        return ReferenceProvider(DatabaseReferenceTables(engine), clock)
    return ManualProvider(clock)


def notice_sender_for(config: NoticeSenderConfig, clock: Clock = utc_now) -> NoticeSender:
    """The sender ``[notices]`` names (``manual`` by default)."""
    if config.provider == "http":
        return HttpNoticeSender(config, clock)
    return ManualNoticeSender(clock)
