"""All tables of the local store. Import models from here."""

from mzdesk.store.models.attachments import Attachment
from mzdesk.store.models.audit import AuditEntry, LoginAttempt
from mzdesk.store.models.base import LOCAL_COLUMNS, Base, Synced, VocabType, utcnow
from mzdesk.store.models.checklists import (
    ChecklistItem,
    ChecklistTemplate,
    HomeChecklist,
    HomeChecklistItem,
)
from mzdesk.store.models.children import (
    ChildAssessment,
    ChildIntake,
    ChildPlacement,
    FamilyNotice,
    PlacementVisit,
    Upbringing,
)
from mzdesk.store.models.device import (
    DeviceSetting,
    OutboxEntry,
    StatSnapshot,
    StatVersion,
    SyncConflict,
)
from mzdesk.store.models.hazards import Hazard, HazardEvent, HazardFollowUp, HazardSettings
from mzdesk.store.models.inspecting import InspectionAmendment, InspectionSchedule
from mzdesk.store.models.inspections import (
    Inspection,
    InspectionResult,
    InspectionSignature,
)
from mzdesk.store.models.institutions import (
    Bed,
    BedHistory,
    Building,
    Floor,
    Institution,
    Room,
    User,
)
from mzdesk.store.models.residents import Assessment, BedStay, Contact, Leave, Resident
from mzdesk.store.models.sampling import SampleDraw
from mzdesk.store.models.transfers import FileTransfer
from mzdesk.store.models.workers import (
    CareWorker,
    SigningKey,
    TrainingAttendance,
    TrainingCertificate,
    TrainingRequirement,
    TrainingSession,
    WorkerCertificate,
)

__all__ = [
    "LOCAL_COLUMNS",
    "Assessment",
    "Attachment",
    "AuditEntry",
    "Base",
    "Bed",
    "BedHistory",
    "BedStay",
    "Building",
    "CareWorker",
    "ChecklistItem",
    "ChecklistTemplate",
    "ChildAssessment",
    "ChildIntake",
    "ChildPlacement",
    "Contact",
    "DeviceSetting",
    "FamilyNotice",
    "FileTransfer",
    "Floor",
    "Hazard",
    "HazardEvent",
    "HazardFollowUp",
    "HazardSettings",
    "HomeChecklist",
    "HomeChecklistItem",
    "Inspection",
    "InspectionAmendment",
    "InspectionResult",
    "InspectionSchedule",
    "InspectionSignature",
    "Institution",
    "Leave",
    "LoginAttempt",
    "OutboxEntry",
    "PlacementVisit",
    "Resident",
    "Room",
    "SampleDraw",
    "SigningKey",
    "StatSnapshot",
    "StatVersion",
    "SyncConflict",
    "Synced",
    "TrainingAttendance",
    "TrainingCertificate",
    "TrainingRequirement",
    "TrainingSession",
    "Upbringing",
    "User",
    "VocabType",
    "WorkerCertificate",
    "utcnow",
]
