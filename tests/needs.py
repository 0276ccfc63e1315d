"""What a test does when this machine lacks something it needs."""

from __future__ import annotations

import os

import pytest


def unavailable(reason: str) -> None:
    """Skip on a developer machine that lacks something; fail in CI (``CI=true``)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)
