"""Search field and tree of groups -> structures -> parts, with visibility boxes.

Keyboard: Enter or Space selects the current row, Ctrl+Space ticks or unticks
it (shows or hides it); Enter in the search field selects the first match.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meshes.parts import GROUP_PARENT, GROUPS, LAYER_BY_ID, STRUCTURE_IDS, group_of, parts_of
from viewer.gui.theme import outline_tick_boxes
from viewer.model.search import SearchResult, build_index, search, structure_of
from viewer.model.state import AtlasState

KEYS_HINT = "Enter selects · Ctrl+Space shows/hides · H hides the selection"


class KeyboardTree(QTreeWidget):
    """A tree whose Enter and Space select the current row; Ctrl+Space toggles its tick."""

    row_chosen = Signal(QTreeWidgetItem)
    tick_toggled = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        key = event.key()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if item is not None and key == Qt.Key.Key_Space and control:
            self.tick_toggled.emit(item)
            return
        if item is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.row_chosen.emit(item)
            return
        super().keyPressEvent(event)


ID_ROLE = Qt.ItemDataRole.UserRole
#: Headings for the structures in no group: they are named after their layers.
OTHER_HEADINGS = ("nerves_vessels", "regions", "bones", "skin")


def _tree_group(structure_id: str) -> str:
    group = group_of(structure_id)
    if group:
        return group
    return parts_of(structure_id)[0].layer


class StructureTree(QWidget):
    """Clicking an item selects it; unticking hides it. Follows the state's selection.

    ``motion_chosen(kind, id)`` asks for an exercise or stretch the search found.
    """

    motion_chosen = Signal(str, str)

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self._applying = False  # guards against echoing the state's own changes back
        self._ticked = False  # a click on a tick box toggles visibility only, never selects
        self.index = build_index(catalogue)
        self.result = SearchResult("")
        self.search = QLineEdit(placeholderText="Search names, exercises, actions, nerves…  Ctrl+F")
        # The clear button's icon is looked up in the desktop's icon theme (a few ms here, more
        # with a big theme): set up with the first text, the only time the button is shown.
        self.search.textChanged.connect(
            lambda _text: self.search.setClearButtonEnabled(True),
            Qt.ConnectionType.SingleShotConnection,
        )
        self.search.setAccessibleName("Search structures, exercises, actions and nerves")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search result")
        self.message.hide()
        self.motion_hits = QLabel()
        self.motion_hits.setWordWrap(True)
        self.motion_hits.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.motion_hits.setAccessibleName("Exercises and stretches found")
        self.motion_hits.linkActivated.connect(self._on_motion_link)
        self.motion_hits.hide()
        self.tree = KeyboardTree()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Structures")
        self.tree.setAccessibleDescription(KEYS_HINT)
        self.tree.setToolTip(KEYS_HINT)
        outline_tick_boxes(self.tree)
        self.hint = QLabel(KEYS_HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); font-size: 90%;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.message)
        layout.addWidget(self.motion_hits)
        layout.addWidget(self.tree)
        layout.addWidget(self.hint)
        self.setTabOrder(self.search, self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.row_chosen.connect(self._select_item)
        self.tree.tick_toggled.connect(self._toggle_tick)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.select_first_match)
        state.events.selection.connect(self._show_selection)
        state.events.hidden.connect(self._show_visibility)

    def _build(self) -> None:
        self._applying = True
        tops: dict[str, QTreeWidgetItem] = {}
        headings = [(g, self.catalogue.display_name(g)) for g in GROUPS]
        headings += [(layer, LAYER_BY_ID[layer].title) for layer in OTHER_HEADINGS]
        for key, title in headings:
            item = QTreeWidgetItem([title])
            item.setData(0, ID_ROLE, key if key in GROUPS else "")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsAutoTristate)
            item.setCheckState(0, Qt.CheckState.Checked)
            parent = tops.get(GROUP_PARENT.get(key, ""))
            if parent is not None:  # a group inside another: its heading nests under it
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            tops[key] = item
            if key in GROUPS:
                self.items[key] = item
        for structure_id in STRUCTURE_IDS:
            parent = tops[_tree_group(structure_id)]
            if structure_id == "skin":
                item = parent
                item.setData(0, ID_ROLE, "skin")
            else:
                item = QTreeWidgetItem(parent, [self.catalogue.display_name(structure_id)])
                item.setData(0, ID_ROLE, structure_id)
                item.setCheckState(0, Qt.CheckState.Checked)
            self.items[structure_id] = item
            parts = parts_of(structure_id)
            if len(parts) > 1:
                for part in parts:
                    child = QTreeWidgetItem(item, [self.catalogue.display_name(part.id)])
                    child.setData(0, ID_ROLE, part.id)
                    child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                    self.items[part.id] = child
        self.tree.expandAll()
        tops["bones"].setExpanded(False)
        self._applying = False

    # -- user -> state ----------------------------------------------------------------------
    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._applying or self._ticked:
            self._ticked = False  # Qt reports the tick (itemChanged) first, then the click
            return
        self._select_item(item)

    def _select_item(self, item: QTreeWidgetItem) -> None:
        item_id = item.data(0, ID_ROLE)
        if not item_id:
            return
        self.state.select(structure_of(item_id), item_id if "." in item_id else None)

    def _toggle_tick(self, item: QTreeWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            self._ticked = False  # no click follows a key

    def select_first_match(self) -> None:
        """Enter in the search field: select the best match (or ask for its exercise)."""
        result = self.result
        if result.structures:
            first = result.structures[0]
            self.state.select(structure_of(first), first if "." in first else None)
        elif result.motions:
            kind, motion_id, _ = result.motions[0]
            self.motion_chosen.emit(kind, motion_id)

    def _on_motion_link(self, href: str) -> None:
        kind, _, motion_id = href.partition(":")
        self.motion_chosen.emit(kind, motion_id)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._applying:
            return
        self._ticked = True
        item_id = item.data(0, ID_ROLE)
        checked = item.checkState(0) != Qt.CheckState.Unchecked
        # A group heading's tick reaches its structures through Qt's auto-tristate, which
        # reports each child's change here in turn.
        if item_id in STRUCTURE_IDS:
            self.state.set_structure_visible(item_id, checked)

    # -- state -> view ----------------------------------------------------------------------
    def _show_selection(self, *_: object) -> None:
        selected = self.state.selected
        self._applying = True
        try:
            target = self.state.selected_part or selected
            item = self.items.get(target or "") or self.items.get(selected or "")
            if item is None:
                self.tree.clearSelection()
                self.tree.setCurrentItem(None)
            else:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
        finally:
            self._applying = False

    def _show_visibility(self, *_: object) -> None:
        self._applying = True
        try:
            for structure_id in STRUCTURE_IDS:
                item = self.items[structure_id]
                visible = structure_id not in self.state.hidden
                item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        finally:
            self._applying = False

    def apply_filter(self, text: str) -> None:
        """Show only the rows the search found (with their group), and say what it found."""
        self.result = result = search(self.index, text)
        matches = None
        if text.strip():
            matches = {structure_of(i) for i in result.structures} | set(result.structures)
        self.message.setText(result.message)
        self.message.setVisible(bool(result.message))
        if result.motions:
            links = ", ".join(
                f'<a href="{kind}:{motion_id}">{escape(name)}</a>'
                for kind, motion_id, name in result.motions[:6]
            )
            self.motion_hits.setText(f"Exercises and stretches: {links}")
        self.motion_hits.setVisible(bool(result.motions))
        for index in range(self.tree.topLevelItemCount()):
            self._filter_row(self.tree.topLevelItem(index), matches, bool(text))

    def _filter_row(self, item: QTreeWidgetItem, matches: set[str] | None, expand: bool) -> bool:
        """Show a row if it matches, a row under it does, or (matches is None) always.

        Headings nest (the calf muscles inside the superficial compartment), so the
        rule is applied down the whole tree; a matching row keeps its parts shown.
        """
        matched = matches is None or item.data(0, ID_ROLE) in matches
        any_child = False
        for child_index in range(item.childCount()):
            child = item.child(child_index)
            # A found structure keeps its parts; a found group still filters its rows.
            keep = matched and item.data(0, ID_ROLE) not in GROUPS
            any_child |= self._filter_row(child, None if keep else matches, expand)
        shown = matched or any_child
        item.setHidden(not shown)
        if expand and item.childCount():
            item.setExpanded(True)
        return shown

    def visible_structure_ids(self) -> list[str]:
        """Structures shown in the tree right now (after filtering)."""
        return [
            structure_id
            for structure_id in STRUCTURE_IDS
            if not self._hidden_or_under_hidden(self.items[structure_id])
        ]

    @staticmethod
    def _hidden_or_under_hidden(item: QTreeWidgetItem | None) -> bool:
        while item is not None:
            if item.isHidden():
                return True
            item = item.parent()
        return False
