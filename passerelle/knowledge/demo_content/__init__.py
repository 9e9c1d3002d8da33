"""The knowledge base's demo content, as data: one `Spec` per item, written in its original
language (English, French or Spanish) the way an organisation would describe its practice on the
Migration Network Hub's template. `knowledge/demo.py` turns them into items through the
services; `benchmarks/data/knowledge_queries.json` names them by `key` (the demo's submission
keys are derived from it, so keys never change once published).

Tags are written compactly: capacity areas, countries (ISO 3166 alpha-3), M49 regions, actor
types and audiences as space-separated codes; GCM objectives and guiding principles by number.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Spec:
    key: str
    kind: str  # knowledge.choices.ItemKind value
    language: str
    organisation: str  # the submitting organisation's slug
    title: str
    summary: str
    texts: dict[str, str]  # section → Markdown (models.SECTIONS says which the kind uses)
    areas: str
    gcm: tuple[int, ...] = ()
    principles: tuple[int, ...] = ()
    countries: str = ""
    regions: str = ""
    scope: str = "national"
    actors: str = ""
    audiences: str = ""
    resource_type: str = ""
    link: str = ""
    issued: str = ""  # ISO date of a resource
    pdf: bool = False  # a resource whose file the demo generates and attaches
    projects: tuple[str, ...] = ()  # projects/demo.py keys
    requests: tuple[tuple[str, str, str], ...] = ()  # hub/demo.py (organisation, need, language)
    call: str = ""  # the call for practices it answers (calls.py keys)


def practice(key, language, organisation, *, title, summary, context, activities, results,
             objectives="", partners="", evidence="", innovation="", replicability="",
             lessons="", **tags) -> Spec:  # fmt: skip
    texts = {
        "context": context,
        "objectives": objectives,
        "activities": activities,
        "partners_text": partners,
        "results": results,
        "evidence": evidence,
        "innovation": innovation,
        "replicability": replicability,
        "lessons": lessons,
    }
    return Spec(key, "practice", language, organisation, title, summary,
                {name: text for name, text in texts.items() if text}, **tags)  # fmt: skip


def lesson(key, language, organisation, *, title, summary, context, lessons, **tags) -> Spec:
    return Spec(key, "lesson", language, organisation, title, summary,
                {"context": context, "lessons": lessons}, **tags)  # fmt: skip


def resource(key, language, organisation, resource_type, *, title, summary, description,
             **tags) -> Spec:  # fmt: skip
    return Spec(key, "resource", language, organisation, title, summary,
                {"description": description}, resource_type=resource_type, **tags)  # fmt: skip


def all_specs() -> list[Spec]:
    """Every published item of the demo, in the order the demo publishes them."""
    from .lessons import LESSONS
    from .practices_en import PRACTICES_EN
    from .practices_es import PRACTICES_ES
    from .practices_fr import PRACTICES_FR
    from .resources import RESOURCES

    return [*PRACTICES_EN, *PRACTICES_FR, *PRACTICES_ES, *LESSONS, *RESOURCES]
