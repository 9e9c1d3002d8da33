from django.urls import path

from . import iati_views
from .views import evaluations, projects, reporting, results

app_name = "projects"

urlpatterns = [
    path("", projects.ProjectListView.as_view(), name="project_list"),
    path("new/", projects.ProjectFormView.as_view(), name="project_create"),
    path("iati.xml", iati_views.projects_iati, name="projects_iati"),
    path("progress-rules/", results.progress_rules, name="progress_rules"),
    path("documents/<int:pk>/", projects.document_download, name="document_download"),
    path("documents/<int:pk>/remove/", projects.document_remove, name="document_remove"),
    path("<int:pk>/", projects.ProjectDetailView.as_view(), name="project_detail"),
    path("<int:pk>/edit/", projects.ProjectFormView.as_view(), name="project_update"),
    path("<int:pk>/status/", projects.status_change, name="project_status"),
    path("<int:pk>/iati.xml", iati_views.project_iati, name="project_iati"),
    path("<int:pk>/documents/new/", projects.DocumentCreateView.as_view(), name="document_create"),
    path(
        "<int:pk>/evaluations/new/",
        evaluations.EvaluationFormView.as_view(),
        name="evaluation_create",
    ),
    path(
        "<int:pk>/evaluations/<int:evaluation>/edit/",
        evaluations.EvaluationFormView.as_view(),
        name="evaluation_update",
    ),
    path("<int:pk>/lessons/new/", evaluations.LessonCreateView.as_view(), name="lesson_create"),
    path("<int:pk>/results/", results.framework, name="framework"),
    path("<int:pk>/results/new/", results.ResultFormView.as_view(), name="result_create"),
    path(
        "<int:pk>/results/<int:result>/edit/",
        results.ResultFormView.as_view(),
        name="result_update",
    ),
    path("<int:pk>/indicators/new/", results.IndicatorFormView.as_view(), name="indicator_create"),
    path("<int:pk>/indicators/<int:indicator>/", results.indicator_detail, name="indicator_detail"),
    path(
        "<int:pk>/indicators/<int:indicator>/edit/",
        results.IndicatorFormView.as_view(),
        name="indicator_update",
    ),
    path(
        "<int:pk>/indicators/<int:indicator>/targets/",
        results.TargetsView.as_view(),
        name="indicator_targets",
    ),
    path("<int:pk>/periods/new/", results.PeriodCreateView.as_view(), name="period_create"),
    path(
        "<int:pk>/<slug:kind>/<int:item>/remove/",
        results.remove,
        name="framework_remove",
    ),
    path("<int:pk>/periods/<int:period>/", reporting.period_report, name="period_report"),
    path("<int:pk>/periods/<int:period>/submit/", reporting.submit, name="period_submit"),
    path(
        "<int:pk>/periods/<int:period>/values.<slug:extension>",
        reporting.period_export,
        name="period_export",
    ),
    path("<int:pk>/periods/<int:period>/import/", reporting.period_import, name="period_import"),
    path("<int:pk>/periods/<int:period>/approve/", reporting.approve_all, name="period_approve"),
    path(
        "<int:pk>/periods/<int:period>/indicators/<int:indicator>/",
        reporting.value_save,
        name="value_save",
    ),
    path(
        "<int:pk>/periods/<int:period>/indicators/<int:indicator>/evidence/",
        reporting.evidence_attach,
        name="evidence_attach",
    ),
    path("values/<int:value>/evidence/", reporting.evidence_download, name="evidence_download"),
    path("<int:pk>/values/<int:value>/approve/", reporting.approve, name="value_approve"),
    path("<int:pk>/values/<int:value>/return/", reporting.return_value, name="value_return"),
]
