#!/usr/bin/env bash
# Runs every TenderFlow test. Installs what the tests need when it is missing, then prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "The .NET SDK (10.0.x) is required: https://dot.net" >&2; exit 2; }

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ -d tests/TenderFlow.Web.Tests/Browser ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="TestResults"
rm -rf "$results"
dotnet tool restore >/dev/null
status=0
dotnet test TenderFlow.sln --configuration Release --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" || status=$?

# dotnet test's own summary is per project; add up the TRX counters of every test project (plain bash: CI may have no python).
passed=0; failed=0; files=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); echo "${v:-0}"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done < <(find "$results" -name '*.trx' -print0)
if [ "$files" -eq 0 ]; then echo "no test results were written" >&2; failed=$((failed + 1)); fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
