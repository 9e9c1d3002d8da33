"""Which of English, French and Spanish a text is written in: short titles and long descriptions,
with and without accents; no sign at all (names, numbers, nothing) gives the default."""

import pytest

from passerelle.core.language_detection import detect_language

ENGLISH = [
    "Training for the border police",
    "We need training for border officials.",
    "Technical assistance with the collection of data on migration",
    "Our ministry would like to strengthen the coordination between the agencies that are in "
    "charge of migration. We have no common database and the officials who work at the border "
    "have not been trained on the new law, which was adopted last year. Support would help us "
    "to draft procedures, to train staff and to set up a system for sharing data.",
]
FRENCH = [
    # Short, without accents.
    "Formation des agents aux frontieres",
    "Nous avons besoin d'une formation pour les agents.",
    "On a besoin de formation pour nos agents",
    "La formation que nous voulons",
    # Short, with accents.
    "Renforcer la coordination entre les ministères",
    "Appui à la gestion des données",
    # Long, with and without accents.
    "Notre ministère souhaite renforcer la coordination entre les services chargés de la "
    "migration. Il n'existe pas de base de données commune et les agents qui travaillent aux "
    "frontières n'ont pas été formés à la nouvelle loi, adoptée l'an dernier. Un appui nous "
    "aiderait à rédiger des procédures et à former le personnel.",
    "Notre ministere souhaite renforcer la coordination entre les services charges de la "
    "migration. Il n'existe pas de base de donnees commune et les agents qui travaillent aux "
    "frontieres n'ont pas ete formes a la nouvelle loi, adoptee l'an dernier. Un appui nous "
    "aiderait a rediger des procedures et a former le personnel.",
]
SPANISH = [
    # Short, without accents.
    "Necesitamos apoyo para la frontera",
    "Necesitamos apoyo para la gestion de la frontera",
    "Capacitacion de los agentes",
    "Asistencia tecnica para la recoleccion de datos sobre la migracion",
    # Short, with accents.
    "Formación técnica en gestión de fronteras",
    "Fortalecer la coordinación entre las instituciones",
    # Long, with and without accents.
    "Nuestro ministerio quiere fortalecer la coordinación entre las instituciones que se "
    "ocupan de la migración. No hay una base de datos común y los funcionarios que trabajan en "
    "la frontera no han sido capacitados sobre la nueva ley, aprobada el año pasado. El apoyo "
    "nos ayudaría a redactar procedimientos y a formar al personal.",
    "Nuestro ministerio quiere fortalecer la coordinacion entre las instituciones que se "
    "ocupan de la migracion. No hay una base de datos comun y los funcionarios que trabajan en "
    "la frontera no han sido capacitados sobre la nueva ley, aprobada el ano pasado. El apoyo "
    "nos ayudaria a redactar procedimientos y a formar al personal.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english(text):
    assert detect_language(text) == "en"
    # Written signs win over the default.
    assert detect_language(text, default="fr") == "en"


@pytest.mark.parametrize("text", FRENCH)
def test_french(text):
    assert detect_language(text) == "fr"
    assert detect_language(text, default="es") == "fr"


@pytest.mark.parametrize("text", SPANISH)
def test_spanish(text):
    assert detect_language(text) == "es"
    assert detect_language(text, default="fr") == "es"


def test_upper_case_and_decomposed_accents_are_read_alike():
    assert detect_language("NECESITAMOS APOYO PARA LA FRONTERA") == "es"
    # "é" and "ó" written as a letter followed by a combining accent.
    assert detect_language("Formacio\u0301n te\u0301cnica de fronteras") == "es"
    assert detect_language("LES AGENTS DES FRONTIÈRES") == "fr"


@pytest.mark.parametrize(
    "text", ["Ama Mensah", "Kofi Annan", "Amadou Diallo, Fatou Ndiaye", "Nairobi Dakar Lima"]
)
def test_names_only_give_the_default(text):
    assert detect_language(text) == "en"
    assert detect_language(text, default="fr") == "fr"
    assert detect_language(text, default="es") == "es"


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "2026-2027", "12 345,00 !"])
def test_nothing_to_read_gives_the_default(text):
    assert detect_language(text) == "en"
    assert detect_language(text, default="es") == "es"
