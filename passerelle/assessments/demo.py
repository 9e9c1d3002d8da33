"""The assessments part of the demo: published migration-governance profiles of national
governments on three continents and of three cities, two cycles for Senegal and Mexico (the first
one two years ago, so that the comparison shows progress), one assessment in consultation with
contributors from another ministry and from civil society, and Senegal's targets in every status.

Everything goes through the services (opening, sections, answers, agreed answers, consultation,
submission, signature, publication, targets, verification of the focal points), so the audit trail
is the one real use leaves. What the services stamp "now" but happened earlier (the first cycles,
the targets set after them) is moved back afterwards: demo time travel, in `_back_date_cycle` and
`_back_date_benchmark`.

Answers come from a random generator seeded with the organisation: the same demo every time.
Idempotent: an organisation that already has a demo assessment is left as it is.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from passerelle.accounts.choices import MembershipRole, OrganisationType, VerificationStatus
from passerelle.accounts.demo import (
    DEMO_DOMAIN,
    add_demo_members,
    add_demo_organisations,
    verify_demo_organisation,
)
from passerelle.accounts.models import Organisation, User
from passerelle.core.demo import DemoContext, register_demo_step

from . import services
from .choices import AppliesTo, BenchmarkStatus, Disclosure, Scale, Scope
from .models import AgreedAnswer, Answer, Assessment, Benchmark, FrameworkVersion, Signature

T = OrganisationType
# slug, name, acronym, type, country, description, language, verification the demo leaves it in
ORGANISATIONS = [
    (
        "demo-ecuador-movilidad",
        "Ministerio de Relaciones Exteriores y Movilidad Humana del Ecuador",
        "MREMH",
        T.NATIONAL_GOVERNMENT,
        "ECU",
        "Viceministerio de Movilidad Humana: personas ecuatorianas en el exterior y acogida.",
        "es",
        VerificationStatus.VERIFIED,
    ),
    (
        "demo-jordan-labour",
        "Ministry of Labour of Jordan",
        "MoL",
        T.NATIONAL_GOVERNMENT,
        "JOR",
        "Work permits, recruitment and the protection of migrant workers.",
        "en",
        VerificationStatus.VERIFIED,
    ),
    (
        "demo-ghana-immigration",
        "Ghana Immigration Service",
        "GIS",
        T.NATIONAL_GOVERNMENT,
        "GHA",
        "Border management, residence permits and the national migration policy.",
        "en",
        VerificationStatus.VERIFIED,
    ),
    (
        # Its verification is still pending: the secretariat's queue has an example.
        "demo-morocco-mre",
        "Ministère délégué chargé des Marocains résidant à l'étranger",
        "MCMRE",
        T.NATIONAL_GOVERNMENT,
        "MAR",
        "Politique nationale d'immigration et d'asile, lien avec les Marocains du monde.",
        "fr",
        VerificationStatus.PENDING,
    ),
    (
        "demo-morocco-employment",
        "Ministère de l'Emploi et des Compétences du Maroc",
        "",
        T.NATIONAL_GOVERNMENT,
        "MAR",
        "Migration de travail et reconnaissance des compétences.",
        "fr",
        VerificationStatus.UNVERIFIED,
    ),
    (
        "demo-ville-de-dakar",
        "Ville de Dakar — Direction du développement social",
        "",
        T.LOCAL_GOVERNMENT,
        "SEN",
        "Accueil des personnes migrantes et lien avec la diaspora dakaroise.",
        "fr",
        VerificationStatus.VERIFIED,
    ),
    (
        "demo-quito-inclusion",
        "Municipio de Quito — Secretaría de Inclusión Social",
        "",
        T.LOCAL_GOVERNMENT,
        "ECU",
        "Casa de la Movilidad Humana: atención a personas migrantes en el Distrito Metropolitano.",
        "es",
        VerificationStatus.VERIFIED,
    ),
]

# email local part, full name, organisation slug, role
PEOPLE = [
    ("focal.philippines", "Maria Santos", "demo-philippines-dmw", MembershipRole.ADMIN),
    ("focal.ecuador", "Andrea Cevallos", "demo-ecuador-movilidad", MembershipRole.ADMIN),
    ("focal.jordan", "Rania Haddad", "demo-jordan-labour", MembershipRole.ADMIN),
    ("focal.ghana", "Kwame Asante", "demo-ghana-immigration", MembershipRole.ADMIN),
    ("focal.morocco", "Salma Benjelloun", "demo-morocco-mre", MembershipRole.ADMIN),
    ("editor.morocco", "Karim Alaoui", "demo-morocco-mre", MembershipRole.EDITOR),
    ("labour.morocco", "Youssef El Amrani", "demo-morocco-employment", MembershipRole.ADMIN),
    ("city.dakar", "Soxna Diallo", "demo-ville-de-dakar", MembershipRole.ADMIN),
    ("city.quito", "Diego Paredes", "demo-quito-inclusion", MembershipRole.ADMIN),
]

# Governments of the accounts demo that publish here, and who asks the secretariat to verify them.
TO_VERIFY = [("demo-mexico-segob", "focal.mexico"), ("demo-philippines-dmw", "focal.philippines")]

TITLES = {
    Scope.NATIONAL: {
        "en": "Migration governance profile {year}",
        "fr": "Profil de gouvernance des migrations {year}",
        "es": "Perfil de gobernanza migratoria {year}",
    },
    Scope.LOCAL: {
        "en": "Local migration governance profile {year}",
        "fr": "Profil local de gouvernance des migrations {year}",
        "es": "Perfil local de gobernanza migratoria {year}",
    },
}


@dataclass(frozen=True)
class Cycle:
    """One assessment cycle: who coordinates (an administrator, who also signs), who drafts, and
    the sections given to contributors (section code → their e-mail local parts); with sections,
    the cycle goes through consultation."""

    organisation: str
    coordinator: str
    drafter: str
    language: str
    disclosure: str
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)


SINGLE_CYCLES = [
    Cycle(
        "demo-philippines-dmw", "focal.philippines", "focal.philippines", "en", Disclosure.SCORES
    ),
    Cycle("demo-ecuador-movilidad", "focal.ecuador", "focal.ecuador", "es", Disclosure.ALL),
    Cycle("demo-jordan-labour", "focal.jordan", "focal.jordan", "en", Disclosure.SCORES),
    Cycle("demo-ghana-immigration", "focal.ghana", "focal.ghana", "en", Disclosure.ALL),
    Cycle("demo-ville-de-montreal", "city.montreal", "city.montreal", "fr", Disclosure.ALL),
    Cycle("demo-ville-de-dakar", "city.dakar", "city.dakar", "fr", Disclosure.SCORES),
    Cycle("demo-quito-inclusion", "city.quito", "city.quito", "es", Disclosure.ALL),
]

# (first cycle, second cycle): the second starts from the first.
TWO_CYCLES = [
    (
        Cycle("demo-senegal-interior", "focal.senegal", "editor.senegal", "fr", Disclosure.ALL),
        Cycle(
            "demo-senegal-interior",
            "focal.senegal",
            "editor.senegal",
            "fr",
            Disclosure.ALL,
            sections={"WGA": ("contributor.senegal",), "PARTNERSHIPS": ("diaspora",)},
        ),
    ),
    (
        Cycle("demo-mexico-segob", "focal.mexico", "focal.mexico", "es", Disclosure.SCORES),
        Cycle("demo-mexico-segob", "focal.mexico", "focal.mexico", "es", Disclosure.ALL),
    ),
]

CONSULTATION = Cycle(
    "demo-morocco-mre",
    "focal.morocco",
    "editor.morocco",
    "fr",
    Disclosure.NOTHING,
    sections={
        "RIGHTS": ("ngo",),
        "PARTNERSHIPS": ("ngo",),
        "WGA": ("labour.morocco",),
        "WELLBEING": ("labour.morocco",),
    },
)

# How long ago the first cycles were published, and the targets set after them (days).
FIRST_CYCLE_AGE = 760
TARGETS_AGE = 720

# Targets, by the status the board shows: (cycle-1 level, target, cycle-2 level, days to target
# date when set; negative = moved into the past afterwards).
BENCHMARK_PLANS = {
    BenchmarkStatus.ACHIEVED: (2, 3, 3, 200),
    BenchmarkStatus.ON_TRACK: (1, 3, 2, 1000),
    BenchmarkStatus.AT_RISK: (2, 3, 2, 365),
    BenchmarkStatus.OVERDUE: (1, 2, 1, -60),
}
BENCHMARKS = {
    "demo-senegal-interior": list(BENCHMARK_PLANS),
    "demo-mexico-segob": [BenchmarkStatus.ON_TRACK, BenchmarkStatus.AT_RISK],
}
BENCHMARK_NOTES = {
    "fr": [
        "Priorité du plan d'action adopté après le premier profil.",
        "Financement demandé dans la prochaine loi de finances.",
        "Avec l'appui technique de l'OIM.",
        "Dépend de l'adoption du décret d'application.",
    ],
    "es": [
        "Prioridad del plan de acción adoptado tras el primer perfil.",
        "Financiamiento solicitado en el próximo presupuesto.",
    ],
}

# Evidence, by how developed the area is: nothing, partial, in place, exemplary.
EVIDENCE = {
    "en": [
        [
            "No formal framework yet; cases are handled one by one.",
            "Discussions have started but no text has been adopted.",
            "No service is clearly in charge of this.",
        ],
        [
            "A draft policy exists but has not been adopted.",
            "Some measures exist but are applied unevenly across provinces.",
            "A pilot ran in two provinces; scaling up is planned but not funded.",
        ],
        [
            "The policy is adopted and applied; monitoring remains irregular.",
            "A dedicated unit is in charge, with an annual work plan.",
            "Applied nationwide; the last review found gaps in the data.",
        ],
        [
            "Fully in place, budgeted and reviewed every year with civil society.",
            "Established practice, with published annual reports.",
            "In force and independently evaluated in the last review.",
        ],
    ],
    "fr": [
        [
            "Aucun cadre formel à ce jour ; les cas sont traités au cas par cas.",
            "Des discussions ont commencé mais aucun texte n'a été adopté.",
            "Aucun service n'en est clairement responsable.",
        ],
        [
            "Un projet de politique existe mais n'a pas encore été adopté.",
            "Des mesures existent mais sont appliquées inégalement selon les régions.",
            "Un projet pilote a été mené dans deux régions ; l'extension n'est pas financée.",
        ],
        [
            "La politique est adoptée et appliquée ; le suivi reste irrégulier.",
            "Une cellule dédiée en a la charge, avec un plan de travail annuel.",
            "Mise en œuvre sur tout le territoire ; la dernière revue a relevé des lacunes "
            "dans les données.",
        ],
        [
            "Pleinement en place, budgétisé et revu chaque année avec la société civile.",
            "Pratique établie, avec des rapports annuels publiés.",
            "En vigueur et évalué de manière indépendante lors de la dernière revue.",
        ],
    ],
    "es": [
        [
            "Aún no existe un marco formal; los casos se atienden uno por uno.",
            "Se iniciaron conversaciones, pero no se ha adoptado ningún texto.",
            "Ninguna dependencia tiene asignada esta responsabilidad.",
        ],
        [
            "Existe un proyecto de política que aún no ha sido aprobado.",
            "Hay medidas vigentes, pero se aplican de forma desigual entre regiones.",
            "Se realizó un piloto en dos provincias; la ampliación no tiene financiamiento.",
        ],
        [
            "La política está aprobada y se aplica; el seguimiento sigue siendo irregular.",
            "Una unidad dedicada se encarga del tema, con un plan de trabajo anual.",
            "Se aplica en todo el territorio; la última revisión identificó vacíos en los datos.",
        ],
        [
            "Plenamente vigente, con presupuesto y revisión anual junto a la sociedad civil.",
            "Práctica consolidada, con informes anuales publicados.",
            "Vigente y evaluado de forma independiente en la última revisión.",
        ],
    ],
}
SOURCES = {
    "en": (
        "Source: {doc}, {year}.",
        ["annual report of the ministry", "minutes of the inter-ministerial committee",
         "national migration policy", "budget law"],
    ),
    "fr": (
        "Source : {doc}, {year}.",
        ["rapport annuel du ministère", "procès-verbal du comité interministériel",
         "politique nationale migratoire", "loi de finances"],
    ),
    "es": (
        "Fuente: {doc}, {year}.",
        ["informe anual de la secretaría", "acta del comité interinstitucional",
         "política migratoria nacional", "ley de presupuesto"],
    ),
}  # fmt: skip
PROGRESS = {
    "en": "Progress since the previous cycle: the measure is now applied more widely.",
    "fr": "Progrès depuis le cycle précédent : la mesure est désormais appliquée plus largement.",
    "es": "Avance desde el ciclo anterior: la medida se aplica ahora de forma más amplia.",
}
FIELD_VIEW = {"en": "From the field: ", "fr": "Constat de terrain : ", "es": "Desde el terreno: "}

# Level → evidence stage (nothing, partial, in place, exemplary), by the top of the scale.
STAGES = {4: {1: 0, 2: 1, 3: 2, 4: 3}, 3: {1: 0, 2: 1, 3: 3}}


@register_demo_step("assessments: published profiles, two cycles, a consultation, benchmarks")
def load_assessments(context: DemoContext) -> None:
    _organisations_and_people(context)
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    organisations = {org.slug: org for org in Organisation.objects.filter(is_demo=True)}
    _verify(organisations, people)
    versions = {
        Scope.NATIONAL: FrameworkVersion.objects.get(
            framework__code="PASSERELLE-NATIONAL", version="1.0"
        ),
        Scope.LOCAL: FrameworkVersion.objects.get(
            framework__code="PASSERELLE-LOCAL", version="1.0"
        ),
    }
    # Idempotent: an organisation that has a demo assessment has its part of the demo already.
    done = set(Assessment.objects.filter(is_demo=True).values_list("organisation__slug", flat=True))
    now = timezone.now()
    for cycle in SINGLE_CYCLES:
        if cycle.organisation not in done:
            demo = _Demo(cycle, organisations, people, versions)
            demo.publish(demo.draft_plan(now.year), now.year)
    for first, second in TWO_CYCLES:
        if first.organisation not in done:
            _two_cycles(first, second, organisations, people, versions, now)
    if CONSULTATION.organisation not in done:
        _consultation(CONSULTATION, organisations, people, versions, now.year)


# --- Organisations and people --------------------------------------------------------------


def _organisations_and_people(context: DemoContext) -> None:
    organisations = add_demo_organisations(row[:-1] for row in ORGANISATIONS)
    add_demo_members(context, PEOPLE, organisations)


def _verify(organisations, people) -> None:
    """A focal point asks, the secretariat checks the mandate: through the services, so that the
    verification queue and the audit trail show it. The accounts step resets the governments it
    created, so this runs every time and does only what is missing."""
    admins = {slug: people[local] for local, _, slug, role in PEOPLE if role == "admin"}
    admins |= {slug: people[local] for slug, local in TO_VERIFY}
    wanted = {slug: status for slug, *_, status in ORGANISATIONS}
    wanted |= {slug: VerificationStatus.VERIFIED for slug, _ in TO_VERIFY}
    for slug, status in wanted.items():
        if status in (VerificationStatus.PENDING, VerificationStatus.VERIFIED):
            verify_demo_organisation(
                organisations[slug],
                admin=admins[slug],
                broker=people["broker"],
                decide=status == VerificationStatus.VERIFIED,
            )


# --- One organisation's cycle ------------------------------------------------------------------


class _Demo:
    """One organisation's cycle: its indicators, its people, its deterministic answers. A plan is
    indicator id → answer fields; indicators left out of it are not answered."""

    def __init__(self, cycle: Cycle, organisations, people, versions, rng=None):
        self.cycle = cycle
        self.organisation = organisations[cycle.organisation]
        self.people = people
        self.coordinator = people[cycle.coordinator]
        self.drafter = people[cycle.drafter]
        self.scope = services.default_scope(self.organisation)
        self.version = versions[self.scope]
        self.top = Scale(self.version.scale).top
        self.language = cycle.language
        self.rng = rng or random.Random(f"passerelle-demo:{cycle.organisation}")
        other = AppliesTo.LOCAL if self.scope == Scope.NATIONAL else AppliesTo.NATIONAL
        self.indicators = list(
            self.version.indicators.exclude(applies_to=other)
            .select_related("sub_area__domain")
            .order_by("position")
        )
        self.domains = {i.sub_area.domain.code: i.sub_area.domain for i in self.indicators}

    def draft_plan(self, year: int) -> dict[int, dict]:
        """An organisation fairly advanced overall, stronger in some domains than in others."""
        rng, top = self.rng, self.top
        maturity = rng.uniform(1.4, top - 0.3)
        strength = {code: rng.uniform(-0.8, 0.8) for code in self.domains}
        plan = {}
        for indicator in self.indicators:
            if rng.random() < 0.15:
                continue
            noise = rng.gauss(0, 0.6)
            level = round(maturity + strength[indicator.sub_area.domain.code] + noise)
            plan[indicator.pk] = self.fields(indicator, min(max(level, 1), top), year)
        return plan

    def improved_plan(self, before: dict[int, dict], year: int) -> dict[int, dict]:
        """The next cycle: some levels up, some indicators answered for the first time — at about
        the level their domain had reached, so that progress shows in every domain's value."""
        rng, plan = self.rng, {}
        reached: dict[str, list[int]] = {}
        for indicator in self.indicators:
            if indicator.pk in before:
                reached.setdefault(indicator.sub_area.domain.code, []).append(
                    before[indicator.pk]["level"]
                )
        for indicator in self.indicators:
            previous = before.get(indicator.pk)
            if previous is None:
                if rng.random() < 0.6:
                    levels = reached.get(indicator.sub_area.domain.code) or [1]
                    level = min(self.top, round(sum(levels) / len(levels)) + rng.choice((0, 1)))
                    plan[indicator.pk] = self.fields(indicator, level, year)
            elif previous["level"] < self.top and rng.random() < 0.35:
                fields = self.fields(indicator, previous["level"] + 1, year)
                fields["evidence"] = f"{PROGRESS[self.language]} {fields['evidence']}"
                plan[indicator.pk] = fields
            else:
                plan[indicator.pk] = dict(previous)
        return plan

    def fields(self, indicator, level: int, year: int, prefix: str = "") -> dict:
        rng, top = self.rng, self.top
        desired = min(top, level + rng.choice((0, 1, 1, 2)))
        if desired - level >= 2:
            priority = "high"
        elif desired - level == 1:
            priority = rng.choice(("high", "medium", "medium"))
        else:
            priority = rng.choice(("low", "low", ""))
        evidence = prefix + rng.choice(EVIDENCE[self.language][STAGES[top][level]])
        if rng.random() < 0.5:
            sentence, documents = SOURCES[self.language]
            evidence += " " + sentence.format(doc=rng.choice(documents), year=year - 1)
        links = ""
        if rng.random() < 0.3:
            links = (
                f"https://documents.{DEMO_DOMAIN}/{self.organisation.slug}/"
                f"{indicator.code.lower()}.pdf"
            )
        return {
            "level": level,
            "desired_level": desired,
            "priority": priority,
            "evidence": evidence,
            "links": links,
        }

    # Writing, through the services.

    def open(self, year: int, baseline: Assessment | None = None) -> Assessment:
        """Open the cycle; with sections for other organisations, open it to consultation."""
        assessment = services.assessment_open(
            actor=self.coordinator,
            organisation=self.organisation,
            version=self.version,
            title=TITLES[self.scope][self.language].format(year=year),
            scope=self.scope,
            language=self.language,
            baseline=baseline,
        )
        for code, contributors in self.cycle.sections.items():
            for contributor in contributors:
                services.assignment_add(
                    actor=self.coordinator,
                    assessment=assessment,
                    domain=self.domains[code],
                    user=self.people[contributor],
                )
        if self.cycle.sections:
            assessment = services.consultation_start(actor=self.coordinator, assessment=assessment)
        return assessment

    def answer(self, assessment: Assessment, author: User, plan: dict[int, dict]) -> None:
        for indicator in self.indicators:
            if indicator.pk in plan:
                services.answer_save(
                    actor=author,
                    assessment=assessment,
                    indicator=indicator,
                    expected_version=None,
                    **plan[indicator.pk],
                )

    def contributors_answer(self, assessment: Assessment, plan: dict[int, dict], year) -> None:
        """Invited contributors give their own view of their sections, often a level apart."""
        for code, contributors in self.cycle.sections.items():
            for contributor in contributors:
                views = {}
                for indicator in self.indicators:
                    if indicator.sub_area.domain.code != code or indicator.pk not in plan:
                        continue
                    if self.rng.random() < 0.2:
                        continue
                    level = plan[indicator.pk]["level"]
                    # The first view differs, so the coordinator always has something to settle.
                    if not views or self.rng.random() < 0.5:
                        level = level - 1 if level > 1 else level + 1
                    prefix = FIELD_VIEW[self.language]
                    views[indicator.pk] = self.fields(indicator, level, year, prefix)
                self.answer(assessment, self.people[contributor], views)

    def agree(self, assessment: Assessment, plan: dict[int, dict]) -> None:
        versions = dict(assessment.agreed_answers.values_list("indicator_id", "lock_version"))
        for indicator in self.indicators:
            if indicator.pk in plan:
                services.agreed_answer_set(
                    actor=self.coordinator,
                    assessment=assessment,
                    indicator=indicator,
                    expected_version=versions.get(indicator.pk),
                    **plan[indicator.pk],
                )

    def publish(self, plan: dict[int, dict], year: int, baseline=None) -> Assessment:
        """Draft, consult, agree, submit, sign and publish. A coordinator who drafts alone writes
        the agreed answers directly; a drafter's views are kept beside them. From a baseline,
        only what changed is redrafted, and some unchanged answers stay as copied."""
        assessment = self.open(year, baseline)
        if baseline is not None:
            before = {
                answer.indicator_id: {name: getattr(answer, name) for name in ANSWER_FIELDS}
                for answer in baseline.agreed_answers.all()
            }
            changed = {pk: fields for pk, fields in plan.items() if fields != before.get(pk)}
            reviewed = {pk: fields for pk, fields in plan.items() if self.rng.random() < 0.5}
        else:
            changed = reviewed = plan
        if self.drafter != self.coordinator:
            self.answer(assessment, self.drafter, changed)
        self.contributors_answer(assessment, plan, year)
        self.agree(assessment, reviewed | changed)
        services.assessment_submit(actor=self.coordinator, assessment=assessment)
        services.assessment_sign(actor=self.coordinator, assessment=assessment)
        return services.assessment_publish(
            actor=self.coordinator, assessment=assessment, disclosure=self.cycle.disclosure
        )


ANSWER_FIELDS = ("level", "desired_level", "priority", "evidence", "links")


# --- Two cycles, with targets in between ------------------------------------------------------


def _two_cycles(first: Cycle, second: Cycle, organisations, people, versions, now) -> None:
    demo = _Demo(first, organisations, people, versions)
    published_at = now - timedelta(days=FIRST_CYCLE_AGE)
    plan = demo.draft_plan(published_at.year)
    indicators = {indicator.pk: indicator for indicator in demo.indicators}
    # The targets' indicators, among the answered ones, start at the level their status needs.
    statuses = BENCHMARKS.get(first.organisation, [])
    targeted = dict(zip(statuses, demo.rng.sample(sorted(plan), len(statuses)), strict=True))
    for status, pk in targeted.items():
        start, target, _later, _days = BENCHMARK_PLANS[status]
        plan[pk] = demo.fields(indicators[pk], start, published_at.year)
        plan[pk]["desired_level"] = max(plan[pk]["desired_level"], target)
    baseline = demo.publish(plan, published_at.year)
    _back_date_cycle(baseline, published_at)

    set_at = now - timedelta(days=TARGETS_AGE)
    notes = BENCHMARK_NOTES.get(demo.language, [""])
    for index, (status, pk) in enumerate(targeted.items()):
        _start, target, _later, days = BENCHMARK_PLANS[status]
        benchmark = services.benchmark_create(
            actor=demo.coordinator,
            organisation=demo.organisation,
            indicator=indicators[pk],
            target_level=target,
            target_date=(now + timedelta(days=max(days, 30))).date(),
            note=notes[index % len(notes)],
        )
        _back_date_benchmark(benchmark, set_at, (now + timedelta(days=days)) if days < 0 else None)

    following = _Demo(second, organisations, people, versions, rng=demo.rng)
    improved = following.improved_plan(plan, now.year)
    for status, pk in targeted.items():
        _start, target, later, _days = BENCHMARK_PLANS[status]
        improved[pk] = following.fields(indicators[pk], later, now.year)
        improved[pk]["desired_level"] = max(improved[pk]["desired_level"], target)
    following.publish(improved, now.year, baseline=baseline)


def _back_date_cycle(assessment: Assessment, published_at) -> None:
    # Demo time travel: the services stamped this cycle "now"; it was published two years ago.
    opened = published_at - timedelta(days=150)
    answered = opened + timedelta(days=40)
    submitted = published_at - timedelta(days=30)
    validated = published_at - timedelta(days=7)
    Assessment.objects.filter(pk=assessment.pk).update(
        created=opened,
        updated=published_at,
        submitted_at=submitted,
        validated_at=validated,
        published_at=published_at,
    )
    Answer.objects.filter(assessment=assessment).update(created=answered, updated=answered)
    AgreedAnswer.objects.filter(assessment=assessment).update(created=submitted, updated=submitted)
    Signature.objects.filter(assessment=assessment).update(created=validated, updated=validated)


def _back_date_benchmark(benchmark: Benchmark, set_at, target_date=None) -> None:
    # Demo time travel: the target was set after the first cycle; an overdue one's date has passed.
    changes = {"created": set_at, "updated": set_at}
    if target_date is not None:
        changes["target_date"] = target_date.date()
    Benchmark.objects.filter(pk=benchmark.pk).update(**changes)


# --- In consultation ---------------------------------------------------------------------------


def _consultation(cycle: Cycle, organisations, people, versions, year: int) -> None:
    """Drafted by the ministry's editor, sections open to another ministry and to civil society;
    the coordinator has agreed on two sections so far."""
    demo = _Demo(cycle, organisations, people, versions)
    plan = demo.draft_plan(year)
    assessment = demo.open(year)
    demo.answer(assessment, demo.drafter, plan)
    demo.contributors_answer(assessment, plan, year)
    agreed = {i.pk for i in demo.indicators if i.sub_area.domain.code in {"RIGHTS", "CRISIS"}}
    demo.agree(assessment, {pk: fields for pk, fields in plan.items() if pk in agreed})
