"""Before Qt starts: a system library Qt needs is missing, or there is no display (issue 15:
Qt printed "Could not load the Qt platform plugin" and aborted, or raised an ImportError)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "startup.missing_library": (
        "缺少系统库 {soname}，请安装：{install}",
        "a system library is missing: {soname}; install it with: {install}",
    ),
    "startup.missing_library_unknown": (
        "缺少系统库 {soname}，请用系统的软件包管理器安装提供它的软件包",
        "a system library is missing: {soname}; install the package that provides it "
        "with your system's package manager",
    ),
    "startup.qt_failed": (
        "图形界面库无法加载：{error}",
        "the graphical interface library cannot be loaded: {error}",
    ),
    "startup.no_display": (
        "没有可用的图形显示（DISPLAY 与 WAYLAND_DISPLAY 均未设置）。请在桌面环境中运行；"
        "在没有显示器的机器上可用 --screenshot 渲染页面，或设置 QT_QPA_PLATFORM=offscreen",
        "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run mzdesk in a "
        "desktop session; on a machine without a screen use --screenshot, or set "
        "QT_QPA_PLATFORM=offscreen",
    ),
}
