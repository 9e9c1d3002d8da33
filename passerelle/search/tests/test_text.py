"""Words, stems, snippets and spelling, without the database."""

from passerelle.search import highlight, spelling, text


def test_a_plural_and_its_singular_share_a_stem_in_each_language():
    assert text.stem("travailleurs", "fr") == text.stem("travailleur", "fr")
    assert text.stem("trabajadores", "es") == text.stem("trabajador", "es")
    assert text.stem("borders", "en") == text.stem("border", "en")


def test_stems_are_folded_and_a_query_word_has_a_form_per_language():
    assert text.stem("frontières", "fr") == "fronti"
    assert text.forms("migrations") == {"migrat", "migrations"}


def test_a_long_query_keeps_its_first_distinct_words_but_function_words():
    assert text.query_terms("Border border BORDER training") == ["border", "training"]
    assert text.query_terms("la formation des agents de l'État") == ["formation", "agents", "état"]
    assert text.query_terms("the") == ["the"]
    assert len(text.query_terms(" ".join(f"word{i}" for i in range(100)))) == text.MAX_TERMS


def test_snippet_escapes_the_text_and_marks_the_query_words():
    body = "Les <b>agents</b> des frontières suivent une formation. " + "Mot " * 60
    snippet = highlight.snippet(body, ["formations"], "fr")
    assert "&lt;b&gt;agents&lt;/b&gt;" in snippet
    assert "<mark>formation</mark>" in snippet
    assert snippet.endswith(" …")
    assert highlight.plain(snippet).startswith("Les <b>agents</b>")


def test_snippet_starts_near_the_first_match():
    body = " ".join(["filler"] * 100 + ["asylum"] + ["filler"] * 100)
    snippet = highlight.snippet(body, ["asylum"], "en")
    assert snippet.startswith("… ")
    assert "<mark>asylum</mark>" in snippet
    assert len(highlight.plain(snippet).split()) <= highlight.WORDS + 2


def test_correction_picks_the_closest_and_most_frequent_title_word():
    vocabulary = spelling.TitleVocabulary()
    vocabulary._add(
        [(1, "Border management", "en"), (2, "Border officials", "en"), (3, "Order of it", "en")]
    )
    corrected = spelling.correct("bordr training", vocabulary, lambda term: term == "training")
    assert corrected == "border training"
    assert spelling.correct("border", vocabulary, lambda term: False) is None


def test_a_word_sharing_a_title_words_stem_is_left_alone_without_asking_the_index():
    vocabulary = spelling.TitleVocabulary()
    vocabulary._add([(1, "Formation des agents à la frontière", "fr")])
    asked = []
    assert spelling.correct("frontières", vocabulary, asked.append) is None
    assert asked == []
    assert spelling.correct("frontxere", vocabulary, asked.append) == "frontière"
    assert asked == ["frontxere"]
