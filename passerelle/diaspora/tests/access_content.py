"""URLs of /diaspora/ the content area tests in tests/test_url_access.py."""


def build(government, owner, outsider) -> dict:
    return {}


CASES = []
