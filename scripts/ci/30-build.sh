set -euo pipefail
# The declaration build of every entry (bullmq and pg-boss types included) needs more than
# the default heap of a 2-core machine's Node.
NODE_OPTIONS="--max-old-space-size=6144 ${NODE_OPTIONS:-}" npx tsup --silent
