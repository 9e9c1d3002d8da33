"""Words as the search engine sees them: split, stemmed with Snowball in the text's language,
folded (no case, no accents). SQLite's FTS5 only stems English, so documents are stemmed here
before FTS5 reads them; PostgreSQL's english, french and spanish configurations use the same
Snowball algorithms, so the highlighter can rely on these functions on either database."""

import functools
import re
import threading
import unicodedata

import snowballstemmer

from passerelle.core.language_detection import WORDS as FUNCTION_WORDS

WORD = re.compile(r"\w+")
STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
LANGUAGES = tuple(STEMMERS)
# A query's words past these are dropped: a pasted page is still one search, not thousands.
MAX_TERMS = 12
# Words that say nothing of what is looked for: the function words of the three languages,
# those they share included. A query keeps them only when it has no other word.
STOP_WORDS = frozenset().union(
    *FUNCTION_WORDS.values(),
    ["a", "de", "en", "entre", "la", "no", "nos", "on", "que", "se", "si", "son", "un"],
)

# Snowball stemmers keep state while they stem a word: one set per thread.
_local = threading.local()


def _stemmer(language: str):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {
            code: snowballstemmer.stemmer(name) for code, name in STEMMERS.items()
        }
    return stemmers.get(language, stemmers["en"])


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """`word` (lower case) stemmed in `language`, then folded."""
    return fold(_stemmer(language).stemWord(word))


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stemmed(text: str, language: str) -> str:
    """What the SQLite index stores of a text."""
    return " ".join(stem(word, language) for word in words(text))


def query_terms(query: str) -> list[str]:
    """The distinct words of a query that say what is looked for, in order, MAX_TERMS at most."""
    terms = list(dict.fromkeys(words(query)))
    meaningful = [term for term in terms if len(term) > 1 and term not in STOP_WORDS]
    return (meaningful or terms)[:MAX_TERMS]


def forms(term: str) -> set[str]:
    """A query word's stems in every language: a document matches if its own language's stem of
    one of its words is among them (the reader's query language is not known)."""
    return {stem(term, language) for language in LANGUAGES}
