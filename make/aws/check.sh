#!/usr/bin/env bash
# check.sh CHECK...: stop with one sentence at the first missing prerequisite (see require in lib.sh).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require "$@"
