from django.urls import path

from .views import calls, curation, exports, items

app_name = "knowledge"

urlpatterns = [
    path("", items.item_list, name="item_list"),
    path("mine/", items.my_items, name="my_items"),
    path("items/new/", items.item_create, name="item_create"),
    path("items/<int:pk>/", items.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", items.item_edit, name="item_edit"),
    path("items/<int:pk>/autosave/", items.item_autosave, name="item_autosave"),
    path("items/<int:pk>/submit/", items.item_submit, name="item_submit"),
    path("items/<int:pk>/withdraw/", items.item_withdraw, name="item_withdraw"),
    path("items/<int:pk>/file/", items.item_file, name="item_file"),
    path("items/<int:pk>/download/", items.item_download, name="item_download"),
    path("items/<int:pk>/sheet.pdf", items.item_pdf, name="item_pdf"),
    path("items/<int:pk>/translate/<str:language>/", items.item_translate, name="item_translate"),
    path("items/<int:pk>/versions/", items.item_versions, name="item_versions"),
    path("items/<int:pk>/versions/<int:number>/", items.item_version, name="item_version"),
    path("items/<int:pk>/rate/", items.item_rate, name="item_rate"),
    path("items/<int:pk>/replications/new/", items.replication_create, name="replication_create"),
    path("items/<int:pk>/reviewers/", curation.reviewers_assign, name="reviewers_assign"),
    path("items/<int:pk>/publish/", curation.item_publish, name="item_publish"),
    path("items/<int:pk>/decline/", curation.item_decline, name="item_decline"),
    path("items/<int:pk>/request-changes/", curation.item_request_changes,
         name="item_request_changes"),
    path("curation/", curation.curation_queue, name="curation_queue"),
    path("reviews/", curation.my_reviews, name="my_reviews"),
    path("reviews/<int:pk>/", curation.review, name="review"),
    path("reviews/<int:pk>/save/", curation.review_save, name="review_save"),
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_create, name="call_create"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/open/", calls.call_open, name="call_open"),
    path("calls/<int:pk>/close/", calls.call_close, name="call_close"),
    path("export.<str:format>", exports.items_export, name="items_export"),
    path("export/guide/", exports.field_guide, name="field_guide"),
]  # fmt: skip
