"""The roster of experts, their contacts, and diaspora co-funding (under /diaspora/)."""

from django.urls import path

from .views import roster as views

urlpatterns = [
    path("roster/", views.roster_list, name="roster_list"),
    path("roster/join/", views.roster_join, name="roster_join"),
    path("roster/me/", views.roster_edit, name="roster_edit"),
    path("roster/me/pause/", views.roster_pause, name="roster_pause"),
    path("roster/me/resume/", views.roster_resume, name="roster_resume"),
    path("roster/me/leave/", views.roster_leave, name="roster_leave"),
    path("roster/<int:pk>/", views.roster_detail, name="roster_detail"),
    path("roster/<int:pk>/contact/", views.contact_create, name="contact_create"),
    path("roster/contacts/", views.contact_list, name="contact_list"),
    path("roster/contacts/<int:pk>/", views.contact_detail, name="contact_detail"),
    path("roster/contacts/<int:pk>/accept/", views.contact_accept, name="contact_accept"),
    path("roster/contacts/<int:pk>/decline/", views.contact_decline, name="contact_decline"),
    path("roster/contacts/<int:pk>/withdraw/", views.contact_withdraw, name="contact_withdraw"),
    path("roster/contacts/<int:pk>/complete/", views.contact_complete, name="contact_complete"),
    path("cofunding/", views.cofunding, name="cofunding"),
]
