"""Progress against targets, as pure functions of numbers (no database): how far an actual is
towards its target from the baseline, an indicator's standing by the secretariat's rules, and
weighted roll-ups from indicators to results to the project."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .choices import Progress


@dataclass(frozen=True)
class Rules:
    on_track_from: int  # percent of the period's target
    at_risk_from: int


@dataclass(frozen=True)
class Point:
    """An approved actual and the target of its period (either may be missing)."""

    target: Decimal | None
    actual: Decimal | None


def percent_of_target(
    *, actual: Decimal, target: Decimal, baseline: Decimal | None, ascending: bool
) -> float:
    """How far `actual` has come from the baseline towards `target`, in percent (100 = reached,
    more when exceeded, never below 0)."""
    start = baseline if baseline is not None else Decimal(0)
    distance = (target - start) if ascending else (start - target)
    if distance <= 0:
        # A target that holds the baseline (or goes back from it): reached or not.
        reached = actual >= target if ascending else actual <= target
        return 100.0 if reached else 0.0
    covered = (actual - start) if ascending else (start - actual)
    return max(0.0, float(covered / distance * 100))


def standing(
    points: list[Point], *, baseline: Decimal | None, ascending: bool, rules: Rules
) -> tuple[str, float | None]:
    """An indicator's standing and its percent of the final target. `points` are its periods in
    order. Achieved once the last target is reached; otherwise the latest actual against the
    target of its own period decides."""
    final_target = next((p.target for p in reversed(points) if p.target is not None), None)
    latest = next((p for p in reversed(points) if p.actual is not None), None)
    if latest is None or final_target is None:
        return Progress.NO_DATA, None
    overall = percent_of_target(
        actual=latest.actual, target=final_target, baseline=baseline, ascending=ascending
    )
    if overall >= 100:
        return Progress.ACHIEVED, overall
    period_target = latest.target if latest.target is not None else final_target
    against_period = percent_of_target(
        actual=latest.actual, target=period_target, baseline=baseline, ascending=ascending
    )
    if against_period >= rules.on_track_from:
        return Progress.ON_TRACK, overall
    if against_period >= rules.at_risk_from:
        return Progress.AT_RISK, overall
    return Progress.OFF_TRACK, overall


def weighted(parts: Iterable[tuple[float | None, int]]) -> float | None:
    """The weighted mean of (percent, weight) pairs, each percent capped at 100 (exceeding one
    target does not make up for another); parts without data are left out. None if none has."""
    known = [(min(percent, 100.0), weight) for percent, weight in parts if percent is not None]
    total = sum(weight for _percent, weight in known)
    if not total:
        return None
    return sum(percent * weight for percent, weight in known) / total
