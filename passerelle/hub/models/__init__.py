"""The hub's tables: requests for support, offers, and the matches between them."""

from .matches import Match, MatchingSettings, RequestSimilarity
from .offers import Offer, OfferSupportType
from .requests import RequestSupportType, Requirement, SupportRequest

__all__ = [
    "Match",
    "MatchingSettings",
    "Offer",
    "OfferSupportType",
    "RequestSimilarity",
    "RequestSupportType",
    "Requirement",
    "SupportRequest",
]
