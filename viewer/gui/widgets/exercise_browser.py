"""The Exercises tab: every exercise and stretch, searchable, with what each does.

Choosing one shows its summary, what stays fixed, the muscles it trains or
lengthens and the model's length change of every muscle at its end
position; "Show on model" plays it, "Stretch map at the end" poses the leg
there in the stretch map, and "Compare" sets two positions side by side,
muscle by muscle. A thin view: the numbers come from viewer.model.movements.
"""

from __future__ import annotations

from difflib import get_close_matches
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer.gui.widgets.tab_work import TabWork
from viewer.model.movements import changes_at_end, compare, describe_change, movements
from viewer.model.search import normalise

ID_ROLE = Qt.ItemDataRole.UserRole


class ExerciseBrowser(QWidget):
    """``play_requested(kind, id)`` plays a movement; ``end_requested(kind, id)`` poses its end."""

    play_requested = Signal(str, str)
    end_requested = Signal(str, str)

    def __init__(self, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.items = {movement.id: movement for movement in movements(catalogue)}
        self.search = QLineEdit(placeholderText="Search exercises and stretches…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search exercises and stretches")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.list = QListWidget()
        self.list.setAccessibleName("Exercises and stretches")
        for movement in self.items.values():
            item = QListWidgetItem(f"{movement.name}  ·  {movement.kind}")
            item.setData(ID_ROLE, movement.id)
            self.list.addItem(item)
        self.details = QTextBrowser()
        self.details.setAccessibleName("What the chosen movement does")
        self.play_button = QPushButton("▶ Show on model")
        self.end_button = QPushButton("Stretch map at the end")
        self.end_button.setToolTip("Pose the leg at the end position, coloured by length change")
        self.compare_choice = QComboBox()
        self.compare_choice.setAccessibleName("Movement to compare with")
        self.compare_choice.addItem("Compare with…", "")
        for movement in self.items.values():
            self.compare_choice.addItem(movement.name, movement.id)
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.compare_choice)
        layout.addWidget(self.details, 3)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._choose_first)
        self.list.currentItemChanged.connect(lambda *_: self.show_details())
        self.list.itemActivated.connect(lambda *_: self._play())
        self.compare_choice.currentIndexChanged.connect(lambda *_: self.show_details())
        self.play_button.clicked.connect(self._play)
        self.end_button.clicked.connect(self._end)
        self._details_work = TabWork(self._fill_details)  # the window says when it is in front
        self.list.setCurrentRow(0)

    # -- choosing --------------------------------------------------------------------------
    def current(self):
        item = self.list.currentItem()
        return self.items[item.data(ID_ROLE)] if item is not None else None

    def choose(self, movement_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == movement_id:
                self.list.setCurrentRow(row)
                return

    def _choose_first(self) -> None:
        for row in range(self.list.count()):
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                self.list.setFocus()
                return

    def _play(self) -> None:
        movement = self.current()
        if movement is not None:
            self.play_requested.emit(movement.kind, movement.id)

    def _end(self) -> None:
        movement = self.current()
        if movement is not None:
            self.end_requested.emit(movement.kind, movement.id)

    # -- search ----------------------------------------------------------------------------
    def _texts(self, movement) -> list[str]:
        names = [self.catalogue.display_name(m) for m in movement.muscles]
        return [movement.name, movement.summary, movement.kind, *names]

    def apply_filter(self, text: str) -> None:
        needle = normalise(text)
        shown = {
            m.id for m in self.items.values() if any(needle in normalise(t) for t in self._texts(m))
        }
        message = ""
        if needle and not shown:
            names = {normalise(m.name): m.id for m in self.items.values()}
            words = {w: m.id for m in self.items.values() for w in normalise(m.name).split()}
            close = get_close_matches(needle, [*names, *words], n=1, cutoff=0.7)
            if close:
                movement = self.items[names.get(close[0]) or words[close[0]]]
                shown = {movement.id}
                message = f"No exact match for “{text.strip()}”. Did you mean {movement.name}?"
            else:
                message = f"No exercise or stretch matches “{text.strip()}”."
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and item.data(ID_ROLE) not in shown)
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- details ---------------------------------------------------------------------------
    @property
    def shown(self) -> bool:
        return self._details_work.shown

    def set_shown(self, shown: bool) -> None:
        """The tab holding the browser came to the front (True) or went behind another."""
        self._details_work.set_shown(shown)

    def show_details(self) -> None:
        """The chosen movement's details, worked out while its tab is in front (they need the
        muscle lengths, which the window's start does without)."""
        self._details_work.request()

    def _fill_details(self) -> None:
        movement = self.current()
        if movement is None:
            self.details.clear()
            return
        other_id = self.compare_choice.currentData()
        if other_id and other_id != movement.id:
            self.details.setHtml(self._comparison_html(movement, self.items[other_id]))
        else:
            self.details.setHtml(self._movement_html(movement))

    def _name(self, part_id: str) -> str:
        return escape(self.catalogue.display_name(part_id))

    def _movement_html(self, movement) -> str:
        verb = "Trains" if movement.kind == "exercise" else "Lengthens"
        muscles = ", ".join(self._name(m) for m in movement.muscles) or "—"
        changes = sorted(changes_at_end(movement).items(), key=lambda kv: -kv[1])
        rows = "".join(
            f"<tr><td>{self._name(part)}</td><td align='right'>{value:+.1f} %</td>"
            f"<td>{describe_change(value)}</td></tr>"
            for part, value in changes
        )
        where = "end position" if movement.kind == "exercise" else "held position"
        return (
            f"<h3>{escape(movement.name)}</h3><p>{escape(movement.summary)}</p>"
            f"<p><b>{verb}:</b> {muscles}<br><b>Stays fixed:</b> "
            f"{escape(movement.support_title)}</p>"
            f"<p><b>Length against standing at the {where}</b> (the stretch map):</p>"
            f"<table cellspacing='4'>{rows}</table>"
        )

    def _comparison_html(self, first, second) -> str:
        rows = "".join(
            f"<tr><td>{self._name(row.part_id)}</td>"
            f"<td align='right'>{row.first_percent:+.1f} %</td>"
            f"<td align='right'>{row.second_percent:+.1f} %</td>"
            f"<td align='right'><b>{row.difference:+.1f}</b></td></tr>"
            for row in compare(first, second)
        )
        return (
            f"<h3>{escape(first.name)} vs {escape(second.name)}</h3>"
            "<p>Each muscle's length against standing at the end of each position, and "
            "the difference (second minus first, percentage points):</p>"
            "<table cellspacing='4'><tr><th align='left'>Muscle</th>"
            f"<th>{escape(first.name)}</th><th>{escape(second.name)}</th><th>Difference</th></tr>"
            f"{rows}</table>"
        )
