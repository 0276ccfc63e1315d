"""Benchmark: printing — rendering a receipt, and memory over many receipts.

1. **render a receipt** (A4): the median time of
   :func:`dost_desk.print.documents.render_document` for the sample receipt (context →
   content → hash → QR → flowables → PDF with embedded subset fonts and metadata). The
   baseline, timed in the same run, is a bare ReportLab page: ``SimpleDocTemplate`` with
   the same DejaVu fonts (regular, bold for the headings) and the same text — the lines our
   receipt prints, extracted from it — as plain paragraphs. Target ≤ 1.5×.
2. **memory over 1,000 receipts** (200 with ``quick``), in a fresh process (the heap the
   other benchmarks leave behind would blur it): RSS growth (``/proc/self/statm``) between
   receipt 100 (warm-up) and the last, then ``tracemalloc``'s traced growth over as many
   receipts again (tracemalloc's own tables move RSS, so the two are read in two passes).
   Each receipt has its own registration number and name, A4 and roll alternating. The
   baseline column is the same measurement for bare pages. Target: flat, ≤ 5 MB.

Run alone: ``python bench/bench_print.py [--quick]``.
"""

from __future__ import annotations

import gc
import io
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

if __name__ == "__main__":  # run alone: make the project root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dost_desk.print.documents import render_document
from dost_desk.print.fonts import BOLD, REGULAR, register_fonts
from dost_desk.services.printing import sample_context

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 5.0
MEMORY_WARMUP = 100
_HEADINGS = ("Müraciət edən", "Qəbul edilmiş sənədlər", "Xidmət haqqı", "Müddətlər")


def _receipt_lines(context: dict) -> list[str]:
    """The lines of text our receipt prints (from the PDF itself)."""
    from pypdf import PdfReader

    pdf = render_document("receipt", context, "a4")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _bare_page(lines: list[str]) -> Callable[[], bytes]:
    """A plain ReportLab page with the same fonts and text (the baseline)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
    bold = ParagraphStyle("bold", fontName=BOLD, fontSize=10.5, leading=13)

    def render() -> bytes:
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer, pagesize=A4, invariant=1, initialFontName=REGULAR, title=lines[2]
        )
        story = [
            Paragraph(escape(line), bold if line in _HEADINGS or i == 2 else body)
            for i, line in enumerate(lines)
        ]
        document.build(story)
        return buffer.getvalue()

    return render


def _median_seconds(func: Callable[[], object], repeats: int) -> float:
    for _ in range(3):  # warm-up: fonts, templates, caches
        func()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_render(quick: bool) -> dict:
    repeats = 15 if quick else 60
    context = sample_context("receipt")
    baseline = _bare_page(_receipt_lines(context))
    # Interleave the two so a noisy neighbour slows both alike.
    ours_times, base_times = [], []
    for _ in range(3):
        ours_times.append(_median_seconds(lambda: render_document("receipt", context), repeats))
        base_times.append(_median_seconds(baseline, repeats))
    ours, base = min(ours_times), min(base_times)
    ratio = ours / base if base > 0 else float("inf")
    return {
        "benchmark": "render a receipt (A4, median) vs bare ReportLab page, same fonts and text",
        "ours": ours,
        "baseline": base,
        "ratio": ratio,
        "target": f"≤ {RATIO_TARGET:g}× bare page",
        "ok": ratio <= RATIO_TARGET,
    }


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _growth(step: Callable[[int], object], count: int) -> tuple[float, float]:
    """RSS growth between step ``MEMORY_WARMUP`` and ``count``, then traced growth over as
    many steps again (tracemalloc's own tables move RSS, so they are read in two passes)."""
    for i in range(MEMORY_WARMUP):
        step(i)
    gc.collect()
    rss0 = _rss_bytes()
    for i in range(MEMORY_WARMUP, count):
        step(i)
    gc.collect()
    rss1 = _rss_bytes()
    tracemalloc.start()
    try:
        gc.collect()
        traced0 = tracemalloc.get_traced_memory()[0]
        for i in range(count, 2 * count - MEMORY_WARMUP):
            step(i)
        gc.collect()
        traced1 = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    mb = 1024 * 1024
    return (rss1 - rss0) / mb, (traced1 - traced0) / mb


def _memory_child(which: str, count: int) -> dict:
    """Run in a fresh process: receipts (``ours``) or bare pages (``bare``) in a row."""
    base = sample_context("receipt")
    if which == "ours":

        def step(i: int) -> object:
            number = f"C123-2026-{i:06d}"
            context = {
                **base,
                "number": number,
                "registration_number": number,
                "applicant_name": f"Məmmədov Əli Vaqif oğlu {i}",
            }
            return render_document("receipt", context, "a4" if i % 2 else "roll80")

    else:
        lines = _receipt_lines(base)

        def step(i: int) -> object:
            extra = [f"Məmmədov Əli Vaqif oğlu {i}", f"C123-2026-{i:06d}"]
            return _bare_page([*lines[:5], *extra, *lines[5:]])()

    rss, traced = _growth(step, count)
    return {"rss_mb": rss, "traced_mb": traced}


def _in_fresh_process(which: str, count: int) -> dict:
    # A process of its own: the heap the other benchmarks leave behind is not ours.
    import json
    import subprocess

    script = Path(__file__).resolve()
    done = subprocess.run(
        [sys.executable, str(script), "--memory-child", which, str(count)],
        capture_output=True,
        text=True,
        check=True,
        cwd=script.parent.parent,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_memory(quick: bool) -> dict:
    count = 200 if quick else 1_000
    ours = _in_fresh_process("ours", count)
    bare = _in_fresh_process("bare", count)
    worst = max(ours["rss_mb"], ours["traced_mb"])
    return {
        "benchmark": (
            f"{count:,} receipts in a row, MB growth after {MEMORY_WARMUP}: "
            f"RSS {ours['rss_mb']:.2f} (bare pages {bare['rss_mb']:.2f}), "
            f"traced {ours['traced_mb']:.2f} (bare {bare['traced_mb']:.2f})"
        ),
        "ours": ours["rss_mb"],
        "baseline": bare["rss_mb"],
        "ratio": None,
        "target": f"flat: growth ≤ {MEMORY_TARGET_MB:g} MB",
        "ok": worst <= MEMORY_TARGET_MB,
        "unit": "MB",
        "detail": {"receipts": count, "ours": ours, "bare_pages": bare},
    }


def run(quick: bool = False) -> list[dict]:
    """The printing rows: render time against a bare page, memory over many receipts."""
    return [bench_render(quick), bench_memory(quick)]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--memory-child"]:
        import json

        print(json.dumps(_memory_child(sys.argv[2], int(sys.argv[3]))))
    else:
        quick_run = "--quick" in sys.argv[1:]
        for row in run(quick_run):
            print(row)
