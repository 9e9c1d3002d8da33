"""Contributions as a spreadsheet (CSV or XLSX, the same columns both ways): one row per
contribution the reader may see, with what was disbursed and spent on it. A source is named
only to whoever may read the name (permissions.names_source); otherwise its cell is empty and the
donor type alone says who gave. Amounts are in the contribution's currency, then in US dollars
at the rate of its date; `disbursed` and `spent` are in its currency.

A view serving the file narrows the rows first, then:

    rows = exports.contribution_rows(contributions, user=request.user)
    content, content_type, filename = exports.export(rows, extension)
"""

from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from passerelle.core import spreadsheets
from passerelle.core.spreadsheets import CONTENT_TYPES, EXTENSIONS

from .choices import ContributionKind, ContributionStatus, DonorType, TransactionKind
from .models import MONEY, Contribution
from .permissions import names_source
from .rates import CENT
from .services.contributions import donor_type_of_source

COLUMNS = [
    "id",
    "date",
    "source",
    "donor_type",
    "destination_type",
    "destination",
    "kind",
    "description",
    "quantity",
    "amount",
    "currency",
    "rate",
    "amount_usd",
    "status",
    "committed_on",
    "paid_on",
    "disbursed",
    "spent",
    "parent_id",
]
DESTINATION_TYPES = ("request", "project", "fund")


def source_name(contribution: Contribution, *, named: bool) -> str | None:
    """The source's name, None when the reader may not read it. A person is named by their
    full name or their handle, never their e-mail address."""
    if contribution.source_fund_id is not None:
        return contribution.source_fund.name
    if not named:
        return None
    if contribution.source_organisation_id is not None:
        return contribution.source_organisation.name
    person = contribution.source_person
    return person.full_name or person.handle


def destination_type(contribution: Contribution) -> str:
    return next(name for name in DESTINATION_TYPES if getattr(contribution, f"{name}_id"))


def _total(kind: str):
    return Coalesce(
        Sum("transactions__amount", filter=Q(transactions__kind=kind)),
        Value(Decimal(0)),
        output_field=DecimalField(**MONEY),
    )


def with_export_data(contributions: QuerySet) -> QuerySet:
    """The contributions with everything a row reads, in a fixed number of queries."""
    return (
        contributions.select_related(
            "source_organisation", "source_person", "source_fund", "request", "project", "fund"
        )
        .prefetch_related("project__participants")
        .annotate(
            disbursed=_total(TransactionKind.DISBURSEMENT),
            spent=_total(TransactionKind.EXPENDITURE),
        )
    )


def contribution_rows(contributions: QuerySet, *, user) -> list[dict]:
    """The rows of `contributions` (already restricted to what `user` may see), keyed by
    COLUMNS, texts in the active language."""
    rows = []
    for contribution in with_export_data(contributions):
        named = names_source(user, contribution)
        rows.append(
            {
                "id": contribution.pk,
                "date": contribution.value_date,
                "source": source_name(contribution, named=named) or "",
                "donor_type": str(DonorType(donor_type_of_source(contribution)).label),
                "destination_type": destination_type(contribution),
                "destination": str(contribution.destination),
                "kind": str(ContributionKind(contribution.kind).label),
                "description": contribution.description,
                "quantity": contribution.quantity,
                "amount": contribution.amount,
                "currency": contribution.currency,
                "rate": contribution.usd_per_unit,
                "amount_usd": contribution.amount_usd,
                "status": str(ContributionStatus(contribution.status).label),
                "committed_on": contribution.committed_on,
                "paid_on": contribution.paid_on,
                "disbursed": contribution.disbursed.quantize(CENT),
                "spent": contribution.spent.quantize(CENT),
                "parent_id": contribution.parent_id,
            }
        )
    return rows


def export(rows: list[dict], extension: str) -> tuple[bytes, str, str]:
    """`rows` (from contribution_rows) as a file: (content, content type, file name). Cells a
    spreadsheet program would run as a formula are prefixed with an apostrophe. `extension` is
    "csv" or "xlsx"; anything else is a ValueError."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown export format: {extension!r}")
    safe = spreadsheets.harmless(rows, COLUMNS, extension)
    if extension == "csv":
        content = spreadsheets.to_csv(safe, COLUMNS)
    else:
        content = spreadsheets.to_xlsx(safe, "contributions", COLUMNS)
    return content, CONTENT_TYPES[extension], f"contributions.{extension}"
