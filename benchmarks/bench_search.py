"""The platform's search at scale: `search()` through the selector (hybrid, anonymous reader,
the door included) over N synthetic documents, on the database it runs on — a throwaway SQLite
file by default; with DATABASE_URL set to PostgreSQL, a throwaway database
(`passerelle_bench_search`) on that server, dropped at the end.

Documents are written in bulk for a throwaway searchable over the test app's Note (public
notes, so every candidate passes the door): a title of 6 words and a body of 60 drawn from a
Zipf law over a vocabulary of real EN / FR / ES words of the field followed by invented ones, so
that a few words are in most documents and most words in few; facets of every kind. Their
embeddings are not computed (that would take hours): each is the real embedding of one of 30
topic sentences plus random noise, which puts as many documents near a query as real texts
would. Measured: keyword indexing (stemming and the keyword index, documents/s), loading the
in-process indexes, the latency of `search()` over a mix of queries (p50 / p95, and its
queries), the keyword and semantic modes alone, and, on 1,000 documents with the real model,
embedding and full indexing throughput (`services.index_many`).

Prints a Markdown section (benchmarks/run.py); progress on stderr.

    .venv/bin/python benchmarks/bench_search.py [--size 100000]   # --size 1000000 works too
"""

import argparse
import gc
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "passerelle_bench_search"
CHUNK = 2_000
TITLE_WORDS, BODY_WORDS = 6, 60
INVENTED_WORDS = 6_000  # per language
ZIPF = 1.05
ROUNDS = 20  # each query of the mix, this many times (after one untimed round)
SAMPLE = 1_000  # documents embedded with the real model
LANGUAGES = {"en": 0.45, "fr": 0.30, "es": 0.25}
FIELD_WORDS = {
    "en": "migration migrants border management training officials data statistics labour "
    "workers return reintegration diaspora remittances asylum protection children trafficking "
    "smuggling integration health education employment skills recognition visa legal pathways "
    "climate displacement consular services civil registry documents identity community local "
    "government policy coordination national strategy cooperation regional partnership funding",
    "fr": "migration migrants frontière gestion formation agents données statistiques travail "
    "travailleurs retour réintégration diaspora transferts asile protection enfants traite "
    "trafic intégration santé éducation emploi compétences reconnaissance visa voies légales "
    "climat déplacement services consulaires état civil documents identité communauté locale "
    "gouvernement politique coordination stratégie nationale coopération régionale partenariat",
    "es": "migración migrantes frontera gestión capacitación funcionarios datos estadísticas "
    "trabajo trabajadores retorno reintegración diáspora remesas asilo protección niños trata "
    "tráfico integración salud educación empleo competencias reconocimiento visado vías legales "
    "clima desplazamiento servicios consulares registro civil documentos identidad comunidad "
    "local gobierno política coordinación estrategia nacional cooperación regional alianza",
}
TOPICS = [
    "Training border officials on human rights",
    "Collecting labour migration statistics",
    "Reintegration of returning migrants",
    "Diaspora investment and remittances",
    "Protection of unaccompanied migrant children",
    "Fighting human trafficking and migrant smuggling",
    "Recognition of migrant workers' skills",
    "Climate change and displacement",
    "Consular services for nationals abroad",
    "Civil registration and legal identity",
    "Local integration of migrants in cities",
    "Regular pathways for labour mobility",
    "Access to health care for migrants",
    "Asylum procedures and reception",
    "National migration policy coordination",
    "Formation des agents aux frontières",
    "Statistiques sur les migrations de travail",
    "Réintégration des migrants de retour",
    "Transferts de fonds de la diaspora",
    "Protection des enfants migrants",
    "Lutte contre la traite des personnes",
    "Gestión de fronteras y cooperación regional",
    "Inclusión de los migrantes en las ciudades",
    "Vías regulares de migración laboral",
    "Registro civil e identidad legal",
    "Servicios consulares para la diáspora",
    "Salud de los trabajadores migrantes",
    "Movilidad climática y desplazamiento",
    "Coordinación de la política migratoria",
    "Reconocimiento de competencias de los migrantes",
]
AREAS = [f"A{i:02d}" for i in range(20)]
COUNTRIES = ["SEN", "MLI", "NGA", "GHA", "MAR", "TUN", "MEX", "GTM", "COL", "PER", "FRA", "ESP",
             "DEU", "ITA", "PHL", "IND", "BGD", "NPL", "JOR", "LBN"]  # fmt: skip


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The throwaway database ---------------------------------------------------------------


def postgres_server() -> str | None:
    """The PostgreSQL server of DATABASE_URL (its URL without a database), or None: SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return urlunsplit(urlsplit(url)._replace(path=""))


def _admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def configure(server: str | None) -> Path | None:
    """Point Django at a fresh throwaway database; return the SQLite file, if that is it."""
    sqlite_file = None
    if server is None:
        sqlite_file = Path(tempfile.mkdtemp(prefix="passerelle-bench-")) / "search.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_file}"
    else:
        _admin(server, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        _admin(server, f"CREATE DATABASE {DATABASE}")
        os.environ["DATABASE_URL"] = f"{server}/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"  # has the test app's Note
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    gc.freeze()  # as config/wsgi.py does once the application is loaded
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return sqlite_file


# --- Synthetic documents --------------------------------------------------------------------


def vocabulary(rng: random.Random) -> dict[str, list[str]]:
    """Per language: the field's words first (the most frequent), then invented ones."""
    syllables = ["ra", "to", "mi", "sen", "la", "por", "de", "qui", "na", "bel", "cor", "tu",
                 "vi", "gra", "mon", "sal", "ter", "pa", "lo", "fen"]  # fmt: skip
    words = {}
    for language, field in FIELD_WORDS.items():
        invented = {
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + language[0]
            for _ in range(INVENTED_WORDS)
        }
        words[language] = field.split() + sorted(invented)
    return words


class Writer:
    def __init__(self, rng: random.Random, words: dict[str, list[str]], topics: np.ndarray):
        self.rng, self.words, self.topics = rng, words, topics
        # Cumulative weights: drawing from them does not sum thousands of weights per word.
        self.cumulative = {
            language: list(itertools.accumulate(1 / rank**ZIPF for rank in range(1, len(v) + 1)))
            for language, v in words.items()
        }

    def text(self, language: str, count: int) -> str:
        words = self.rng.choices(
            self.words[language], cum_weights=self.cumulative[language], k=count
        )
        return " ".join(words)

    def vector(self) -> bytes:
        topic = self.topics[self.rng.randrange(len(self.topics))]
        noise = np.random.default_rng(self.rng.getrandbits(32)).standard_normal(512)
        vector = topic + 0.9 * noise / np.linalg.norm(noise)
        return (vector / np.linalg.norm(vector)).astype("<f4").tobytes()

    def facets(self, language: str, year: int) -> list[tuple[str, str]]:
        return [
            ("kind", "note"), ("language", language), ("year", str(year)),
            ("area", self.rng.choice(AREAS)), ("country", self.rng.choice(COUNTRIES)),
        ]  # fmt: skip


def register_notes():
    """A throwaway searchable over the test app's Note (public notes: all pass the door)."""
    from passerelle.core.search import register_searchable
    from tests.testapp.models import Note

    texts = {}
    register_searchable(
        Note, kind="note", label="Notes", texts=lambda note: texts.get(note.pk, []),
        indexable=lambda: Note.objects.all(), url=lambda note: f"/notes/{note.pk}/",
    )  # fmt: skip
    return texts


def generate(size: int, writer: Writer) -> float:
    """Write `size` notes and their documents; return the keyword indexing time."""
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from passerelle.accounts.models import Organisation
    from passerelle.search.backends import keyword_backend
    from passerelle.search.models import SearchDocument, SearchFacet
    from tests.testapp.models import Note

    owner = Organisation.objects.create(name="Bench", slug="bench", type="civil_society")
    content_type = ContentType.objects.get_for_model(Note)
    languages, shares = list(LANGUAGES), list(LANGUAGES.values())
    keyword_seconds, now = 0.0, timezone.now()
    for start in range(0, size, CHUNK):
        count = min(CHUNK, size - start)
        with transaction.atomic():
            notes = Note.objects.bulk_create(
                Note(owner=owner, visibility="public", text=str(start + i)) for i in range(count)
            )
            documents, facets = [], []
            for note in notes:
                language = writer.rng.choices(languages, shares)[0]
                year = writer.rng.randint(2015, 2026)
                documents.append(
                    SearchDocument(
                        content_type=content_type, object_id=str(note.pk), language=language,
                        kind="note", title=writer.text(language, TITLE_WORDS).capitalize(),
                        body=writer.text(language, BODY_WORDS), indexed_at=now,
                        date=datetime.date(year, writer.rng.randint(1, 12), 1),
                        vector=writer.vector(),
                    )
                )  # fmt: skip
                facets.append(writer.facets(language, year))
            documents = SearchDocument.objects.bulk_create(documents)
            SearchFacet.objects.bulk_create(
                SearchFacet(document=document, facet=facet, value=value)
                for document, pairs in zip(documents, facets, strict=True)
                for facet, value in pairs
            )
            started = time.perf_counter()
            keyword_backend().index(documents)
            keyword_seconds += time.perf_counter() - started
        if (start + count) % 20_000 == 0 or start + count == size:
            log(f"  {start + count:,} documents")
    return keyword_seconds


# --- Measures -------------------------------------------------------------------------------


def query_mix(words: dict[str, list[str]]) -> dict[str, list[dict]]:
    """Queries by family: the commonest words, rarer ones, several words, a typo, another
    language's words, filters."""
    en, fr, es = words["en"], words["fr"], words["es"]
    return {
        "very common word": [{"query": w} for w in (en[0], fr[0], es[0], en[1])],
        "common word + filter": [
            {"query": en[0], "filters": {"area": [AREAS[3]]}},
            {"query": fr[1], "filters": {"country": ["SEN", "MLI"], "language": ["fr"]}},
        ],
        "two or three words": [
            {"query": f"{en[2]} {en[5]}"},
            {"query": f"{fr[3]} {fr[9]} {fr[20]}"},
            {"query": f"{es[4]} {es[7]}"},
        ],
        "rare word": [{"query": w} for w in (en[2000], fr[2500], es[3000])],
        "typo": [{"query": en[6][:-1] + "x" + en[6][-1]}, {"query": fr[30][1:]}],
        "sentence in French": [{"query": "formation des agents aux frontières sur les droits"}],
        "empty query, filters": [{"query": "", "filters": {"area": [AREAS[0]], "year": ["2024"]}}],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_searches(mix: dict, mode: str) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from passerelle.search.selectors import search
    from passerelle.search.semantic import embedded

    anonymous, times, by_family, queries = AnonymousUser(), [], {}, []
    for case in itertools.chain(*mix.values()):  # the untimed round
        search(anonymous, case["query"], filters=case.get("filters"), mode=mode)
    for family, cases in mix.items():
        for _ in range(ROUNDS):
            for case in cases:
                embedded.cache_clear()  # each search pays for its query's embedding
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    search(anonymous, case["query"], filters=case.get("filters"), mode=mode)
                    elapsed = (time.perf_counter() - started) * 1000
                times.append(elapsed)
                by_family.setdefault(family, []).append(elapsed)
                queries.append(len(captured))
    return {"times": times, "by_family": by_family, "queries": queries}


def first_pass_recall(mix: dict, writer: "Writer") -> dict:
    """The share of the exact scan's nearest documents that the semantic index returns (its
    first pass on reduced vectors, then exact scoring of a shortlist), at 10 and at the
    SEMANTIC_CANDIDATES it is asked for; over the mix's queries and 50 random documents' own
    vectors (neighbours, as `similar()` asks)."""
    from passerelle.search.selectors import SEMANTIC_CANDIDATES, semantic_index
    from passerelle.search.semantic import embedded

    index = semantic_index
    vectors = [embedded(case["query"]) for cases in mix.values() for case in cases if case["query"]]
    vectors += [index.vectors[writer.rng.randrange(index.size)] for _ in range(50)]
    recall = {10: [], SEMANTIC_CANDIDATES: []}
    for vector in vectors:
        exact = index.exact_nearest_to(vector, SEMANTIC_CANDIDATES)
        found = [pk for pk, _ in index.nearest_to(vector, SEMANTIC_CANDIDATES)]
        for k in recall:
            if exact[:k]:
                recall[k].append(len(set(exact[:k]) & set(found[:k])) / len(exact[:k]))
    return {k: statistics.mean(values) for k, values in recall.items() if values}


def analyze() -> None:
    """PostgreSQL's statistics and visibility map, as autovacuum keeps them on a database that
    did not just get 100,000 rows in a minute: without statistics it plans the keyword queries
    blind (five times slower here)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def cold_load() -> float:
    from passerelle.search import selectors

    selectors.forget_held_documents()
    started = time.perf_counter()
    selectors.refresh_held_documents()
    return time.perf_counter() - started


def sample_indexing(writer: Writer, texts: dict) -> dict:
    """The real model on SAMPLE documents: embedding alone, then services.index_many."""
    from passerelle.accounts.models import Organisation
    from passerelle.core import embeddings
    from passerelle.core.search import SearchText
    from passerelle.search import services
    from tests.testapp.models import Note

    owner = Organisation.objects.get(slug="bench")
    notes = Note.objects.bulk_create(
        Note(owner=owner, visibility="public", text="sample") for _ in range(SAMPLE)
    )
    for note in notes:
        language = writer.rng.choice(list(LANGUAGES))
        texts[note.pk] = [
            SearchText(
                language=language, title=writer.text(language, TITLE_WORDS),
                body=writer.text(language, BODY_WORDS), facets={"area": [AREAS[0]]},
            )
        ]  # fmt: skip
    passages = [f"{t[0].title}\n{t[0].body}" for t in texts.values()]
    embeddings.embed(passages[:1])  # loads the model
    started = time.perf_counter()
    for start in range(0, len(passages), embeddings.BATCH):
        embeddings.embed(passages[start : start + embeddings.BATCH])
    embedding_seconds = time.perf_counter() - started
    started = time.perf_counter()
    services.index_many(Note, [note.pk for note in notes])
    return {
        "embed_per_second": SAMPLE / embedding_seconds,
        "index_per_second": SAMPLE / (time.perf_counter() - started),
    }


def spelling_time(words) -> float:
    """Milliseconds to find the closest title word to a misspelled one."""
    from passerelle.search.selectors import title_vocabulary

    typos = [word[:-1] + "q" for word in words["en"][100:150]]
    started = time.perf_counter()
    for typo in typos:
        title_vocabulary.closest(typo)
    return (time.perf_counter() - started) * 1000 / len(typos)


# --- Report ---------------------------------------------------------------------------------


def database_name() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (a throwaway file, WAL mode)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]} (a throwaway database)"


INTRODUCTION = (
    "`search()` through the selector over {size:,} synthetic documents, on SQLite and on "
    "PostgreSQL: hybrid mode (keyword and semantic candidates fused), an anonymous reader, "
    "every candidate through the door (public notes of the test app, registered as a throwaway "
    "searchable), the facets counted, a page of 20 built with its snippets. Each query of the "
    f"mix ran {ROUNDS} times after an untimed round (a running server is warm: the process's "
    "first searches pay for lazy imports and cold caches), in-process indexes loaded, the "
    "garbage collector's view frozen as config/wsgi.py does, the query embedded every time (the "
    "cache of recent query embeddings emptied before each search). Texts are "
    f"{TITLE_WORDS}-word titles and {BODY_WORDS}-word bodies drawn from a Zipf law over real "
    "EN / FR / ES words of the field and invented ones, so the commonest words are in most "
    "documents. **Embeddings are not those of the texts**: each is the real embedding of one of "
    "30 topic sentences plus random noise (computing 100,000 would take hours); the latency is "
    "what it would be, the semantic relevance is not measured here (see the knowledge "
    "relevance section). The machine's load average (1 minute) is given at the start and the "
    "end of each run: other work on these two cores slows every figure down."
)


def report(size: int, figures: dict) -> str:
    """One database's subsection."""
    hybrid, keyword, semantic = figures["hybrid"], figures["keyword"], figures["semantic"]
    rows = [
        f"| {family} | {statistics.median(times):.0f} ms | {percentile(times, 0.95):.0f} ms |"
        for family, times in hybrid["by_family"].items()
    ]
    recall = figures["recall"]
    lines = [
        f"### {figures['database']}",
        "",
        f"Load average {figures['load'][0]:.2f} at the start of the searches, "
        f"{figures['load'][1]:.2f} at their end.",
        "",
        "| Queries (hybrid) | p50 | p95 |",
        "|---|---:|---:|",
        *rows,
        f"| **all (hybrid)** | **{statistics.median(hybrid['times']):.0f} ms** | "
        f"**{percentile(hybrid['times'], 0.95):.0f} ms** |",
        f"| all, keyword mode | {statistics.median(keyword['times']):.0f} ms | "
        f"{percentile(keyword['times'], 0.95):.0f} ms |",
        f"| all, semantic mode | {statistics.median(semantic['times']):.0f} ms | "
        f"{percentile(semantic['times'], 0.95):.0f} ms |",
        "",
        f"- Queries per search: {min(hybrid['queries'])} to {max(hybrid['queries'])}.",
        "- Semantic first pass (reduced vectors, then exact scoring of a shortlist): recall "
        + ", ".join(f"@{k} {value:.3f}" for k, value in recall.items())
        + " against the exact scan (the mix's queries and 50 documents' neighbours).",
        f"- Keyword indexing (stemming + the keyword index, in batches of {CHUNK:,}): "
        f"{figures['keyword_per_second']:,.0f} documents/s.",
        "- Loading the in-process indexes (embeddings matrix and its reduced copy, title words, "
        f"facets) from the database, once per process: {figures['cold_load']:.1f} s; afterwards "
        "only new rows are read.",
        f"- Correcting a misspelled word against the titles' vocabulary "
        f"({figures['vocabulary']:,} words): {figures['spelling_ms']:.1f} ms.",
        f"- With the real model (USE v3, one thread) on {SAMPLE:,} documents: embedding "
        f"{figures['sample']['embed_per_second']:,.0f} documents/s; `services.index_many` "
        f"(texts, embeddings, keyword index, facets) {figures['sample']['index_per_second']:,.0f}"
        " documents/s.",
        f"- Generating the data, not timed above, took {figures['generate']:.0f} s.",
    ]
    return "\n".join(lines)


def targets() -> list[str]:
    """The databases to run on: SQLite, and PostgreSQL when DATABASE_URL names a server."""
    server = postgres_server()
    return ["sqlite"] + ([f"{server}/postgres"] if server else [])


def run_all(size: int) -> None:
    """Each database in its own process (Django is set up once per process)."""
    import subprocess

    sections = []
    for target in targets():
        environment = dict(os.environ, DATABASE_URL="" if target == "sqlite" else target)
        result = subprocess.run(
            [sys.executable, __file__, "--one", "--size", str(size)],
            env=environment, stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        sections.append(result.stdout.strip())
    print("## Search — `benchmarks/bench_search.py`\n")
    print(INTRODUCTION.format(size=size) + "\n")
    print("\n\n".join(sections))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--one", action="store_true", help="the database of DATABASE_URL only")
    arguments = parser.parse_args()
    size = arguments.size
    if not arguments.one:
        run_all(size)
        return
    server = postgres_server()
    sqlite_file = configure(server)
    try:
        from passerelle.core import embeddings
        from passerelle.search.selectors import title_vocabulary

        rng = random.Random(42)
        words = vocabulary(rng)
        texts = register_notes()
        writer = Writer(rng, words, embeddings.embed(TOPICS))
        log(f"Generating {size:,} documents")
        started = time.perf_counter()
        keyword_seconds = generate(size, writer)
        analyze()
        figures = {"generate": time.perf_counter() - started, "database": database_name()}
        figures["keyword_per_second"] = size / keyword_seconds
        log("Loading the in-process indexes")
        figures["cold_load"] = cold_load()
        figures["vocabulary"] = len(title_vocabulary.counts)
        mix = query_mix(words)
        started_load = os.getloadavg()[0]
        for mode in ("hybrid", "keyword", "semantic"):
            log(f"Searching ({mode})")
            figures[mode] = time_searches(mix, mode)
        figures["load"] = (started_load, os.getloadavg()[0])
        figures["recall"] = first_pass_recall(mix, writer)
        figures["spelling_ms"] = spelling_time(words)
        log(f"Indexing {SAMPLE:,} documents with the real model")
        figures["sample"] = sample_indexing(writer, texts)
        print(report(size, figures))
    finally:
        from django.db import connections

        connections.close_all()
        if server is not None:
            _admin(server, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        elif sqlite_file is not None:
            for path in sqlite_file.parent.iterdir():
                path.unlink()
            sqlite_file.parent.rmdir()


if __name__ == "__main__":
    main()
