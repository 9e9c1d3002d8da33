"""The seed agenda of IDM 2018 (session 2): what the parser reads from the French text, checked
against a transcription of the document made by hand (not against the parser's own output), the
translations, and the loader."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.contrib.contenttypes.models import ContentType

from passerelle.accounts.tests.factories import OrganisationFactory
from passerelle.core.content_translation import in_language, translations_of
from passerelle.core.models import AuditEntry, ContentTranslation

from .. import seed
from ..models import AgendaItem, Event, EventDocument, EventPartner, GuidingQuestion
from .factories import private_files_in

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
DAY_1, DAY_2 = datetime.date(2018, 10, 8), datetime.date(2018, 10, 9)

# The agenda as printed: (day, start, end, kind, French title, first words of each question).
AGENDA = [
    (DAY_1, "09:00", "10:00", "registration", "Enregistrement", []),
    (DAY_1, "10:00", "11:30", "opening", "Session d\u2019ouverture", []),
    (DAY_1, "11:30", "13:00", "plenary",
     "Session 1 : Mise en situation : Faire progresser la gouvernance des migrations : cadres "
     "et processus mondiaux de développement des capacités",
     ["Les cadres mondiaux existants répondent-ils", "La migration étant une question",
      "Quels sont les domaines de la migration"]),
    (DAY_1, "13:00", "15:00", "break", "Pause", []),
    (DAY_1, "13:15", "14:45", "side_event", "Lancement de la plateforme iDiaspora", []),
    (DAY_1, "15:00", "16:30", "plenary",
     "Session 2 : Coordonner l\u2019appui des Nations Unies au développement des capacités en "
     "matière de migration",
     ["Comment nouer et/ou renforcer des partenariats", "Quels sont les outils en place",
      "Comment le réseau des Nations Unies"]),
    (DAY_1, "16:30", "18:00", "plenary",
     "Session 3 : Cadres de partenariat aux fins de développement des capacités dans le "
     "domaine de la migration à l\u2019échelle régionale",
     ["Quel rôle les organes et mécanismes régionaux", "Quelle est le meilleur moyen"]),
    (DAY_2, "10:00", "11:00", "migrants_voices", "Voix de migrants", []),
    (DAY_2, "11:00", "13:00", "plenary",
     "Session 4 : Evaluer les besoins des acteurs nationaux en matière de développement des "
     "capacités et promouvoir des solutions",
     ["Quelle est l\u2019approche la plus efficace", "Quels sont les mécanismes en place"]),
    (DAY_2, "13:00", "15:00", "break", "Pause", []),
    (DAY_2, "15:00", "16:00", "plenary",
     "Session 5 : Mesurer les incidences du développement des capacités",
     ["Quels sont les mécanismes existants", "Quelles sont les difficultés qui entravent"]),
    (DAY_2, "16:00", "17:30", "plenary",
     "Session 6 : Pourvoir aux besoins de financement aux fins de développement des capacités "
     "dans le domaine de la migration",
     ["Comment les ressources allouées", "Quelle est la meilleure manière de mobiliser",
      "Comment envisager le recours"]),
    (DAY_2, "17:30", "18:00", "closing", "Remarques de clôture", []),
]  # fmt: skip

# What the PDF's page layout puts in the text and must not reach any text read from it.
NOISE = [
    re.compile(r"»\s?\d"),  # a footnote marker after a closing quote: « … souhaités »1
    re.compile(r"[^\W\d_]\d\b"),  # … glued to a word: consolidées2
    re.compile(r"\n\s*\n\s*\n"),  # more than one blank line
    re.compile(r"[ \t]{2,}"),  # the PDF's runs of spaces
    re.compile(r" \n|\n "),  # spaces at a line's end or start
    re.compile("\u2022"),  # a bullet
    re.compile(r"journée"),  # a day's heading
    re.compile(r"Les questions qui orienteront"),
    re.compile(r"\d{1,2} h( \d\d)? \u2013"),  # a time range
]


@pytest.fixture(scope="module")
def parsed():
    return seed.idm2018()


def _all_texts(event: seed.SeedEvent) -> list[str]:
    texts = [event.title, event.theme, event.description]
    for item in event.items:
        texts += [item.title, item.description, *item.questions]
    return texts


def test_the_event_is_read_from_the_heading(parsed):
    assert parsed.title == "Dialogue international sur la migration 2018"
    assert parsed.theme == (
        "Vers une bonne gouvernance des migrations : des partenariats pour développer les capacités"
    )
    assert (parsed.starts_on, parsed.ends_on) == (DAY_1, DAY_2)
    assert parsed.room == "salle de conférence XVIII"
    assert parsed.building == "Palais des Nations"
    assert parsed.city == "Genève"
    assert parsed.time_zone == "Europe/Zurich"
    assert parsed.document_title == "Ordre du jour provisoire"
    assert [(day.label, day.date) for day in parsed.days] == [
        ("Première journée", DAY_1),
        ("Deuxième journée", DAY_2),
    ]


def test_every_item_has_its_title_times_and_kind_in_order(parsed):
    read = [
        (item.date, f"{item.starts:%H:%M}", f"{item.ends:%H:%M}", item.kind, item.title)
        for item in parsed.items
    ]
    assert read == [row[:5] for row in AGENDA]


def test_every_guiding_question_is_read_whole_and_in_order(parsed):
    for item, (*_, title, beginnings) in zip(parsed.items, AGENDA, strict=True):
        assert len(item.questions) == len(beginnings), title
        for question, beginning in zip(item.questions, beginnings, strict=True):
            assert question.startswith(beginning)
            assert question.endswith("?"), question  # not cut short, nor run into the next


def test_questions_and_paragraphs_go_on_across_page_breaks(parsed):
    session_1, session_2, session_4 = parsed.items[2], parsed.items[5], parsed.items[8]
    assert session_1.questions[2] == (
        "Quels sont les domaines de la migration dans lesquels une consolidation des "
        "stratégies de développement des capacités serait nécessaire ?"
    )
    assert session_2.questions[1].endswith("en matière de développement des capacités dans le "
                                           "domaine de la migration ?")  # fmt: skip
    assert "associant l\u2019ensemble des pouvoirs publics et l\u2019ensemble de la société à " \
        "l\u2019échelle nationale, mais aussi" in session_4.description  # fmt: skip
    assert "le respect des obligations internationales, la coordination" in parsed.description


def test_descriptions_keep_their_paragraphs_and_rejoin_their_lines(parsed):
    opening, side_event = parsed.items[1], parsed.items[4]
    assert opening.description == "Accueil et discours liminaire"
    paragraphs = side_event.description.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1] == (
        "Conçue comme un espace évolutif, cette plateforme entend proposer une nouvelle gamme "
        "de produits visant à autonomiser les communautés transnationales."
    )
    for item in parsed.items:
        assert "\n" not in item.title
        assert all("\n" not in question for question in item.questions)
        assert "\n\n" not in item.description or item is side_event
    assert [item.description == "" for item in parsed.items] == [
        kind in ("registration", "break", "migrants_voices", "closing")
        for _, _, _, kind, _, _ in AGENDA
    ]


def test_the_introduction_ends_with_the_footnotes_as_notes(parsed):
    paragraphs = parsed.description.split("\n\n")
    assert paragraphs[0].startswith("La seconde session du Dialogue international")
    assert paragraphs[-2].startswith("Cette seconde session de l\u2019IDM")
    assert paragraphs[-1].startswith("Notes\n1. Groupe des Nations Unies pour le développement")
    assert "\n2. A. Bester, Capacity development" in paragraphs[-1]
    before_notes = "\n\n".join(paragraphs[:-1])
    assert "Groupe des Nations Unies pour le développement, Développement" not in before_notes
    assert "Bester" not in before_notes
    assert "produits et services souhaités ». Les organismes" in before_notes
    assert "qui peuvent être consolidées." in before_notes


def test_no_page_noise_in_any_text(parsed):
    texts = _all_texts(parsed)
    for text in texts:
        assert text == text.strip()
        for pattern in NOISE:
            assert not pattern.search(text), (pattern.pattern, text)
    # the notes' own numbers are the only digits that follow a footnote's place
    assert "Ordre du jour provisoire" not in parsed.description


def test_the_side_event_runs_during_the_break(parsed):
    side_event = next(item for item in parsed.items if item.kind == "side_event")
    pause = next(item for item in parsed.items if item.kind == "break")
    assert side_event.date == pause.date
    assert pause.starts < side_event.starts < side_event.ends < pause.ends


def test_unexpected_text_gets_a_clear_error():
    with pytest.raises(seed.SeedError, match="too short"):
        seed.parse_agenda("")
    heading = "Titre\n\nThème\n\n8-9 octobre 2018, salle 1, Palais, Genève\n\nOrdre du jour\n\n"
    with pytest.raises(seed.SeedError, match="Dîner de gala"):
        seed.parse_agenda(heading + "Première journée\n\n9 h \u2013 10 h Dîner de gala\n")
    with pytest.raises(seed.SeedError, match="dates and venue"):
        seed.parse_agenda("Titre\n\nThème\n\nEn octobre à Genève\n\nOrdre du jour\n")
    with pytest.raises(seed.SeedError, match="ends before it starts"):
        seed.parse_agenda(heading + "Première journée\n\n10 h \u2013 9 h Enregistrement\n")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_text_has_a_translation(parsed, language):
    french = parsed.texts()
    path = seed.SEED_DIR / f"idm2018-session2-{language}.json"
    translated = json.loads(path.read_text(encoding="utf-8"))
    assert len(french) == 3 + len(AGENDA) + 8 + sum(len(row[5]) for row in AGENDA)
    assert set(translated) == set(french)  # none missing, none left over
    for key, text in french.items():
        assert translated[key].strip(), key
        assert translated[key] != text, key
    assert translated["event.description"].count("\n\n") == french["event.description"].count(
        "\n\n"
    )


# --- Loading ---------------------------------------------------------------------------------


@pytest.fixture
def media(tmp_path):
    with private_files_in(tmp_path):
        yield tmp_path


def _rows() -> dict[str, list]:
    return {
        "events": list(Event.objects.values_list("pk", "slug", "title", "description")),
        "partners": list(EventPartner.objects.values_list("pk", "organisation", "role")),
        "items": list(
            AgendaItem.objects.values_list("pk", "starts_at", "ends_at", "kind", "title")
        ),
        "questions": list(GuidingQuestion.objects.values_list("pk", "item", "position", "text")),
        "translations": list(ContentTranslation.objects.values_list("pk", "language", "text")),
        "documents": list(EventDocument.objects.values_list("pk", "file", "title")),
        "audit": AuditEntry.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_gives_the_same_rows(media):
    organiser = OrganisationFactory(name="IOM")
    event = seed.load_idm2018(organiser=organiser, is_demo=False)
    first = _rows()
    assert seed.load_idm2018(organiser=organiser, is_demo=False).pk == event.pk
    assert _rows() == first
    assert len(first["items"]) == len(AGENDA)
    assert len(first["questions"]) == sum(len(row[5]) for row in AGENDA)
    assert len(list(media.rglob("*.txt"))) == 1  # the agenda's file was saved once


@pytest.mark.django_db
def test_the_loaded_event(media):
    organiser = OrganisationFactory(name="IOM")
    event = seed.load_idm2018(organiser=organiser, is_demo=True)
    assert event.slug == "idm-2018-session-2" and event.is_demo
    assert (event.kind, event.format, event.status) == ("idm", "in_person", "published")
    assert event.language == "fr" and event.languages == ["en", "fr", "es"]
    assert event.interpretation
    assert event.country is not None and event.country.iso3 == "CHE"
    assert event.venue_room == "salle de conférence XVIII"
    assert list(event.partners.values_list("organisation", "role")) == [(organiser.pk, "organiser")]
    document = event.documents.get()
    assert (document.kind, document.title, document.language) == (
        "agenda",
        "Ordre du jour provisoire",
        "fr",
    )
    with document.file.open("rb") as handle:
        assert handle.read() == seed.AGENDA_FILE.read_bytes()


@pytest.mark.django_db
def test_the_agenda_is_in_geneva_time(media):
    event = seed.load_idm2018(organiser=OrganisationFactory(), is_demo=False)
    items = list(event.agenda_items.order_by("starts_at", "-ends_at", "id"))
    session_1 = items[2]
    assert session_1.title.startswith("Session 1 :")
    assert session_1.starts_at == datetime.datetime(2018, 10, 8, 9, 30, tzinfo=datetime.UTC)
    assert session_1.starts_at.astimezone(GENEVA).time() == datetime.time(11, 30)
    for item, (day, start, end, kind, title, beginnings) in zip(items, AGENDA, strict=True):
        local_start, local_end = item.starts_at.astimezone(GENEVA), item.ends_at.astimezone(GENEVA)
        assert (local_start.date(), f"{local_start:%H:%M}", f"{local_end:%H:%M}") == (
            day,
            start,
            end,
        )
        assert (item.kind, item.title) == (kind, title)
        assert item.questions.count() == len(beginnings)
        assert item.capacity == (40 if kind == "side_event" else None)
    assert [q.position for q in session_1.questions.all()] == [1, 2, 3]


@pytest.mark.django_db
def test_the_translations_are_human_and_read_in_each_language(media):
    event = seed.load_idm2018(organiser=OrganisationFactory(), is_demo=False)
    rows = ContentTranslation.objects.filter(content_type=ContentType.objects.get_for_model(Event))
    assert set(rows.values_list("provenance", flat=True)) == {"human"}
    english = in_language(event, ["title", "theme", "description"], "en")
    assert not english.is_original
    assert english.fields["title"] == "International Dialogue on Migration 2018"
    spanish = in_language(event, ["title"], "es")
    assert spanish.fields["title"] == "Diálogo Internacional sobre la Migración 2018"
    side_event = event.agenda_items.get(kind="side_event")
    # An agenda item has no `language` of its own (that of its event): read its rows.
    english_item = translations_of(side_event)["en"]
    assert english_item["title"].text == "Launch of the iDiaspora platform"
    assert english_item["description"].text.count("\n\n") == 2
    question = GuidingQuestion.objects.filter(item__title__startswith="Session 6").last()
    translated = ContentTranslation.objects.get(
        content_type=ContentType.objects.get_for_model(GuidingQuestion),
        object_id=str(question.pk),
        language="es",
    )
    assert translated.field == "text" and translated.text.startswith("¿Cómo plantear")
