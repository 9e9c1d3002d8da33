"""How well the platform search finds knowledge items, on the labelled query set
(benchmarks/data/knowledge_queries.json: queries in English, French and Spanish, each with the
demo items judged relevant to it), in the search's three modes: keyword, semantic and hybrid.

The demo is loaded into a throwaway SQLite database — its steps up to the knowledge base's, the
lower modules' data included, since the knowledge items are written on top of them — and the
search index is rebuilt (`search.services.reindex_all`). Then every query runs as an anonymous
reader (`search.selectors.search`), restricted to knowledge items by the kind facet (practices,
lessons, resources), and the first ten results are scored against the judgements: nDCG@10
(binary gains) and recall@10, overall and per query type. Measured, not asserted. Prints a
Markdown section (benchmarks/run.py); the relevant items each mode misses go to stderr.

    .venv/bin/python benchmarks/bench_knowledge_relevance.py
"""

import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "benchmarks" / "data" / "knowledge_queries.json"
MODES = ("keyword", "semantic", "hybrid")
TYPES = ("keyword", "inflection", "cross-lingual", "misspelled", "paraphrase")
K = 10


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("django_tasks").setLevel(logging.WARNING)


def load_demo() -> float:
    """The demo steps up to the knowledge base's, each in its transaction as `manage.py demo`
    runs them; then the whole search index. Returns the seconds the index took."""
    from django.core.management import call_command
    from django.db import transaction

    from passerelle.core.demo import DemoContext, demo_steps
    from passerelle.search import services

    call_command("migrate", verbosity=0)
    context = DemoContext()
    for step in demo_steps():
        started = time.perf_counter()
        with transaction.atomic():
            step.run(context)
        log(f"{time.perf_counter() - started:6.1f} s  {step.name}")
        if step.name.startswith("knowledge:"):
            break
    started = time.perf_counter()
    services.reindex_all()
    return time.perf_counter() - started


def resolve(data: dict) -> dict[str, int]:
    """Each judged item's primary key: a demo spec's key, or an imported lesson's title."""
    from passerelle.knowledge.demo import demo_key
    from passerelle.knowledge.models import Item

    by_key = dict(Item.objects.filter(is_demo=True).values_list("submission_key", "pk"))
    imported = dict(Item.objects.exclude(source_lesson=None).values_list("title", "pk"))
    names = {name for query in data["queries"] for name in query["relevant"]}
    found = {}
    for name in names:
        pk = by_key.get(demo_key(name)) or imported.get(name)
        if pk is None:
            raise SystemExit(f"{QUERIES.name}: no published demo item {name!r}")
        found[name] = pk
    return found


def check_cross_lingual(data: dict, pks: dict[str, int]) -> None:
    """On stderr: cross-lingual queries with a relevant item in the query's language after all
    (a translation added to the demo since the set was judged)."""
    from django.contrib.contenttypes.models import ContentType

    from passerelle.core.models import ContentTranslation
    from passerelle.knowledge.models import Item

    item_type = ContentType.objects.get_for_model(Item)
    languages = defaultdict(set)
    for pk, language in Item.objects.values_list("pk", "language"):
        languages[pk].add(language)
    for object_id, language in ContentTranslation.objects.filter(
        content_type=item_type
    ).values_list("object_id", "language"):
        languages[int(object_id)].add(language)
    for query in data["queries"]:
        if query["type"] != "cross-lingual":
            continue
        clash = [n for n in query["relevant"] if query["language"] in languages[pks[n]]]
        if clash:
            log(f"WARNING {query['id']}: relevant items in {query['language']}: {clash}")


def ranked(query: dict, mode: str, kinds: list[str]) -> tuple[list[int], float, str | None]:
    """The first K knowledge items found (primary keys), the seconds it took, and the query
    as the engine corrected it."""
    from django.contrib.auth.models import AnonymousUser

    from passerelle.knowledge.models import Item
    from passerelle.search.selectors import search

    started = time.perf_counter()
    page = search(
        AnonymousUser(),
        query["query"],
        mode=mode,
        filters={"kind": kinds},
        language=query["language"],
        per_page=K,
    )
    elapsed = time.perf_counter() - started
    found = [r.object.pk for r in page.results if isinstance(r.object, Item)][:K]
    return found, elapsed, page.corrected_query


def ndcg(found: list[int], relevant: set[int]) -> float:
    gains = sum(1 / math.log2(rank + 1) for rank, pk in enumerate(found, 1) if pk in relevant)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), K) + 1))
    return gains / ideal


def recall(found: list[int], relevant: set[int]) -> float:
    return len(relevant & set(found)) / len(relevant)


def measure() -> dict:
    from passerelle.core.search import searchable_for
    from passerelle.knowledge.models import Item

    data = json.loads(QUERIES.read_text(encoding="utf-8"))
    started = time.perf_counter()
    index_seconds = load_demo()
    loaded = time.perf_counter() - started
    searchable = searchable_for(Item)
    if searchable is None:
        raise SystemExit("Knowledge items are not registered with the search engine.")
    # Practices, lessons and resources (or the model's one kind, registered without kinds).
    kinds = sorted(searchable.kinds) or [searchable.kind]
    pks = resolve(data)
    check_cross_lingual(data, pks)
    scores = {mode: {} for mode in MODES}
    seconds = {mode: [] for mode in MODES}
    corrected = {}
    for mode in MODES:
        for query in data["queries"]:
            relevant = {pks[name] for name in query["relevant"]}
            found, elapsed, correction = ranked(query, mode, kinds)
            seconds[mode].append(elapsed)
            scores[mode][query["id"]] = (ndcg(found, relevant), recall(found, relevant))
            if mode == "hybrid":
                corrected[query["id"]] = correction
            missed = [name for name in query["relevant"] if pks[name] not in found]
            if missed:
                log(f"{mode:8} {query['id']} {query['type']:13} {query['query']!r}: missed "
                    + ", ".join(missed))  # fmt: skip
    return {
        "data": data,
        "scores": scores,
        "seconds": seconds,
        "corrected": corrected,
        "load": loaded,
        "index": index_seconds,
        "published": Item.objects.filter(status="published").count(),
    }


def _mean(values) -> float:
    return statistics.mean(values) if values else 0.0


def markdown(measured: dict) -> str:
    data, scores = measured["data"], measured["scores"]
    queries = data["queries"]
    by_type = defaultdict(list)
    for query in queries:
        by_type[query["type"]].append(query["id"])
    per_language = ", ".join(
        f"{sum(q['language'] == language for q in queries)} in {language}"
        for language in ("en", "fr", "es")
    )
    judged = sum(len(q["relevant"]) for q in queries)

    def cell(mode, ids, metric):
        return f"{_mean([scores[mode][i][metric] for i in ids]):.2f}"

    everything = [q["id"] for q in queries]
    lines = [
        "## Knowledge search relevance — `benchmarks/bench_knowledge_relevance.py`",
        "",
        f"The labelled query set (`benchmarks/data/knowledge_queries.json`): {len(queries)} "
        f"queries ({per_language}) "
        f"with {judged} relevance judgements (1 to 5 relevant items each) over the "
        f"{measured['published']} published items of the demo's knowledge base. Query types: "
        + "; ".join(f"{name} ({len(by_type[name])}): {data['types'][name]}" for name in TYPES)
        + ". Each query runs as an anonymous reader through `search.selectors.search`, "
        "restricted to knowledge items by the kind facet; nDCG@10 with binary gains and "
        "recall@10 (the share of a query's relevant items in its first ten results), averaged "
        "over queries.",
        "",
        "| Mode | nDCG@10 | Recall@10 | "
        + " | ".join(f"nDCG@10 {name}" for name in TYPES)
        + " | Mean time per query |",
        "|---|---:|---:|" + "---:|" * len(TYPES) + "---:|",
    ]
    for mode in MODES:
        lines.append(
            f"| {mode} | {cell(mode, everything, 0)} | {cell(mode, everything, 1)} | "
            + " | ".join(cell(mode, by_type[name], 0) for name in TYPES)
            + f" | {_mean(measured['seconds'][mode]) * 1000:.0f} ms |"
        )
    lines += [
        "",
        "| Mode | " + " | ".join(f"Recall@10 {name}" for name in TYPES) + " |",
        "|---|" + "---:|" * len(TYPES),
    ]
    for mode in MODES:
        lines.append(
            f"| {mode} | " + " | ".join(cell(mode, by_type[name], 1) for name in TYPES) + " |"
        )
    lines += ["", _reading(measured, by_type)]
    return "\n".join(lines)


def _reading(measured: dict, by_type: dict) -> str:
    scores = measured["scores"]

    def mean(mode, ids):
        return _mean([scores[mode][i][0] for i in ids])

    everything = [i for ids in by_type.values() for i in ids]
    best_other = max(mean("keyword", everything), mean("semantic", everything))
    verdict = "beats" if mean("hybrid", everything) > best_other else "does not beat"
    losing = [
        name
        for name in TYPES
        if mean("hybrid", by_type[name])
        < max(mean("keyword", by_type[name]), mean("semantic", by_type[name]))
    ]
    corrections = sum(1 for i in by_type["misspelled"] if measured["corrected"].get(i))
    return (
        f"Reading: overall, hybrid {verdict} both keyword and semantic search on nDCG@10"
        + (
            f"; query types where hybrid is below the better of the two: {', '.join(losing)}"
            if losing
            else ""
        )
        + f". The spelling corrector rewrote {corrections} of the {len(by_type['misspelled'])} "
        "misspelled queries (keyword and hybrid modes). The relevant items each mode left out "
        "of the first ten are printed on stderr. Loading the demo took "
        f"{measured['load']:.0f} s, rebuilding the search index {measured['index']:.1f} s."
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        configure(Path(folder) / "bench.sqlite3")
        print(markdown(measure()))


if __name__ == "__main__":
    main()
