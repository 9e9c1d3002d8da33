"""How answers become scores. Pure functions over plain values, so that every figure can be
checked by hand (tests/test_scoring.py does).

- An indicator's score is the level of its agreed answer; an indicator without one is missing and
  left out of every mean (the coverage says how many were answered).
- A sub-area's value on the four-level scale is the mean level x 100 (SDG 10.7.2: 100 to 400); on
  the three-level scale it is the share of indicators in complete presence, in percent (MGI).
- A domain's value is the mean of its sub-areas' values, each sub-area weighing the same, as the
  SDG 10.7.2 sub-categories do.
- Gap = desired level - current level, per indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from .choices import BenchmarkStatus, Priority, Scale


def area_value(levels: list[int | None], scale: str) -> float | None:
    """The value of a group of indicators' levels; None when none is answered."""
    answered = [level for level in levels if level is not None]
    if not answered:
        return None
    if scale == Scale.FOUR_LEVEL:
        return round(mean(answered) * 100, 1)
    top = Scale(scale).top
    return round(100 * sum(1 for level in answered if level == top) / len(answered), 1)


def domain_value(sub_area_values: list[float | None]) -> float | None:
    values = [value for value in sub_area_values if value is not None]
    return round(mean(values), 1) if values else None


def value_range(scale: str) -> tuple[int, int]:
    """The lowest and highest value a sub-area or domain can take on `scale`."""
    return (100, 400) if scale == Scale.FOUR_LEVEL else (0, 100)


def well_developed_from(scale: str) -> int:
    """The least level that counts as well developed: "meets" on 1-4, "complete" on 1-3."""
    return 3 if scale == Scale.FOUR_LEVEL else Scale(scale).top


@dataclass
class IndicatorResult:
    indicator: object
    level: int | None = None
    desired_level: int | None = None
    priority: str = ""
    from_baseline: bool = False

    @property
    def gap(self) -> int | None:
        if self.level is None or self.desired_level is None:
            return None
        return self.desired_level - self.level

    @property
    def priority_label(self) -> str:
        return Priority(self.priority).label if self.priority else ""


@dataclass
class AreaScore:
    code: str
    name: str
    value: float | None
    answered: int
    total: int
    indicators: list[IndicatorResult] = field(default_factory=list)


@dataclass
class DomainScore(AreaScore):
    sub_areas: list[AreaScore] = field(default_factory=list)
    indicators: list[IndicatorResult] = field(default_factory=list)


@dataclass
class Profile:
    scale: str
    domains: list[DomainScore]

    @property
    def indicators(self) -> list[IndicatorResult]:
        return [result for domain in self.domains for result in domain.indicators]

    @property
    def answered(self) -> int:
        return sum(domain.answered for domain in self.domains)

    @property
    def total(self) -> int:
        return sum(domain.total for domain in self.domains)

    @property
    def domain_values(self) -> dict[str, float]:
        return {d.code: d.value for d in self.domains if d.value is not None}

    def well_developed(self) -> list[IndicatorResult]:
        threshold = well_developed_from(self.scale)
        return [r for r in self.indicators if r.level is not None and r.level >= threshold]

    def potential(self) -> list[IndicatorResult]:
        """Areas with potential for further development: answered below the well-developed
        level, the highest priority and the widest gap first."""
        threshold = well_developed_from(self.scale)
        below = [r for r in self.indicators if r.level is not None and r.level < threshold]
        return sorted(below, key=_urgency)


def _urgency(result: IndicatorResult) -> tuple:
    rank = Priority(result.priority).rank if result.priority else len(Priority)
    return (rank, -(result.gap or 0), result.level)


def build_profile(domains, answers: dict[int, object], scale: str) -> Profile:
    """`domains`: the version's domains, each with `.sub_areas`, each with the applicable
    `.indicators` (as selectors.assessment_tree gives them); `answers`: indicator id → agreed
    answer (anything with level, desired_level, priority, from_baseline)."""
    scored = []
    for domain in domains:
        sub_scores, results = [], []
        for sub_area in _children(domain.sub_areas):
            area_results = [
                _result(indicator, answers) for indicator in _children(sub_area.indicators)
            ]
            if not area_results:
                continue
            results += area_results
            sub_scores.append(_area_score(sub_area, area_results, scale))
        if not results:
            continue
        scored.append(
            DomainScore(
                code=domain.code,
                name=domain.name,
                value=domain_value([s.value for s in sub_scores]),
                answered=sum(s.answered for s in sub_scores),
                total=sum(s.total for s in sub_scores),
                sub_areas=sub_scores,
                indicators=results,
            )
        )
    return Profile(scale=scale, domains=scored)


def _children(children):
    """A list, or a related manager of model instances (prefetched: `.all()` costs no query)."""
    return children.all() if hasattr(children, "all") else children


def _result(indicator, answers) -> IndicatorResult:
    answer = answers.get(indicator.pk)
    if answer is None:
        return IndicatorResult(indicator)
    return IndicatorResult(
        indicator,
        level=answer.level,
        desired_level=answer.desired_level,
        priority=answer.priority,
        from_baseline=answer.from_baseline,
    )


def _area_score(sub_area, results: list[IndicatorResult], scale: str) -> AreaScore:
    levels = [r.level for r in results]
    return AreaScore(
        code=sub_area.code,
        name=sub_area.name,
        value=area_value(levels, scale),
        answered=sum(1 for level in levels if level is not None),
        total=len(levels),
        indicators=results,
    )


# --- Across cycles ------------------------------------------------------------------------


def lineage(indicator_id: int, maps_to: dict[int, int | None]) -> list[int]:
    """The indicator and those it maps to in earlier versions, newest first."""
    chain, seen = [], set()
    current = indicator_id
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = maps_to.get(current)
    return chain


def earlier_level(
    indicator_id: int, maps_to: dict[int, int | None], levels: dict[int, int | None]
) -> int | None:
    """The level an earlier cycle gave the same indicator, following version mapping; `levels`
    maps that cycle's indicator ids to their agreed levels."""
    for ancestor in lineage(indicator_id, maps_to):
        if ancestor in levels:
            return levels[ancestor]
    return None


def change(before: float | None, after: float | None) -> float | None:
    if before is None or after is None:
        return None
    return round(after - before, 1)


# --- Peers ----------------------------------------------------------------------------------


def distance(a: dict[str, float], b: dict[str, float], scale: str) -> float | None:
    """How far apart two domain profiles are: the root mean square of their differences, each
    domain rescaled to 0-1, over the domains both scored; None when they share fewer than half
    of the domains either scored."""
    common = a.keys() & b.keys()
    if not common or 2 * len(common) < max(len(a), len(b)):
        return None
    low, high = value_range(scale)
    span = high - low
    squares = sum(((a[code] - b[code]) / span) ** 2 for code in common)
    return round((squares / len(common)) ** 0.5, 4)


# --- Benchmarks ---------------------------------------------------------------------------


def benchmark_status(
    *,
    target_level: int,
    target_date: date,
    start_level: int | None,
    start_date: date,
    current_level: int | None,
    today: date,
) -> str:
    """Achieved once the latest level reaches the target; overdue after the date; otherwise on
    track while the level keeps up with a straight line from the start level (at the date the
    target was set) to the target level (at the target date), at risk when it falls behind."""
    if current_level is not None and current_level >= target_level:
        return BenchmarkStatus.ACHIEVED
    if today > target_date:
        return BenchmarkStatus.OVERDUE
    start = start_level or 0
    reached = current_level if current_level is not None else start
    span = (target_date - start_date).days
    elapsed = (today - start_date).days
    if span <= 0:
        expected = target_level
    else:
        expected = start + (target_level - start) * max(elapsed, 0) / span
    return BenchmarkStatus.ON_TRACK if reached >= expected else BenchmarkStatus.AT_RISK
