"""Printed documents (Qt-free): receipts, certificate results and decisions as PDF.

Import the modules, never the package under a bare name (``from dost_desk.print import
documents``; ``from dost_desk import print`` would shadow the builtin):

* :mod:`~dost_desk.print.context` — an application → the document context (strings);
* :mod:`~dost_desk.print.templates` — layouts as data (``resources/print/<kind>.yaml``);
* :mod:`~dost_desk.print.profiles` — printer profiles (A4, 80 mm roll);
* :mod:`~dost_desk.print.documents` — ``render_document(kind, context, profile)`` → PDF;
* :mod:`~dost_desk.print.verification` — the QR text, the content hash, ``verify_pdf``;
* :mod:`~dost_desk.print.fonts`, :mod:`~dost_desk.print.layout`, :mod:`~dost_desk.print.qr`
  — embedded DejaVu fonts, the flowables, the QR code;
* :mod:`~dost_desk.print.errors` — ``PrintError`` and its kinds.

The service functions (archive, reprints, samples, saving) are in
:mod:`dost_desk.services.printing`.
"""
