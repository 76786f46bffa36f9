#!/usr/bin/env bash
# Install the system packages the suite needs, only when something is missing.
set -euo pipefail
missing=()
office=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)  # not -q: pipefail
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# LibreOffice (no GUI) lays the briefing's .docx out as Word would, to check it keeps to one page.
command -v soffice >/dev/null || office=(libreoffice-writer-nogui)
if [ ${#missing[@]} -eq 0 ] && [ ${#office[@]} -eq 0 ]; then echo "system packages present"; exit 0; fi
echo "installing: ${missing[*]} ${office[*]}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
if [ ${#office[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${office[@]}"
fi
