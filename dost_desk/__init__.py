"""DOST Desk: the counter application of Azerbaijan's DOST social service centres."""

__version__ = "0.1.0"
