"""Pages of assessment cycles: the list, opening a cycle, its overview (sections, contributors,
validation, publication), answering a section (autosaved, with conflict handling), evidence
files, the gap profile (HTML and PDF), the comparison across cycles, and the answers export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.charts import line, radar
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.sections import render_row_parts, render_sections

from .. import evidence, exports, pdf, scoring, selectors, services
from ..choices import AssessmentStatus, VersionStatus
from ..forms import (
    AnswerForm,
    AssessmentOpenForm,
    AssignmentForm,
    ConflictChoiceForm,
    EvidenceForm,
    PublishForm,
)
from ..models import Assessment, Assignment, EvidenceFile, FrameworkVersion
from ..permissions import (
    assigned_domain_ids,
    is_coordinator,
    is_member,
    may_answer_section,
    may_read_section,
    may_read_views,
)

PAGE_SIZE = 25


class AssessmentListView(View):
    """Published assessments for everyone; one's own (and those one contributes to) on top."""

    def get(self, request):
        assessments = selectors.assessment_list(user=request.user)
        framework = request.GET.get("framework", "")
        if framework:
            assessments = assessments.filter(version__framework__code=framework)
        published = assessments.filter(status=AssessmentStatus.PUBLISHED)
        page = Paginator(published, PAGE_SIZE).get_page(request.GET.get("page"))
        mine = (
            assessments.exclude(status=AssessmentStatus.PUBLISHED)
            if request.user.is_authenticated
            else Assessment.objects.none()
        )
        context = {
            "page_obj": page,
            "mine": mine,
            "frameworks": FrameworkVersion.objects.filter(status=VersionStatus.PUBLISHED)
            .select_related("framework")
            .order_by("framework__code"),
            "framework": framework,
            "can_open": bool(_administered(request.user)),
        }
        return render(request, "assessments/assessment_list.html", context)


def _administered(user):
    return organisations_with_role(user=user, role=MembershipRole.ADMIN)


class AssessmentOpenView(LoginRequiredMixin, View):
    template_name = "assessments/assessment_open.html"

    def form(self, data=None):
        organisations = _administered(self.request.user)
        baselines = Assessment.objects.filter(
            organisation__in=organisations,
            status__in=[AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED],
        ).select_related("organisation")
        initial = {"language": self.request.LANGUAGE_CODE}
        chosen = self.request.GET.get("baseline")
        if chosen and chosen.isdigit():
            baseline = baselines.filter(pk=chosen).select_related("version").first()
            if baseline:
                initial |= {
                    "baseline": baseline,
                    "organisation": baseline.organisation,
                    "scope": baseline.scope,
                    "language": baseline.language,
                    "version": baseline.version,
                }
        return AssessmentOpenForm(
            data,
            initial=initial,
            organisations=organisations,
            versions=FrameworkVersion.objects.filter(status=VersionStatus.PUBLISHED)
            .select_related("framework")
            .order_by("framework__code", "-published_at"),
            baselines=baselines,
        )

    def get(self, request):
        return self.render(self.form())

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                assessment = services.assessment_open(
                    actor=request.user,
                    organisation=data["organisation"],
                    version=data["version"],
                    title=data["title"],
                    scope=data["scope"],
                    language=data["language"],
                    signatories_required=data["signatories_required"],
                    baseline=data["baseline"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The assessment is open. Assign its sections."))
                return redirect(assessment)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "administers": _administered(self.request.user).exists()}
        return render(self.request, self.template_name, context, status=status)


class AssessmentDetailView(View):
    """The cycle's overview: where it stands, its sections and who answers them."""

    def get(self, request, pk):
        assessment = selectors.assessment_get(user=request.user, pk=pk)
        return render_overview(request, assessment)


def render_overview(request, assessment, *, assign_form=None, publish_form=None, status=200):
    """The overview page; a refused assignment or publication comes back with its form."""
    user = request.user
    progress = selectors.section_progress(assessment)
    assignments = assessment.assignments.select_related("user", "domain")
    # Who may see the scores sees every section's progress; an invited contributor sees only
    # the sections they may read (theirs), not even the names of the others.
    scores_visible = user_can(user, "view_scores", assessment)
    sections = []
    for domain in assessment.version.domains.all():
        if domain.pk not in progress:
            continue
        readable = may_read_section(user, assessment, domain.pk)
        if not (readable or scores_visible):
            continue
        answered, total = progress[domain.pk]
        sections.append(
            {
                "domain": domain,
                "answered": answered,
                "total": total,
                "readable": readable,
                "assignments": [a for a in assignments if a.domain_id == domain.pk],
            }
        )
    if assign_form is None and user_can(user, "assign", assessment):
        assign_form = AssignmentForm(domains=assessment.version.domains.all())
    if publish_form is None and user_can(user, "publish", assessment):
        publish_form = PublishForm()
    context = {
        "assessment": assessment,
        "steps": AssessmentStatus.choices,
        "sections": sections,
        "member": is_member(user, assessment),
        "coordinator": is_coordinator(user, assessment),
        "assign_form": assign_form,
        "publish_form": publish_form,
        "signatures": assessment.signatures.select_related("user"),
        "actions": {
            action: user_can(user, action, assessment)
            for action in (
                "start_consultation",
                "submit",
                "return_to_draft",
                "sign",
                "reassess",
                "view_scores",
                "view_answers",
            )
        },
        "baseline_visible": assessment.baseline_id is not None
        and user_can(user, "view", assessment.baseline),
        "sign_blocked": _sign_blocked(user, assessment),
        "can_export": is_member(user, assessment) or bool(assigned_domain_ids(user, assessment)),
    }
    return render(request, "assessments/assessment_detail.html", context, status=status)


def _sign_blocked(user, assessment) -> bool:
    """An administrator of an unverified government sees why they cannot sign yet."""
    organisation = assessment.organisation
    return (
        assessment.status == AssessmentStatus.SUBMITTED
        and is_coordinator(user, assessment)
        and organisation.acts_for_state
        and not organisation.can_publish_for_state
    )


# --- Sections and answers -------------------------------------------------------------------


class SectionView(View):
    """One section: each indicator with its levels, the agreed answer, the person's own answer
    (autosaved) and, for the organisation's members, every contributor's view side by side."""

    template_name = "assessments/section.html"

    def get(self, request, pk, domain):
        assessment = selectors.assessment_get(user=request.user, pk=pk)
        domain = _readable_domain(request.user, assessment, domain)
        return render_section(request, assessment, domain)


def _readable_domain(user, assessment, code):
    domain = get_object_or_404(assessment.version.domains, code=code)
    if not may_read_section(user, assessment, domain.pk):
        raise PermissionDenied
    return domain


def render_section(request, assessment, domain, *, forms=None, upload_errors=None, status=200):
    """`forms` (indicator id → (kind, form, message)) and `upload_errors` (indicator id →
    message) carry a refused submission back onto the page."""
    user = request.user
    tree = selectors.assessment_tree(assessment, domain_ids=[domain.pk])
    indicators = [i for d in tree for s in d.sub_areas.all() for i in s.indicators.all()]
    ids = [i.pk for i in indicators]
    agreed = selectors.agreed_answers(assessment)
    views = selectors.contributor_views(
        assessment, ids, user=user, all_views=may_read_views(user, assessment)
    )
    may_answer = may_answer_section(user, assessment, domain.pk)
    may_agree = user_can(user, "agree", assessment)
    levels = list(assessment.version.levels.all())
    forms = forms or {}
    upload_errors = upload_errors or {}
    items = []
    for indicator in indicators:
        mine = next((v for v in views.get(indicator.pk, []) if v.author_id == user.pk), None)
        item = {
            "indicator": indicator,
            "agreed": agreed.get(indicator.pk),
            "views": views.get(indicator.pk, []),
            "mine": mine,
            "upload_error": upload_errors.get(indicator.pk),
            "upload_form": EvidenceForm() if may_answer and mine else None,
        }
        if may_answer:
            item["my_form"] = forms.get((indicator.pk, "mine")) or _answer_form(
                mine, levels, f"mine-{indicator.pk}"
            )
        if may_agree:
            item["agreed_form"] = forms.get((indicator.pk, "agreed")) or _answer_form(
                item["agreed"], levels, f"agreed-{indicator.pk}"
            )
        items.append(item)
    context = {
        "assessment": assessment,
        "domain": tree[0] if tree else domain,
        "items": items,
        "levels": levels,
        "member": is_member(user, assessment),
        "may_answer": may_answer,
        "may_agree": may_agree,
        "evidence_kinds": evidence.accepted_extensions(),
        "evidence_limit": settings.ASSESSMENTS["EVIDENCE_MAX_BYTES"],
        "other_sections": [
            d
            for d in assessment.version.domains.all()
            if d.pk != domain.pk and may_read_section(user, assessment, d.pk)
        ],
    }
    return render(request, "assessments/section.html", context, status=status)


def _answer_form(answer, levels, ident):
    initial = {"lock_version": 0}
    if answer is not None:
        initial = {
            "level": answer.level,
            "desired_level": answer.desired_level,
            "priority": answer.priority,
            "evidence": answer.evidence,
            "links": answer.links,
            "lock_version": answer.lock_version,
        }
    return AnswerForm(initial=initial, levels=levels, ident=ident)


ANSWER_KINDS = {"mine", "agreed"}


@require_POST
@login_required
def answer_save(request, pk, indicator, kind):
    """Save the person's own answer (`kind` "mine") or the agreed answer ("agreed"). Called by
    autosave (htmx) and by the plain form. A save over a newer version is a conflict: nothing is
    written, both versions are shown, the person's text stays in the form, and autosave stops
    for this answer until the person chooses: "resolve=theirs" takes the current answer back,
    "resolve=mine" saves theirs over it, naming the version they have seen."""
    if kind not in ANSWER_KINDS:
        raise Http404
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    indicator = get_object_or_404(assessment.applicable_indicators(), code=indicator)
    domain = indicator.sub_area.domain
    if not may_read_section(request.user, assessment, domain.pk):
        raise PermissionDenied
    levels = list(assessment.version.levels.all())
    ident = f"{kind}-{indicator.pk}"
    choice = None
    if "resolve" in request.POST:
        choice = ConflictChoiceForm(request.POST)
        if not choice.is_valid():
            raise BadRequest
        if choice.cleaned_data["resolve"] == "theirs":
            return _keep_theirs(request, assessment, domain, indicator, kind, levels)
    form = AnswerForm(request.POST, levels=levels, ident=ident)
    save = services.answer_save if kind == "mine" else services.agreed_answer_set
    conflict = None
    if form.is_valid():
        expected = form.cleaned_data["lock_version"]
        if choice is not None:
            expected = choice.cleaned_data["their_version"]
        try:
            saved = save(
                actor=request.user,
                assessment=assessment,
                indicator=indicator,
                expected_version=expected,
                **form.answer_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except services.AnswerConflict as error:
            conflict = error.current
            if conflict is None:  # a version for an answer that does not exist: a stale page
                form.add_error(
                    None, _("This answer changed while you were editing it: reload the page.")
                )
            else:
                # The form keeps what the person typed and the version they started from, so
                # nothing they send without choosing (a queued autosave, another tab) can
                # overwrite the newer answer.
                form.show_conflict(conflict)
        else:
            if choice is not None and request.htmx:
                # The conflict is settled: the form comes back as a plain one, autosaving again.
                fresh = _answer_form(saved, levels, ident)
                return _answer_fragment(request, assessment, indicator, kind, fresh, saved=saved)
            return _saved(request, assessment, domain, indicator, kind, saved)
    status = 409 if conflict is not None else 422
    if request.htmx:
        return _answer_fragment(request, assessment, indicator, kind, form, status=status)
    forms = {(indicator.pk, kind): form}
    if conflict is not None:
        messages.error(request, _conflict_message(conflict))
    return render_section(request, assessment, domain, forms=forms, status=status)


def _answer_fragment(request, assessment, indicator, kind, form, *, saved=None, status=200):
    """The answer form alone, replacing the one on the page."""
    response = render(
        request,
        "assessments/_answer_form.html",
        {
            "kind": kind,
            "form": form,
            "saved": saved,
            "assessment": assessment,
            "indicator": indicator,
        },
        status=status,
    )
    return reswap(retarget(response, f"#{kind}-form-{indicator.pk}"), "outerHTML")


def _keep_theirs(request, assessment, domain, indicator, kind, levels):
    """After a conflict, the person drops their text and takes the current answer back."""
    if kind == "mine":
        current = assessment.answers.filter(indicator=indicator, author=request.user).first()
    else:
        current = assessment.agreed_answers.filter(indicator=indicator).first()
    if not request.htmx:
        return redirect(_section_url(assessment, domain, indicator))
    form = _answer_form(current, levels, f"{kind}-{indicator.pk}")
    return _answer_fragment(request, assessment, indicator, kind, form)


def _section_url(assessment, domain, indicator) -> str:
    url = reverse("assessments:section", kwargs={"pk": assessment.pk, "domain": domain.code})
    return f"{url}#indicator-{indicator.code}"


def _conflict_message(current) -> str:
    return _(
        "Someone else changed this answer at %(time)s while you were editing it. Both versions "
        "are shown and nothing is saved until you choose: keep theirs, or save yours anyway."
    ) % {"time": time_format(timezone.localtime(current.updated))}


def _saved(request, assessment, domain, indicator, kind, saved):
    if request.htmx:
        # Autosave: the person may still be typing, so the form is left alone; only the status
        # line and the version the next save is based on change (out-of-band swaps).
        return render(
            request,
            "assessments/_answer_saved.html",
            {"kind": kind, "indicator": indicator, "saved": saved},
        )
    messages.success(request, _("Saved."))
    return redirect(_section_url(assessment, domain, indicator))


@require_POST
@login_required
def evidence_upload(request, pk, indicator):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    indicator = get_object_or_404(assessment.applicable_indicators(), code=indicator)
    domain = indicator.sub_area.domain
    answer = assessment.answers.filter(indicator=indicator, author=request.user).first()
    if answer is None or not may_read_section(request.user, assessment, domain.pk):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    error = None
    if not form.is_valid():
        error = " ".join(form.errors.get("file", [_("Choose a file.")]))
    else:
        try:
            services.evidence_add(
                actor=request.user, answer=answer, upload=form.cleaned_data["file"]
            )
        except ValidationError as refused:
            error = " ".join(refused.message_dict.get("file", refused.messages))
    if error:
        return render_section(
            request, assessment, domain, upload_errors={indicator.pk: error}, status=400
        )
    messages.success(request, _("The file is attached."))
    return redirect(_section_url(assessment, domain, indicator))


def _evidence(request, pk, evidence_id) -> EvidenceFile:
    """Evidence files are working papers: the organisation's members and the file's author read
    them, nobody else (published answers disclose the agreed evidence text, not the files)."""
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    stored = get_object_or_404(
        EvidenceFile.objects.select_related("answer"), pk=evidence_id, answer__assessment=assessment
    )
    if not (is_member(request.user, assessment) or stored.answer.author_id == request.user.pk):
        raise Http404
    return stored


def evidence_download(request, pk, evidence_id):
    stored = _evidence(request, pk, evidence_id)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def evidence_delete(request, pk, evidence_id):
    stored = _evidence(request, pk, evidence_id)
    answer = stored.answer
    services.evidence_delete(actor=request.user, evidence=stored)
    messages.success(request, _("The file is removed."))
    return redirect(
        _section_url(answer.assessment, answer.indicator.sub_area.domain, answer.indicator)
    )


# --- Contributors and the way to publication -------------------------------------------------


@require_POST
@login_required
def assignment_add(request, pk):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    require(request.user, "assign", assessment)
    form = AssignmentForm(request.POST, domains=assessment.version.domains.all())
    if form.is_valid():
        user = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if user is None:
            form.add_error(
                "email",
                _("No account uses this address. Invite the person to sign up, then assign them."),
            )
        else:
            try:
                services.assignment_add(
                    actor=request.user,
                    assessment=assessment,
                    domain=form.cleaned_data["domain"],
                    user=user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The section is assigned."))
                return redirect(assessment)
    return render_overview(request, assessment, assign_form=form, status=400)


@require_POST
@login_required
def assignment_remove(request, pk, assignment_id):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    assignment = get_object_or_404(Assignment, pk=assignment_id, assessment=assessment)
    services.assignment_remove(actor=request.user, assignment=assignment)
    messages.success(request, _("The contributor no longer has this section."))
    return redirect(assessment)


TRANSITIONS = {
    "consult": (services.consultation_start, _("The assessment is open for consultation.")),
    "submit": (services.assessment_submit, _("Submitted: the focal points can validate it.")),
    "return": (services.assessment_return_to_draft, _("The assessment is back in draft.")),
    "sign": (services.assessment_sign, _("Your signature is recorded.")),
}


@require_POST
@login_required
def transition(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    service, done = TRANSITIONS[action]
    try:
        service(actor=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render_overview(request, assessment, status=400)
    messages.success(request, done)
    return redirect(assessment)


@require_POST
@login_required
def publish(request, pk):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    require(request.user, "publish", assessment)
    form = PublishForm(request.POST)
    if form.is_valid():
        services.assessment_publish(
            actor=request.user, assessment=assessment, disclosure=form.cleaned_data["disclosure"]
        )
        messages.success(request, _("The assessment is published."))
        return redirect(assessment)
    return render_overview(request, assessment, publish_form=form, status=400)


# --- Profile, comparison, export -------------------------------------------------------------


def _scores_visible(request, pk) -> Assessment:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    require(request.user, "view_scores", assessment)
    return assessment


def profile_view(request, pk):
    """The gap profile: scores by domain (radar and table), sub-area and indicator (every
    applicable indicator, answered or not, with its gap and priority), the well-developed areas
    and those with potential, and peers to learn from."""
    assessment = _scores_visible(request, pk)
    profile = selectors.profile(assessment)
    low, high = scoring.value_range(assessment.version.scale)
    chart = radar(
        [domain.name for domain in profile.domains],
        [(assessment.title, [domain.value for domain in profile.domains])],
        low=low,
        high=high,
    )
    context = {
        "assessment": assessment,
        "profile": profile,
        "chart": chart,
        "low": low,
        "high": high,
        "levels": {level.value: level.label for level in assessment.version.levels.all()},
        "peers": selectors.peers(assessment, profile) if assessment.is_published else None,
        "can_compare": len(selectors.cycles(assessment, user=request.user)) > 1,
        # What higher modules add: the hub's requests for support answering these gaps, and
        # in each indicator's row the link to ask for support on its gap.
        "sections": render_sections("assessment_profile", request, (assessment, profile)),
        "row_parts": render_row_parts(
            "assessment_profile_rows",
            request,
            [(assessment, result) for result in profile.indicators],
        ),
    }
    return render(request, "assessments/profile.html", context)


def profile_pdf(request, pk):
    assessment = _scores_visible(request, pk)
    content = pdf.assessment_pdf(assessment)  # in the assessment's language, as it was written
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="assessment-{assessment.pk}.pdf"'
    return response


def compare_view(request, pk):
    """Change since the baseline, per domain and indicator, over every cycle the person may
    see of this organisation and framework."""
    assessment = _scores_visible(request, pk)
    series = selectors.cycles(assessment, user=request.user)
    series = [cycle for cycle in series if cycle.created <= assessment.created] or [assessment]
    comparison = selectors.comparison(series)
    low, high = scoring.value_range(assessment.version.scale)
    chart = line(
        [cycle.title for cycle in comparison["cycles"]],
        [(row["name"], row["values"]) for row in comparison["domains"]],
        low=low,
        high=high,
    )
    context = {"assessment": assessment, "comparison": comparison, "chart": chart}
    return render(request, "assessments/compare.html", context)


def export_view(request, pk, extension):
    if extension not in {"csv", "xlsx"}:
        raise Http404
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    allowed = user_can(request.user, "view_answers", assessment) or bool(
        assigned_domain_ids(request.user, assessment)
    )
    if not allowed:
        raise PermissionDenied
    rows = exports.answer_rows(assessment, user=request.user)
    content, content_type, filename = exports.export(assessment, rows, extension)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
