"""Search field and tree of groups -> structures -> parts, with visibility boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from meshes.parts import GROUPS, LAYER_BY_ID, STRUCTURE_IDS, group_of, parts_of
from viewer.model.state import AtlasState

ID_ROLE = Qt.ItemDataRole.UserRole
#: Headings for the structures in no group: they are named after their layers.
OTHER_HEADINGS = ("bones", "skin")


def _tree_group(structure_id: str) -> str:
    group = group_of(structure_id)
    if group:
        return group
    return "skin" if structure_id == "skin" else "bones"


class StructureTree(QWidget):
    """Clicking an item selects it; unticking hides it. Follows the state's selection."""

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self._applying = False  # guards against echoing the state's own changes back
        self._ticked = False  # a click on a tick box toggles visibility only, never selects
        self.search = QLineEdit(placeholderText="Search (name, Latin, synonym)…  Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.search.textChanged.connect(self.apply_filter)
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
        item_id = item.data(0, ID_ROLE)
        if not item_id:
            return
        structure = item_id.split(".", 1)[0]
        self.state.select(structure, item_id if "." in item_id else None)

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
        """Show only structures whose name, Latin name or synonym matches (with their group)."""
        text = text.strip()
        matches = set(self.catalogue.search(text)) if text else None
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            top_id = top.data(0, ID_ROLE)
            any_child = False
            for child_index in range(top.childCount()):
                child = top.child(child_index)
                shown = matches is None or child.data(0, ID_ROLE) in matches
                child.setHidden(not shown)
                any_child |= shown
            top.setHidden(not (any_child or matches is None or top_id in (matches or ())))
            if text:
                top.setExpanded(True)

    def visible_structure_ids(self) -> list[str]:
        """Structures shown in the tree right now (after filtering)."""
        return [
            structure_id
            for structure_id in STRUCTURE_IDS
            if not self.items[structure_id].isHidden()
            and not (
                self.items[structure_id].parent() and self.items[structure_id].parent().isHidden()
            )
        ]
