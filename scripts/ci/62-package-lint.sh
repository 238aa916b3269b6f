set -euo pipefail
# The package as published (built by 30-build): publint checks package.json against the files,
# attw (no profile: every resolution it knows) checks that every entry's types resolve for
# CommonJS and ESM consumers under node16 and bundler resolution, and under node10 (TypeScript's
# legacy "moduleResolution": "node", its default for "module": "commonjs"), which ignores
# "exports" and finds the subpath entries through "typesVersions".
npx publint --strict
npx attw --pack .
