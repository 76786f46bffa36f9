"""Typed SQLAlchemy models, one module per family of tables, all re-exported here.

Money is exact: every stored amount is an integer in the currency's minor unit (US cents, CNY fen);
the amount exactly as the enterprise wrote it is kept as text beside it. Periods are integers YYYYMM.
Readers use `from etl import models as m` and `m.Report`; importing this package registers every
table on Base.metadata (Alembic, create_all). May import: sqlalchemy only.
"""

from __future__ import annotations

from etl.models.accounts import AuditEntry, LoginThrottle, UserAccount
from etl.models.aggregates import (
    AggCategory,
    AggCell,
    AggEnterpriseMonth,
    AggPartner,
    AggPartnerCategory,
)
from etl.models.archive import Snapshot
from etl.models.base import Base, BigId, DecimalText, Money, utcnow
from etl.models.briefing import Briefing, MailOutbox
from etl.models.evaluation import EvaluationEntry, EvaluationIndicator
from etl.models.exchange import ApiToken, ExternalBatch, ExternalFigure
from etl.models.quality import QualityFlag, QualityFlagNote
from etl.models.reference import (
    CategoryGroup,
    CategoryGroupMember,
    FxRate,
    Partner,
    PartnerGroup,
    PartnerGroupMember,
    Region,
    ServiceCategory,
    SupplyMode,
    Target,
)
from etl.models.register import KeyEnterprise, RegisterChange
from etl.models.release import (
    PUBLISHED,
    DisclosureRun,
    ProtectedCell,
    PubCategory,
    PubCell,
    PubPartner,
    PubPartnerCategory,
    Release,
)
from etl.models.reports import (
    DataEvent,
    Enterprise,
    EnterprisePrior,
    LoadLock,
    Report,
    ReportLine,
    ReportVersion,
    ReportVersionSpan,
    UploadBatch,
)
from etl.models.tasks import (
    Organisation,
    PilotTask,
    PilotTaskUnit,
    TaskEvidence,
    TaskReport,
    UserOrganisation,
)

__all__ = [
    "ApiToken",
    "ExternalBatch",
    "ExternalFigure",
    "Base",
    "DisclosureRun",
    "ProtectedCell",
    "BigId",
    "DecimalText",
    "Money",
    "utcnow",
    "ServiceCategory",
    "CategoryGroup",
    "CategoryGroupMember",
    "SupplyMode",
    "Region",
    "Partner",
    "PartnerGroup",
    "PartnerGroupMember",
    "FxRate",
    "Target",
    "Enterprise",
    "EnterprisePrior",
    "UploadBatch",
    "DataEvent",
    "LoadLock",
    "Report",
    "ReportVersion",
    "ReportVersionSpan",
    "ReportLine",
    "UserAccount",
    "LoginThrottle",
    "AuditEntry",
    "Snapshot",
    "KeyEnterprise",
    "RegisterChange",
    "AggEnterpriseMonth",
    "AggCell",
    "AggCategory",
    "AggPartner",
    "AggPartnerCategory",
    "QualityFlag",
    "QualityFlagNote",
    "Release",
    "PubCell",
    "PubCategory",
    "PubPartner",
    "PubPartnerCategory",
    "PUBLISHED",
    "Organisation",
    "PilotTask",
    "PilotTaskUnit",
    "UserOrganisation",
    "TaskReport",
    "TaskEvidence",
    "EvaluationIndicator",
    "EvaluationEntry",
    "Briefing",
    "MailOutbox",
]
