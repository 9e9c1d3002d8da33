"""Scores, checked by hand: every expected figure comes with its arithmetic. The pure functions of
`scoring` first, on plain values and small fake trees; then real assessments through the
selectors, across cycles and framework versions."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from passerelle.assessments import interchange, scoring, selectors, services
from passerelle.assessments.choices import BenchmarkStatus, Scale
from passerelle.assessments.models import AgreedAnswer, Assessment

FOUR = Scale.FOUR_LEVEL
THREE = Scale.THREE_LEVEL


# --- area_value -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "levels, expected",
    [
        ([1], 100.0),  # 1 x 100
        ([4, 4], 400.0),  # (4 + 4) / 2 = 4 -> 400
        ([2, 3], 250.0),  # (2 + 3) / 2 = 2.5 -> 250
        ([1, 2, 4], 233.3),  # 7 / 3 = 2.333.. -> 233.33.. -> 233.3
        ([1, 2, 2], 166.7),  # 5 / 3 = 1.666.. -> 166.66.. -> 166.7
        ([None, 3, 4], 350.0),  # missing left out: (3 + 4) / 2 = 3.5 -> 350
        ([None, None, 2], 200.0),  # only the answered one: 2 -> 200
        ([None, None], None),  # nothing answered
        ([], None),
    ],
)
def test_area_value_on_the_four_level_scale_is_the_mean_level_times_100(levels, expected):
    assert scoring.area_value(levels, FOUR) == expected


@pytest.mark.parametrize(
    "levels, expected",
    [
        ([3], 100.0),  # 1 complete of 1
        ([1, 2], 0.0),  # none complete: 0 of 2 -> 0 % (a value, not None)
        ([3, 3, 1, 2], 50.0),  # 2 complete of 4 -> 50 %
        ([3, 3, 2], 66.7),  # 2 of 3 = 66.66.. % -> 66.7
        ([3, 1, 1], 33.3),  # 1 of 3 = 33.33.. % -> 33.3
        ([3, 2, None], 50.0),  # missing left out: 1 complete of 2 answered -> 50 %
        ([None], None),
        ([], None),
    ],
)
def test_area_value_on_the_three_level_scale_is_the_share_in_complete_presence(levels, expected):
    assert scoring.area_value(levels, THREE) == expected


def test_value_ranges_and_well_developed_thresholds():
    assert scoring.value_range(FOUR) == (100, 400)
    assert scoring.value_range(THREE) == (0, 100)
    assert scoring.well_developed_from(FOUR) == 3  # "meets"
    assert scoring.well_developed_from(THREE) == 3  # "complete"


# --- domain_value -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, expected",
    [
        ([250.0, 150.0], 200.0),  # (250 + 150) / 2 = 200
        ([250.0, None, 150.0], 200.0),  # a sub-area without answers is left out
        ([133.3, 200.0, 166.7], 166.7),  # 500 / 3 = 166.66.. -> 166.7
        ([66.7, 33.3], 50.0),  # 100 / 2 = 50
        ([300.0], 300.0),
        ([None, None], None),
        ([], None),
    ],
)
def test_domain_value_is_the_mean_of_its_sub_areas(values, expected):
    assert scoring.domain_value(values) == expected


def test_each_sub_area_weighs_the_same_whatever_its_size():
    # A: one indicator at 4 -> 400; B: four indicators at 1 -> 100. Domain = (400 + 100) / 2
    # = 250, not the mean of the five levels ((4 + 1 + 1 + 1 + 1) / 5 x 100 = 160).
    values = [scoring.area_value([4], FOUR), scoring.area_value([1, 1, 1, 1], FOUR)]
    assert scoring.domain_value(values) == 250.0


# --- build_profile on fake trees --------------------------------------------------------------


def node(pk, code, **children):
    return SimpleNamespace(pk=pk, code=code, name=f"Name of {code}", **children)


def answer(level, desired_level=None, priority="", from_baseline=False):
    return SimpleNamespace(
        level=level, desired_level=desired_level, priority=priority, from_baseline=from_baseline
    )


@pytest.fixture
def tree():
    """Domain A: A.1 (indicators 1, 2, 3), A.2 (4, 5), A.3 (none: not applicable here).
    Domain B: B.1 (6, 7). Domain C: only a sub-area without indicators."""
    i = {n: node(n, f"I{n}") for n in range(1, 8)}
    return [
        node(
            100,
            "A",
            sub_areas=[
                node(10, "A.1", indicators=[i[1], i[2], i[3]]),
                node(11, "A.2", indicators=[i[4], i[5]]),
                node(12, "A.3", indicators=[]),
            ],
        ),
        node(200, "B", sub_areas=[node(20, "B.1", indicators=[i[6], i[7]])]),
        node(300, "C", sub_areas=[node(30, "C.1", indicators=[])]),
    ]


@pytest.fixture
def answers():
    # 3 has no answer; 5 has one without a level (only a desired level): both count as missing.
    return {
        1: answer(4, desired_level=4, priority="low"),
        2: answer(2, desired_level=4, priority="high", from_baseline=True),
        4: answer(1, desired_level=2, priority="medium"),
        5: answer(None, desired_level=3),
    }


def test_build_profile_four_level(tree, answers):
    profile = scoring.build_profile(tree, answers, FOUR)
    # C has no applicable indicator: left out; B stays, without a value.
    assert [d.code for d in profile.domains] == ["A", "B"]
    a, b = profile.domains
    # A.3 has no indicator: not a sub-area of the profile.
    assert [s.code for s in a.sub_areas] == ["A.1", "A.2"]
    a1, a2 = a.sub_areas
    assert (a1.value, a1.answered, a1.total) == (300.0, 2, 3)  # (4 + 2) / 2 = 3 -> 300
    assert (a2.value, a2.answered, a2.total) == (100.0, 1, 2)  # 1 -> 100; 5 has no level
    assert (a.value, a.answered, a.total) == (200.0, 3, 5)  # (300 + 100) / 2 = 200
    assert a.name == "Name of A"
    assert (b.value, b.answered, b.total) == (None, 0, 2)
    assert b.sub_areas[0].value is None
    assert profile.domain_values == {"A": 200.0}  # B has no value: not in the values
    assert (profile.answered, profile.total) == (3, 7)  # 1, 2, 4 of 1..7
    results = {r.indicator.pk: r for r in profile.indicators}
    assert list(results) == [1, 2, 3, 4, 5, 6, 7]
    assert (results[2].level, results[2].desired_level, results[2].gap) == (2, 4, 2)
    assert results[2].priority == "high" and results[2].from_baseline
    assert results[3].level is None and results[3].gap is None
    assert results[5].level is None and results[5].gap is None  # desired 3, but no level


def test_build_profile_three_level(tree, answers):
    profile = scoring.build_profile(tree, answers, THREE)
    a = profile.domains[0]
    # A.1: levels 4, 2 -> none equals the top (3) -> 0 %; A.2: level 1 -> 0 %.
    # (4 cannot happen on this scale; it is not "complete" either.)
    assert [s.value for s in a.sub_areas] == [0.0, 0.0]
    answers[1].level = 3
    answers[2].level = 3
    answers[4].level = 2
    profile = scoring.build_profile(tree, answers, THREE)
    a = profile.domains[0]
    # A.1: 3, 3 -> 2 of 2 complete = 100 %; A.2: 2 -> 0 of 1 = 0 %; A = (100 + 0) / 2 = 50.
    assert [s.value for s in a.sub_areas] == [100.0, 0.0]
    assert a.value == 50.0
    assert profile.domain_values == {"A": 50.0}


def test_an_empty_tree_or_no_answers():
    assert scoring.build_profile([], {}, FOUR).domains == []
    profile = scoring.build_profile([node(1, "A", sub_areas=[])], {}, FOUR)
    assert profile.domains == [] and profile.total == 0


def results_of(scale, rows):
    """A one-domain profile from (pk, level, desired, priority) rows."""
    indicators = [node(pk, f"I{pk}") for pk, *_ in rows]
    tree = [node(1, "A", sub_areas=[node(1, "A.1", indicators=indicators)])]
    answers = {pk: answer(level, desired, priority) for pk, level, desired, priority in rows}
    return scoring.build_profile(tree, answers, scale)


def codes(results):
    return [r.indicator.code for r in results]


def test_well_developed_and_potential_four_level():
    profile = results_of(
        FOUR,
        [
            # pk, level, desired, priority
            (1, 4, 4, ""),  # well developed
            (2, 3, 4, "high"),  # well developed (3 = "meets"), even with a gap
            (3, 1, 2, "low"),  # low, gap 1
            (4, 2, 4, "medium"),  # medium, gap 2
            (5, 1, 4, "medium"),  # medium, gap 3
            (6, 2, 3, "high"),  # high, gap 1
            (7, 1, None, ""),  # no priority, no gap (counts as 0)
            (8, 2, 3, ""),  # no priority, gap 1
            (9, None, 4, "high"),  # not answered: in neither list
            (10, 1, 3, "medium"),  # medium, gap 2, level 1: before 4 (gap 2, level 2)
        ],
    )
    assert codes(profile.well_developed()) == ["I1", "I2"]
    # Priority first (high, medium, low, none), then the widest gap, then the lowest level.
    assert codes(profile.potential()) == ["I6", "I5", "I10", "I4", "I3", "I8", "I7"]


def test_well_developed_and_potential_three_level():
    profile = results_of(
        THREE,
        [(1, 3, 3, ""), (2, 2, 3, "low"), (3, 1, 3, "low"), (4, 1, 2, "high")],
    )
    # Only complete presence (3) is well developed on this scale.
    assert codes(profile.well_developed()) == ["I1"]
    # high first; then the two lows by gap: 3 (gap 2) before 2 (gap 1).
    assert codes(profile.potential()) == ["I4", "I3", "I2"]


# --- across cycles ----------------------------------------------------------------------------

# Three versions: v1 indicators 11, 12, 13; v2 indicators 21 (-> 11), 22 (-> 12), 24 (new);
# v3 indicators 31 (-> 21), 32 (-> 22), 34 (-> 24), 35 (new).
MAPS_TO = {
    11: None, 12: None, 13: None,
    21: 11, 22: 12, 24: None,
    31: 21, 32: 22, 34: 24, 35: None,
}  # fmt: skip


def test_lineage_follows_the_mapping_newest_first():
    assert scoring.lineage(31, MAPS_TO) == [31, 21, 11]
    assert scoring.lineage(34, MAPS_TO) == [34, 24]
    assert scoring.lineage(35, MAPS_TO) == [35]
    assert scoring.lineage(11, MAPS_TO) == [11]
    assert scoring.lineage(99, MAPS_TO) == [99]  # unknown: itself


def test_lineage_stops_on_a_loop():
    assert scoring.lineage(1, {1: 2, 2: 3, 3: 1}) == [1, 2, 3]


def test_earlier_level_through_two_versions():
    v1_cycle = {11: 2, 12: None, 13: 4}  # 12 answered without a level
    v2_cycle = {21: 3, 22: 1, 24: 4}
    assert scoring.earlier_level(31, MAPS_TO, v1_cycle) == 2  # 31 -> 21 -> 11
    assert scoring.earlier_level(32, MAPS_TO, v1_cycle) is None  # 12 has no level
    assert scoring.earlier_level(34, MAPS_TO, v1_cycle) is None  # 24 is new in v2
    assert scoring.earlier_level(35, MAPS_TO, v1_cycle) is None
    assert scoring.earlier_level(31, MAPS_TO, v2_cycle) == 3  # 31 -> 21
    assert scoring.earlier_level(34, MAPS_TO, v2_cycle) == 4  # 34 -> 24
    # The nearest ancestor wins when several are present.
    assert scoring.earlier_level(31, MAPS_TO, {21: 1, 11: 4}) == 1
    assert scoring.earlier_level(13, MAPS_TO, v1_cycle) == 4  # same version: itself


@pytest.mark.parametrize(
    "before, after, expected",
    [
        (200.0, 250.5, 50.5),
        (300.0, 166.7, -133.3),  # 166.7 - 300 = -133.3
        (33.3, 66.7, 33.4),  # 66.7 - 33.3 = 33.4 (rounded: no 33.400000000000006)
        (2, 2, 0),
        (None, 3, None),
        (3, None, None),
    ],
)
def test_change(before, after, expected):
    assert scoring.change(before, after) == expected


# --- distance ---------------------------------------------------------------------------------


def test_distance_four_level():
    # Each difference rescaled by the span 400 - 100 = 300: A (100 -> 400) 1, B (400 -> 100) 1.
    # sqrt((1 + 1) / 2) = 1.
    assert scoring.distance({"A": 100, "B": 400}, {"A": 400, "B": 100}, FOUR) == 1.0
    assert scoring.distance({"A": 250.0}, {"A": 250.0}, FOUR) == 0.0
    # Common A, B (C, D left out): A -50/300 = -0.1666.., B 0. Squares 0.02777.. + 0 over 2
    # = 0.013888..; sqrt = 0.117851.. -> 0.1179.
    a = {"A": 200.0, "B": 300.0, "C": 250.0}
    b = {"A": 250.0, "B": 300.0, "D": 100.0}
    assert scoring.distance(a, b, FOUR) == 0.1179
    assert scoring.distance(b, a, FOUR) == 0.1179  # symmetric


def test_distance_three_level():
    # Span 100: X 0.3, Y 0.4; (0.09 + 0.16) / 2 = 0.125; sqrt = 0.353553.. -> 0.3536.
    assert scoring.distance({"X": 50.0, "Y": 0.0}, {"X": 80.0, "Y": 40.0}, THREE) == 0.3536


def test_distance_needs_at_least_half_of_the_domains_in_common():
    six = dict.fromkeys("ABCDEF", 200.0)
    # 3 of 6 in common: exactly half is enough. Differences 0 -> 0.
    assert scoring.distance(six, {"A": 200.0, "B": 200.0, "C": 200.0}, FOUR) == 0.0
    # 2 in common of the 6 the first scored: fewer than half -> None.
    assert scoring.distance(six, {"A": 200.0, "B": 200.0}, FOUR) is None
    assert scoring.distance({"A": 200.0, "B": 200.0}, six, FOUR) is None
    # 2 of 4: half -> a distance. A: 100/300, B: 0 -> sqrt((1/9) / 2) = 0.235702.. -> 0.2357.
    four = {"A": 100.0, "B": 200.0, "C": 300.0, "D": 400.0}
    assert scoring.distance(four, {"A": 200.0, "B": 200.0}, FOUR) == 0.2357
    assert scoring.distance({"A": 1.0}, {"B": 1.0}, FOUR) is None  # nothing in common
    assert scoring.distance({}, {}, FOUR) is None


# --- benchmark_status -------------------------------------------------------------------------

START = date(2026, 1, 1)
TARGET = START + timedelta(days=100)


def status(current, today, *, start_level=1, target_level=3, target_date=TARGET):
    return scoring.benchmark_status(
        target_level=target_level,
        target_date=target_date,
        start_level=start_level,
        start_date=START,
        current_level=current,
        today=today,
    )


def test_benchmark_achieved():
    assert status(3, START + timedelta(days=10)) == BenchmarkStatus.ACHIEVED  # 3 >= 3
    assert status(4, START) == BenchmarkStatus.ACHIEVED  # above the target
    # Achieved beats overdue: reached after the date is still reached.
    assert status(3, TARGET + timedelta(days=30)) == BenchmarkStatus.ACHIEVED


def test_benchmark_overdue():
    assert status(2, TARGET + timedelta(days=1)) == BenchmarkStatus.OVERDUE
    assert status(None, TARGET + timedelta(days=1)) == BenchmarkStatus.OVERDUE


def test_benchmark_on_track_or_at_risk_against_the_straight_line():
    # Expected level at day d: 1 + (3 - 1) x d / 100.
    # Day 50: 1 + 2 x 50/100 = 2.0 -> level 2 is exactly on the line: on track.
    assert status(2, START + timedelta(days=50)) == BenchmarkStatus.ON_TRACK
    # Day 51: 1 + 2 x 51/100 = 2.02 > 2: at risk.
    assert status(2, START + timedelta(days=51)) == BenchmarkStatus.AT_RISK
    # Day 49: 1.98 <= 2: on track.
    assert status(2, START + timedelta(days=49)) == BenchmarkStatus.ON_TRACK
    # Day 0: expected 1 = start; no new level yet, the start level counts: on track.
    assert status(None, START) == BenchmarkStatus.ON_TRACK
    # Day 1: 1.02 > 1 (no new level, the start level counts): at risk.
    assert status(None, START + timedelta(days=1)) == BenchmarkStatus.AT_RISK
    # Fallen below the start level on day 0: expected 2 (the start), reached 1 -> at risk.
    assert status(1, START, start_level=2) == BenchmarkStatus.AT_RISK
    # On the target date itself, not yet reached: not overdue yet, but at risk (expected 3).
    assert status(2, TARGET) == BenchmarkStatus.AT_RISK


def test_benchmark_without_a_start_level_starts_from_zero():
    # Expected at day 50: 0 + 3 x 50/100 = 1.5. Level 2 >= 1.5: on track; 1 < 1.5: at risk.
    assert status(2, START + timedelta(days=50), start_level=None) == BenchmarkStatus.ON_TRACK
    assert status(1, START + timedelta(days=50), start_level=None) == BenchmarkStatus.AT_RISK
    # Nothing measured, day 0: 0 >= 0 -> on track.
    assert status(None, START, start_level=None) == BenchmarkStatus.ON_TRACK


def test_benchmark_with_a_target_date_not_after_the_start():
    # No time to get there: the target itself is expected.
    assert status(2, START, target_date=START) == BenchmarkStatus.AT_RISK
    assert status(3, START, target_date=START) == BenchmarkStatus.ACHIEVED


# --- real assessments -------------------------------------------------------------------------


def agree(actor, assessment, code, level, **fields):
    """Set the agreed answer of indicator `code`, from its current version."""
    indicator = assessment.version.indicators.get(code=code)
    current = AgreedAnswer.objects.filter(assessment=assessment, indicator=indicator).first()
    return services.agreed_answer_set(
        actor=actor,
        assessment=assessment,
        indicator=indicator,
        expected_version=current.lock_version if current else None,
        level=level,
        **fields,
    )


def validate(actor, assessment):
    services.assessment_submit(actor=actor, assessment=assessment)
    services.assessment_sign(actor=actor, assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.status == "validated"


def next_version(secretariat, previous, version="1.1", edit=None):
    """A published new version of `previous`'s framework, each indicator mapped to the same
    code, then changed by `edit(rows)`."""
    rows = interchange.version_rows(previous)
    for row in rows:
        row["maps_to"] = row["indicator"]
    if edit:
        edit(rows)
    draft = services.version_import(
        actor=secretariat,
        framework=previous.framework,
        version=version,
        scale=previous.scale,
        previous=previous,
        rows=rows,
    )
    return services.version_publish(actor=secretariat, version=draft)


def swap_and_add(rows):
    """In the new version RIGHTS.1.1 is what RIGHTS.1.2 was and the other way round, and
    RIGHTS.1.4 is new."""
    by_code = {row["indicator"]: row for row in rows}
    by_code["RIGHTS.1.1"]["maps_to"] = "RIGHTS.1.2"
    by_code["RIGHTS.1.2"]["maps_to"] = "RIGHTS.1.1"
    new = {**by_code["RIGHTS.1.3"], "indicator": "RIGHTS.1.4", "maps_to": ""}
    rows.insert(rows.index(by_code["RIGHTS.1.3"]) + 1, new)


@pytest.mark.django_db
def test_profile_of_a_real_assessment(assessment, focal_point):
    agree(focal_point, assessment, "RIGHTS.1.1", 4)
    agree(focal_point, assessment, "RIGHTS.1.2", 2)
    # RIGHTS.1.3 not answered
    agree(focal_point, assessment, "RIGHTS.2.1", 1)
    agree(focal_point, assessment, "RIGHTS.2.2", 2)
    agree(focal_point, assessment, "RIGHTS.2.3", 3)
    agree(focal_point, assessment, "RIGHTS.3.1", None, desired_level=3)  # no level: missing
    agree(focal_point, assessment, "WGA.1.1", 3)
    agree(focal_point, assessment, "WGA.1.2", 3)
    agree(focal_point, assessment, "WGA.1.3", 4)
    agree(focal_point, assessment, "CRISIS.1.1", 1)
    agree(focal_point, assessment, "CRISIS.2.1", 2)
    agree(focal_point, assessment, "CRISIS.2.2", 1)
    agree(focal_point, assessment, "CRISIS.3.1", 4)
    agree(focal_point, assessment, "CRISIS.3.2", 1)

    profile = selectors.profile(Assessment.objects.get(pk=assessment.pk))
    domains = {d.code: d for d in profile.domains}
    # Every domain with applicable indicators is in the profile, answered or not.
    assert list(domains) == ["RIGHTS", "WGA", "PARTNERSHIPS", "WELLBEING", "CRISIS", "SORM"]

    rights = domains["RIGHTS"]
    # RIGHTS.1: (4 + 2) / 2 = 3 -> 300 (2 of 3); RIGHTS.2: (1 + 2 + 3) / 3 = 2 -> 200 (3 of 3);
    # RIGHTS.3: no level -> None (0 of 2). RIGHTS = (300 + 200) / 2 = 250, 5 of 8 answered.
    assert [(s.code, s.value, s.answered, s.total) for s in rights.sub_areas] == [
        ("RIGHTS.1", 300.0, 2, 3),
        ("RIGHTS.2", 200.0, 3, 3),
        ("RIGHTS.3", None, 0, 2),
    ]
    assert (rights.value, rights.answered, rights.total) == (250.0, 5, 8)
    # WGA.1: (3 + 3 + 4) / 3 = 3.333.. -> 333.3 (3 of 5); WGA.2: None. WGA = 333.3, 3 of 8.
    assert (domains["WGA"].value, domains["WGA"].answered, domains["WGA"].total) == (333.3, 3, 8)
    # CRISIS.1: 1 -> 100; CRISIS.2: (2 + 1) / 2 = 1.5 -> 150; CRISIS.3: (4 + 1) / 2 = 2.5 -> 250.
    # CRISIS = (100 + 150 + 250) / 3 = 166.66.. -> 166.7, 5 of 8.
    assert [s.value for s in domains["CRISIS"].sub_areas] == [100.0, 150.0, 250.0]
    assert (domains["CRISIS"].value, domains["CRISIS"].answered) == (166.7, 5)
    assert domains["PARTNERSHIPS"].value is None and domains["PARTNERSHIPS"].total == 7
    assert profile.domain_values == {"RIGHTS": 250.0, "WGA": 333.3, "CRISIS": 166.7}
    # 5 + 3 + 5 levels given, of the 49 national indicators.
    assert (profile.answered, profile.total) == (13, 49)
    assert codes(profile.well_developed()) == [
        "RIGHTS.1.1", "RIGHTS.2.3", "WGA.1.1", "WGA.1.2", "WGA.1.3", "CRISIS.3.1",
    ]  # fmt: skip
    # No priorities or desired levels: by the lowest level, then framework order.
    assert codes(profile.potential())[:4] == [
        "RIGHTS.2.1",
        "CRISIS.1.1",
        "CRISIS.2.2",
        "CRISIS.3.2",
    ]


@pytest.mark.django_db
def test_a_local_government_is_scored_on_the_indicators_for_local_governments(
    focal_point, verified_government, national_version
):
    local_scope = services.assessment_open(
        actor=focal_point,
        organisation=verified_government,
        version=national_version,
        title="Local view",
        scope="local",
        language="en",
    )
    agree(focal_point, local_scope, "RIGHTS.1.3", 2)
    with pytest.raises(ValidationError, match="not part of the assessment"):
        agree(focal_point, local_scope, "RIGHTS.1.1", 4)  # national only
    profile = selectors.profile(local_scope)
    # Indicators for both: RIGHTS.1.3, 2.1, 2.2, 3.1, WGA.1.4, PARTNERSHIPS.2.1,
    # WELLBEING.3.1, CRISIS.1.1, 2.2, SORM.2.1, 3.3 = 11.
    assert profile.total == 11
    rights = profile.domains[0]
    # RIGHTS.1 holds only RIGHTS.1.3 here: 2 -> 200 (1 of 1); RIGHTS = 200.
    assert [(s.code, s.total) for s in rights.sub_areas] == [
        ("RIGHTS.1", 1), ("RIGHTS.2", 2), ("RIGHTS.3", 1),
    ]  # fmt: skip
    assert rights.value == 200.0


@pytest.mark.django_db
def test_profile_on_the_three_level_local_framework(
    focal_point, verified_government, local_version
):
    cycle = services.assessment_open(
        actor=focal_point,
        organisation=verified_government,
        version=local_version,
        title="City",
        scope="local",
        language="en",
    )
    for code, level in {
        "RIGHTS.1.1": 3, "RIGHTS.1.2": 3, "RIGHTS.1.3": 1,
        "WGA.1.1": 3, "WGA.1.2": 1, "WGA.1.3": 1, "WGA.2.1": 3, "WGA.2.2": 3, "WGA.3.1": 2,
    }.items():  # fmt: skip
        agree(focal_point, cycle, code, level)
    values = selectors.profile(cycle).domain_values
    # RIGHTS.1: 2 complete of 3 = 66.66.. -> 66.7; RIGHTS.2 None. RIGHTS = 66.7.
    # WGA.1: 1 of 3 -> 33.3; WGA.2: 2 of 2 -> 100; WGA.3: 0 of 1 -> 0.
    # WGA = (33.3 + 100 + 0) / 3 = 44.433.. -> 44.4.
    assert values == {"RIGHTS": 66.7, "WGA": 44.4}


@pytest.mark.django_db
def test_comparison_across_framework_versions(
    assessment, focal_point, verified_government, secretariat, national_version
):
    first = assessment
    agree(focal_point, first, "RIGHTS.1.1", 1)
    agree(focal_point, first, "RIGHTS.1.2", 3)
    agree(focal_point, first, "RIGHTS.1.3", 2)
    agree(focal_point, first, "RIGHTS.2.1", 2)
    agree(focal_point, first, "WGA.1.1", 2)
    validate(focal_point, first)
    # First cycle: RIGHTS.1 (1 + 3 + 2) / 3 = 2 -> 200; RIGHTS.2 2 -> 200; RIGHTS = 200.
    # WGA.1: 2 -> 200; WGA = 200.

    v11 = next_version(secretariat, national_version, edit=swap_and_add)
    second = services.assessment_open(
        actor=focal_point,
        organisation=verified_government,
        version=v11,
        title="National assessment 2028",
        scope="national",
        language="en",
        baseline=first,
    )
    copied = {a.indicator.code: a.level for a in second.agreed_answers.select_related("indicator")}
    # The copy follows the mapping: 1.1's RIGHTS.1.1 is 1.0's RIGHTS.1.2 (3), and back.
    assert copied == {
        "RIGHTS.1.1": 3, "RIGHTS.1.2": 1, "RIGHTS.1.3": 2, "RIGHTS.2.1": 2, "WGA.1.1": 2,
    }  # fmt: skip
    agree(focal_point, second, "RIGHTS.1.1", 4)
    agree(focal_point, second, "RIGHTS.1.4", 4)  # new in 1.1
    agree(focal_point, second, "RIGHTS.2.1", 4)
    agree(focal_point, second, "WGA.1.1", 3)

    series = selectors.cycles(second, user=focal_point)
    assert [c.pk for c in series] == [first.pk, second.pk]
    result = selectors.comparison(series)

    domains = {d["code"]: d for d in result["domains"]}
    # Second cycle: RIGHTS.1 (4 + 1 + 2 + 4) / 4 = 2.75 -> 275; RIGHTS.2: 4 -> 400;
    # RIGHTS = (275 + 400) / 2 = 337.5; change 337.5 - 200 = +137.5.
    assert domains["RIGHTS"]["values"] == [200.0, 337.5]
    assert domains["RIGHTS"]["change"] == 137.5
    # WGA.1: 3 -> 300; WGA = 300; change 300 - 200 = +100.
    assert domains["WGA"]["values"] == [200.0, 300.0]
    assert domains["WGA"]["change"] == 100.0
    assert domains["SORM"]["values"] == [None, None] and domains["SORM"]["change"] is None

    rows = {row["result"].indicator.code: row for row in result["indicators"]}
    assert all(row["result"].indicator.version_id == v11.pk for row in rows.values())

    def before_now_change(code):
        row = rows[code]
        return row["before"], row["result"].level, row["change"]

    # 1.1's RIGHTS.1.1 was 1.0's RIGHTS.1.2, at 3: now 4, +1 (by code it would be 1 -> +3).
    assert before_now_change("RIGHTS.1.1") == (3, 4, 1)
    # 1.1's RIGHTS.1.2 was 1.0's RIGHTS.1.1, at 1: copied, still 1.
    assert before_now_change("RIGHTS.1.2") == (1, 1, 0)
    assert rows["RIGHTS.1.2"]["result"].from_baseline
    assert before_now_change("RIGHTS.1.3") == (2, 2, 0)
    assert before_now_change("RIGHTS.1.4") == (None, 4, None)  # new: no baseline
    assert before_now_change("RIGHTS.2.1") == (2, 4, 2)
    assert before_now_change("WGA.1.1") == (2, 3, 1)
    assert before_now_change("SORM.1.1") == (None, None, None)


@pytest.mark.django_db
def test_indicator_mapping_and_latest_level_over_three_versions(
    assessment, focal_point, verified_government, secretariat, national_version
):
    agree(focal_point, assessment, "RIGHTS.1.1", 2)
    validate(focal_point, assessment)
    v11 = next_version(secretariat, national_version, "1.1", edit=swap_and_add)
    v12 = next_version(secretariat, v11, "1.2")
    ids = {
        (v.version, i.code): i.pk for v in (national_version, v11, v12) for i in v.indicators.all()
    }
    mapping = selectors.indicator_mapping(v12)
    assert scoring.lineage(ids["1.2", "RIGHTS.1.2"], mapping) == [
        ids["1.2", "RIGHTS.1.2"], ids["1.1", "RIGHTS.1.2"], ids["1.0", "RIGHTS.1.1"],
    ]  # fmt: skip
    assert scoring.lineage(ids["1.2", "RIGHTS.1.4"], mapping) == [
        ids["1.2", "RIGHTS.1.4"], ids["1.1", "RIGHTS.1.4"],
    ]  # fmt: skip
    # The level set on 1.0's RIGHTS.1.1 is where the organisation stands on 1.2's RIGHTS.1.2.
    indicator = v12.indicators.get(code="RIGHTS.1.2")
    assert selectors.latest_level(verified_government, indicator) == 2
    assert (
        selectors.latest_level(verified_government, v12.indicators.get(code="RIGHTS.1.1")) is None
    )


@pytest.mark.django_db
def test_assessment_tree_costs_a_fixed_number_of_queries(
    assessment, focal_point, verified_government, local_version, django_assert_max_num_queries
):
    # domains (with their MGI domain), sub-areas, indicators, descriptors, capacity areas,
    # GCM objectives.
    national = Assessment.objects.select_related("version").get(pk=assessment.pk)
    with django_assert_max_num_queries(6):
        tree = selectors.assessment_tree(national)
        assert sum(len(s.indicators.all()) for d in tree for s in d.sub_areas.all()) == 49
        for domain in tree:
            for sub_area in domain.sub_areas.all():
                for indicator in sub_area.indicators.all():
                    assert len(indicator.descriptors.all()) == 4
                    list(indicator.capacity_areas.all())
                    list(indicator.gcm_objectives.all())
                    assert domain.mgi_domain is not None
    with django_assert_max_num_queries(6):
        section = selectors.assessment_tree(national, domain_ids=[tree[1].pk])
        assert [d.code for d in section] == ["WGA"]
    city = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=local_version,
        title="City", scope="local", language="en",
    )  # fmt: skip
    city = Assessment.objects.select_related("version").get(pk=city.pk)
    with django_assert_max_num_queries(6):
        assert len(selectors.assessment_tree(city)) == 6
    with django_assert_max_num_queries(7):  # the tree and the agreed answers
        selectors.profile(national)


@pytest.mark.django_db
def test_publication_freezes_the_domain_values(focal_point, verified_government, national_version):
    """Roll-ups and peers read the values stored at publication, not a recomputation."""
    cycle = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Cycle", scope="national", language="en",
    )  # fmt: skip
    agree(focal_point, cycle, "RIGHTS.1.1", 2)
    agree(focal_point, cycle, "WGA.1.1", 4)
    services.assessment_submit(actor=focal_point, assessment=cycle)
    services.assessment_sign(actor=focal_point, assessment=cycle)
    services.assessment_publish(actor=focal_point, assessment=cycle, disclosure="scores")
    cycle.refresh_from_db()
    # RIGHTS.1 holds the only level of RIGHTS: 2 x 100; WGA.1 likewise 4 x 100.
    assert cycle.published_scores == {"RIGHTS": 200.0, "WGA": 400.0}
    assert cycle.published_scores == selectors.profile(cycle).domain_values
