"""Pages of knowledge items: the list of published practices, lessons and resources (filtered in
place with htmx), my organisations' items, writing one (autosaved as one types, with a version
check), submitting it to the curators, its page in the reader's language, corrections kept as
versions, translations, the resource's file, ratings and replications, and withdrawal."""

import difflib
import re
import uuid
from urllib.parse import urlencode, urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.accounts.selectors import organisations_with_role
from passerelle.community.markdown import render as render_markdown
from passerelle.community.sections import discussion_context
from passerelle.core import content_translation
from passerelle.core.forms import add_service_errors
from passerelle.core.models import AuditEntry, TranslationProvenance
from passerelle.core.permissions import get_visible_or_404, require, user_can
from passerelle.core.workflow import Transition, perform_transition

from .. import pdf, selectors
from ..choices import Audience, ItemKind, ItemStatus, ReviewStatus
from ..filters import ItemFilter
from ..forms.items import (
    FileForm,
    ItemForm,
    MyItemsFilterForm,
    RatingForm,
    ReplicationForm,
    TranslationForm,
    WithdrawForm,
    section_label,
)
from ..models import SECTIONS, Item, PracticeCall
from ..permissions import is_author, is_curator
from ..services import items as services
from ..services import reading
from .curation import curation_context

PAGE_SIZE = 20
MY_PAGE_SIZE = 50
OPEN_CALLS_SHOWN = 5
# Curators act on an item through these steps; their panel shows when one is open to them.
# My items, the ones waiting for me first.
STATUS_ORDER = (
    ItemStatus.CHANGES_REQUESTED,
    ItemStatus.DRAFT,
    ItemStatus.SUBMITTED,
    ItemStatus.IN_REVIEW,
    ItemStatus.PUBLISHED,
    ItemStatus.DECLINED,
    ItemStatus.WITHDRAWN,
)
LANGUAGES = dict(settings.LANGUAGES)


def _bad_request(request, message):
    return render(request, "knowledge/bad_request.html", {"message": message}, status=400)


def _language_name(code: str) -> str:
    return get_language_info(code)["name_translated"] if code in LANGUAGES else code


def _editor_organisations(user):
    return organisations_with_role(user=user, role=MembershipRole.EDITOR)


# The list ------------------------------------------------------------------------------------


def item_list(request):
    user = request.user
    filterset = ItemFilter(request.GET, queryset=selectors.published_items(user=user))
    context = {"filter": filterset, "page_obj": None, "rows": []}
    if not filterset.is_valid():
        return _list_response(request, context, status=400)
    # Aggregates leave out Meta.ordering: the latest first, said again.
    listed = filterset.qs.prefetch_related("gcm_objectives").order_by("-published_at", "-pk")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(page_obj=page, rows=_rows(list(page.object_list), request.LANGUAGE_CODE))
    return _list_response(request, context)


def _list_response(request, context, *, status=200):
    """The filters replace only the results (htmx); the whole page otherwise, and when htmx
    restores a page from its history."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "knowledge/_item_results.html", context, status=status)
    else:
        context.update(
            open_calls=list(selectors.open_calls(user=request.user)[:OPEN_CALLS_SHOWN]),
            can_share=_editor_organisations(request.user).exists(),
        )
        response = render(request, "knowledge/item_list.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _rows(items: list[Item], language: str) -> list[dict]:
    """Each item with its title and summary in the reader's language where translated (the
    page's translations in one query)."""
    translations = selectors.translations_in(items, language)
    rows = []
    for item in items:
        found = translations.get(item.pk, {})
        title = content_translation.in_language(item, ["title"], language, found)
        summary = content_translation.in_language(item, ["summary"], language, found)
        rows.append({"item": item, "title": title, "summary": summary})
    return rows


@login_required
def my_items(request):
    user = request.user
    mine = Item.objects.filter(organisation__in=user.organisation_ids)
    counts = dict(mine.values_list("status").annotate(n=Count("pk")).order_by())
    form = MyItemsFilterForm(
        request.GET or None,
        choices=[(s.value, f"{s.label} ({counts.get(s.value, 0)})") for s in STATUS_ORDER],
    )
    items = selectors.my_items(user=user)
    if form.is_bound:
        if not form.is_valid():
            context = {"form": form, "page_obj": None, "counts": counts}
            return render(request, "knowledge/my_items.html", context, status=400)
        if form.cleaned_data["status"]:
            items = items.filter(status=form.cleaned_data["status"])
    rank = Case(
        *[When(status=status, then=Value(n)) for n, status in enumerate(STATUS_ORDER)],
        output_field=IntegerField(),
    )
    items = items.annotate(status_rank=rank).order_by("status_rank", "-updated")
    page = Paginator(items, MY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "counts": counts,
        "can_share": _editor_organisations(user).exists(),
    }
    return render(request, "knowledge/my_items.html", context)


# Writing -------------------------------------------------------------------------------------


def _refused_form(form, error: ValidationError):
    """A service's refusal shown on a form, bound or not."""
    if not form.is_bound:
        form.cleaned_data = {}
    add_service_errors(form, error)


@login_required
def item_create(request):
    user = request.user
    kind = request.GET.get("kind", "")
    if kind not in ItemKind.values:
        return _bad_request(
            request, _("Choose what you share: a practice, a lesson or a resource.")
        )
    organisations = _editor_organisations(user)
    if not organisations.exists():
        raise PermissionDenied
    call = None
    if request.GET.get("call"):
        if not request.GET["call"].isdigit():
            raise Http404
        call = selectors.call_get(user=user, pk=int(request.GET["call"]))
        if kind != ItemKind.PRACTICE:
            return _bad_request(request, _("Calls for practices collect practices only."))
        if not user_can(user, "answer", call):
            return _bad_request(request, _("This call for practices is not open for answers."))
    calls = PracticeCall.objects.filter(pk=call.pk) if call else PracticeCall.objects.none()
    options = {"kind": kind, "user": user, "organisations": organisations, "calls": calls}
    if request.method == "POST":
        form = ItemForm(request.POST, **options)
        if form.is_valid():
            try:
                item = services.item_create(
                    actor=user,
                    organisation=form.cleaned_data["organisation"],
                    kind=kind,
                    data=form.item_data(),
                    call=form.cleaned_data["call"],
                    submission_key=form.cleaned_data["submission_key"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Saved as a draft. Only your organisation sees it until you submit it."),
                )
                return redirect("knowledge:item_edit", pk=item.pk)
        status = 400
    else:
        initial = {"submission_key": uuid.uuid4(), "call": call}
        form = ItemForm(initial=initial, **options)
        status = 200
    context = {"form": form, "kind": kind, "kind_label": ItemKind(kind).label, "call": call}
    return render(request, "knowledge/item_form.html", context, status=status)


def _item_for_change(request, pk) -> Item:
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "change", item)
    return item


def _edit_form(request, item, data=None) -> ItemForm:
    options = {"kind": item.kind, "user": request.user, "item": item}
    if data is not None:
        return ItemForm(data, **options)
    return ItemForm(initial=ItemForm.initial_for(item), **options)


def _item_data(request, item, form):
    """What the form says, keeping links to what the person cannot see (a curator correcting
    an item must not drop its private projects)."""
    data = form.item_data()
    for name in ItemForm.LINKS:
        offered = form.fields[name].queryset
        # Not through `item`: its prefetched links are only those the person can see.
        linked = Item._meta.get_field(name).related_model.objects.filter(knowledge_items=item)
        hidden = linked.exclude(pk__in=offered.values("pk"))
        setattr(data, name, [*getattr(data, name), *hidden])
    return data


def _render_edit(
    request, item, form, *, status=200, conflict=None, file_form=None, submit_refused=False
):
    context = {
        "submit_refused": submit_refused,
        "item": item,
        "form": form,
        "kind": item.kind,
        "kind_label": item.get_kind_display(),
        "conflict": conflict,
        "autosave": not item.is_published and conflict is None,
        "file_form": file_form or (FileForm() if item.kind == ItemKind.RESOURCE else None),
        "can_submit": user_can(request.user, "submit", item),
        "max_file_size": settings.KNOWLEDGE["FILE_MAX_BYTES"],
    }
    return render(request, "knowledge/item_form.html", context, status=status)


def _conflict(item: Item) -> dict:
    """Who saved the item last, and when: what a refused save tells the person."""
    current = Item.objects.get(pk=item.pk)
    entry = (
        AuditEntry.objects.for_object(current)
        .filter(action__in=("knowledge.item.updated", "knowledge.item.corrected"))
        .select_related("actor")
        .order_by("-created", "-pk")
        .first()
    )
    return {"item": current, "by": entry.actor if entry else None}


def _save(request, item, form):
    """Save the edit form: (item, None) when saved, (None, conflict) when someone saved first,
    (None, None) when refused (the errors are on the form)."""
    if not form.is_valid():
        return None, None
    try:
        saved = services.item_update(
            actor=request.user,
            item=item,
            data=_item_data(request, item, form),
            lock_version=form.cleaned_data.get("lock_version"),
            note=form.cleaned_data.get("note", ""),
        )
    except ValidationError as error:
        if getattr(error, "code", None) == services.STALE:
            return None, _conflict(item)
        add_service_errors(form, error)
        return None, None
    return saved, None


@login_required
def item_edit(request, pk):
    item = _item_for_change(request, pk)
    if request.method != "POST":
        return _render_edit(request, item, _edit_form(request, item))
    form = _edit_form(request, item, request.POST)
    saved, conflict = _save(request, item, form)
    if saved is not None:
        if saved.is_published:
            messages.success(request, _("The correction is published as version %(n)d.") % {
                "n": saved.version})  # fmt: skip
            return redirect(saved)
        messages.success(request, _("Saved."))
        return redirect("knowledge:item_edit", pk=saved.pk)
    if conflict is not None:
        # Keep what the person typed; a second save, now that they were told, keeps theirs.
        data = request.POST.copy()
        data["lock_version"] = conflict["item"].lock_version
        form = _edit_form(request, item, data)
        form.is_valid()
        return _render_edit(request, item, form, status=409, conflict=conflict)
    return _render_edit(request, item, form, status=400)


@require_POST
@login_required
def item_autosave(request, pk):
    """Save as the person types (htmx). A save based on an outdated version changes nothing and
    says so; the form is left alone, so nothing typed is lost."""
    item = _item_for_change(request, pk)
    if item.is_published:
        return _bad_request(
            request, _("A correction of a published item is saved with a note, not autosaved.")
        )
    form = _edit_form(request, item, request.POST)
    saved, conflict = _save(request, item, form)
    if saved is not None:
        return render(request, "knowledge/_autosave.html", {"saved": saved})
    if conflict is not None:
        return render(request, "knowledge/_autosave.html", {"conflict": conflict}, status=409)
    return render(request, "knowledge/_autosave.html", {"form": form}, status=422)


@require_POST
@login_required
def item_submit(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "submit", item)
    try:
        services.item_submit(actor=request.user, item=item)
    except ValidationError as error:
        form = _edit_form(request, item)
        _refused_form(form, error)
        return _render_edit(request, item, form, status=400, submit_refused=True)
    messages.success(request, _("Submitted. The curators will read it and ask peers to review it."))
    return redirect(item)


@require_POST
@login_required
def item_file(request, pk):
    item = _item_for_change(request, pk)
    if item.kind != ItemKind.RESOURCE:
        return _bad_request(request, _("Only resources carry a file."))
    file_form = FileForm(request.POST, request.FILES)
    if file_form.is_valid():
        try:
            services.item_attach_file(
                actor=request.user, item=item, upload=file_form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(file_form, error)
        else:
            messages.success(request, _("The file is attached."))
            return redirect("knowledge:item_edit", pk=item.pk)
    form = _edit_form(request, item)
    return _render_edit(request, item, form, status=400, file_form=file_form)


# The item's page -----------------------------------------------------------------------------


def _safe_link(url: str) -> str:
    return url if urlparse(url).scheme in ("http", "https") else ""


def _file_size(item: Item):
    try:
        return item.file.size if item.file else None
    except OSError:
        return None


def _languages(item: Item, translations: dict, fields: list[str]) -> list[dict]:
    """The languages the item can be read in: the original and every complete translation."""
    available = [item.language] + [
        code
        for code in LANGUAGES
        if code != item.language
        and not content_translation.in_language(item, fields, code, translations).is_original
    ]
    return [
        {"code": code, "name": _language_name(code), "original": code == item.language}
        for code in available
    ]


def _reviews_for_authors(request, item) -> list[dict]:
    """The submitted reviews the person may read, with the reviewer's name only for those who
    may know it (never the authors)."""
    if not user_can(request.user, "view_reviews", item):
        return []
    user = request.user
    return [
        {
            "review": review,
            "reviewer": review.reviewer if user_can(user, "view_reviewer", review) else None,
            "checks": list(review.checks.all()),
        }
        for review in selectors.reviews_of(item, user=request.user)
        if review.status == ReviewStatus.SUBMITTED
    ]


def item_detail(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    return render_detail(request, item)


def render_detail(request, item, *, status=200, forms=None):
    user, forms = request.user, forms or {}
    asked = request.GET.get("lang")
    if asked is not None and asked not in LANGUAGES:
        return _bad_request(request, _("This language is not offered."))
    language = asked or request.LANGUAGE_CODE
    fields = ["title", "summary", *item.sections]
    translations = content_translation.translations_of(item)
    rendering = content_translation.in_language(item, fields, language, translations)
    texts = rendering.fields
    sections = [
        {"name": name, "label": section_label(name), "html": _markdown(texts[name])}
        for name in item.sections
        if texts[name]
    ]
    actions = {
        action: user_can(user, action, item)
        for action in ("change", "submit", "withdraw", "translate", "rate", "report_replication")
    }
    authors_or_curators = is_author(user, item, MembershipRole.VIEWER) or is_curator(user)
    latest_version = item.versions.order_by("-number").first() if item.version else None
    evaluation = item.evaluation
    if evaluation is not None and not user_can(user, "view", evaluation.project):
        evaluation = None
    context = {
        "item": item,
        "rendering": rendering,
        "title": texts["title"],
        "summary_html": _markdown(texts["summary"]),
        "sections": sections,
        "asked_language": language,
        "asked_language_name": _language_name(language),
        "original_language_name": _language_name(item.language),
        "missing_translation": rendering.is_original and language != item.language,
        "item_languages": _languages(item, translations, fields),
        "actions": actions,
        "translate_to": [
            {"code": code, "name": _language_name(code)}
            for code in LANGUAGES
            if code != item.language
        ],
        "withdraw_form": forms.get("withdraw") or WithdrawForm(prefix="withdraw"),
        "audiences": _labels(Audience, item.audiences),
        "actor_types": _labels(OrganisationType, item.actor_types),
        "safe_link": _safe_link(item.link),
        "file_size": _file_size(item),
        "evaluation": evaluation,
        "latest_version": latest_version,
        "reviews": _reviews_for_authors(request, item),
        "history": _history(item) if authors_or_curators else None,
        "curation": curation_context(request, item),
    }
    if item.is_published:
        rating = selectors.rating_of(item, user)
        context.update(
            rating=rating,
            rating_form=forms.get("rating") or RatingForm(initial={"stars": rating["mine"]}),
            replications=list(selectors.replications(item, user)),
            related=_related(item, user, request.LANGUAGE_CODE),
            discussion=discussion_context(request, item),
            can_replicate=actions["report_replication"] and _editor_organisations(user).exists(),
        )
    return render(request, "knowledge/item_detail.html", context, status=status)


def _history(item) -> list:
    """The item's way so far; the saves of one person in a row (autosave) as one step."""
    steps = []
    for entry in selectors.history(item):
        last = steps[-1] if steps else None
        if (
            last is not None
            and entry.action == last.action == "knowledge.item.updated"
            and entry.actor_id == last.actor_id
        ):
            steps[-1] = entry
            continue
        steps.append(entry)
    return steps


def _labels(choices, codes) -> list[tuple[str, str]]:
    return [(code, choices(code).label) for code in codes if code in choices.values]


def _related(item, user, language) -> list[dict]:
    return _rows(selectors.related_items(item, user=user), language)


def _markdown(text: str):
    # nh3 has sanitised the HTML: only the allowed tags and link schemes remain.
    return mark_safe(render_markdown(text).html) if text else ""


TRANSITIONS = {
    "withdraw": Transition(
        services.item_withdraw, gettext_lazy("The item is withdrawn: readers no longer see it.")
    ),
}


@require_POST
@login_required
def item_withdraw(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "withdraw", item)
    return perform_transition(
        request, item, TRANSITIONS["withdraw"], keyword="item", page=render_detail,
        prefix="withdraw",
    )  # fmt: skip


def item_download(request, pk):
    """The resource's file, as visible as the item, always as an attachment."""
    item = get_visible_or_404(Item.objects.all(), request.user, pk=pk)
    require(request.user, "download", item)
    if not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    services.download_counted(item=item)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.file_name or item.file.name.rsplit("/", 1)[-1],
        content_type=item.file_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def item_pdf(request, pk):
    """The item as a printable A4 sheet, in the language it is read in (`?lang=` as on its
    page)."""
    item = selectors.item_get(user=request.user, pk=pk)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in LANGUAGES:
        return _bad_request(request, _("This language is not offered."))
    content = pdf.item_pdf(
        item, selectors.rendering(item, language), url=settings.SITE_URL + item.get_absolute_url()
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="passerelle-{item.kind}-{item.pk}.pdf"'
    return response


# Translations --------------------------------------------------------------------------------


@login_required
def item_translate(request, pk, language):
    if language not in LANGUAGES:
        raise Http404
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "translate", item)
    if language == item.language:
        return _bad_request(request, _("This is the item's original language."))
    fields = [name for name in ("title", "summary", *item.sections) if getattr(item, name)]
    existing = content_translation.translations_of(item).get(language, {})
    engine = content_translation.provider()
    status = 200
    if request.method == "POST" and request.POST.get("action") == "machine":
        if engine is None:
            return _bad_request(request, _("No machine translation service is configured."))
        services.item_machine_translate(actor=request.user, item=item, language=language)
        messages.success(request, _("Machine-translated. Check the text, then save it."))
        return redirect("knowledge:item_translate", pk=item.pk, language=language)
    if request.method == "POST":
        form = TranslationForm(request.POST, item=item, fields=fields)
        if form.is_valid():
            try:
                services.item_translate(
                    actor=request.user, item=item, language=language, texts=form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The translation is saved."))
                return redirect(f"{item.get_absolute_url()}?{urlencode({'lang': language})}")
        status = 400
    else:
        initial = {name: row.text for name, row in existing.items() if name in fields}
        form = TranslationForm(initial=initial, item=item, fields=fields)
    context = {
        "item": item,
        "form": form,
        "language": language,
        "language_name": _language_name(language),
        "original_language_name": _language_name(item.language),
        "machine_available": engine is not None,
        "machine_fields": sorted(
            section_label(name)
            for name, row in existing.items()
            if row.provenance == TranslationProvenance.MACHINE and name in fields
        ),
    }
    return render(request, "knowledge/item_translate.html", context, status=status)


# Versions ------------------------------------------------------------------------------------


def item_versions(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    versions = item.versions.select_related("created_by").order_by("-number")
    return render(request, "knowledge/item_versions.html", {"item": item, "versions": versions})


TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
SCALARS = ("language", "scope", "resource_type", "issued_on", "link")


def diff_html(before: str, after: str):
    """`before` → `after` word by word: removed words in <del>, added ones in <ins>, each with a
    hidden prefix for screen readers; everything escaped."""
    old, new = TOKEN.findall(before or ""), TOKEN.findall(after or "")
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html('<del><span class="visually-hidden">{} </span>{}</del>',
                                     _("removed:"), "".join(old[i1:i2])))  # fmt: skip
        if j2 > j1:
            parts.append(format_html('<ins><span class="visually-hidden">{} </span>{}</ins>',
                                     _("added:"), "".join(new[j1:j2])))  # fmt: skip
    return mark_safe("".join(str(part) for part in parts))  # each part is escaped


def item_version(request, pk, number):
    item = selectors.item_get(user=request.user, pk=pk)
    version = get_object_or_404(item.versions.select_related("created_by"), number=number)
    snapshot = version.snapshot
    texts = []
    for name in ("title", "summary", *SECTIONS[item.kind]):
        then, now = snapshot.get(name) or "", getattr(item, name) or ""
        if not (then or now):
            continue
        texts.append(
            {
                "label": section_label(name),
                "then": then,
                "changed": then != now,
                "diff": diff_html(then, now) if then != now else None,
            }
        )
    current = {name: getattr(item, name) for name in SCALARS}
    current["issued_on"] = item.issued_on.isoformat() if item.issued_on else None
    settings_changed = [
        {
            "label": section_label(name),
            "then": snapshot.get(name) or "—",
            "now": current[name] or "—",
        }
        for name in SCALARS
        if (snapshot.get(name) or None) != (current[name] or None)
    ]
    context = {
        "item": item,
        "version": version,
        "texts": texts,
        "settings_changed": settings_changed,
        "is_current": version.number == item.version,
    }
    return render(request, "knowledge/item_version.html", context)


# What readers add ----------------------------------------------------------------------------


@require_POST
@login_required
def item_rate(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "rate", item)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            reading.rating_set(actor=request.user, item=item, stars=form.cleaned_data["stars"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.htmx:
                rating = selectors.rating_of(item, request.user)
                context = {
                    "item": item,
                    "rating": rating,
                    "rating_form": RatingForm(initial={"stars": rating["mine"]}),
                    "actions": {"rate": True},
                    "thanks": True,
                }
                return render(request, "knowledge/_rating.html", context)
            messages.success(request, _("Thank you: your rating is saved."))
            return redirect(f"{item.get_absolute_url()}#rating")
    if request.htmx:
        context = {
            "item": item,
            "rating": selectors.rating_of(item, request.user),
            "rating_form": form,
            "actions": {"rate": True},
        }
        return render(request, "knowledge/_rating.html", context, status=422)
    return render_detail(request, item, status=400, forms={"rating": form})


@login_required
def replication_create(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "report_replication", item)
    organisations = _editor_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    options = {"user": request.user, "organisations": organisations}
    status = 200
    if request.method == "POST":
        form = ReplicationForm(request.POST, **options)
        if form.is_valid():
            data = form.cleaned_data
            try:
                reading.replication_report(
                    actor=request.user,
                    item=item,
                    organisation=data["organisation"],
                    description=data["description"],
                    project=data["project"],
                    country=data["country"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your replication is listed on the item."))
                return redirect(f"{item.get_absolute_url()}#replications")
        status = 400
    else:
        form = ReplicationForm(**options)
    context = {"item": item, "form": form}
    return render(request, "knowledge/replication_form.html", context, status=status)
