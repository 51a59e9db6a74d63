"""Enrolment at an address that does not answer as an mzdesk server does (issue 14: the
enrolment form showed English, or a traceback, for a router's page or another web service)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "sync.not_mzdesk": (
        "这个地址上不是民政桌面的中心服务器，请核对服务器地址（含端口号）",
        "there is no mzdesk central server at this address; check the address and its port",
    ),
}
