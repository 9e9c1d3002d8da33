from django.urls import path

from .views import events, manage, registrations

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
    # An event's pages (views/events.py)
    path("<slug:slug>/", events.event_detail, name="event_detail"),
    path("<slug:slug>/agenda/", events.agenda, name="agenda"),
    path("<slug:slug>/agenda/<int:pk>/", events.item_detail, name="item_detail"),
    path("<slug:slug>/speakers/", events.speakers, name="speakers"),
    path("<slug:slug>/programme.pdf", events.programme_pdf, name="programme_pdf"),
    path("<slug:slug>/calendar.ics", events.event_calendar, name="event_calendar"),
    path("<slug:slug>/agenda/<int:pk>/calendar.ics", events.item_calendar, name="item_calendar"),
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
]
