"""What must hold when two people act at the same moment (PostgreSQL, whose row locks the
services rely on): two disbursements on one commitment never add up to more than it, and two
grants from one fund never spend more than its balance. Each thread has its own connection;
a barrier starts them together."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from .. import services
from ..choices import ProposalStatus, TransactionKind
from ..models import Proposal, Transaction
from .conftest import deposit, fresh, money, proposal_data, score_all

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(*calls) -> list:
    """Run the calls in parallel threads, started together; each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_parallel_disbursements_never_exceed_the_commitment(
    public_project, foundation, foundation_editor
):
    commitment = services.contribution_create(
        actor=fresh(foundation_editor), data=money("1000"), project=public_project,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    today = timezone.localdate()

    def disburse():
        return services.disbursement_record(actor=fresh(foundation_editor),
                                            contribution=commitment, amount=Decimal("600"),
                                            on=today)  # fmt: skip

    outcomes = race(disburse, disburse)
    succeeded = [o for o in outcomes if isinstance(o, Transaction)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(succeeded), len(refused)) == (1, 1), outcomes
    assert "more than was committed" in str(refused[0])
    paid = Transaction.objects.filter(contribution=commitment, kind=TransactionKind.DISBURSEMENT)
    assert [t.amount for t in paid] == [Decimal("600.00")]


def test_parallel_grants_never_exceed_the_fund_balance(
    fund, approved, call, applicant, applicant_editor, partner_government, reviewers,
    secretariat, committee_member, foundation, foundation_editor,
):  # fmt: skip
    second = services.proposal_create(
        actor=fresh(applicant_editor), call=call, organisation=applicant,
        data=proposal_data(title="Second pilot", partners=[partner_government]),
    )  # fmt: skip
    services.proposal_submit(actor=fresh(applicant_editor), proposal=second)
    for review in services.review_assign(actor=fresh(secretariat), proposal=second,
                                         reviewers=reviewers):  # fmt: skip
        services.review_declare(actor=fresh(review.reviewer), review=review, has_conflict=False)
        score_all(review)
    services.proposal_decide(actor=fresh(committee_member), proposal=second, approve=True,
                             note="Also fits.")  # fmt: skip
    # 150,000 paid in; each proposal asks for 120,000.
    deposit(fund, foundation, foundation_editor, "150000")

    def grant(proposal):
        return lambda: services.proposal_fund(actor=fresh(secretariat), proposal=proposal)

    outcomes = race(grant(approved), grant(second))
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refused) == 1 and len(outcomes) == 2, outcomes
    assert not any(isinstance(o, Exception) and o not in refused for o in outcomes), outcomes
    statuses = sorted(Proposal.objects.filter(pk__in=[approved.pk, second.pk])
                      .values_list("status", flat=True))  # fmt: skip
    assert statuses == [ProposalStatus.APPROVED, ProposalStatus.FUNDED]
    assert services.balance(fund) == Decimal("30000.00")
    assert fund.transfers.count() == 1
