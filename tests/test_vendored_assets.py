"""The front-end files committed under passerelle/static/vendor/ are exact copies of the npm
packages pinned in package.json (see passerelle/static/README.md)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "passerelle" / "static" / "vendor"
NODE_MODULES = ROOT / "node_modules"

# Keep in step with scripts/vendor-assets.mjs.
VENDORED = {
    "htmx/htmx.min.js": "htmx.org/dist/htmx.min.js",
    "htmx/LICENSE": "htmx.org/LICENSE",
    "svg-maps-world/world.svg": "@svg-maps/world/world.svg",
    "svg-maps-world/LICENSE.md": "@svg-maps/world/LICENSE.md",
}


@pytest.mark.parametrize(("vendored", "source"), VENDORED.items())
def test_vendored_file_matches_node_modules(vendored, source):
    if not (NODE_MODULES / source).is_file():
        pytest.skip("node_modules is not installed: run `npm ci` to check the vendored files")
    assert (VENDOR / vendored).read_bytes() == (NODE_MODULES / source).read_bytes(), (
        f"passerelle/static/vendor/{vendored} differs from node_modules/{source}: "
        "run `npm ci && npm run vendor` and commit the result"
    )
