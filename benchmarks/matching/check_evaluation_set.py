"""Check the matcher's labelled evaluation set (benchmarks/matching/evaluation_set.json):

    .venv/bin/python benchmarks/matching/check_evaluation_set.py [path/to/evaluation_set.json]

Validates the shape of the file, unique keys, that every pair names a known request and offer,
that every code exists in the platform's reference data, that dates are valid, that each pair's
`kind` agrees with its tags and languages, that relevant pairs are plausible (a shared working
language, the right place, overlapping dates), and that the counts the set promises hold. Prints
counts per kind and language, and exits with status 1 on any problem.

Reference codes are read from the files the data migrations load (passerelle/taxonomy/data and
passerelle/geo/data), so no database is needed. The choice lists (support types, scopes,
modalities, organisation types...) are imported from the code after a plain `django.setup()`.
"""

import csv
import datetime
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_PATH = HERE / "evaluation_set.json"

# What the set promises (see the "about" paragraph of the file).
MIN_REQUESTS, MAX_REQUESTS = 45, 60
MIN_OFFERS, MAX_OFFERS = 115, 150
MIN_PAIRS = 150
MIN_CROSS_LINGUAL = 30
MIN_TEXT_ONLY = 12
MIN_HARD_NEGATIVES = 40
MIN_NEGATIVES = 1
# "At least 2 relevant offers for most requests."
MIN_SHARE_WITH_TWO_RELEVANT = 0.8
# "Roughly a third each": every language between these shares of requests and of offers.
LANGUAGE_SHARE = (0.25, 0.42)
DESCRIPTION_WORDS = (40, 150)
KINDS = ("same-language", "cross-lingual", "text-only", "hard-negative", "negative")
RELEVANT_KINDS = ("same-language", "cross-lingual", "text-only")
# Top-level UN M49 regions every set should draw requests from.
M49_TOP_LEVEL = {
    "002": "Africa",
    "019": "Americas",
    "142": "Asia",
    "150": "Europe",
    "009": "Oceania",
}
INDIVIDUAL_EXPERT = "individual_expert"

REQUEST_FIELDS = {
    "key": str,
    "title": str,
    "description": str,
    "language": str,
    "capacity_areas": list,
    "gcm_objectives": list,
    "support_types": list,
    "scope": str,
    "country": (str, type(None)),
    "region": (str, type(None)),
    "modality": str,
    "working_languages": list,
    "starts_on": str,
    "ends_on": str,
    "requirements": list,
}
REQUIREMENT_FIELDS = {"kind": str, "description": str, "quantity": (int, float), "currency": str}
OFFER_FIELDS = {
    "key": str,
    "title": str,
    "description": str,
    "language": str,
    "provider_type": str,
    "capacity_areas": list,
    "gcm_objectives": list,
    "support_types": list,
    "countries": list,
    "regions": list,
    "is_global": bool,
    "languages": list,
    "modality": str,
    "available_from": str,
    "available_until": (str, type(None)),
    "max_engagements": int,
    "expert_days": (int, type(None)),
    "cost_basis": str,
    "money_amount": (int, float, type(None)),
    "currency": str,
}
PAIR_FIELDS = {"request": str, "offer": str, "relevant": bool, "kind": str, "why": str}


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()


def vocabularies() -> dict:
    """Every code the set may use, from the reference data and the code's choice lists."""
    from django.conf import settings

    from passerelle.accounts.choices import OrganisationType
    from passerelle.hub.choices import Modality, RequestScope, RequirementKind, SupportType

    try:
        from passerelle.hub.choices import CostBasis

        cost_bases = set(CostBasis.values)
    except ImportError:  # Offers not merged yet: the values the brief names.
        cost_bases = {"free", "co_funded", "paid"}

    import pycountry

    taxonomy = ROOT / "passerelle" / "taxonomy" / "data"
    geo = ROOT / "passerelle" / "geo" / "data"
    areas = json.loads((taxonomy / "capacity_areas.json").read_text(encoding="utf-8"))
    gcm = json.loads((taxonomy / "gcm.json").read_text(encoding="utf-8"))
    with (geo / "countries.csv").open(encoding="utf-8") as f:
        countries = {row["iso2"]: row["m49_code"] for row in csv.DictReader(f)}
    with (geo / "m49_regions.csv").open(encoding="utf-8") as f:
        regions = {row["code"]: row["parent_code"] for row in csv.DictReader(f)}
    return {
        "capacity_areas": {area["code"] for area in areas},
        "area_objectives": {area["code"]: set(area["gcm_objectives"]) for area in areas},
        "gcm_objectives": {objective["number"] for objective in gcm["objectives"]},
        "countries": countries,
        "regions": regions,
        "support_types": set(SupportType.values),
        "scopes": set(RequestScope.values),
        "modalities": set(Modality.values),
        "requirement_kinds": set(RequirementKind.values),
        "provider_types": set(OrganisationType.values) | {INDIVIDUAL_EXPERT},
        "cost_bases": cost_bases,
        "description_languages": {code for code, _ in settings.LANGUAGES},
        "iso639_1": {lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")},
        "currencies": {currency.alpha_3 for currency in pycountry.currencies},
    }


def check_fields(item: dict, fields: dict, where: str, problems: Problems) -> bool:
    ok = True
    for name, expected in fields.items():
        if name not in item:
            problems.add(where, f"missing field {name!r}")
            ok = False
        elif isinstance(item[name], bool) and expected in (int, (int, float)):
            problems.add(where, f"{name!r} should be a number, not a boolean")
            ok = False
        elif not isinstance(item[name], expected):
            problems.add(where, f"{name!r} has the wrong type ({type(item[name]).__name__})")
            ok = False
    for name in item.keys() - fields.keys():
        problems.add(where, f"unexpected field {name!r}")
    return ok


def parse_date(value, where: str, name: str, problems: Problems):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        problems.add(where, f"{name} {value!r} is not a YYYY-MM-DD date")
        return None


def chain(code: str | None, regions: dict) -> list[str]:
    """An M49 code and the codes of the areas it belongs to, most specific first."""
    codes = []
    while code:
        codes.append(code)
        code = regions.get(code) or None
    return codes


def check_common(item: dict, where: str, voc: dict, problems: Problems, key_prefix: str) -> None:
    language = item["language"]
    if language not in voc["description_languages"]:
        problems.add(where, f"language {language!r} is not one of the platform's languages")
    expected_prefix = f"{key_prefix}-{language}-"
    if not item["key"].startswith(expected_prefix):
        problems.add(where, f"key should start with {expected_prefix!r}")
    if not item["title"].strip():
        problems.add(where, "empty title")
    words = len(item["description"].split())
    if not DESCRIPTION_WORDS[0] <= words <= DESCRIPTION_WORDS[1]:
        problems.add(
            where,
            f"description has {words} words, not {DESCRIPTION_WORDS[0]} to {DESCRIPTION_WORDS[1]}",
        )
    if not item["capacity_areas"]:
        problems.add(where, "no capacity area")
    for code in item["capacity_areas"]:
        if code not in voc["capacity_areas"]:
            problems.add(where, f"unknown capacity area {code!r}")
    for number in item["gcm_objectives"]:
        if (
            isinstance(number, bool)
            or not isinstance(number, int)
            or (number not in voc["gcm_objectives"])
        ):
            problems.add(where, f"unknown GCM objective {number!r}")
    if not item["support_types"]:
        problems.add(where, "no support type")
    for value in item["support_types"]:
        if value not in voc["support_types"]:
            problems.add(where, f"unknown support type {value!r}")
    for name in ("capacity_areas", "gcm_objectives", "support_types"):
        if len(set(map(str, item[name]))) != len(item[name]):
            problems.add(where, f"{name} has duplicates")
    if item["modality"] not in voc["modalities"]:
        problems.add(where, f"unknown modality {item['modality']!r}")


def check_languages(codes: list, where: str, name: str, voc: dict, problems: Problems) -> None:
    if not codes:
        problems.add(where, f"no {name}")
    for code in codes:
        if code not in voc["iso639_1"]:
            problems.add(where, f"{name}: {code!r} is not an ISO 639-1 code")


def check_request(request: dict, voc: dict, problems: Problems) -> None:
    where = f"request {request['key']}"
    check_common(request, where, voc, problems, "r")
    check_languages(request["working_languages"], where, "working_languages", voc, problems)
    scope, country, region = request["scope"], request["country"], request["region"]
    if scope not in voc["scopes"]:
        problems.add(where, f"unknown scope {scope!r}")
    if country is not None and country not in voc["countries"]:
        problems.add(where, f"unknown country {country!r}")
    if region is not None and region not in voc["regions"]:
        problems.add(where, f"unknown region {region!r}")
    if scope in ("national", "local") and country is None:
        problems.add(where, f"a {scope} request needs a country")
    if scope == "regional" and region is None:
        problems.add(where, "a regional request needs a region")
    start = parse_date(request["starts_on"], where, "starts_on", problems)
    end = parse_date(request["ends_on"], where, "ends_on", problems)
    if start and end and end <= start:
        problems.add(where, "ends_on is not after starts_on")
    if not request["requirements"]:
        problems.add(where, "no requirement")
    for i, requirement in enumerate(request["requirements"]):
        at = f"{where} requirement {i + 1}"
        if not isinstance(requirement, dict) or not check_fields(
            requirement, REQUIREMENT_FIELDS, at, problems
        ):
            continue
        if requirement["kind"] not in voc["requirement_kinds"]:
            problems.add(at, f"unknown kind {requirement['kind']!r}")
        if not requirement["description"].strip():
            problems.add(at, "empty description")
        if requirement["quantity"] <= 0:
            problems.add(at, "quantity must be positive")
        currency = requirement["currency"]
        if requirement["kind"] == "money" and not currency:
            problems.add(at, "money needs a currency")
        if currency and currency not in voc["currencies"]:
            problems.add(at, f"{currency!r} is not an ISO 4217 currency")


def check_offer(offer: dict, voc: dict, problems: Problems) -> None:
    where = f"offer {offer['key']}"
    check_common(offer, where, voc, problems, "o")
    check_languages(offer["languages"], where, "languages", voc, problems)
    if offer["language"] not in offer["languages"]:
        problems.add(where, "the description's language is not among the offer's languages")
    if offer["provider_type"] not in voc["provider_types"]:
        problems.add(where, f"unknown provider type {offer['provider_type']!r}")
    for code in offer["countries"]:
        if code not in voc["countries"]:
            problems.add(where, f"unknown country {code!r}")
    for code in offer["regions"]:
        if code not in voc["regions"]:
            problems.add(where, f"unknown region {code!r}")
    if not offer["is_global"] and not offer["countries"] and not offer["regions"]:
        problems.add(where, "neither global nor limited to countries or regions")
    start = parse_date(offer["available_from"], where, "available_from", problems)
    if offer["available_until"] is not None:
        end = parse_date(offer["available_until"], where, "available_until", problems)
        if start and end and end <= start:
            problems.add(where, "available_until is not after available_from")
    if offer["max_engagements"] < 1:
        problems.add(where, "max_engagements must be at least 1")
    if offer["expert_days"] is not None and offer["expert_days"] < 1:
        problems.add(where, "expert_days must be at least 1 or null")
    if offer["cost_basis"] not in voc["cost_bases"]:
        problems.add(where, f"unknown cost basis {offer['cost_basis']!r}")
    money, currency = offer["money_amount"], offer["currency"]
    if money is not None and (money <= 0 or not currency):
        problems.add(where, "money_amount must be positive and have a currency")
    if currency and currency not in voc["currencies"]:
        problems.add(where, f"{currency!r} is not an ISO 4217 currency")
    if "funding" in offer["support_types"] and money is None:
        problems.add(where, "a funding offer should say how much money it offers")


def offer_covers(offer: dict, request: dict, voc: dict) -> bool:
    """Whether the offer's geography reaches the request's country or region."""
    if offer["is_global"]:
        return True
    regions = voc["regions"]
    offer_regions = set(offer["regions"])
    if request["country"]:
        if request["country"] in offer["countries"]:
            return True
        return bool(offer_regions & set(chain(voc["countries"].get(request["country"]), regions)))
    target = request["region"]
    up = set(chain(target, regions))
    if offer_regions & up:
        return True
    # A narrower area inside the requested region, or a country inside it.
    if any(target in chain(code, regions) for code in offer_regions):
        return True
    return any(target in chain(voc["countries"].get(c), regions) for c in offer["countries"])


def expected_kind(request: dict, offer: dict, relevant: bool) -> str:
    shares_tags = bool(
        set(request["capacity_areas"]) & set(offer["capacity_areas"])
        or set(request["gcm_objectives"]) & set(offer["gcm_objectives"])
    )
    if relevant:
        if not shares_tags:
            return "text-only"
        return "same-language" if request["language"] == offer["language"] else "cross-lingual"
    shares_country = request["country"] is not None and request["country"] in offer["countries"]
    return "hard-negative" if shares_tags or shares_country else "negative"


def check_pair(pair: dict, request: dict, offer: dict, voc: dict, problems: Problems) -> None:
    where = f"pair {pair['request']} / {pair['offer']}"
    if pair["kind"] not in KINDS:
        problems.add(where, f"unknown kind {pair['kind']!r}")
        return
    if (pair["kind"] in RELEVANT_KINDS) != pair["relevant"]:
        problems.add(where, f"kind {pair['kind']!r} contradicts relevant={pair['relevant']}")
    expected = expected_kind(request, offer, pair["relevant"])
    if pair["kind"] != expected:
        problems.add(
            where, f"kind is {pair['kind']!r} but the tags and languages make it {expected!r}"
        )
    if not pair["why"].strip():
        problems.add(where, "empty why")
    if not pair["relevant"]:
        return
    # A broker would not call an offer relevant if the two sides could not work together.
    if not set(request["working_languages"]) & set(offer["languages"]):
        problems.add(where, "relevant, but the offer shares no working language with the request")
    if not offer_covers(offer, request, voc):
        problems.add(where, "relevant, but the offer's geography does not reach the request")
    try:
        starts = datetime.date.fromisoformat(request["starts_on"])
        ends = datetime.date.fromisoformat(request["ends_on"])
        available = datetime.date.fromisoformat(offer["available_from"])
        until = offer["available_until"]
        if available > ends or (until and datetime.date.fromisoformat(until) < starts):
            problems.add(where, "relevant, but the offer is not available during the request")
    except (TypeError, ValueError):
        pass  # Reported with the request or the offer.


def share_problems(counter: Counter, total: int, what: str, problems: Problems) -> None:
    for language in ("en", "fr", "es"):
        share = counter[language] / total if total else 0
        if not LANGUAGE_SHARE[0] <= share <= LANGUAGE_SHARE[1]:
            problems.add("counts", f"{what} in {language}: {share:.0%}, not roughly a third")


def check(path: Path) -> int:
    problems = Problems()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"cannot read {path}: {error}")
        return 1
    expected_top = {"about": str, "requests": list, "offers": list, "pairs": list}
    if not isinstance(data, dict) or not check_fields(data, expected_top, "file", problems):
        print("\n".join(problems))
        return 1
    if len(data["about"].split()) < 30:
        problems.add("about", "should be a paragraph describing the set and its labelling")

    setup_django()
    voc = vocabularies()

    requests, offers = {}, {}
    for collection, fields, store, label, checker in (
        (data["requests"], REQUEST_FIELDS, requests, "request", check_request),
        (data["offers"], OFFER_FIELDS, offers, "offer", check_offer),
    ):
        for i, item in enumerate(collection):
            where = f"{label} #{i + 1}"
            if not isinstance(item, dict) or not check_fields(item, fields, where, problems):
                continue
            if item["key"] in store:
                problems.add(where, f"duplicate key {item['key']!r}")
                continue
            store[item["key"]] = item
            checker(item, voc, problems)

    pairs, seen = [], set()
    for i, pair in enumerate(data["pairs"]):
        where = f"pair #{i + 1}"
        if not isinstance(pair, dict) or not check_fields(pair, PAIR_FIELDS, where, problems):
            continue
        key = (pair["request"], pair["offer"])
        if key in seen:
            problems.add(where, f"duplicate pair {key}")
            continue
        seen.add(key)
        if pair["request"] not in requests:
            problems.add(where, f"unknown request {pair['request']!r}")
            continue
        if pair["offer"] not in offers:
            problems.add(where, f"unknown offer {pair['offer']!r}")
            continue
        pairs.append(pair)
        check_pair(pair, requests[pair["request"]], offers[pair["offer"]], voc, problems)

    # --- Counts
    by_kind = Counter(pair["kind"] for pair in pairs)
    relevant = sum(pair["relevant"] for pair in pairs)
    request_languages = Counter(r["language"] for r in requests.values())
    offer_languages = Counter(o["language"] for o in offers.values())
    relevant_per_request = Counter(pair["request"] for pair in pairs if pair["relevant"])
    with_two = sum(1 for key in requests if relevant_per_request[key] >= 2)
    kind_by_language = defaultdict(Counter)
    directions = Counter()
    for pair in pairs:
        request_language = requests[pair["request"]]["language"]
        offer_language = offers[pair["offer"]]["language"]
        kind_by_language[pair["kind"]][request_language] += 1
        if pair["relevant"] and request_language != offer_language:
            directions[f"{request_language}→{offer_language}"] += 1

    if not MIN_REQUESTS <= len(requests) <= MAX_REQUESTS:
        problems.add("counts", f"{len(requests)} requests, expected about 50")
    if not MIN_OFFERS <= len(offers) <= MAX_OFFERS:
        problems.add("counts", f"{len(offers)} offers, expected about 130")
    share_problems(request_languages, len(requests), "requests", problems)
    share_problems(offer_languages, len(offers), "offers", problems)
    if len(pairs) < MIN_PAIRS:
        problems.add("counts", f"{len(pairs)} pairs, at least {MIN_PAIRS} expected")
    for kind_name, minimum in (
        ("cross-lingual", MIN_CROSS_LINGUAL),
        ("text-only", MIN_TEXT_ONLY),
        ("hard-negative", MIN_HARD_NEGATIVES),
        ("negative", MIN_NEGATIVES),
    ):
        if by_kind[kind_name] < minimum:
            problems.add("counts", f"{by_kind[kind_name]} {kind_name} pairs, at least {minimum}")
    # Text-only pairs that are also cross-lingual count as cross-lingual for the brief's (a).
    cross_lingual_relevant = sum(directions.values())
    if requests and with_two / len(requests) < MIN_SHARE_WITH_TWO_RELEVANT:
        problems.add(
            "counts", f"only {with_two} of {len(requests)} requests have 2+ relevant offers"
        )
    for key in requests:
        if relevant_per_request[key] == 0:
            problems.add(f"request {key}", "no relevant offer labelled")
    for name, universe in (
        ("capacity_areas", voc["capacity_areas"]),
        ("support_types", voc["support_types"]),
    ):
        for label, collection in (("requests", requests), ("offers", offers)):
            used = {code for item in collection.values() for code in item[name]}
            if universe - used:
                problems.add("coverage", f"{label} never use {name} {sorted(universe - used)}")
    continents = Counter()
    for request in requests.values():
        code = voc["countries"].get(request["country"]) if request["country"] else request["region"]
        top = chain(code, voc["regions"])
        continents[M49_TOP_LEVEL.get(top[-1] if top else "", "?")] += 1
    for name in M49_TOP_LEVEL.values():
        if not continents[name]:
            problems.add("coverage", f"no request from {name}")
    # M49 has no "Middle East and North Africa": Northern Africa (015) and Western Asia (145).
    mena = sum(
        1
        for r in requests.values()
        if r["country"] and voc["countries"].get(r["country"]) in ("015", "145")
    )
    if not mena:
        problems.add("coverage", "no request from Northern Africa or Western Asia")

    # --- Report
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    print(
        f"requests: {len(requests)}  "
        + "  ".join(f"{lang} {request_languages[lang]}" for lang in ("en", "fr", "es"))
    )
    print(
        f"offers:   {len(offers)}  "
        + "  ".join(f"{lang} {offer_languages[lang]}" for lang in ("en", "fr", "es"))
    )
    print(
        "requests by continent: "
        + ", ".join(f"{name} {continents[name]}" for name in M49_TOP_LEVEL.values())
        + f" (of which Northern Africa and Western Asia {mena})"
    )
    print(f"pairs:    {len(pairs)}  relevant {relevant}  not relevant {len(pairs) - relevant}")
    print(f"{'kind':<15}{'total':>6}{'en':>6}{'fr':>6}{'es':>6}   (by request language)")
    for kind_name in KINDS:
        row = kind_by_language[kind_name]
        print(
            f"{kind_name:<15}{by_kind[kind_name]:>6}"
            + "".join(f"{row[lang]:>6}" for lang in ("en", "fr", "es"))
        )
    print(
        f"relevant pairs across languages (cross-lingual and cross-lingual text-only): "
        f"{cross_lingual_relevant}  " + ", ".join(f"{d} {n}" for d, n in sorted(directions.items()))
    )
    print(f"requests with 2+ relevant offers: {with_two} of {len(requests)}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_PATH))
