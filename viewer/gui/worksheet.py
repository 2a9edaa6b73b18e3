"""A printable worksheet from a scene with pins: the picture, blanks, and the answer key.

Page one shows the leg with numbered pins (no notes) and a numbered blank
line per pin; page two is the key: each pin's structure and the teacher's
note. Qt's PDF writer draws it into memory and the file is written
atomically, so a failed save leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from meshes.parts import PART_BY_ID
from viewer.model.atomic import atomic_write
from viewer.model.pins import Pin

DPI = 150
MARGIN_MM = 15.0
PICTURE_SHARE = 0.68  # of the page height below the title


def worksheet_pdf(
    title: str, image: np.ndarray, pins: Sequence[Pin], name_of: Callable[[str], str]
) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        draw_worksheet(painter, writer.newPage, title, image, pins, name_of)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def draw_worksheet(
    painter: QPainter,
    new_page: Callable[[], object],
    title: str,
    image: np.ndarray,
    pins: Sequence[Pin],
    name_of: Callable[[str], str],
) -> None:
    """Draw both pages with any painter (the PDF writer, or an image to look at)."""
    page = QRectF(painter.viewport())
    top = _heading(painter, page, title)
    picture_height = (page.height() - top) * PICTURE_SHARE
    _picture(painter, image, QRectF(0, top, page.width(), picture_height))
    y = top + picture_height + DPI * 0.15
    painter.setFont(_font(11))
    line_height = DPI * 0.32
    for number in range(1, len(pins) + 1):
        if y + line_height > page.height():  # many pins: the blanks go on over the page
            new_page()
            y = 0.0
        painter.drawText(QRectF(0, y, page.width(), line_height), f"{number}.")
        painter.drawLine(int(DPI * 0.4), int(y + line_height * 0.8), int(page.width() * 0.9),
                         int(y + line_height * 0.8))  # fmt: skip
        y += line_height
    new_page()
    y = _heading(painter, page, f"{title}: answer key")
    painter.setFont(_font(11))
    for number, pin in enumerate(pins, start=1):
        text = f"{number}. {name_of(PART_BY_ID[pin.part].structure)}"
        if pin.note:
            text += f": {pin.note}"
        box = painter.boundingRect(
            QRectF(0, y, page.width(), page.height()), Qt.TextFlag.TextWordWrap, text
        )
        if y + box.height() > page.height():
            new_page()
            y = 0.0
            box.moveTop(y)
        painter.drawText(box, Qt.TextFlag.TextWordWrap, text)
        y += box.height() + DPI * 0.1


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans", points)
    font.setBold(bold)
    return font


def _heading(painter: QPainter, page: QRectF, text: str) -> float:
    painter.setFont(_font(16, bold=True))
    box = painter.boundingRect(QRectF(0, 0, page.width(), page.height()), 0, text)
    painter.drawText(box, 0, text)
    return box.height() + DPI * 0.15


def _picture(painter: QPainter, image: np.ndarray, area: QRectF) -> None:
    height, width = image.shape[:2]
    pixels = np.ascontiguousarray(image[:, :, :3])
    picture = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    scale = min(area.width() / width, area.height() / height)
    target = QRectF(0, 0, width * scale, height * scale)
    target.moveCenter(area.center())
    painter.drawImage(target, picture)


def write_worksheet(
    path: Path, title: str, image: np.ndarray, pins: Sequence[Pin], name_of: Callable[[str], str]
) -> Path:
    """Write the PDF atomically (OSError, and no file, when the folder cannot be written)."""
    data = worksheet_pdf(title, image, pins, name_of)
    return atomic_write(Path(path), lambda stream: stream.write(data))
