set -euo pipefail
# The benchmark in its short mode, so that it cannot rot: every contender must still accept a
# valid delivery and refuse a tampered one, and every group must run. No timing is asserted;
# the targets are read from a full `npm run bench`.
node bench/run.mjs bench/main.ts --quick > /dev/null
