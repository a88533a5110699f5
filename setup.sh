# Sourced by the README's two commands before pip (". ./setup.sh && pip install . && cxmapper"):
# gives this shell a Python environment that pip may install into, and on Debian or Ubuntu the
# system libraries Qt needs. A virtual environment already active is used as it is; otherwise
# .venv in this checkout is made once, with python3, and activated. Missing Debian packages are
# installed with apt-get as root, or with sudo (without a password, or asking for it at a
# terminal); if they cannot be, it prints the apt-get command to run and returns 1. Elsewhere
# (macOS, Windows, other Linux) only the environment is made. Quiet when all is well. POSIX sh,
# for sh (dash), bash and zsh; it returns and never exits, since that would close your shell.
#   CXMAPPER_PYTHON  the Python to make .venv with (python3)
#   CXMAPPER_DEBS    more Debian packages to install (.ci/run's test tools)

# shellcheck disable=SC1090,SC2086 # lists of package names are split into words on purpose
_cxm_say() { printf 'setup.sh: %s\n' "$*" >&2; }

# The python of a virtual environment, if it runs.
_cxm_python_of() {
  for _cxm_p in "$1/bin/python" "$1/Scripts/python.exe"; do
    if "$_cxm_p" -c '' >/dev/null 2>&1; then printf '%s\n' "$_cxm_p"; return 0; fi
  done
  return 1
}

# The Python to make .venv with, by its full path.
_cxm_python_here() {
  "${CXMAPPER_PYTHON:-python3}" -c 'import sys; print(sys.executable)' 2>/dev/null
}

# Give the virtual environment whose python is $1 its own pip (made by a Python without
# ensurepip, such as Debian's without python3-venv, or by uv): from ensurepip when the Python has
# it, else with the system's pip (Debian's python3-pip, 22.3 or newer) aimed at the environment.
_cxm_give_pip() {
  "$1" -m pip --version >/dev/null 2>&1 && return 0
  "$1" -m ensurepip --upgrade --default-pip >/dev/null 2>&1 && return 0
  [ -n "$_cxm_base" ] && "$_cxm_base" -m pip --version >/dev/null 2>&1 &&
    "$_cxm_base" -m pip --python "$1" install --quiet pip >/dev/null &&
    "$1" -m pip --version >/dev/null 2>&1
}

# Whether the Python to make .venv with is too old for cxmapper (and says so).
_cxm_too_old() {
  "$_cxm_base" -c 'import sys; sys.exit(sys.version_info < (3, 10))' && return 1
  _cxm_say "cxmapper needs Python 3.10 or newer, and $_cxm_base is $("$_cxm_base" -V 2>&1)" \
    "(to use another: CXMAPPER_PYTHON=python3.12 . ./setup.sh)"
}

# The command that installs Debian packages $*.
_cxm_apt() {
  if [ "$(id -u)" = 0 ]; then
    :
  elif command -v sudo >/dev/null 2>&1; then
    printf 'sudo '
  else
    printf 'as root, '
  fi
  printf 'apt-get install %s\n' "$*"
}

# The Debian packages among $* that are not installed (by name, or by a package providing it).
_cxm_missing_debs() {
  dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}\n' 2>/dev/null |
    awk -F'|' -v want="$*" '
      $1 ~ /^.i/ {
        has[$2] = 1
        n = split($3, p, /, */)
        for (i = 1; i <= n; i++) { sub(/ .*/, "", p[i]); has[p[i]] = 1 }
      }
      END {
        n = split(want, w, / +/)
        for (i = 1; i <= n; i++) if (w[i] != "" && !(w[i] in has)) out = out " " w[i]
        print substr(out, 2)
      }'
}

_cxm_main() {
  [ -z "${ZSH_VERSION:-}" ] || emulate -L sh # zsh: split words like sh, only in here
  _cxm_activate=
  _cxm_base=
  _cxm_todo= # what is left to make: "" (a venv is ready), "pip" (.venv has none) or "venv"
  if [ ! -f pyproject.toml ] || ! grep -q '^name = "cxmapper"' pyproject.toml; then
    _cxm_say "run it in the cxmapper checkout: cd cxmapper && . ./setup.sh"
    return 1
  fi

  # An active virtual environment, else .venv here (made again if its Python is gone, or if it
  # is what is left of a venv that failed).
  if [ -n "${VIRTUAL_ENV:-}" ] && _cxm_venv_python=$(_cxm_python_of "$VIRTUAL_ENV"); then
    _cxm_venv=$VIRTUAL_ENV
    "$_cxm_venv_python" -m pip --version >/dev/null 2>&1 || _cxm_todo=pip
  else
    _cxm_venv=$PWD/.venv
    _cxm_activate=$_cxm_venv/bin/activate
    [ -f "$_cxm_activate" ] || [ ! -f "$_cxm_venv/Scripts/activate" ] ||
      _cxm_activate=$_cxm_venv/Scripts/activate # Windows (Git Bash)
    if [ -f "$_cxm_activate" ] && _cxm_venv_python=$(_cxm_python_of "$_cxm_venv"); then
      "$_cxm_venv_python" -m pip --version >/dev/null 2>&1 || _cxm_todo=pip
    else
      _cxm_todo=venv
    fi
  fi
  [ -z "$_cxm_todo" ] || _cxm_base=$(_cxm_python_here)
  if [ "$_cxm_todo" = venv ] && [ -n "$_cxm_base" ] && _cxm_too_old; then return 1; fi

  # Debian and Ubuntu: Qt's libraries (OpenGL/EGL, fonts, keyboard tables, D-Bus, a font, and
  # the xcb libraries to show windows on X11), and Python's venv module when it is needed.
  _cxm_qt_debs="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
    fonts-dejavu-core libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 ${CXMAPPER_DEBS:-}"
  _cxm_debs=$_cxm_qt_debs
  if [ -n "$_cxm_todo" ]; then
    if [ -z "$_cxm_base" ]; then
      [ -n "${CXMAPPER_PYTHON:-}" ] || _cxm_debs="python3 python3-venv $_cxm_debs"
    elif ! "$_cxm_base" -c 'import ensurepip' >/dev/null 2>&1; then
      case $_cxm_base in /usr/bin/*) # Debian's own: ensurepip comes with python3.X-venv
        _cxm_debs="$("$_cxm_base" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')
          $_cxm_debs"
      esac
    fi
  fi
  _cxm_debs_left=
  if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    _cxm_debs_left=$(_cxm_missing_debs $_cxm_debs)
  fi
  if [ -n "$_cxm_debs_left" ]; then
    _cxm_sudo=- # root, or sudo without a password or asking for it at a terminal
    if [ "$(id -u)" = 0 ]; then
      _cxm_sudo=
    elif command -v sudo >/dev/null 2>&1 && { sudo -n true >/dev/null 2>&1 || [ -t 0 ]; }; then
      _cxm_sudo=sudo
    fi
    if [ "$_cxm_sudo" != - ]; then
      _cxm_say "installing with ${_cxm_sudo:+sudo }apt-get: $_cxm_debs_left"
      _cxm_out=$($_cxm_sudo apt-get update -qq 2>&1 &&
        $_cxm_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
          --no-install-recommends -o DPkg::Lock::Timeout=300 $_cxm_debs_left 2>&1) ||
        printf '%s\n' "$_cxm_out" >&2
      _cxm_debs_left=$(_cxm_missing_debs $_cxm_debs_left)
    fi
  fi

  # Make .venv, or give it pip, when needed.
  if [ "$_cxm_todo" = venv ]; then
    [ -n "$_cxm_base" ] || _cxm_base=$(_cxm_python_here) || {
      _cxm_say "no ${CXMAPPER_PYTHON:-python3} here: install Python 3.10 or newer" \
        "${_cxm_debs_left:+($(_cxm_apt $_cxm_debs_left))}"
      return 1
    }
    ! _cxm_too_old || return 1
    if "$_cxm_base" -c 'import ensurepip' >/dev/null 2>&1; then
      "$_cxm_base" -m venv --clear "$_cxm_venv" || return 1
    else # Debian's Python without python3-venv: a venv without pip, pip from the system's
      "$_cxm_base" -m venv --clear --without-pip "$_cxm_venv" || return 1
    fi
    _cxm_venv_python=$(_cxm_python_of "$_cxm_venv") || return 1
    [ -f "$_cxm_activate" ] || _cxm_activate=$_cxm_venv/Scripts/activate
  fi
  if [ -n "$_cxm_todo" ] && ! _cxm_give_pip "$_cxm_venv_python"; then
    _cxm_say "$_cxm_venv has no pip and cannot get one here;" \
      "${_cxm_debs_left:+run $(_cxm_apt $_cxm_debs_left), then }run this command again"
    return 1
  fi
  [ "$_cxm_todo" != venv ] ||
    _cxm_say "made a virtual environment in .venv ($("$_cxm_venv_python" -V 2>&1))"
  # Still missing? (Python's packages were done without if they were.)
  [ -z "$_cxm_debs_left" ] || _cxm_debs_left=$(_cxm_missing_debs $_cxm_qt_debs)
  if [ -n "$_cxm_debs_left" ]; then
    _cxm_say "Qt needs Debian packages not installed here: $(_cxm_apt $_cxm_debs_left)," \
      "then run this command again"
    return 1
  fi
}

_cxm_status=0
_cxm_main || _cxm_status=$?
if [ "$_cxm_status" = 0 ] && [ -n "$_cxm_activate" ]; then
  . "$_cxm_activate" || _cxm_status=$?
fi
unset -f _cxm_say _cxm_python_of _cxm_python_here _cxm_give_pip _cxm_too_old _cxm_apt \
  _cxm_missing_debs _cxm_main
eval "unset _cxm_activate _cxm_base _cxm_debs _cxm_debs_left _cxm_out _cxm_p _cxm_qt_debs \
  _cxm_status _cxm_sudo _cxm_todo _cxm_venv _cxm_venv_python; return $_cxm_status"
