// Copies the front-end files that Passerelle serves from node_modules into
// passerelle/static/vendor/. The copies are committed, so that a machine with only
// Python can run the project; tests/test_vendored_assets.py checks they match.
// Usage: npm ci && npm run vendor
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const files = [
  ["node_modules/htmx.org/dist/htmx.min.js", "passerelle/static/vendor/htmx/htmx.min.js"],
  ["node_modules/htmx.org/LICENSE", "passerelle/static/vendor/htmx/LICENSE"],
  ["node_modules/@svg-maps/world/world.svg", "passerelle/static/vendor/svg-maps-world/world.svg"],
  ["node_modules/@svg-maps/world/LICENSE.md", "passerelle/static/vendor/svg-maps-world/LICENSE.md"],
];

for (const [source, target] of files) {
  mkdirSync(dirname(join(root, target)), { recursive: true });
  copyFileSync(join(root, source), join(root, target));
  console.log(`${source} -> ${target}`);
}
