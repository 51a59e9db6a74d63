"""Training figures (岗前培训率, 持证上岗率, hours) and the training matrix."""

from mzdesk.stats.training.figures import (
    ExpiringCertificate,
    InstitutionTraining,
    TrainingFigures,
    WorkerHours,
    WorkerRef,
    training_statistics,
)
from mzdesk.stats.training.matrix import (
    MatrixCell,
    MatrixRow,
    Need,
    TrainingMatrix,
    needs_next,
    training_matrix,
)

__all__ = [
    "ExpiringCertificate",
    "InstitutionTraining",
    "MatrixCell",
    "MatrixRow",
    "Need",
    "TrainingFigures",
    "TrainingMatrix",
    "WorkerHours",
    "WorkerRef",
    "needs_next",
    "training_matrix",
    "training_statistics",
]
