import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from passerelle.accounts import services
from passerelle.accounts.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_organisations_list_filters_and_shape(api, organisation):
    OrganisationFactory(type="national_government", name="Ministry of Labour")
    body = api.get("/api/v1/organisations/?type=national_government").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["name"] == "Ministry of Labour"
    assert item["iati_type"] == "10"
    assert item["can_publish_for_state"] is False


def test_bad_filter_is_a_400_with_the_common_error_body(api):
    response = api.get("/api/v1/organisations/?type=bogus", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert "type" in error["fields"]


def test_unknown_object_is_a_404_with_the_common_error_body(api):
    response = api.get("/api/v1/countries/XXX/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_writes_are_refused(api, owner, organisation):
    token = services.api_token_regenerate(actor=owner)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.post("/api/v1/organisations/", {"name": "x"}, format="json")
    assert response.status_code in {403, 405}
    assert "error" in response.json()


def test_token_authentication(api, owner):
    token = services.api_token_regenerate(actor=owner)
    api.credentials(HTTP_AUTHORIZATION="Token wrong")
    assert api.get("/api/v1/countries/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/countries/").status_code == 200


def test_reference_data_endpoints(api):
    country = api.get("/api/v1/countries/SEN/").json()
    assert (country["iso2"], country["region"], country["name_fr"]) == ("SN", "011", "Sénégal")
    area = api.get("/api/v1/capacity-areas/BORD/").json()
    assert 11 in area["gcm_objectives"]
    assert api.get("/api/v1/gcm-objectives/").json()["count"] == 23
    assert api.get("/api/v1/guiding-principles/").json()["count"] == 10
    assert api.get("/api/v1/mgi-domains/").json()["count"] == 6
    body = api.get("/api/v1/regional-bodies/ECOWAS/").json()
    assert "SEN" in body["members"]


def test_schema_documents_every_endpoint(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/organisations/" in schema["paths"]
    assert "/api/v1/mgi-domains/{code}/" in schema["paths"]


def test_anonymous_requests_are_throttled(api):
    throttled = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "3/minute"},
    }
    try:
        with override_settings(REST_FRAMEWORK=throttled):
            api_settings.reload()
            SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
            cache.clear()
            codes = [api.get("/api/v1/mgi-domains/").status_code for _ in range(4)]
    finally:
        # Reload once the override is gone, or the 3/minute rates leak into later tests.
        api_settings.reload()
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize("count", [3, 30])
def test_organisation_list_query_count_does_not_grow(api, count, django_assert_max_num_queries):
    OrganisationFactory.create_batch(count)
    with django_assert_max_num_queries(4):
        assert api.get("/api/v1/organisations/").status_code == 200
