"""Typo tolerance: a query word that matches no document is replaced by the closest word of the
titles (Levenshtein distance, rapidfuzz), the more frequent one among equals. The titles' words
are held by the process (inprocess.py) with their frequencies, and their stems: a word with the
stem of a title word matches that title, and is left alone without asking the keyword index
(which, for a common stem, reads every match: 7 ms at 100,000 documents on PostgreSQL)."""

from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from . import text
from .inprocess import HeldDocuments

# Shorter words are too often right and too easily confused to be corrected.
SHORTEST = 4


def max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


class TitleVocabulary(HeldDocuments):
    fields = ("title", "language")

    def _clear(self) -> None:
        self.counts = Counter()
        self.stems: set[str] = set()
        self._stemmed: set[tuple[str, str]] = set()  # (word, language) pairs already stemmed
        self._by_frequency = None

    def _add(self, rows: list[tuple]) -> None:
        for _, title, language in rows:
            words = [word for word in text.words(title) if _correctable(word)]
            self.counts.update(words)
            for pair in {(word, language) for word in words} - self._stemmed:
                self._stemmed.add(pair)
                self.stems.add(text.stem(*pair))
        self._by_frequency = None

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def has_stem_of(self, word: str) -> bool:
        """Whether a title has a word with one of `word`'s stems (in any of the languages)."""
        return not self.stems.isdisjoint(text.forms(word))

    def closest(self, word: str) -> str | None:
        with self._lock:
            if self._by_frequency is None:
                self._by_frequency = [w for w, _ in self.counts.most_common()]
            choices = self._by_frequency
        # extractOne keeps the first of equally close words: the most frequent.
        found = process.extractOne(
            word, choices, scorer=Levenshtein.distance, score_cutoff=max_edits(word)
        )
        return found[0] if found else None


def _correctable(word: str) -> bool:
    return len(word) >= SHORTEST and word.isalpha()


def correct(query: str, vocabulary: TitleVocabulary, matches_anything) -> str | None:
    """The query with its misspelled words replaced, or None when none is."""
    replacements = {}
    for term in text.query_terms(query):
        if not _correctable(term) or term in vocabulary or vocabulary.has_stem_of(term):
            continue
        if matches_anything(term):
            continue
        closest = vocabulary.closest(term)
        if closest is not None and closest != term:
            replacements[term] = closest
    if not replacements:
        return None
    return text.WORD.sub(lambda word: replacements.get(word.group().lower(), word.group()), query)
