#!/usr/bin/env bash
# Checks, and on Debian as root installs, the system packages the report renderer needs:
# LibreOffice Writer (headless) with its Python UNO bridge, and fonts that cover the Indian
# rupee sign, so that output does not depend on the machine. Idempotent: when everything is
# present it prints one line and exits 0 without touching apt.
#
#   scripts/install-system-deps.sh                    check, install what is missing (root on Debian)
#   scripts/install-system-deps.sh --with-test-tools  also poppler-utils (pdftotext, pdftoppm), qpdf and chromium for tests
#   scripts/install-system-deps.sh --check            check only; exit 1 naming what is missing
#
# Each need is checked by what the renderer actually uses, not by package name, so a machine
# that provides them another way (a non-Debian LibreOffice, another rupee font) also passes.
set -euo pipefail

check_only=0
with_test_tools=0
for arg in "$@"; do
  case "$arg" in
    --check) check_only=1 ;;
    --with-test-tools) with_test_tools=1 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install-system-deps: unknown option $arg" >&2
      exit 2
      ;;
  esac
done

# carbone looks for soffice.bin on PATH; Debian installs it here and links only `soffice`.
LIBREOFFICE_PROGRAM_DIR=/usr/lib/libreoffice/program

has_soffice() {
  [ -x "$LIBREOFFICE_PROGRAM_DIR/soffice.bin" ] || command -v soffice.bin >/dev/null 2>&1
}

# The converter is a Python script that imports uno; Debian's bridge is built for /usr/bin/python3,
# not for a pyenv or venv interpreter that may come first on PATH.
has_python_uno() {
  local py
  for py in /usr/bin/python3 "$(command -v python3 2>/dev/null || true)"; do
    if [ -n "$py" ] && [ -x "$py" ] && "$py" -c 'import uno' >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

has_fontconfig() {
  command -v fc-list >/dev/null 2>&1
}

has_dejavu_sans() {
  has_fontconfig && [ -n "$(fc-list 'DejaVu Sans:style=Book' file 2>/dev/null)" ]
}

# U+20B9 INDIAN RUPEE SIGN: DejaVu Sans has it since 2.33 (Debian 12 ships 2.37).
has_rupee_font() {
  has_fontconfig && [ -n "$(fc-list ':charset=20b9' file 2>/dev/null)" ]
}

has_pdftotext() {
  command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1
}

has_qpdf() {
  command -v qpdf >/dev/null 2>&1
}

# The browser tests launch this path through playwright-core and never download a browser.
has_chromium() {
  [ -x /usr/bin/chromium ]
}

missing_packages=()
missing_reasons=()
need() {
  local package=$1 reason=$2
  local existing
  for existing in "${missing_packages[@]:-}"; do
    [ "$existing" = "$package" ] && return 0
  done
  missing_packages+=("$package")
  missing_reasons+=("$reason")
}

collect_missing() {
  missing_packages=()
  missing_reasons=()
  has_soffice || need libreoffice-writer-nogui "LibreOffice Writer (soffice.bin) converts DOCX to PDF"
  has_python_uno || need python3-uno "the DOCX-to-PDF converter imports the Python UNO bridge"
  has_fontconfig || need fontconfig "fc-list/fc-match locate the fonts embedded in stamped PDFs"
  has_dejavu_sans || need fonts-dejavu-core "DejaVu Sans is the reports' base font"
  has_rupee_font || need fonts-dejavu-core "a font with the Indian rupee sign (U+20B9)"
  if [ "$with_test_tools" = 1 ]; then
    has_pdftotext || need poppler-utils "pdftotext and pdftoppm inspect rendered PDFs in tests"
    has_qpdf || need qpdf "qpdf --check validates the structure of assembled PDFs in tests"
    has_chromium || need chromium "the admin UI's browser tests drive /usr/bin/chromium"
  fi
  return 0
}

report_missing() {
  local i
  echo "install-system-deps: missing system packages:" >&2
  for i in "${!missing_packages[@]}"; do
    echo "  - ${missing_packages[$i]}: ${missing_reasons[$i]}" >&2
  done
}

collect_missing
if [ "${#missing_packages[@]}" -eq 0 ]; then
  if [ "$with_test_tools" = 1 ]; then
    echo "install-system-deps: LibreOffice, python3-uno, fonts, poppler-utils, qpdf and chromium are present."
  else
    echo "install-system-deps: LibreOffice, python3-uno and fonts are present."
  fi
  exit 0
fi

report_missing
install_command="apt-get install -y --no-install-recommends ${missing_packages[*]}"

if [ "$check_only" = 1 ]; then
  echo "Install them with: sudo apt-get update && sudo $install_command" >&2
  exit 1
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Not root on a Debian-like system: install them yourself, e.g." >&2
  echo "  sudo apt-get update && sudo $install_command" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# apt-get update only when a package has no install candidate (no lists, or stale ones).
needs_update=0
for package in "${missing_packages[@]}"; do
  candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    needs_update=1
  fi
done
if [ "$needs_update" = 1 ]; then
  apt-get update
fi

echo "install-system-deps: $install_command"
if ! apt-get install -y --no-install-recommends "${missing_packages[@]}"; then
  # Lists that name a version the mirror no longer has fail with 404: refresh once and retry.
  apt-get update
  apt-get install -y --no-install-recommends "${missing_packages[@]}"
fi

collect_missing
if [ "${#missing_packages[@]}" -ne 0 ]; then
  report_missing
  echo "install-system-deps: the packages installed but the checks above still fail." >&2
  exit 1
fi
echo "install-system-deps: done."
