"""The secretariat authors frameworks in the browser: renames them, starts new versions (copied
from the latest published one and mapped to it), edits a draft's domains, sub-areas, level labels
and mappings. Published versions never change, nobody else touches a framework, and spreadsheet
rows that contradict each other are refused with their row numbers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from passerelle.assessments import interchange, services
from passerelle.assessments.models import Domain, Framework, FrameworkVersion, SubArea
from passerelle.core.models import AuditEntry
from passerelle.taxonomy.models import MGIDomain

pytestmark = pytest.mark.django_db


def texts(word):
    return {"en": f"{word} (en)", "fr": f"{word} (fr)", "es": f"{word} (es)"}


def posted(field, word):
    return {f"{field}_{lang}": text for lang, text in texts(word).items()}


def audited(action):
    return AuditEntry.objects.filter(action=action).count()


@pytest.fixture
def local():
    return FrameworkVersion.objects.get(framework__code="PASSERELLE-LOCAL", version="1.0")


@pytest.fixture
def draft(local, secretariat):
    return services.version_start(actor=secretariat, framework=local.framework, version="1.1")


@pytest.fixture
def empty_framework(secretariat):
    return services.framework_create(
        actor=secretariat, code="city", scope="local", name=texts("City"),
        description=texts("About"),
    )  # fmt: skip


def url(name, version, **kwargs):
    return reverse(
        f"assessments:{name}",
        kwargs={"code": version.framework.code, "version": version.version, **kwargs},
    )


# --- Frameworks ------------------------------------------------------------------------------


def test_the_secretariat_renames_a_framework_in_every_language(local, secretariat, owner):
    framework = local.framework
    services.framework_update(
        actor=secretariat, framework=framework, name=texts("Cities"), description=texts("Why")
    )
    framework.refresh_from_db()
    assert (framework.name_fr, framework.description_es) == ("Cities (fr)", "Why (es)")
    assert audited("assessments.framework.updated") == 1
    with pytest.raises(PermissionDenied):
        services.framework_update(
            actor=owner, framework=framework, name=texts("Mine"), description=texts("Mine")
        )
    framework.refresh_from_db()
    assert framework.name_en == "Cities (en)"


def test_the_framework_edit_page(client, local, secretariat, owner):
    framework = local.framework
    edit = reverse("assessments:framework_edit", args=[framework.code])
    client.force_login(owner)
    assert client.get(edit).status_code == 403
    client.force_login(secretariat)
    assert client.get(edit).status_code == 200
    bad = client.post(
        edit, {**posted("name", "Cities"), "name_fr": "", **posted("description", "Why")}
    )
    assert bad.status_code == 400 and "This field is required" in bad.content.decode()
    framework.refresh_from_db()
    assert framework.name_en != "Cities (en)"  # nothing half-written
    # Saved from the French page, each language keeps its own text.
    french = edit.replace("/en/", "/fr/", 1)
    response = client.post(french, {**posted("name", "Cities"), **posted("description", "Why")})
    assert response.status_code == 302
    framework.refresh_from_db()
    assert (framework.name_en, framework.name_fr) == ("Cities (en)", "Cities (fr)")


# --- Starting a version ----------------------------------------------------------------------


def test_a_new_version_copies_the_latest_published_one_mapped_to_it(local, draft):
    assert (draft.status, draft.previous, draft.scale) == ("draft", local, local.scale)
    old_rows, new_rows = interchange.version_rows(local), interchange.version_rows(draft)
    assert len(new_rows) == local.indicators.count() > 0
    for old, new in zip(old_rows, new_rows, strict=True):
        assert new == {**old, "maps_to": old["indicator"]}  # texts, levels, links, tree
    for indicator in draft.indicators.select_related("maps_to"):
        assert indicator.maps_to.version == local and indicator.maps_to.code == indicator.code
    assert list(draft.levels.values_list("value", "label_fr")) == list(
        local.levels.values_list("value", "label_fr")
    )
    assert list(draft.domains.values_list("code", "mgi_domain", "position")) == list(
        local.domains.values_list("code", "mgi_domain", "position")
    )
    assert audited("assessments.version.started") == 1


def test_a_first_version_is_an_empty_draft_on_the_chosen_scale(empty_framework, secretariat):
    with pytest.raises(ValidationError) as refused:
        services.version_start(actor=secretariat, framework=empty_framework, version="1.0")
    assert "scale" in refused.value.error_dict
    assert not empty_framework.versions.exists()
    version = services.version_start(
        actor=secretariat, framework=empty_framework, version="1.0", scale="four_level"
    )
    assert (version.status, version.previous, version.scale) == ("draft", None, "four_level")
    assert not version.domains.exists()
    assert list(version.levels.values_list("value", "label_es")) == [
        (value, texts["es"]) for value, texts in services.DEFAULT_LEVELS["four_level"].items()
    ]


@pytest.mark.parametrize(
    "name, message",
    [
        ("1.0", "has a version 1.0 already"),
        ("  ", "Name the version"),
        ("import", "cannot name a version"),
        ("new-version", "cannot name a version"),
        ("1/2", "cannot name a version"),
    ],
)
def test_a_version_name_is_unique_and_fits_an_address(local, secretariat, name, message):
    with pytest.raises(ValidationError, match=message):
        services.version_start(actor=secretariat, framework=local.framework, version=name)
    assert local.framework.versions.count() == 1
    assert audited("assessments.version.started") == 0


def test_a_copy_keeps_its_originals_scale(local, secretariat):
    with pytest.raises(ValidationError, match="keeps the scale"):
        services.version_start(
            actor=secretariat, framework=local.framework, version="2.0", scale="four_level"
        )
    assert local.framework.versions.count() == 1


def test_only_the_secretariat_starts_a_version(local, owner):
    with pytest.raises(PermissionDenied):
        services.version_start(actor=owner, framework=local.framework, version="1.1")


def test_the_start_page(client, local, secretariat, owner):
    start = reverse("assessments:version_start", args=[local.framework.code])
    client.force_login(owner)
    assert client.get(start).status_code == 403
    client.force_login(secretariat)
    page = client.get(start)
    assert page.status_code == 200 and 'name="scale"' not in page.content.decode()
    taken = client.post(start, {"version": "1.0"})
    assert taken.status_code == 400 and "has a version 1.0 already" in taken.content.decode()
    response = client.post(start, {"version": "1.1"})
    draft = local.framework.versions.get(version="1.1")
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert draft.indicators.count() == local.indicators.count()


def test_a_framework_made_in_the_browser_gets_a_version_in_the_browser(client, secretariat):
    client.force_login(secretariat)
    created = client.post(
        reverse("assessments:framework_create"),
        {"code": "town", "scope": "local", **posted("name", "Town"), **posted("description", "A")},
    )
    framework = Framework.objects.get(code="town")
    assert created["Location"] == framework.get_absolute_url()
    assert "Start a new version" in client.get(framework.get_absolute_url()).content.decode()
    start = reverse("assessments:version_start", args=["town"])
    assert 'name="scale"' in client.get(start).content.decode()
    assert client.post(start, {"version": "1.0"}).status_code == 400
    assert client.post(start, {"version": "1.0", "scale": "three_level"}).status_code == 302
    version = framework.versions.get()
    client.post(
        url("domain_add", version), {"code": "WGA", "mgi_domain": "WGA", **posted("name", "Gov")}
    )
    client.post(
        url("sub_area_add", version, domain="WGA"), {"code": "WGA.1", **posted("name", "Coord")}
    )
    data = {"code": "WGA.1.1", "applies_to": "local", "gcm_objectives": [23]}
    data.update(posted("question", "Is there an office?"))
    for value in (1, 2, 3):
        data.update(posted(f"level_{value}", f"Level {value}"))
    added = client.post(reverse("assessments:indicator_add", args=["town", "1.0", "WGA.1"]), data)
    assert added.status_code == 302
    assert interchange.version_rows(version)[0]["mgi_domain"] == "WGA"
    client.post(url("version_publish", version))
    version.refresh_from_db()
    assert version.status == "published"


# --- Domains and sub-areas -------------------------------------------------------------------


def test_domains_are_added_edited_moved_and_removed_while_empty(draft, secretariat):
    wga = MGIDomain.objects.get(code="WGA")
    domain = services.domain_add(
        actor=secretariat, version=draft, code="DATA", name=texts("Data"), mgi_domain=wga
    )
    assert list(draft.domains.values_list("code", flat=True))[-1] == "DATA"
    assert (domain.name_fr, domain.mgi_domain) == ("Data (fr)", wga)
    for code, message in (("DATA", "already"), ("", "Give it a code"), ("A B", "only letters")):
        with pytest.raises(ValidationError, match=message):
            services.domain_add(actor=secretariat, version=draft, code=code, name=texts("X"))
    services.domain_update(actor=secretariat, domain=domain, name=texts("Numbers"), mgi_domain=None)
    domain.refresh_from_db()
    assert (domain.name_es, domain.mgi_domain) == ("Numbers (es)", None)
    before = list(draft.domains.values_list("code", flat=True))
    services.domain_move(actor=secretariat, domain=domain, direction="up")
    assert list(draft.domains.values_list("code", flat=True)) == [*before[:-2], "DATA", before[-2]]
    with pytest.raises(ValidationError):
        services.domain_move(actor=secretariat, domain=domain, direction="sideways")
    full = draft.domains.exclude(pk=domain.pk).first()
    with pytest.raises(ValidationError, match=f"Domain {full.code} still has sub-areas"):
        services.domain_remove(actor=secretariat, domain=full)
    assert Domain.objects.filter(pk=full.pk).exists()
    services.domain_remove(actor=secretariat, domain=domain)
    assert not draft.domains.filter(code="DATA").exists()
    for verb in ("added", "updated", "moved", "removed"):
        assert audited(f"assessments.domain.{verb}") == 1, verb


def test_sub_areas_are_added_edited_moved_and_removed_while_empty(draft, secretariat):
    first, second = draft.domains.all()[:2]
    taken = second.sub_areas.first().code
    with pytest.raises(ValidationError, match=f"sub-area {taken} already"):
        # Unique in the whole version, not only in its domain.
        services.sub_area_add(actor=secretariat, domain=first, code=taken, name=texts("X"))
    sub_area = services.sub_area_add(
        actor=secretariat, domain=first, code="NEW.9", name=texts("New")
    )
    codes = list(first.sub_areas.values_list("code", flat=True))
    assert codes[-1] == "NEW.9" and sub_area.name_fr == "New (fr)"
    services.sub_area_update(actor=secretariat, sub_area=sub_area, name=texts("Renamed"))
    sub_area.refresh_from_db()
    assert sub_area.name_es == "Renamed (es)"
    services.sub_area_move(actor=secretariat, sub_area=sub_area, direction="up")
    assert list(first.sub_areas.values_list("code", flat=True)) == [*codes[:-2], "NEW.9", codes[-2]]
    # At the edge nothing moves.
    services.sub_area_move(actor=secretariat, sub_area=first.sub_areas.first(), direction="up")
    assert audited("assessments.sub_area.moved") == 1
    full = first.sub_areas.exclude(pk=sub_area.pk).first()
    with pytest.raises(ValidationError, match=f"Sub-area {full.code} still has indicators"):
        services.sub_area_remove(actor=secretariat, sub_area=full)
    assert full.indicators.exists()
    services.sub_area_remove(actor=secretariat, sub_area=sub_area)
    assert not SubArea.objects.filter(pk=sub_area.pk).exists()
    for verb in ("added", "updated", "removed"):
        assert audited(f"assessments.sub_area.{verb}") == 1, verb


def test_level_labels_of_a_draft(draft, secretariat):
    labels = {value: texts(f"Stage {value}") for value in draft.levels_range}
    services.levels_update(actor=secretariat, version=draft, labels=labels)
    assert list(draft.levels.values_list("label_fr", flat=True)) == [
        "Stage 1 (fr)", "Stage 2 (fr)", "Stage 3 (fr)",
    ]  # fmt: skip
    assert audited("assessments.levels.updated") == 1


def test_an_indicator_maps_to_the_previous_versions_only(draft, local, secretariat):
    indicator = draft.indicators.order_by("position").first()
    other = local.indicators.exclude(code=indicator.code).first()

    def update(maps_to):
        services.indicator_update(
            actor=secretariat, indicator=indicator, texts={}, applies_to=indicator.applies_to,
            capacity_areas=[], gcm_objectives=[],
            levels={v: texts(f"L{v}") for v in draft.levels_range}, maps_to=maps_to,
        )  # fmt: skip

    update(other)
    indicator.refresh_from_db()
    assert indicator.maps_to == other
    with pytest.raises(ValidationError, match="previous version"):
        update(draft.indicators.last())
    indicator.refresh_from_db()
    assert indicator.maps_to == other
    update(None)
    indicator.refresh_from_db()
    assert indicator.maps_to is None


def test_published_versions_refuse_every_edit(local, draft, secretariat, owner):
    def attempts(version):
        domain = version.domains.first()
        sub_area = domain.sub_areas.first()
        indicator = version.indicators.first()
        labels = {v: texts("L") for v in version.levels_range}
        return [
            lambda a: services.domain_add(actor=a, version=version, code="Z", name=texts("Z")),
            lambda a: services.domain_update(
                actor=a, domain=domain, name=texts("Z"), mgi_domain=None
            ),
            lambda a: services.domain_move(actor=a, domain=domain, direction="down"),
            lambda a: services.domain_remove(actor=a, domain=domain),
            lambda a: services.sub_area_add(actor=a, domain=domain, code="Z.1", name=texts("Z")),
            lambda a: services.sub_area_update(actor=a, sub_area=sub_area, name=texts("Z")),
            lambda a: services.sub_area_move(actor=a, sub_area=sub_area, direction="down"),
            lambda a: services.sub_area_remove(actor=a, sub_area=sub_area),
            lambda a: services.levels_update(actor=a, version=version, labels=labels),
            lambda a: services.indicator_update(
                actor=a, indicator=indicator, texts={}, applies_to="both", capacity_areas=[],
                gcm_objectives=[], levels=labels, maps_to=None,
            ),
        ]  # fmt: skip

    before = interchange.version_rows(local)
    for attempt in attempts(local):
        with pytest.raises(PermissionDenied):
            attempt(secretariat)
    for attempt in attempts(draft):
        with pytest.raises(PermissionDenied):
            attempt(owner)
    assert interchange.version_rows(local) == before
    assert not AuditEntry.objects.filter(action__regex=r"domain|sub_area|levels").exists()


# --- Pages of a draft's structure -----------------------------------------------------------


def test_the_structure_pages(client, draft, secretariat):
    client.force_login(secretariat)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Add a domain" in page and "Edit the level labels" in page
    domain = draft.domains.first()
    for name, kwargs in (
        ("domain_add", {}), ("domain_edit", {"domain": domain.code}), ("levels_edit", {}),
        ("sub_area_add", {"domain": domain.code}),
        ("sub_area_edit", {"sub_area": domain.sub_areas.first().code}),
    ):  # fmt: skip
        assert client.get(url(name, draft, **kwargs)).status_code == 200, name

    add = url("domain_add", draft)
    bad = client.post(add, {"code": domain.code, **posted("name", "Dup")})
    assert bad.status_code == 400 and "already" in bad.content.decode()
    unknown = client.post(add, {"code": "NEW", "mgi_domain": "MOON", **posted("name", "New")})
    assert unknown.status_code == 400 and not draft.domains.filter(code="NEW").exists()
    added = client.post(add, {"code": "NEW", "mgi_domain": "SORM", **posted("name", "New")})
    assert added.status_code == 302 and added["Location"].endswith("#domain-NEW")

    edit = url("domain_edit", draft, domain="NEW")
    assert client.post(edit, {**posted("name", "Newer"), "name_es": ""}).status_code == 400
    assert draft.domains.get(code="NEW").name_en == "New (en)"
    assert client.post(edit, {**posted("name", "Newer"), "mgi_domain": ""}).status_code == 302
    assert draft.domains.get(code="NEW").name_en == "Newer (en)"

    sub_add = url("sub_area_add", draft, domain="NEW")
    assert client.post(sub_add, {"code": "", **posted("name", "S")}).status_code == 400
    assert client.post(sub_add, {"code": "NEW.1", **posted("name", "S")}).status_code == 302
    sub_edit = url("sub_area_edit", draft, sub_area="NEW.1")
    assert client.post(sub_edit, posted("name", "T")).status_code == 302
    assert SubArea.objects.get(domain__version=draft, code="NEW.1").name_fr == "T (fr)"

    refused = client.post(url("domain_remove", draft, domain="NEW"), follow=True)
    assert "Domain NEW still has sub-areas: remove them first." in refused.content.decode()
    assert draft.domains.filter(code="NEW").exists()
    move = url("sub_area_move", draft, sub_area="NEW.1", direction="up")
    assert client.post(move).status_code == 302
    assert client.post(move.replace("/up/", "/left/")).status_code == 404
    assert client.post(url("sub_area_remove", draft, sub_area="NEW.1")).status_code == 302
    assert client.post(url("domain_move", draft, domain="NEW", direction="up")).status_code == 302
    assert client.post(url("domain_remove", draft, domain="NEW")).status_code == 302
    assert not draft.domains.filter(code="NEW").exists()

    levels = url("levels_edit", draft)
    data = {}
    for value in draft.levels_range:
        data.update(posted(f"label_{value}", f"Stage {value}"))
    assert client.post(levels, {**data, "label_2_fr": ""}).status_code == 400
    assert draft.levels.get(value=1).label_en != "Stage 1 (en)"
    assert client.post(levels, data).status_code == 302
    assert draft.levels.get(value=3).label_es == "Stage 3 (es)"


def test_the_indicator_form_sets_the_mapping(client, draft, local, secretariat):
    indicator = draft.indicators.order_by("position").first()
    edit = url("indicator_edit", draft, indicator=indicator.code)
    client.force_login(secretariat)
    page = client.get(edit).content.decode()
    assert 'name="maps_to"' in page
    other = local.indicators.exclude(code=indicator.code).first()
    data = {"applies_to": "both", "maps_to": other.pk}
    for lang in ("en", "fr", "es"):
        data[f"question_{lang}"] = f"Q ({lang})?"
        for value in draft.levels_range:
            data[f"level_{value}_{lang}"] = f"L{value}"
    wrong = client.post(edit, {**data, "maps_to": draft.indicators.last().pk})
    assert wrong.status_code == 400
    indicator.refresh_from_db()
    assert indicator.maps_to.code == indicator.code and indicator.question_en != "Q (en)?"
    assert client.post(edit, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.maps_to == other
    # A version with no previous one has nothing to map to: no such field.
    first = services.version_start(
        actor=secretariat,
        framework=services.framework_create(
            actor=secretariat, code="x", scope="local", name=texts("X"), description=texts("X")
        ),
        version="1.0",
        scale="three_level",
    )
    services.domain_add(actor=secretariat, version=first, code="D", name=texts("D"))
    services.sub_area_add(
        actor=secretariat, domain=first.domains.get(), code="D.1", name=texts("S")
    )
    add = client.get(url("indicator_add", first, sub_area="D.1")).content.decode()
    assert 'name="maps_to"' not in add


def test_others_are_refused_the_structure_pages(client, draft, local, secretariat, owner):
    domain, sub_area = "RIGHTS", "RIGHTS.1"
    gets = [
        ("levels_edit", {}), ("domain_add", {}), ("domain_edit", {"domain": domain}),
        ("sub_area_add", {"domain": domain}), ("sub_area_edit", {"sub_area": sub_area}),
    ]  # fmt: skip
    posts = [
        ("domain_remove", {"domain": domain}),
        ("domain_move", {"domain": domain, "direction": "down"}),
        ("sub_area_remove", {"sub_area": sub_area}),
        ("sub_area_move", {"sub_area": sub_area, "direction": "down"}),
    ]
    client.force_login(owner)  # a draft is the secretariat's: its existence is hidden
    for name, kwargs in gets:
        assert client.get(url(name, draft, **kwargs)).status_code == 404, name
    for name, kwargs in posts:
        assert client.post(url(name, draft, **kwargs)).status_code == 404, name
    client.force_login(secretariat)  # a published version never changes
    for name, kwargs in gets:
        assert client.get(url(name, local, **kwargs)).status_code == 403, name
    for name, kwargs in posts:
        assert client.post(url(name, local, **kwargs)).status_code == 403, name
    assert local.domains.filter(code=domain).exists()


# --- Spreadsheet rows that contradict each other ----------------------------------------------


def import_rows(secretariat, local, rows):
    return services.version_import(
        actor=secretariat, framework=local.framework, version="2.0", scale=local.scale,
        previous=None, rows=rows,
    )  # fmt: skip


def test_an_unknown_mgi_domain_is_refused(local, secretariat):
    rows = interchange.version_rows(local)
    rows[1]["mgi_domain"] = "MOON"
    with pytest.raises(ValidationError) as refused:
        import_rows(secretariat, local, rows)
    assert "Row 3: mgi_domain MOON is not an MGI domain" in " ".join(refused.value.messages)
    assert not local.framework.versions.filter(version="2.0").exists()


def test_later_rows_must_name_a_domain_and_sub_area_as_the_first_did(local, secretariat):
    rows = interchange.version_rows(local)
    domain, sub_area = rows[0]["domain"], rows[0]["sub_area"]
    same_sub_area = next(n for n, r in enumerate(rows) if n and r["sub_area"] == sub_area)
    rows[same_sub_area]["sub_area_name_fr"] = "Autre nom"
    later = next(n for n, r in enumerate(rows) if r["domain"] == domain and n > same_sub_area)
    rows[later]["domain_name_es"] = "Otro nombre"
    rows[later]["mgi_domain"] = "SORM" if rows[0]["mgi_domain"] != "SORM" else "WGA"
    with pytest.raises(ValidationError) as refused:
        import_rows(secretariat, local, rows)
    text = " ".join(refused.value.messages)
    assert f"Row {same_sub_area + 2}: sub-area {sub_area} has other names than on row 2." in text
    assert f"Row {later + 2}: domain {domain} has other names than on row 2." in text
    assert f"Row {later + 2}: domain {domain} has another mgi_domain than on row 2." in text
    assert not local.framework.versions.filter(version="2.0").exists()


def test_a_sub_area_code_belongs_to_one_domain(local, secretariat):
    rows = interchange.version_rows(local)
    first = rows[0]
    moved = next(n for n, r in enumerate(rows) if r["domain"] != first["domain"])
    rows[moved]["sub_area"] = first["sub_area"]
    for lang in interchange.LANGUAGES:
        rows[moved][f"sub_area_name_{lang}"] = first[f"sub_area_name_{lang}"]
    with pytest.raises(ValidationError) as refused:
        import_rows(secretariat, local, rows)
    assert (
        f"Row {moved + 2}: sub-area {first['sub_area']} is under domain {first['domain']} on "
        "row 2: a sub-area code belongs to one domain."
    ) in " ".join(refused.value.messages)
    assert not local.framework.versions.filter(version="2.0").exists()
