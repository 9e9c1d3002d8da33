"""Frameworks as spreadsheets: one row per indicator, in CSV or XLSX, the same columns both ways.

The secretariat edits a framework offline (a spreadsheet is what ministries and IOM staff already
use) and imports it as a new draft version; the shipped JSON files go through the same rows
(`rows_from_json`), so there is one way to build a version: `build_version`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import AppliesTo, Scale

LANGUAGES = ("en", "fr", "es")
MAX_LEVELS = 4

COLUMNS = [
    "domain",
    "mgi_domain",
    *[f"domain_name_{lang}" for lang in LANGUAGES],
    "sub_area",
    *[f"sub_area_name_{lang}" for lang in LANGUAGES],
    "indicator",
    *[f"question_{lang}" for lang in LANGUAGES],
    *[f"guidance_{lang}" for lang in LANGUAGES],
    "applies_to",
    "capacity_areas",
    "gcm_objectives",
    "maps_to",
    *[f"level_{n}_{lang}" for n in range(1, MAX_LEVELS + 1) for lang in LANGUAGES],
]
REQUIRED = [
    "domain",
    *[f"domain_name_{lang}" for lang in LANGUAGES],
    "sub_area",
    *[f"sub_area_name_{lang}" for lang in LANGUAGES],
    "indicator",
    *[f"question_{lang}" for lang in LANGUAGES],
    "applies_to",
]


# --- export ------------------------------------------------------------------------------------


def version_rows(version) -> list[dict[str, str]]:
    """The version's indicators as spreadsheet rows, in framework order."""
    rows = []
    indicators = (
        version.indicators.select_related("sub_area__domain__mgi_domain", "maps_to")
        .prefetch_related("descriptors", "capacity_areas", "gcm_objectives")
        .order_by("sub_area__domain__position", "sub_area__position", "position")
    )
    for indicator in indicators:
        sub_area, domain = indicator.sub_area, indicator.sub_area.domain
        row = {
            "domain": domain.code,
            "mgi_domain": domain.mgi_domain.code if domain.mgi_domain else "",
            "sub_area": sub_area.code,
            "indicator": indicator.code,
            "applies_to": indicator.applies_to,
            "capacity_areas": " ".join(a.code for a in indicator.capacity_areas.all()),
            "gcm_objectives": " ".join(str(o.number) for o in indicator.gcm_objectives.all()),
            "maps_to": indicator.maps_to.code if indicator.maps_to else "",
        }
        for lang in LANGUAGES:
            row[f"domain_name_{lang}"] = getattr(domain, f"name_{lang}") or ""
            row[f"sub_area_name_{lang}"] = getattr(sub_area, f"name_{lang}") or ""
            row[f"question_{lang}"] = getattr(indicator, f"question_{lang}") or ""
            row[f"guidance_{lang}"] = getattr(indicator, f"guidance_{lang}") or ""
            for descriptor in indicator.descriptors.all():
                row[f"level_{descriptor.value}_{lang}"] = getattr(descriptor, f"text_{lang}") or ""
        rows.append({column: row.get(column, "") for column in COLUMNS})
    return rows


def rows_from_json(data: dict) -> list[dict[str, str]]:
    """The rows of a shipped framework file (data/README.md)."""
    rows = []
    for domain in data["domains"]:
        for sub_area in domain["sub_areas"]:
            for indicator in sub_area["indicators"]:
                row = {
                    "domain": domain["code"],
                    "mgi_domain": domain.get("mgi_domain", ""),
                    "sub_area": sub_area["code"],
                    "indicator": indicator["code"],
                    "applies_to": indicator["applies_to"],
                    "capacity_areas": " ".join(indicator["capacity_areas"]),
                    "gcm_objectives": " ".join(str(n) for n in indicator["gcm_objectives"]),
                    "maps_to": indicator.get("maps_to", ""),
                }
                for lang in LANGUAGES:
                    row[f"domain_name_{lang}"] = domain["name"][lang]
                    row[f"sub_area_name_{lang}"] = sub_area["name"][lang]
                    row[f"question_{lang}"] = indicator["question"][lang]
                    row[f"guidance_{lang}"] = indicator.get("guidance", {}).get(lang, "")
                    for value, texts in indicator["levels"].items():
                        row[f"level_{value}_{lang}"] = texts[lang]
                rows.append(row)
    return rows


def validate_rows(
    rows, *, scale: str, area_codes, objective_numbers, previous_codes, mgi_codes
) -> None:
    """Every problem of every row at once, each with its row number (the header is row 1), or
    nothing: a version is built whole or not at all."""
    errors, seen = [], set()
    top = Scale(scale).top
    if not rows:
        errors.append(_("The file has no indicator rows."))
    tree = _TreeCheck()
    for number, row in enumerate(rows, start=2):
        problems = _row_problems(row, top, area_codes, objective_numbers, previous_codes)
        mgi = row.get("mgi_domain", "")
        if mgi and mgi not in mgi_codes:
            problems.append(
                _("mgi_domain %(code)s is not an MGI domain (one of %(codes)s)")
                % {"code": mgi, "codes": ", ".join(sorted(mgi_codes))}
            )
        problems.extend(tree.problems(row, number))
        code = row.get("indicator", "")
        if code and code in seen:
            problems.append(_("indicator code %(code)s appears twice") % {"code": code})
        seen.add(code)
        errors.extend(
            _("Row %(row)d: %(problem)s.") % {"row": number, "problem": p} for p in problems
        )
    if errors:
        raise ValidationError(errors)


class _TreeCheck:
    """The rows repeat each indicator's domain and sub-area: every row must say the same of a
    code as the first row that gave it, and a sub-area code belongs to one domain only (the
    builder keeps the first row's and the pages look sub-areas up by code in the version)."""

    def __init__(self):
        self.domains, self.sub_areas = {}, {}

    def problems(self, row, number) -> list[str]:
        problems = []
        domain, sub_area = row.get("domain", ""), row.get("sub_area", "")
        if domain:
            seen = self.domains.setdefault(
                domain, (number, _texts(row, "domain_name"), row.get("mgi_domain", ""))
            )
            if seen[1] != _texts(row, "domain_name"):
                problems.append(
                    _("domain %(code)s has other names than on row %(row)d")
                    % {"code": domain, "row": seen[0]}
                )
            if seen[2] != row.get("mgi_domain", ""):
                problems.append(
                    _("domain %(code)s has another mgi_domain than on row %(row)d")
                    % {"code": domain, "row": seen[0]}
                )
        if sub_area:
            seen = self.sub_areas.setdefault(
                sub_area, (number, domain, _texts(row, "sub_area_name"))
            )
            if seen[1] != domain:
                problems.append(
                    _("sub-area %(code)s is under domain %(domain)s on row %(row)d: a sub-area "
                      "code belongs to one domain")
                    % {"code": sub_area, "domain": seen[1], "row": seen[0]}
                )  # fmt: skip
            elif seen[2] != _texts(row, "sub_area_name"):
                problems.append(
                    _("sub-area %(code)s has other names than on row %(row)d")
                    % {"code": sub_area, "row": seen[0]}
                )
        return problems


def _row_problems(row, top, area_codes, objective_numbers, previous_codes) -> list[str]:
    problems = [
        _("%(column)s is empty") % {"column": column} for column in REQUIRED if not row.get(column)
    ]
    for n in range(1, MAX_LEVELS + 1):
        for lang in LANGUAGES:
            present = bool(row.get(f"level_{n}_{lang}"))
            if present != (n <= top):
                problems.append(
                    _("level_%(n)d_%(lang)s must be filled for levels 1 to %(top)d only")
                    % {"n": n, "lang": lang, "top": top}
                )
    if row.get("applies_to") and row["applies_to"] not in AppliesTo.values:
        problems.append(
            _("applies_to must be one of %(values)s") % {"values": ", ".join(AppliesTo.values)}
        )
    unknown = set(row.get("capacity_areas", "").split()) - set(area_codes)
    if unknown:
        problems.append(
            _("unknown capacity areas: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        )
    for number in row.get("gcm_objectives", "").split():
        if not number.isdigit() or int(number) not in objective_numbers:
            problems.append(_("unknown GCM objective: %(number)s") % {"number": number})
    maps_to = row.get("maps_to", "")
    if maps_to and maps_to not in previous_codes:
        problems.append(
            _("maps_to %(code)s is not an indicator of the previous version") % {"code": maps_to}
        )
    return problems


def build_version(apps, *, framework, version_fields: dict, levels: dict, rows) -> object:
    """Create a version and its whole tree from validated rows. `apps` is the app registry
    (historical models in a migration); `levels` maps each level value to its label texts."""
    model = apps.get_model
    version = model("assessments", "FrameworkVersion").objects.create(
        framework=framework, **version_fields
    )
    for value, texts in levels.items():
        model("assessments", "Level").objects.create(
            version=version, value=value, **translated("label", texts)
        )
    areas = {a.code: a for a in model("taxonomy", "CapacityArea").objects.all()}
    objectives = {o.number: o for o in model("taxonomy", "GCMObjective").objects.all()}
    mgi = {d.code: d for d in model("taxonomy", "MGIDomain").objects.all()}
    previous = {}
    if version.previous_id:
        previous = {
            i.code: i
            for i in model("assessments", "Indicator").objects.filter(version=version.previous_id)
        }
    domains, sub_areas = {}, {}
    for position, row in enumerate(rows):
        if row["domain"] not in domains:
            domains[row["domain"]] = model("assessments", "Domain").objects.create(
                version=version,
                code=row["domain"],
                mgi_domain=mgi.get(row.get("mgi_domain", "")),
                position=len(domains),
                **translated("name", _texts(row, "domain_name")),
            )
        key = (row["domain"], row["sub_area"])
        if key not in sub_areas:
            sub_areas[key] = model("assessments", "SubArea").objects.create(
                domain=domains[row["domain"]],
                code=row["sub_area"],
                position=len(sub_areas),
                **translated("name", _texts(row, "sub_area_name")),
            )
        indicator = model("assessments", "Indicator").objects.create(
            version=version,
            sub_area=sub_areas[key],
            code=row["indicator"],
            applies_to=row["applies_to"],
            maps_to=previous.get(row.get("maps_to", "")),
            position=position,
            **translated("question", _texts(row, "question")),
            **translated("guidance", _texts(row, "guidance")),
        )
        indicator.capacity_areas.set([areas[c] for c in row.get("capacity_areas", "").split()])
        indicator.gcm_objectives.set(
            [objectives[int(n)] for n in row.get("gcm_objectives", "").split()]
        )
        descriptor = model("assessments", "LevelDescriptor")
        descriptor.objects.bulk_create(
            descriptor(
                indicator=indicator, value=n, **translated("text", _texts(row, f"level_{n}"))
            )
            for n in range(1, MAX_LEVELS + 1)
            if row.get(f"level_{n}_en")
        )
    return version


def _texts(row: dict, prefix: str) -> dict[str, str]:
    return {lang: row.get(f"{prefix}_{lang}", "") for lang in LANGUAGES}


def translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {field: texts["en"], **{f"{field}_{lang}": texts[lang] for lang in LANGUAGES}}
