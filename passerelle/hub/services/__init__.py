"""Writes of the hub: requests for support (from draft to publication and closure), offers, and
brokering the matches between them. Every change is audited; a request's audit trail is its
timeline."""

from .matches import (
    match_decide,
    match_introduce,
    match_start_partnership,
    weights_update,
)
from .offers import (
    OfferData,
    offer_close,
    offer_create,
    offer_publish,
    offer_update,
    offer_withdraw,
    offers_close_expired,
)
from .requests import (
    DESCRIPTION_LIMIT,
    MAX_REQUIREMENTS,
    RequestData,
    request_close,
    request_create,
    request_review,
    request_submit,
    request_update,
    request_withdraw,
    requirement_errors,
)

__all__ = [
    "DESCRIPTION_LIMIT",
    "MAX_REQUIREMENTS",
    "OfferData",
    "RequestData",
    "match_decide",
    "match_introduce",
    "match_start_partnership",
    "offer_close",
    "offer_create",
    "offer_publish",
    "offer_update",
    "offer_withdraw",
    "offers_close_expired",
    "request_close",
    "request_create",
    "request_review",
    "request_submit",
    "request_update",
    "request_withdraw",
    "requirement_errors",
    "weights_update",
]
