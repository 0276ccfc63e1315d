"""QR codes for the printouts: ReportLab's encoder, a faster mask choice, one-path drawing.

:mod:`reportlab.graphics.barcode.qrencoder` lays out a QR code correctly, but picks the
mask by laying out all eight masked symbols and scoring each in pure Python, which takes
longer than rendering the rest of a receipt. Here the symbol is laid out once; the other
seven masks differ only in the data modules and the format information, so each is an XOR
of whole rows kept as integers, scored with the four penalty rules of ISO/IEC 18004
(§7.8.3) on integers and strings. The modules are those of ``makeImpl(False, mask)`` for
the chosen mask (a test checks every mask against ReportLab).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from reportlab.graphics.barcode.qrencoder import (
    EXP_TABLE,
    LOG_TABLE,
    QRBitBuffer,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
    QRUtil,
)
from reportlab.platypus import Flowable

_LIGHT_RUN = re.compile("0{5,}")
_DARK_RUN = re.compile("1{5,}")
_DARK = re.compile(r"1+")


def _level(name: str) -> int:
    return getattr(QRErrorCorrectLevel, name)


@lru_cache(maxsize=32)
def _layout(version: int, level: int) -> tuple[int, tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The symbol size, its function patterns as row integers (format information left
    blank), and the data module positions in placement order — the same for every text."""
    code = QRCode(version, level)
    code.dataCache = []  # no data: the data modules are cleared below
    code.makeImpl(False, 0)
    size = code.moduleCount
    positions = tuple(code.dataPosIterator())
    blank = {(c, r) for c, r in positions}
    blank.update((c, r) for r, c, _ in _format_bits(size, level, 0))
    rows = tuple(
        sum(1 << (size - 1 - c) for c, dark in enumerate(line) if dark and (c, r) not in blank)
        for r, line in enumerate(code.modules)
    )
    return size, rows, positions


@lru_cache(maxsize=256)
def _mask_rows(size: int, positions: tuple[tuple[int, int], ...], mask: int) -> tuple[int, ...]:
    """Per row: the data modules ``mask`` inverts."""
    invert = QRUtil.getMask(mask)
    rows = [0] * size
    for col, row in positions:
        if invert(row, col):
            rows[row] |= 1 << (size - 1 - col)
    return tuple(rows)


@lru_cache(maxsize=256)
def _format_bits(size: int, level: int, mask: int) -> tuple[tuple[int, int, bool], ...]:
    """The (row, column, dark) modules of the format information for ``mask``."""
    code = QRCode(1, level)
    code.moduleCount = size
    code.modules = [[None] * size for _ in range(size)]
    code.setupTypeInfo(False, mask)
    return tuple(
        (r, c, bool(value))
        for r, line in enumerate(code.modules)
        for c, value in enumerate(line)
        if value is not None
    )


def _apply_format(rows: list[int], size: int, bits: tuple[tuple[int, int, bool], ...]) -> None:
    for r, c, dark in bits:
        bit = 1 << (size - 1 - c)
        rows[r] = rows[r] | bit if dark else rows[r] & ~bit


def _penalty(rows: list[int], size: int) -> int:
    lines = [format(row, f"0{size}b") for row in rows]
    columns = ["".join(column) for column in zip(*lines, strict=True)]
    text = "\n".join((*lines, *columns))  # the line breaks keep runs within a line
    runs = _LIGHT_RUN.findall(text) + _DARK_RUN.findall(text)
    score = sum(map(len, runs)) - 2 * len(runs)  # rule 1: 3 + (length - 5) per run of 5+
    # Rule 3: 1:1:3:1:1 with four light modules on a side (neither pattern can overlap
    # itself, so counting is exact).
    score += 40 * (text.count("10111010000") + text.count("00001011101"))
    full = (1 << size) - 1
    for upper, lower in pairwise(rows):  # rule 2: 2×2 blocks of one colour
        dark = upper & lower
        light = ~upper & ~lower & full
        score += 3 * ((dark & (dark >> 1)).bit_count() + (light & (light >> 1)).bit_count())
    dark_share = 100 * sum(row.bit_count() for row in rows) // (size * size)
    return score + 10 * (abs(dark_share - 50) // 5)  # rule 4: balance of dark modules


@lru_cache(maxsize=32)
def _generator_logs(ec_count: int) -> tuple[int, ...]:
    """log2 of the Reed-Solomon generator's coefficients after the leading 1."""
    generator = QRUtil.getErrorCorrectPolynomial(ec_count).num
    return tuple(LOG_TABLE[g] for g in generator[1:])


def _remainder(data: list[int], logs: tuple[int, ...]) -> list[int]:
    """The error-correction codewords of ``data`` (polynomial division in GF(256))."""
    remainder = [0] * len(logs)
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = remainder[1:]
        remainder.append(0)
        if factor:
            shift = LOG_TABLE[factor]
            for i, log in enumerate(logs):
                remainder[i] ^= EXP_TABLE[(log + shift) % 255]
    return remainder


def _codewords(version: int, level: int, code: QRCode) -> list[int]:
    """``QRCode.createData`` with the generator polynomials kept between calls (building
    one costs more than encoding a whole receipt's QR code)."""
    blocks = QRRSBlock.getRSBlocks(version, level)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"{buffer.getLengthInBits()} bits do not fit in version {version}")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (QRCode.PAD0, QRCode.PAD1)
    padding = 0
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[padding % 2], 8)
        padding += 1
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_remainder(chunk, _generator_logs(block.totalCount - block.dataCount)))
    out = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return out


def qr_rows(text: str, level: str = "M", mask: int | None = None) -> tuple[str, ...]:
    """The QR symbol of ``text`` as rows of ``"0"``/``"1"`` (no quiet zone), with the
    lowest-penalty mask, or with ``mask`` when given."""
    correction = _level(level)
    code = QRCode(None, correction)
    code.addData(text)
    version = code.calculate_version()
    size, function_rows, positions = _layout(version, correction)
    data = _codewords(version, correction, code)
    bits = "".join(format(byte, "08b") for byte in data)
    unmasked = list(function_rows)
    for (col, row), bit in zip(positions, bits, strict=False):  # the rest stays light
        if bit == "1":
            unmasked[row] |= 1 << (size - 1 - col)
    best: tuple[int, list[int]] | None = None
    for candidate in range(8) if mask is None else (mask,):
        inverted = _mask_rows(size, positions, candidate)
        rows = [row ^ flip for row, flip in zip(unmasked, inverted, strict=True)]
        _apply_format(rows, size, _format_bits(size, correction, candidate))
        score = 0 if mask is not None else _penalty(rows, size)
        if best is None or score < best[0]:
            best = (score, rows)
    assert best is not None
    return tuple(format(row, f"0{size}b") for row in best[1])


class QrFlowable(Flowable):
    """A square QR code ``size`` points wide with a quiet zone of ``border`` modules, drawn
    as one filled path in module units (few numbers to format, no Helvetica reference)."""

    def __init__(self, text: str, size: float, level: str = "M", border: int = 4) -> None:
        super().__init__()
        self.text = text
        self.rows = qr_rows(text, level)
        self.border = border
        self.width = self.height = size
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.rows) + 2 * self.border
        module = self.width / count
        parts = []
        for r, line in enumerate(self.rows):
            y = count - self.border - r - 1
            for run in _DARK.finditer(line):
                parts.append(f"{run.start() + self.border} {y} {run.end() - run.start()} 1 re")
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        canvas.scale(module, module)
        canvas.addLiteral("\n".join(parts) + "\nf")
        canvas.restoreState()
