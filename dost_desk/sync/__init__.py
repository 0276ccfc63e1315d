"""Offline sync: the outbox of local changes and its idempotent push to PostgreSQL (Qt-free).

* :mod:`dost_desk.sync.outbox` records every change of a synchronised row in the outbox,
  in the transaction that made it (local SQLite desks only);
* :mod:`dost_desk.sync.push` applies the outbox upstream with ``INSERT … ON CONFLICT``.
"""
