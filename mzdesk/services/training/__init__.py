"""Care workers' records beyond registering them (mzdesk.services.workers): editing
particulars and certificates, the worker's page, editing sessions and attendance, and the
institution's training matrix."""

from mzdesk.core.training import CellStatus, CertificateState, RequirementData
from mzdesk.services.training.records import (
    CertificateView,
    TrainingRecord,
    WorkerDetail,
    remove_certificate,
    update_certificate,
    update_worker,
    worker_detail,
    worker_rejoined,
)
from mzdesk.services.training.requirements import (
    RequirementView,
    set_training_requirements,
    training_requirements,
)
from mzdesk.services.training.sessions import (
    AttendeeView,
    SessionData,
    SessionDetail,
    add_attendees,
    remove_attendance,
    session_detail,
    update_attendance,
    update_training_session,
)

__all__ = [
    "AttendeeView",
    "CellStatus",
    "CertificateState",
    "CertificateView",
    "RequirementData",
    "RequirementView",
    "SessionData",
    "SessionDetail",
    "TrainingRecord",
    "WorkerDetail",
    "add_attendees",
    "remove_attendance",
    "remove_certificate",
    "session_detail",
    "set_training_requirements",
    "training_requirements",
    "update_attendance",
    "update_certificate",
    "update_training_session",
    "update_worker",
    "worker_detail",
    "worker_rejoined",
]
