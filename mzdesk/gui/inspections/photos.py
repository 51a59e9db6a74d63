"""Photos on an inspection's items: chosen with a file dialog (P) or dropped on the item,
kept through ``services.attachments``, shown as thumbnails (loaded once, off the GUI thread)."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import ItemResult
from mzdesk.gui.inspections.item_panel import ItemPanel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import Refusal
from mzdesk.gui.widgets.files import in_our_language
from mzdesk.services.attachments import MissingFile, read_file
from mzdesk.services.inspecting.detail import InspectionDetail, inspection_detail
from mzdesk.services.inspecting.flow import add_item_photo, remove_item_photo
from mzdesk.services.inspection_report import file_reader, thumbnail_cache


class PhotosMixin:
    """The inspecting screen's photo handling (the screen provides these attributes)."""

    ctx: AppContext
    detail: InspectionDetail
    results: dict[uuid.UUID, ItemResult]
    photos: dict[uuid.UUID, list[tuple[uuid.UUID, str]]]  # attachment id and sha256
    pixmaps: dict[str, QPixmap]
    panel: ItemPanel
    gone: bool

    if TYPE_CHECKING:  # the screen's own methods

        def current_item(self) -> uuid.UUID | None: ...
        def say(self, text: str, *, error: bool = False) -> None: ...
        def _refuse_locked(self) -> bool: ...
        def _write(self, work: Any) -> None: ...

    # -- photos --------------------------------------------------------------------------------------
    def choose_photo(self) -> None:
        item_id = self.current_item()
        if item_id is None or self._refuse_locked():
            return
        if item_id not in self.results:
            self.say(tr("请先选择结果（1 合格 / 2 不合格 / 3 不适用），再加照片。"), error=True)
            return
        chooser = QFileDialog(
            self if isinstance(self, QWidget) else None,
            tr("选择照片"),
            "",
            tr("图片 (*.png *.jpg *.jpeg)"),
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFiles)
        in_our_language(chooser)
        chooser.filesSelected.connect(lambda files: self.add_photos([Path(f) for f in files]))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.open()

    def add_photos(self, paths: list[Path]) -> None:
        item_id = self.current_item()
        if item_id is None or self._refuse_locked() or item_id not in self.results:
            return
        for path in paths:
            self._write(self._add_photo(item_id, path))

    async def _add_photo(self, item_id: uuid.UUID, path: Path) -> None:
        # late: reportlab loads when first used
        from mzdesk.reports.inspection_report import prepare_photos

        data = await asyncio.get_running_loop().run_in_executor(None, path.read_bytes)
        try:
            await self.ctx.change(add_item_photo, self.detail.id, item_id, data)
        except ValidationError as error:  # which file, and why
            raise Refusal(
                tr("照片「{name}」未添加：{why}").format(name=path.name, why=error)
            ) from None
        detail = await self.ctx.worker.read(inspection_detail, self.ctx.store, self.detail.id)
        answer = detail.answers.get(item_id)
        self.photos[item_id] = [(p.id, p.sha256) for p in answer.photos] if answer else []
        if self.gone:
            return
        self.say(tr("已添加照片：{name}").format(name=path.name))
        if self.current_item() == item_id:
            await self._show_photos(item_id)
        # the report's small copy, made now rather than at the first print
        await asyncio.get_running_loop().run_in_executor(
            None,
            prepare_photos,
            [sha for _, sha in self.photos[item_id]],
            file_reader(self.ctx.store),
            thumbnail_cache(self.ctx.store),
        )

    def remove_photo(self, attachment_id: uuid.UUID) -> None:
        item_id = self.current_item()
        if item_id is None or self._refuse_locked():
            return
        self.photos[item_id] = [p for p in self.photos.get(item_id, []) if p[0] != attachment_id]
        self._write(self._remove_photo(item_id, attachment_id))

    async def _remove_photo(self, item_id: uuid.UUID, attachment_id: uuid.UUID) -> None:
        await self.ctx.change(remove_item_photo, self.detail.id, attachment_id)
        if not self.gone:
            self.say(tr("已删除照片。"))
            if self.current_item() == item_id:
                await self._show_photos(item_id)

    async def _show_photos(self, item_id: uuid.UUID) -> None:
        pixmaps = []
        for attachment_id, sha in self.photos.get(item_id, []):
            if await self._pixmap(sha):
                pixmaps.append((attachment_id, self.pixmaps[sha]))
        if not self.gone and self.current_item() == item_id:
            self.panel.show_photos(pixmaps)

    async def _pixmap(self, sha: str) -> bool:
        """Load a stored image once; False while sync has not brought its file."""
        if sha not in self.pixmaps:
            try:
                data = await self.ctx.worker.read(read_file, self.ctx.store, sha)
            except MissingFile:
                return False
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.pixmaps[sha] = pixmap
        return True
