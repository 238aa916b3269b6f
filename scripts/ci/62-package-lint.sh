set -euo pipefail
# The package as published (built by 30-build): publint checks package.json against the files,
# attw checks that every entry's types resolve for CommonJS and ESM consumers under node16 and
# bundler resolution. node10 resolution (TypeScript's legacy "moduleResolution": "node") is out
# of scope: it ignores "exports", so no subpath entry can resolve there, and engines is node >= 20.
npx publint --strict
npx attw --pack . --profile node16
