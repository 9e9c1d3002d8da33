from django.urls import path

from .views import benchmarks, cycles, framework_tree, frameworks

app_name = "assessments"

urlpatterns = [
    path("frameworks/", frameworks.FrameworkListView.as_view(), name="framework_list"),
    path("frameworks/new/", frameworks.FrameworkCreateView.as_view(), name="framework_create"),
    path(
        "frameworks/<slug:code>/", frameworks.FrameworkDetailView.as_view(), name="framework_detail"
    ),
    path(
        "frameworks/<slug:code>/import/",
        frameworks.VersionImportView.as_view(),
        name="version_import",
    ),
    path(
        "frameworks/<slug:code>/edit/",
        frameworks.FrameworkEditView.as_view(),
        name="framework_edit",
    ),
    path(
        "frameworks/<slug:code>/new-version/",
        frameworks.VersionStartView.as_view(),
        name="version_start",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/",
        frameworks.FrameworkVersionView.as_view(),
        name="framework_version",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/export/<slug:extension>/",
        frameworks.VersionExportView.as_view(),
        name="version_export",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/indicators/<str:indicator>/edit/",
        frameworks.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/sub-areas/<str:sub_area>/indicators/new/",
        frameworks.IndicatorAddView.as_view(),
        name="indicator_add",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/indicators/<str:indicator>/delete/",
        frameworks.indicator_remove,
        name="indicator_remove",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/indicators/<str:indicator>/move/<slug:direction>/",
        frameworks.indicator_move,
        name="indicator_move",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/levels/",
        framework_tree.LevelsEditView.as_view(),
        name="levels_edit",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/domains/new/",
        framework_tree.DomainAddView.as_view(),
        name="domain_add",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/domains/<str:domain>/edit/",
        framework_tree.DomainEditView.as_view(),
        name="domain_edit",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/domains/<str:domain>/delete/",
        framework_tree.domain_remove,
        name="domain_remove",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/domains/<str:domain>/move/<slug:direction>/",
        framework_tree.domain_move,
        name="domain_move",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/domains/<str:domain>/sub-areas/new/",
        framework_tree.SubAreaAddView.as_view(),
        name="sub_area_add",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/sub-areas/<str:sub_area>/edit/",
        framework_tree.SubAreaEditView.as_view(),
        name="sub_area_edit",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/sub-areas/<str:sub_area>/delete/",
        framework_tree.sub_area_remove,
        name="sub_area_remove",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/sub-areas/<str:sub_area>/move/<slug:direction>/",
        framework_tree.sub_area_move,
        name="sub_area_move",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/publish/",
        frameworks.version_publish,
        name="version_publish",
    ),
    path("", cycles.AssessmentListView.as_view(), name="assessment_list"),
    path("new/", cycles.AssessmentOpenView.as_view(), name="assessment_open"),
    path("<int:pk>/", cycles.AssessmentDetailView.as_view(), name="assessment_detail"),
    path("<int:pk>/sections/<str:domain>/", cycles.SectionView.as_view(), name="section"),
    path(
        "<int:pk>/answers/<str:indicator>/evidence/",
        cycles.evidence_upload,
        name="evidence_upload",
    ),
    path(
        "<int:pk>/answers/<str:indicator>/<str:kind>/",
        cycles.answer_save,
        name="answer_save",
    ),
    path("<int:pk>/evidence/<int:evidence_id>/", cycles.evidence_download, name="evidence"),
    path(
        "<int:pk>/evidence/<int:evidence_id>/delete/",
        cycles.evidence_delete,
        name="evidence_delete",
    ),
    path("<int:pk>/assignments/", cycles.assignment_add, name="assignment_add"),
    path(
        "<int:pk>/assignments/<int:assignment_id>/delete/",
        cycles.assignment_remove,
        name="assignment_remove",
    ),
    path("<int:pk>/publish/", cycles.publish, name="publish"),
    path("<int:pk>/profile/", cycles.profile_view, name="profile"),
    path("<int:pk>/profile.pdf", cycles.profile_pdf, name="profile_pdf"),
    path("<int:pk>/compare/", cycles.compare_view, name="compare"),
    path("<int:pk>/export/<slug:extension>/", cycles.export_view, name="export"),
    path("<int:pk>/<slug:action>/", cycles.transition, name="transition"),
    path("benchmarks/<slug:slug>/", benchmarks.board, name="benchmark_board"),
    path(
        "benchmarks/target/<int:pk>/delete/",
        benchmarks.benchmark_delete,
        name="benchmark_delete",
    ),
]
