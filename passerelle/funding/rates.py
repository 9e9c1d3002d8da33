"""Currency conversion with the rates administrators maintain (no network call). A flow is valued
with the latest rate on or before its date and keeps it: changing a rate later never rewrites
what was reported."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pycountry
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ExchangeRate

USD = "USD"
CENT = Decimal("0.01")


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError({"currency": _("Give a currency code such as USD or EUR.")})
    return code


def rate_on(currency: str, day: date) -> Decimal:
    """US dollars per unit of `currency` on `day`: the latest stored rate on or before it."""
    if currency == USD:
        return Decimal(1)
    rate = (
        ExchangeRate.objects.filter(currency=currency, date__lte=day)
        .order_by("-date")
        .values_list("usd_per_unit", flat=True)
        .first()
    )
    if rate is None:
        raise ValidationError(
            {
                "currency": _(
                    "There is no exchange rate for %(currency)s on or before %(day)s. "
                    "Ask the secretariat to add one."
                )
                % {"currency": currency, "day": date_format(day)}
            }
        )
    return rate


def to_usd(amount: Decimal, usd_per_unit: Decimal) -> Decimal:
    return (amount * usd_per_unit).quantize(CENT, rounding=ROUND_HALF_UP)


def latest_rates(currencies) -> dict[str, Decimal]:
    """Today's rate of each currency (for requirements, which have no date), in one query."""
    rates = {USD: Decimal(1)}
    wanted = set(currencies) - {USD}
    for row in ExchangeRate.objects.filter(currency__in=wanted).order_by("currency", "date"):
        rates[row.currency] = row.usd_per_unit  # ordered by date: the last one wins
    return rates
