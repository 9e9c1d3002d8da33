from django.urls import path

from .views import (
    documents,
    events,
    manage,
    outcomes,
    participation,
    registrations,
    spaces,
    translations,
)

app_name = "events"

# Fixed paths come before the event pages' `<slug:slug>/…`, which would take them for a slug
# (services.events never gives an event the slug "new" or "registrations").
urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", manage.event_create, name="event_create"),
    # The registrant's own pages (views/registrations.py)
    path("registrations/", registrations.my_registrations, name="my_registrations"),
    path(
        "registrations/<str:code>/",
        registrations.registration_detail,
        name="registration_detail",
    ),
    path(
        "registrations/<str:code>/cancel/",
        registrations.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "registrations/<str:code>/data.json",
        registrations.registration_data,
        name="registration_data",
    ),
    path(
        "registrations/<str:code>/delete/",
        registrations.registration_delete,
        name="registration_delete",
    ),
    path(
        "registrations/<str:code>/certificate.pdf",
        registrations.certificate_pdf,
        name="certificate_pdf",
    ),
    # Discussion spaces (views/spaces.py)
    path("spaces/", spaces.space_list, name="space_list"),
    path("spaces/new/", spaces.space_create, name="space_create"),
    path("spaces/<slug:slug>/", spaces.space_detail, name="space_detail"),
    path("spaces/<slug:slug>/edit/", spaces.space_edit, name="space_edit"),
    path("spaces/<slug:slug>/close/", spaces.space_close, name="space_close"),
    # An event's pages (views/events.py)
    path("<slug:slug>/", events.event_detail, name="event_detail"),
    path("<slug:slug>/agenda/", events.agenda, name="agenda"),
    path("<slug:slug>/agenda/<int:pk>/", events.item_detail, name="item_detail"),
    path("<slug:slug>/speakers/", events.speakers, name="speakers"),
    path("<slug:slug>/programme.pdf", events.programme_pdf, name="programme_pdf"),
    path("<slug:slug>/calendar.ics", events.event_calendar, name="event_calendar"),
    path("<slug:slug>/agenda/<int:pk>/calendar.ics", events.item_calendar, name="item_calendar"),
    # Participation in a session (views/participation.py)
    path(
        "<slug:slug>/agenda/<int:pk>/statements/",
        participation.statements,
        name="participation_statements",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/statements/<int:statement_pk>/",
        participation.statement_file,
        name="participation_statement_file",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/statements/<int:statement_pk>/withdraw/",
        participation.statement_withdraw,
        name="participation_statement_withdraw",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/questions/",
        participation.questions,
        name="participation_questions",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/questions/<int:question_pk>/<str:decision>/",
        participation.question_decide,
        name="participation_question_decide",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/polls/new/",
        participation.poll_create,
        name="participation_poll_create",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/polls/<int:poll_pk>/",
        participation.poll_detail,
        name="participation_poll",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/polls/<int:poll_pk>/<str:action>/",
        participation.poll_action,
        name="participation_poll_action",
    ),
    # Registering and running registrations (views/registrations.py)
    path("<slug:slug>/register/", registrations.register, name="register"),
    path("<slug:slug>/participants/", registrations.participants, name="participants"),
    path("<slug:slug>/participants.csv", registrations.participants_csv, name="participants_csv"),
    path("<slug:slug>/check-in/", registrations.check_in, name="check_in"),
    path("<slug:slug>/invitations/", registrations.invitations, name="invitations"),
    # Organising (views/manage.py)
    path("<slug:slug>/edit/", manage.event_edit, name="event_edit"),
    path("<slug:slug>/publish/", manage.event_publish, name="event_publish"),
    path("<slug:slug>/cancel/", manage.event_cancel, name="event_cancel"),
    path("<slug:slug>/agenda/new/", manage.item_create, name="item_create"),
    path("<slug:slug>/agenda/<int:pk>/edit/", manage.item_edit, name="item_edit"),
    path("<slug:slug>/agenda/<int:pk>/delete/", manage.item_delete, name="item_delete"),
    # Documents and translations (views/documents.py, views/translations.py)
    path("<slug:slug>/documents/", documents.documents, name="documents"),
    path("<slug:slug>/documents/<int:pk>/", documents.document_download, name="document_download"),
    path(
        "<slug:slug>/documents/<int:pk>/remove/",
        documents.document_remove,
        name="document_remove",
    ),
    path(
        "<slug:slug>/translate/<str:language>/",
        translations.event_translate,
        name="event_translate",
    ),
    # After the event: the closing report and the outcomes (views/outcomes.py)
    path("<slug:slug>/report/", outcomes.closing_report, name="closing_report"),
    path("<slug:slug>/report/edit/", outcomes.report_edit, name="closing_report_edit"),
    path("<slug:slug>/report/publish/", outcomes.report_publish, name="closing_report_publish"),
    path("<slug:slug>/outcomes/new/", outcomes.outcome_create, name="outcome_create"),
    path("<slug:slug>/outcomes/<int:pk>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path(
        "<slug:slug>/outcomes/<int:pk>/follow-up/<str:target>/",
        outcomes.follow_up,
        name="outcome_follow_up",
    ),
]
