"""The course catalogue, under /diaspora/courses/ (and a person's courses under /diaspora/me/)."""

from django.urls import path

from .views import learning as views

urlpatterns = [
    path("courses/", views.course_list, name="course_list"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/delete/", views.course_delete, name="course_delete"),
    path("courses/<int:pk>/material/", views.course_material, name="course_material"),
    path("courses/<int:pk>/complete/", views.course_complete, name="course_complete"),
    path(
        "courses/<int:pk>/complete/remove/",
        views.course_completion_remove,
        name="course_completion_remove",
    ),
    path("me/courses/", views.my_courses, name="my_courses"),
]
