"""The REST API, /api/v1/. Each module contributes its viewsets here (this app is on the top
floor, so it may import them all)."""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from passerelle.accounts.api import OrganisationViewSet
from passerelle.assessments.api import (
    AssessmentViewSet,
    BenchmarkViewSet,
    FrameworkVersionViewSet,
    FrameworkViewSet,
)
from passerelle.community.api.comments import CommentViewSet, FollowViewSet
from passerelle.community.api.moderation import ModerationCaseViewSet, ReportViewSet
from passerelle.community.api.notifications import NotificationViewSet
from passerelle.diaspora import api as diaspora_api
from passerelle.events.api import AgendaItemViewSet, EventViewSet, SpeakerViewSet
from passerelle.events.api_outcomes import OutcomeViewSet
from passerelle.events.api_participation import StatementViewSet
from passerelle.events.api_spaces import DiscussionSpaceViewSet
from passerelle.funding.api import (
    CallViewSet,
    ContributionViewSet,
    ExchangeRateViewSet,
    FundViewSet,
    ProjectRequirementViewSet,
    ProposalViewSet,
)
from passerelle.geo.api import CountryViewSet, RegionalBodyViewSet, RegionViewSet
from passerelle.hub.api import MatchViewSet, OfferViewSet, SupportRequestViewSet
from passerelle.knowledge.api import ItemViewSet, PracticeCallViewSet
from passerelle.pledges.api import PledgeViewSet
from passerelle.projects.api import PeriodViewSet, ProjectViewSet, ValueViewSet
from passerelle.projects.iati_views import projects_iati
from passerelle.search.api import SearchViewSet
from passerelle.taxonomy.api import (
    CapacityAreaViewSet,
    GCMObjectiveViewSet,
    GuidingPrincipleViewSet,
    MGIDomainViewSet,
)

app_name = "api"

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("countries", CountryViewSet, basename="country")
router.register("regions", RegionViewSet, basename="region")
router.register("regional-bodies", RegionalBodyViewSet, basename="regionalbody")
router.register("capacity-areas", CapacityAreaViewSet, basename="capacityarea")
router.register("gcm-objectives", GCMObjectiveViewSet, basename="gcmobjective")
router.register("guiding-principles", GuidingPrincipleViewSet, basename="guidingprinciple")
router.register("mgi-domains", MGIDomainViewSet, basename="mgidomain")
# Community: comments, reactions, follows
router.register("comments", CommentViewSet, basename="comment")
router.register("follows", FollowViewSet, basename="follow")
# Community: notifications
router.register("notifications", NotificationViewSet, basename="notification")
# Community: moderation
router.register("reports", ReportViewSet, basename="report")
router.register("moderation-cases", ModerationCaseViewSet, basename="moderationcase")
# Assessments
router.register("frameworks", FrameworkViewSet, basename="framework")
router.register("framework-versions", FrameworkVersionViewSet, basename="frameworkversion")
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("benchmarks", BenchmarkViewSet, basename="benchmark")
# Hub
router.register("requests", SupportRequestViewSet, basename="supportrequest")
router.register("offers", OfferViewSet, basename="offer")
router.register("matches", MatchViewSet, basename="match")
# Pledges
router.register("pledges", PledgeViewSet, basename="pledge")
# Projects
router.register("projects", ProjectViewSet, basename="project")
router.register("project-periods", PeriodViewSet, basename="projectperiod")
router.register("project-values", ValueViewSet, basename="projectvalue")
# Funding
router.register("funds", FundViewSet, basename="fund")
router.register("calls", CallViewSet, basename="call")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("contributions", ContributionViewSet, basename="contribution")
router.register("project-requirements", ProjectRequirementViewSet, basename="projectrequirement")
router.register("exchange-rates", ExchangeRateViewSet, basename="exchangerate")
# Knowledge base
router.register("knowledge-items", ItemViewSet, basename="knowledgeitem")
router.register("practice-calls", PracticeCallViewSet, basename="practicecall")
# Events
router.register("events", EventViewSet, basename="event")
router.register("event-agenda-items", AgendaItemViewSet, basename="eventagendaitem")
router.register("event-speakers", SpeakerViewSet, basename="eventspeaker")
router.register("event-statements", StatementViewSet, basename="eventstatement")
router.register("event-outcomes", OutcomeViewSet, basename="eventoutcome")
router.register("discussion-spaces", DiscussionSpaceViewSet, basename="discussionspace")
# iDiaspora: each area of the hub registers its own
diaspora_api.register(router)
# Search
router.register("search", SearchViewSet, basename="search")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Projects: the IATI 2.03 file of every public project (a plain view: XML, not a resource)
    path("iati/activities.xml", projects_iati, name="iati_activities"),
]
