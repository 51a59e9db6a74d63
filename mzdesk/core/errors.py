"""Typed validation errors that name the field they are about."""

from __future__ import annotations

import dataclasses
import errno
from collections.abc import Iterable
from dataclasses import dataclass

from mzdesk.core.i18n import current_language, text
from mzdesk.core.labels import field_label


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: ``field`` is the model field name, ``code`` a message code."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    table: str | None = None  # the kind of record, when the field's label depends on it

    @property
    def message(self) -> str:
        return text(self.code, **self.params)

    @property
    def label(self) -> str:
        """The field as a person reads it (身份证号, never ``id_number``)."""
        return field_label(self.field, self.table)


class MzdeskError(Exception):
    """Base class of every error mzdesk raises on purpose."""


def loggable(error: BaseException) -> str:
    """What a log may say about an error: its type and codes, never its message, which can
    carry names, ID numbers or phone numbers (logs hold no personal data)."""
    kind = type(error).__name__
    if isinstance(error, ValidationError):
        return f"{kind}: " + ", ".join(f"{p.field}={p.code}" for p in error.problems)
    if isinstance(error, CodedError):
        return f"{kind}: {error.code}"
    return kind


class ValidationError(MzdeskError):
    """Input was rejected; ``problems`` says which fields and why. Nothing was written."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """Every problem, each named by its field's label, in the current language."""
        zh = current_language() == "zh"
        return ("；" if zh else "; ").join(
            f"{p.label}{'：' if zh else ': '}{p.message}" for p in self.problems
        )

    def __str__(self) -> str:
        return self.describe()

    @classmethod
    def single(cls, field: str, code: str, **params: object) -> ValidationError:
        return cls([FieldProblem(field, code, params)])

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class CodedError(MzdeskError):
    """An error whose message comes from the translation table."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(text(code, **params))

    def __str__(self) -> str:
        return text(self.code, **self.params)  # in the language shown now


class NotFoundError(CodedError):
    """A record that a use case needs does not exist (or is deleted)."""


class StateError(CodedError):
    """The records are not in a state that allows the operation (e.g. the bed is occupied)."""


_OS_ERRORS = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOSPC: "os.disk_full",
    errno.EISDIR: "os.is_directory",
    errno.EROFS: "os.read_only",
    errno.ENAMETOOLONG: "os.name_too_long",
}


def os_error_text(error: OSError) -> str:
    """An operating-system error in the current language (the OS's own words are English
    and would sit inside a Chinese sentence)."""
    code = _OS_ERRORS.get(error.errno or 0)
    return text(code) if code else text("os.other", number=error.errno or "?")


class FileProblem(CodedError):
    """A file could not be read or written (the operating system said why): a message naming
    the file, never a traceback."""

    def __init__(self, error: OSError) -> None:
        name = error.filename if isinstance(error.filename, str) else ""
        shown = name.encode("utf-8", "backslashreplace").decode("utf-8") if name else ""
        super().__init__("os.file_problem", file=shown or "?", error=os_error_text(error))
