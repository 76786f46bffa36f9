"""Every component ID in the app, one class per page (pages import these, tests select them).

Owns the ID strings only, grouped as the navigation bar groups the pages (frame: the shell and
the parts pages share). Imports nothing of the dashboard (of etl only the target's field names):
every other dashboard module may import it.
"""

from dashboard.ids.analysis import Evaluation, Supervision, Targets, Tasks
from dashboard.ids.data import Exports, Modes, Partners, Regions, Sectors
from dashboard.ids.frame import Downloads, FilterBar, HomeLinks, NotFound, Shell
from dashboard.ids.front import Briefing, Home, Overview, Reconciliation
from dashboard.ids.manage import (
    Admin,
    Coverage,
    Quality,
    RegisterEdit,
    Release,
    TargetAdmin,
    Upload,
)

__all__ = [
    "Admin",
    "Briefing",
    "Coverage",
    "Downloads",
    "Evaluation",
    "Exports",
    "FilterBar",
    "Home",
    "HomeLinks",
    "Modes",
    "NotFound",
    "Overview",
    "Partners",
    "Quality",
    "Reconciliation",
    "Regions",
    "RegisterEdit",
    "Release",
    "Sectors",
    "Shell",
    "Supervision",
    "TargetAdmin",
    "Targets",
    "Tasks",
    "Upload",
]
