"""The semantic index's first pass on reduced vectors: what it finds, kept current."""

import numpy as np
import pytest

from passerelle.search import semantic
from passerelle.search.semantic import SemanticIndex


def unit(vectors):
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture
def clustered():
    """3,000 vectors around 30 centres, as texts on a few topics are."""
    rng = np.random.default_rng(1)
    centres = unit(rng.standard_normal((30, 512)))
    vectors = unit(centres[rng.integers(0, 30, 3_000)] + 0.05 * rng.standard_normal((3_000, 512)))
    return centres, vectors


def held(vectors, first_id=1):
    index = SemanticIndex()
    index._add([(first_id + i, v.astype("<f4").tobytes()) for i, v in enumerate(vectors)])
    index._loaded()
    return index


def test_the_first_pass_finds_what_the_exact_scan_finds(monkeypatch, clustered):
    monkeypatch.setattr(semantic, "APPROXIMATE_FROM", 1_000)
    monkeypatch.setattr(semantic, "SHORTLIST", 300)
    centres, vectors = clustered
    index = held(vectors)
    assert index.directions is not None
    for centre in centres[:5]:
        exact = index.exact_nearest_to(centre, 50)
        found = [pk for pk, _ in index.nearest_to(centre, 50)]
        assert len(set(exact) & set(found)) >= 0.9 * len(exact)
        scores = [score for _, score in index.nearest_to(centre, 50)]
        assert scores == sorted(scores, reverse=True)  # exact scores, best first


def test_rows_added_after_the_directions_are_found(monkeypatch, clustered):
    monkeypatch.setattr(semantic, "APPROXIMATE_FROM", 1_000)
    monkeypatch.setattr(semantic, "SHORTLIST", 300)
    centres, vectors = clustered
    index = held(vectors)
    index._add([(10_000, centres[0].astype("<f4").tobytes())])
    assert index.nearest_to(centres[0], 1) == [(10_000, pytest.approx(1.0, abs=1e-5))]
    allowed = np.array([10_000, 5])
    assert {pk for pk, _ in index.nearest_to(centres[0], 10, allowed)} <= {10_000, 5}


def test_a_small_index_is_scanned_exactly(clustered):
    _, vectors = clustered
    index = held(vectors[:100])
    assert index.directions is None
    assert [pk for pk, _ in index.nearest_to(vectors[7], 1)] == [8]
