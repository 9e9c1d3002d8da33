from . import connecting, content, countries, learning, members, opportunities, roster  # noqa: F401
