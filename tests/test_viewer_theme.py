"""The theme: tick boxes keep a visible outline, drawn without an application-wide style sheet."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton, QStyleOptionViewItem

from viewer.gui.theme import HIGH_CONTRAST_PROPERTY, TICK_BOX_BORDER, apply_theme
from viewer.gui.widgets.layer_strip import LayerStrip
from viewer.gui.widgets.structure_tree import StructureTree
from viewer.model.state import AtlasState


@pytest.fixture
def themed_app():
    """The application with its theme put back as it was after the test."""
    app = QApplication.instance()
    saved = app.palette(), app.font(), app.property(HIGH_CONTRAST_PROPERTY)
    yield app
    app.setPalette(saved[0])
    app.setFont(saved[1])
    app.setProperty(HIGH_CONTRAST_PROPERTY, saved[2])


def _left_edge(image, rect) -> str:
    return image.pixelColor(rect.left(), rect.center().y()).name()


def _check_box_outline(box) -> str:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    return _left_edge(box.grab().toImage(), rect)


def _tree_row_outline(tree) -> str:
    option = QStyleOptionViewItem()
    option.rect = tree.visualItemRect(tree.topLevelItem(0))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )
    return _left_edge(tree.viewport().grab().toImage(), rect)


def test_tick_boxes_are_outlined_in_both_themes_without_an_application_style_sheet(
    qtbot, catalogue, themed_app
):
    state = AtlasState()
    strip = LayerStrip(state)
    tree = StructureTree(state, catalogue)
    for widget in (strip, tree):
        qtbot.addWidget(widget)
        with qtbot.waitExposed(widget):
            widget.show()
    box = strip.toggles["deep"]
    for high_contrast in (False, True, False):
        apply_theme(themed_app, high_contrast)
        # Every widget would go through Qt's slower style-sheet engine (the first window's time).
        assert themed_app.styleSheet() == ""
        border = TICK_BOX_BORDER[high_contrast]
        assert _check_box_outline(box) == border
        assert _tree_row_outline(tree.tree) == border
