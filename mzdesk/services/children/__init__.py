"""A child's path through a children's welfare home, one use case per step:
接收 (:func:`receive_child`), 寻亲公告 (:func:`publish_notice`, :func:`close_notice`),
入院评估 (:func:`record_child_assessment`), 养育 (:func:`set_upbringing`), 安置
(:func:`place_child`, :func:`end_foster_care`, :func:`record_visit`) and 离院
(:func:`child_leaves`). Each is one transaction by an actor, audited and synced; the record
(:func:`child_path`, :func:`reveal_child_path`) hides the private details unless revealed.
"""

from mzdesk.services.children.care import (
    Arrangement,
    UpbringingView,
    record_child_assessment,
    set_upbringing,
    upbringing_history,
)
from mzdesk.services.children.documents import OpenedDocument, open_intake_document
from mzdesk.services.children.intake import (
    Intake,
    IntakeDocument,
    close_notice,
    publish_notice,
    receive_child,
)
from mzdesk.services.children.placement import (
    Placement,
    child_leaves,
    end_foster_care,
    place_child,
    record_visit,
)
from mzdesk.services.children.record import (
    ChildPath,
    NoticeView,
    child_path,
    reveal_child_path,
    running_notices,
)

__all__ = [
    "Arrangement",
    "ChildPath",
    "Intake",
    "IntakeDocument",
    "NoticeView",
    "OpenedDocument",
    "Placement",
    "UpbringingView",
    "child_leaves",
    "child_path",
    "close_notice",
    "end_foster_care",
    "open_intake_document",
    "place_child",
    "publish_notice",
    "receive_child",
    "record_child_assessment",
    "record_visit",
    "reveal_child_path",
    "running_notices",
    "set_upbringing",
    "upbringing_history",
]
