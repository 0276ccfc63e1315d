"""Two small flowables the layouts use instead of tables (tables cost more to lay out)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

RULE = colors.HexColor("#C4C8CE")


class Beside(Flowable):
    """A fixed-size flowable (the QR code) with paragraphs to its right, centred on it."""

    def __init__(self, left: Flowable, right: list[Paragraph], gap: float) -> None:
        super().__init__()
        self.left, self.right, self.gap = left, right, gap
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        left_width, left_height = self.left.wrap(availWidth, availHeight)
        width = availWidth - left_width - self.gap
        self._heights = [p.wrap(width, availHeight)[1] for p in self.right]
        self.width, self.height = availWidth, max(left_height, sum(self._heights))
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        self.left.drawOn(canvas, 0, (self.height - self.left.height) / 2)
        x = self.left.width + self.gap
        y = (self.height + sum(self._heights)) / 2
        for paragraph, height in zip(self.right, self._heights, strict=True):
            y -= height
            paragraph.drawOn(canvas, x, y)


class KeyValueRow(Flowable):
    """One label/value row with a hairline under it: two paragraphs side by side, their
    first lines on one baseline. Lighter than a Table, and a page can break between rows."""

    _TOP, _BOTTOM, _GAP = 1.5, 2.5, 3.0

    def __init__(self, label: Paragraph, value: Paragraph, label_width: float) -> None:
        super().__init__()
        self.label, self.value, self.label_width = label, value, label_width
        self._label_height = self._value_height = self._shift = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._label_height = self.label.wrap(self.label_width - self._GAP, availHeight)[1]
        self._value_height = self.value.wrap(availWidth - self.label_width, availHeight)[1]
        self._shift = max(0.0, self.value.style.leading - self.label.style.leading)
        body = max(self._label_height + self._shift, self._value_height)
        self.width, self.height = availWidth, body + self._TOP + self._BOTTOM
        return self.width, self.height

    def draw(self) -> None:
        canvas, top = self.canv, self.height - self._TOP
        self.label.drawOn(canvas, 0, top - self._shift - self._label_height)
        self.value.drawOn(canvas, self.label_width, top - self._value_height)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.line(0, 0, self.width, 0)
        canvas.restoreState()
