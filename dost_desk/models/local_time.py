"""Azerbaijan's time zone: UTC+4 all year (no daylight saving since 2016), no tz database."""

from __future__ import annotations

from datetime import timedelta, timezone

BAKU = timezone(timedelta(hours=4), "AZT")
