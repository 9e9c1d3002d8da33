"""Progress against targets as pure arithmetic: how far an actual has come from the baseline
towards its target, an indicator's standing by the secretariat's rules, and weighted roll-ups."""

from decimal import Decimal

import pytest

from passerelle.projects.choices import Progress
from passerelle.projects.progress import Point, Rules, percent_of_target, standing, weighted

RULES = Rules(on_track_from=90, at_risk_from=60)


def percent(actual, target, baseline=None, ascending=True) -> float:
    return percent_of_target(
        actual=Decimal(actual),
        target=Decimal(target),
        baseline=None if baseline is None else Decimal(baseline),
        ascending=ascending,
    )


def points(*pairs) -> list[Point]:
    """(target, actual) pairs, None for missing, as the periods of an indicator in order."""
    return [
        Point(
            target=None if target is None else Decimal(target),
            actual=None if actual is None else Decimal(actual),
        )
        for target, actual in pairs
    ]


# How far towards the target ------------------------------------------------------------------


@pytest.mark.parametrize(
    "actual, target, baseline, expected",
    [
        (50, 100, 0, 50.0),
        (100, 100, 0, 100.0),
        (60, 100, 20, 50.0),  # 40 of the 80 to cover
        (20, 100, 20, 0.0),  # still at the baseline
        (150, 100, 0, 150.0),  # exceeded: more than 100
        (10, 100, 20, 0.0),  # went back below the baseline: never below 0
    ],
)
def test_an_ascending_indicator_counts_up_from_its_baseline(actual, target, baseline, expected):
    assert percent(actual, target, baseline) == pytest.approx(expected)


@pytest.mark.parametrize(
    "actual, expected",
    [
        (40, 0.0),  # at the baseline
        (30, 50.0),  # 10 of the 20 points to lose
        (20, 100.0),  # reached
        (10, 150.0),  # further down than wanted
        (45, 0.0),  # up instead of down: clamped
    ],
)
def test_a_descending_indicator_counts_down_from_its_baseline(actual, expected):
    assert percent(actual, 20, baseline=40, ascending=False) == pytest.approx(expected)


def test_without_a_baseline_progress_counts_from_zero():
    assert percent(25, 100, baseline=None) == pytest.approx(25.0)
    assert percent(25, 100, baseline=None) == percent(25, 100, baseline=0)


def test_a_descending_indicator_without_a_baseline_has_no_distance_to_cover():
    """From 0 down to 10 is backwards: reached only at 10 or below."""
    assert percent(10, 10, baseline=None, ascending=False) == 100.0
    assert percent(11, 10, baseline=None, ascending=False) == 0.0


@pytest.mark.parametrize(
    "actual, ascending, expected",
    [
        (50, True, 100.0),  # holds the baseline
        (51, True, 100.0),
        (49, True, 0.0),
        (50, False, 100.0),
        (49, False, 100.0),
        (51, False, 0.0),
    ],
)
def test_a_target_equal_to_the_baseline_is_reached_or_not(actual, ascending, expected):
    assert percent(actual, 50, baseline=50, ascending=ascending) == expected


def test_a_target_behind_the_baseline_is_reached_or_not():
    # Ascending, yet the target is below the baseline: no distance, only reached or not.
    assert percent(35, 30, baseline=40) == 100.0
    assert percent(25, 30, baseline=40) == 0.0


def test_the_percent_is_a_float():
    assert isinstance(percent(1, 3), float)
    assert percent(1, 3) == pytest.approx(33.333, abs=0.001)


# Standing ------------------------------------------------------------------------------------


def test_an_indicator_reaching_its_final_target_is_achieved():
    # Beyond its period's target yet short of the final one: on track, not achieved.
    assert standing(
        points((10, 12), (20, 25), (30, None)), baseline=Decimal(0), ascending=True, rules=RULES
    ) == (Progress.ON_TRACK, pytest.approx(25 / 30 * 100))
    assert standing(
        points((10, 12), (20, 30), (30, None)), baseline=Decimal(0), ascending=True, rules=RULES
    ) == (Progress.ACHIEVED, 100.0)


def test_exceeding_the_final_target_is_achieved_beyond_100():
    state, overall = standing(points((10, 15)), baseline=None, ascending=True, rules=RULES)
    assert state == Progress.ACHIEVED
    assert overall == pytest.approx(150.0)


@pytest.mark.parametrize(
    "actual, expected",
    [
        (20, Progress.ON_TRACK),  # 100 % of its period's target
        (18, Progress.ON_TRACK),  # 90 %: the threshold is included
        (17, Progress.AT_RISK),  # 85 %
        (12, Progress.AT_RISK),  # 60 %: the threshold is included
        (11, Progress.OFF_TRACK),  # 55 %
        (0, Progress.OFF_TRACK),
    ],
)
def test_the_rules_decide_on_track_at_risk_off_track(actual, expected):
    state, overall = standing(
        points((10, 9), (20, actual), (40, None)), baseline=Decimal(0), ascending=True, rules=RULES
    )
    assert state == expected
    assert overall == pytest.approx(actual / 40 * 100)


def test_the_latest_actual_is_measured_against_its_own_period_target():
    """20 is on track against its period's 20, although only half of the final 40."""
    state, overall = standing(
        points((10, 10), (20, 20), (40, None)), baseline=Decimal(0), ascending=True, rules=RULES
    )
    assert (state, overall) == (Progress.ON_TRACK, pytest.approx(50.0))
    # Against the final target it would be off track.
    assert percent(20, 40) < RULES.at_risk_from


def test_the_latest_actual_counts_not_an_earlier_one():
    """An early good figure does not hide a later bad one."""
    state, _overall = standing(
        points((10, 10), (20, 5), (40, None)), baseline=Decimal(0), ascending=True, rules=RULES
    )
    assert state == Progress.OFF_TRACK


def test_a_period_without_its_own_target_is_measured_against_the_final_one():
    # 36 of the final 40 is 90 %: on track; against an earlier period's 20 it would be achieved.
    assert standing(
        points((20, None), (None, 36), (40, None)), baseline=Decimal(0), ascending=True, rules=RULES
    ) == (Progress.ON_TRACK, pytest.approx(90.0))
    assert standing(
        points((20, None), (None, 30), (40, None)), baseline=Decimal(0), ascending=True, rules=RULES
    ) == (Progress.AT_RISK, pytest.approx(75.0))


def test_the_final_target_is_the_last_one_set():
    """The last periods have no target yet: the last target given is the final one."""
    state, overall = standing(
        points((10, None), (20, 20), (None, None)), baseline=Decimal(0), ascending=True, rules=RULES
    )
    assert (state, overall) == (Progress.ACHIEVED, 100.0)


def test_the_baseline_and_direction_are_taken_into_account():
    # Down from 40 towards 20; the period wanted 30 and 32 is 80 % of the way there.
    state, overall = standing(
        points((30, 32), (20, None)), baseline=Decimal(40), ascending=False, rules=RULES
    )
    assert state == Progress.AT_RISK
    assert overall == pytest.approx(40.0)


@pytest.mark.parametrize(
    "pairs",
    [
        [],
        [(10, None), (20, None)],  # no actual yet
        [(None, 5), (None, 8)],  # no target at all
    ],
    ids=["no periods", "no actual", "no target"],
)
def test_without_an_actual_or_a_target_there_is_no_data(pairs):
    assert standing(points(*pairs), baseline=None, ascending=True, rules=RULES) == (
        Progress.NO_DATA,
        None,
    )


def test_the_secretariat_rules_move_the_thresholds():
    pairs = points((20, 15), (40, None))  # 75 % of the period's target
    assert standing(pairs, baseline=None, ascending=True, rules=RULES)[0] == Progress.AT_RISK
    lenient = Rules(on_track_from=70, at_risk_from=50)
    assert standing(pairs, baseline=None, ascending=True, rules=lenient)[0] == Progress.ON_TRACK
    strict = Rules(on_track_from=100, at_risk_from=80)
    assert standing(pairs, baseline=None, ascending=True, rules=strict)[0] == Progress.OFF_TRACK


# Weighted roll-ups ---------------------------------------------------------------------------


def test_the_mean_is_weighted():
    assert weighted([(100.0, 1), (0.0, 3)]) == pytest.approx(25.0)
    assert weighted([(50.0, 2), (80.0, 2)]) == pytest.approx(65.0)


def test_a_part_beyond_its_target_counts_as_100():
    assert weighted([(150.0, 1), (50.0, 1)]) == pytest.approx(75.0)
    assert weighted([(300.0, 1)]) == 100.0


def test_parts_without_data_are_left_out():
    assert weighted([(None, 5), (40.0, 1), (None, 1)]) == pytest.approx(40.0)


@pytest.mark.parametrize("parts", [[], [(None, 1), (None, 3)]], ids=["no parts", "all empty"])
def test_no_data_at_all_gives_none(parts):
    assert weighted(parts) is None


def test_a_part_at_zero_is_data():
    assert weighted([(0.0, 1)]) == 0.0


def test_weighted_accepts_any_iterable():
    assert weighted((p, w) for p, w in [(20.0, 1), (40.0, 1)]) == pytest.approx(30.0)
