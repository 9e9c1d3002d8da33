from .connecting import Block, Connection, Conversation, Group, GroupMembership, Message, Thread
from .content import Story
from .countries import ContributionCall, FactsheetContribution, FactsheetEntry
from .learning import Course, CourseCompletion
from .members import MemberProfile, OrganisationProfile, OrganisationSector
from .opportunities import Opportunity, OpportunityResponse
from .roster import ExpertContact, RosterEntry

__all__ = [
    "Block",
    "Connection",
    "ContributionCall",
    "Conversation",
    "Course",
    "CourseCompletion",
    "ExpertContact",
    "FactsheetContribution",
    "FactsheetEntry",
    "Group",
    "GroupMembership",
    "MemberProfile",
    "Message",
    "Opportunity",
    "OpportunityResponse",
    "OrganisationProfile",
    "OrganisationSector",
    "RosterEntry",
    "Story",
    "Thread",
]
