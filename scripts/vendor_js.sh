#!/usr/bin/env bash
# How the dashboard's vendored front-end files were obtained (run once by a maintainer;
# nothing is downloaded when warledger runs). The dashboard itself needs no library: its
# map and timeline are SVG drawn on the server. The only vendored package is Swagger UI,
# so that the API docs at /docs work offline instead of loading it from a CDN.
#
#   scripts/vendor_js.sh        # fetch the pinned tarball from the npm registry, verify, copy
set -euo pipefail
cd "$(dirname "$0")/.."

SWAGGER_VERSION=5.35.0
SWAGGER_SHA256=1b8e891893404ea4c3558b6a87e2a3e494e7eedba41168c2ece5800a391a6ea6
DEST=src/warledger/interfaces/web/static/vendor/swagger-ui

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "swagger-ui-dist@${SWAGGER_VERSION}" >/dev/null)
tarball="$work/swagger-ui-dist-${SWAGGER_VERSION}.tgz"
echo "${SWAGGER_SHA256}  ${tarball}" | sha256sum --check --quiet
tar -xzf "$tarball" -C "$work"

mkdir -p "$DEST"
for f in swagger-ui-bundle.js swagger-ui.css swagger-ui-bundle.js.LICENSE.txt LICENSE NOTICE; do
  cp "$work/package/$f" "$DEST/$f"
done
# The stylesheet's last line points at a source map we do not ship.
sed -i '/sourceMappingURL=/d' "$DEST/swagger-ui.css"
echo "swagger-ui-dist ${SWAGGER_VERSION} (npm registry, sha256 ${SWAGGER_SHA256})" > "$DEST/VERSION"
echo "vendored swagger-ui-dist ${SWAGGER_VERSION} into ${DEST}"
