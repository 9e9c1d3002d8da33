"""Faults become clear pages: 404 for what does not exist, 503 when a backing service is down,
never a traceback."""

from unittest import mock

import pytest
from django.db import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError


@pytest.mark.django_db
def test_unknown_page_is_a_translated_404(client):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.parametrize(
    "error", [OperationalError("server closed the connection"), RedisConnectionError("refused")]
)
@pytest.mark.django_db
def test_outage_of_database_or_redis_is_a_503(client, error):
    client.raise_request_exception = False
    with mock.patch("passerelle.geo.views.selectors.region_tree", side_effect=error):
        response = client.get("/en/countries/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_a_500_page_without_traceback(client):
    client.raise_request_exception = False
    with mock.patch("passerelle.geo.views.selectors.region_tree", side_effect=KeyError("x")):
        response = client.get("/en/countries/")
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
