"""Snippets: a passage of a document around the first word that matches the query, escaped, with
the matching words in <mark>. A word matches when its stem in the document's language is one of
the query words' stems (text.py), which is how the keyword index matched it."""

import html

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text

WORDS = 40
BEFORE = 8  # words shown before the first match
SCANNED = 500


def snippet(body: str, terms: list[str], language: str) -> SafeString:
    wanted = set().union(*(text.forms(term) for term in terms))
    tokens = list(text.WORD.finditer(body))
    if not tokens:
        return mark_safe("")

    def matches(index: int) -> bool:
        return text.stem(tokens[index].group().lower(), language) in wanted

    # A match past the first SCANNED words is not looked for: the passage starts the text.
    first = next((i for i in range(min(len(tokens), SCANNED)) if matches(i)), 0)
    start = max(0, first - BEFORE)
    end = min(len(tokens), start + WORDS)
    pieces = ["… " if start else ""]
    cursor = tokens[start].start()
    for index in filter(matches, range(start, end)):
        token = tokens[index]
        pieces += [escape(body[cursor : token.start()]), f"<mark>{escape(token.group())}</mark>"]
        cursor = token.end()
    pieces += [escape(body[cursor : tokens[end - 1].end()]), " …" if end < len(tokens) else ""]
    return mark_safe("".join(pieces))  # every piece of the text was escaped above


def plain(snippet_html: str) -> str:
    """The snippet as text (the API)."""
    return html.unescape(snippet_html.replace("<mark>", "").replace("</mark>", ""))
