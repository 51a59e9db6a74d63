"""USB bundles on the 同步 page: export this desktop's changes to a file, import the file the
centre sends back (a part of the page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from mzdesk.core.bundle import BundleError, check_size
from mzdesk.core.errors import os_error_text
from mzdesk.core.private_files import write_private_file
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import ask_open_path, ask_save_path
from mzdesk.gui.widgets.palette import GREEN, RED
from mzdesk.sync.bundles import export_bundle, import_bundle

BUNDLE_SUFFIX = "mzbundle"


class BundleActions(QWidget):
    """The base of the 同步 page, which provides ``ctx``, ``_say()`` and ``refresh()``."""

    ctx: AppContext

    def _say(self, text: str, colour: str = "#445") -> None:
        raise NotImplementedError

    def refresh(self) -> Any:
        raise NotImplementedError

    # ------------------------------------------------------------ USB bundles
    def export_bundle(self) -> None:
        name = f"{self.ctx.institution.name}-{dt.date.today().isoformat()}"
        ask_save_path(
            self,
            tr("导出U盘同步包"),
            Path.home() / f"{name}.{BUNDLE_SUFFIX}",
            tr("同步包 (*.{suffix})").format(suffix=BUNDLE_SUFFIX),
            BUNDLE_SUFFIX,
            self.write_bundle,
        )

    def import_bundle(self) -> None:
        ask_open_path(
            self,
            tr("导入U盘同步包"),
            tr("同步包 (*.{suffix})").format(suffix=BUNDLE_SUFFIX),
            self.read_bundle,
        )

    @async_slot(str)
    async def write_bundle(self, path: str) -> None:
        try:
            data, count = await self.ctx.change(export_bundle)
            await self.ctx.worker.read(write_private_file, Path(path), data)
        except BundleError as error:
            self._say(tr("无法导出同步包：{error}").format(error=error), RED)
            return
        except OSError as error:
            self._say(tr("无法写入文件：{error}").format(error=os_error_text(error)), RED)
            return
        self._say(
            tr(
                "已把 {n} 条修改导出到 {path}。请把这个文件交到中心导入服务器，"
                "再把中心回传的同步包导入本机。"
            ).format(n=count, path=path),
            GREEN,
        )

    @async_slot(str)
    async def read_bundle(self, path: str) -> None:
        try:
            check_size((await self.ctx.worker.read(Path(path).stat)).st_size)
            data = await self.ctx.worker.read(Path(path).read_bytes)
            summary = await self.ctx.change(import_bundle, data)
        except BundleError as error:
            self._say(tr("无法导入同步包：{error}").format(error=error), RED)
            return
        except OSError as error:
            self._say(tr("无法读取文件：{error}").format(error=os_error_text(error)), RED)
            return
        self._say(tr("已导入同步包：收到 {n} 条记录。").format(n=summary.get("items", 0)), GREEN)
        await self.refresh()
