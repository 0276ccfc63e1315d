"""The selected passport, rendered readably in the numbered sections of its source."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from dost_desk.services.catalog import PassportDescription

_STYLE = """
<style>
 h2 { margin: 0 0 4px 0; }
 .id { color: #555; }
 .sec { margin-top: 10px; font-weight: bold; }
 .ns { color: #888; font-style: italic; }
 .detail { color: #36c; }
 ul { margin-top: 2px; margin-bottom: 2px; }
</style>
"""


class PassportView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passportView")
        self.setOpenExternalLinks(False)
        self._passport: PassportDescription | None = None
        self.show_placeholder()

    @property
    def passport(self) -> PassportDescription | None:
        return self._passport

    def show_placeholder(self) -> None:
        self._passport = None
        hint = self.tr("Choose a service on the left or search for it.")
        self.setHtml(f"<p class='ns'>{escape(hint)}</p>")

    def show_passport(self, passport: PassportDescription) -> None:
        self._passport = passport
        self.setHtml(self.render_html(passport))

    def render_html(self, passport: PassportDescription) -> str:
        parts = [_STYLE, f"<h2>{escape(passport.name)}</h2>"]
        id_line = f"ID {escape(passport.id)}"
        if passport.id_provisional:
            provisional = self.tr("provisional ID")
            id_line += f" — {escape(provisional)}"
        parts.append(f"<p class='id'>{id_line}</p>")
        not_stated = escape(self.tr("not stated"))
        for section in passport.sections:
            parts.append(f"<p class='sec'>{escape(section.numbers)}. {escape(section.heading)}</p>")
            if section.not_stated:
                parts.append(f"<p class='ns'>{not_stated}</p>")
                continue
            parts.append("<ul>")
            for item in section.items:
                text = escape(item.text)
                if item.level == 0 and any(i.level for i in section.items):
                    parts.append(f"</ul><p><i>{text}</i></p><ul>")
                    continue
                detail = (
                    f" <span class='detail'>[{escape(item.detail)}]</span>" if item.detail else ""
                )
                parts.append(f"<li>{text}{detail}</li>")
            parts.append("</ul>")
        return "".join(parts)
