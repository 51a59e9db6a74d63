"""The core's translation table.

Qt code translates with ``tr()``; the layers below Qt produce messages through :func:`text`,
which looks up a message code in :data:`MESSAGES` and renders it in the current language.
Chinese is the default; English is available for every message.
"""

from __future__ import annotations

from typing import Final, Literal

from mzdesk.core.messages import (
    attachments,
    backups,
    certificates,
    checklists,
    children,
    children_figures,
    cli,
    districts,
    enrolment,
    fields,
    files,
    filesync,
    hazards,
    hostile,
    inspecting,
    keys,
    records,
    reports,
    sampling,
    startup,
    stay_records,
    sync,
    tables,
    text_safety,
    training,
)

Language = Literal["zh", "en"]

_language: Language = "zh"


def set_language(language: Language) -> None:
    global _language
    _language = language


def current_language() -> Language:
    return _language


def text(code: str, /, **params: object) -> str:
    """Render message ``code`` in the current language with ``params`` filled in."""
    return text_in(_language, code, **params)


def text_in(language: Language, code: str, /, **params: object) -> str:
    """Render message ``code`` in ``language`` (the server answers in English, whatever the
    language of the process; clients translate by code)."""
    zh, en = MESSAGES[code]
    return (zh if language == "zh" else en).format(**params)


def refusal_text(key: str, code: str, /, **params: object) -> str:
    """A sync refusal in the current language: its own message, or a generic one naming the
    server's code (never the server's English words inside a Chinese sentence)."""
    return text(key, **params) if key in MESSAGES else text("sync.unknown", code=code)


# code → (Chinese, English), joined from the areas' tables; codes are unique across them.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    **fields.MESSAGES,
    **records.MESSAGES,
    **sync.MESSAGES,
    **files.MESSAGES,
    **cli.MESSAGES,
    **districts.MESSAGES,
    **tables.MESSAGES,
    **training.MESSAGES,
    **certificates.MESSAGES,
    **attachments.MESSAGES,
    **checklists.MESSAGES,
    **hazards.MESSAGES,
    **reports.MESSAGES,
    **inspecting.MESSAGES,
    **filesync.MESSAGES,
    **sampling.MESSAGES,
    **keys.MESSAGES,
    **hostile.MESSAGES,
    **backups.MESSAGES,
    **text_safety.MESSAGES,
    **stay_records.MESSAGES,
    **enrolment.MESSAGES,
    **children.MESSAGES,
    **children_figures.MESSAGES,
    **startup.MESSAGES,
}
