#!/bin/sh
# Boards on network shares, through GVfs, as a consultant keeps them: a
# real SSH server and a real WebDAV server (Apache) on the loopback, each
# mounted with gio in a private D-Bus session. On each location:
# kwadrant --check, --import-csv --output and every --export, then the app
# itself opens the remote board from its URI (it mounts it when needed),
# gets a finding typed in with real keystrokes and saves with Ctrl+S; a
# second process then changes the file on the server, and the next Ctrl+S
# must show "File Changed on Disk" instead of overwriting that change.
#
# Needs openssh-server, openssh-client, gvfs-backends, gvfs-daemons and
# apache2 (mod_dav), and a display (run under xvfb-run). Skips (77) only
# when one of those is missing, and says which.
#
# KW_GVFS_SCREENSHOT_DIR, when set, receives a screenshot of the app with
# each remote board open.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

: "${KWADRANT:?KWADRANT must name the kwadrant binary}"
src=${KW_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
python=/usr/bin/python3

skip() {
  echo "SKIP: $*"
  exit 77
}

if [ -z "${DISPLAY:-}" ]; then
  skip "no display (run under xvfb-run)"
fi

gvfsd_sftp=
gvfsd_dav=
for dir in /usr/libexec /usr/lib/gvfs /usr/libexec/gvfs; do
  [ -x "$dir/gvfsd-sftp" ] && gvfsd_sftp=$dir/gvfsd-sftp
  [ -x "$dir/gvfsd-dav" ] && gvfsd_dav=$dir/gvfsd-dav
done
[ -n "$gvfsd_sftp" ] && [ -n "$gvfsd_dav" ] || skip "the GVfs backends are missing (apt-get install gvfs-backends gvfs-daemons)"
[ -x /usr/sbin/sshd ] || skip "the SSH server is missing (apt-get install openssh-server)"
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 ||
  skip "the SSH client is missing (apt-get install openssh-client)"
[ -x /usr/sbin/apache2 ] && [ -f /usr/lib/apache2/modules/mod_dav_fs.so ] ||
  skip "Apache with mod_dav is missing (apt-get install apache2)"
for tool in gio dbus-daemon xdotool "$python"; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing"
done

tmp=$(mktemp -d)
app_pid=
bus_pid=
cleanup() {
  set +e
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  if [ -n "$bus_pid" ]; then
    gio mount --unmount "$sftp_root" >/dev/null 2>&1
    gio mount --unmount "$dav_root" >/dev/null 2>&1
    # The GVfs daemons of this session leave with its bus.
    kill "$bus_pid" 2>/dev/null
  fi
  [ -f "$tmp/sshd.pid" ] && kill "$(cat "$tmp/sshd.pid")" 2>/dev/null
  [ -f "$tmp/dav/httpd.pid" ] && kill "$(cat "$tmp/dav/httpd.pid")" 2>/dev/null
  sleep 0.3
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail() {
  echo "FAIL: $*"
  if [ -n "${KW_GVFS_SCREENSHOT_DIR:-}" ] && command -v import >/dev/null 2>&1; then
    import -window root "$KW_GVFS_SCREENSHOT_DIR/gvfs-failure.png" 2>/dev/null || true
  fi
  for log in "$tmp"/app-*.log "$tmp/sshd.log" "$tmp/dav/error.log"; do
    [ -s "$log" ] && sed "s|^|# $(basename "$log"): |" "$log" | tail -n 20
  done
  exit 1
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

user=$(id -un)
sftp_port=$(free_port)
dav_port=$(free_port)
sftp_root="sftp://$user@127.0.0.1:$sftp_port/"
dav_root="dav://127.0.0.1:$dav_port/"

# Apache drops root to "nobody", which must reach its folder.
chmod 755 "$tmp"
mkdir -p "$tmp/sftp" "$tmp/dav/www" "$tmp/bin" "$tmp/xdg/data" "$tmp/xdg/config" "$tmp/xdg/cache" "$tmp/xdg/state"

# The SSH server: throwaway host and user keys, this user only, on the
# loopback. The client gets its keys from a private config through a
# wrapper first in PATH: GVfs runs "ssh" from PATH, and ssh reads
# ~/.ssh from the password database, not from $HOME.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key"
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
cat >"$tmp/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $sftp_port
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
EOF
cat >"$tmp/ssh_config" <<EOF
Host *
  IdentityFile $tmp/user_key
  IdentitiesOnly yes
  UserKnownHostsFile /dev/null
  StrictHostKeyChecking no
  BatchMode yes
  LogLevel ERROR
EOF
cat >"$tmp/bin/ssh" <<EOF
#!/bin/sh
exec $(command -v ssh) -F "$tmp/ssh_config" "\$@"
EOF
chmod 755 "$tmp/bin/ssh"

# As root, sshd separates privileges into this folder; the Debian
# service creates it when it starts, which this test does not use.
if [ "$(id -u)" = 0 ]; then
  mkdir -p /run/sshd
fi
/usr/sbin/sshd -f "$tmp/sshd_config" -E "$tmp/sshd.log" || fail "sshd did not start"

# Apache with mod_dav on the loopback, without authentication.
cat >"$tmp/dav/httpd.conf" <<EOF
ServerRoot $tmp/dav
ServerName 127.0.0.1
Listen 127.0.0.1:$dav_port
PidFile $tmp/dav/httpd.pid
ErrorLog $tmp/dav/error.log
LogLevel warn
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dav_module /usr/lib/apache2/modules/mod_dav.so
LoadModule dav_fs_module /usr/lib/apache2/modules/mod_dav_fs.so
DavLockDB $tmp/dav/davlock
DocumentRoot $tmp/dav/www
<Directory $tmp/dav/www>
  Dav On
  Require all granted
</Directory>
EOF
if [ "$(id -u)" = 0 ]; then
  chmod 777 "$tmp/dav" "$tmp/dav/www"
  setpriv --reuid=nobody --regid=nogroup --clear-groups \
    /usr/sbin/apache2 -f "$tmp/dav/httpd.conf" -k start || fail "Apache did not start"
else
  /usr/sbin/apache2 -f "$tmp/dav/httpd.conf" -k start || fail "Apache did not start"
fi

# A D-Bus session of our own: GVfs starts in it (D-Bus activated) with
# this PATH, and leaves with it.
export PATH="$tmp/bin:$PATH"
export XDG_DATA_HOME="$tmp/xdg/data" XDG_CONFIG_HOME="$tmp/xdg/config"
export XDG_CACHE_HOME="$tmp/xdg/cache" XDG_STATE_HOME="$tmp/xdg/state"
export LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory
bus=$(dbus-daemon --session --fork --print-address=1 --print-pid=1) || fail "no D-Bus session"
DBUS_SESSION_BUS_ADDRESS=$(printf '%s\n' "$bus" | sed -n 1p)
bus_pid=$(printf '%s\n' "$bus" | sed -n 2p)
export DBUS_SESSION_BUS_ADDRESS

n=0
while ! "$python" -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$dav_port" 2>/dev/null; do
  n=$((n + 1)); [ $n -lt 40 ] || fail "Apache does not answer"; sleep 0.25
done

kw() {
  "$KWADRANT" "$@"
}

# The outcome counts of a --check line, without the name.
counts_of() {
  printf '%s\n' "$1" | sed 's/^.*: \([0-9]* finding\)/\1/'
}

n_findings() { # URI
  kw --check "$1" | sed -n 's/^.*: \([0-9]*\) findings\{0,1\} (.*/\1/p'
}

example="$src/data/examples/klantcontact-nl.kwadrant"
csv="$src/tests/data/csv/findings-export.csv"

# check_cli ROOT LOCAL_DIR REMOTE_DIR_URI
check_cli() {
  root=$1 dir=$2 remote=$3

  # The remote file has a space in its name: the URI has %20.
  cp "$example" "$dir/werkbord maart.kwadrant"
  cp "$csv" "$dir/bevindingen team.csv"
  board="$remote/werkbord%20maart.kwadrant"

  expected=$(counts_of "$(kw --check "$example")")
  got=$(kw --check "$board") || fail "$root: --check could not read $board: $got"
  [ "$(counts_of "$got")" = "$expected" ] || fail "$root: --check says '$got', the local copy '$expected'"
  echo "ok - $root: --check $board"

  kw --check "$remote/geen-bord.kwadrant" >/dev/null 2>"$tmp/err" && fail "$root: --check of a missing file succeeded"
  grep -q 'geen-bord.kwadrant' "$tmp/err" || fail "$root: the error does not name the missing file: $(cat "$tmp/err")"
  echo "ok - $root: --check of a missing remote file fails and names it"

  kw --import-csv "$remote/bevindingen%20team.csv" --output "$remote/ge%C3%AFmporteerd.kwadrant" >/dev/null ||
    fail "$root: --import-csv to a remote --output failed"
  [ -s "$dir/geïmporteerd.kwadrant" ] || fail "$root: the imported board is not on the server"
  grep -q '<title>bevindingen team</title>' "$dir/geïmporteerd.kwadrant" ||
    fail "$root: the imported board's title is not 'bevindingen team': $(grep '<title>' "$dir/geïmporteerd.kwadrant")"
  kw --import-csv "$csv" --output "$tmp/local-import.kwadrant" >/dev/null
  [ "$(counts_of "$(kw --check "$remote/ge%C3%AFmporteerd.kwadrant")")" = "$(counts_of "$(kw --check "$tmp/local-import.kwadrant")")" ] ||
    fail "$root: the remote import differs from the local one"
  echo "ok - $root: --import-csv from and to the share, titled after the CSV file"

  kw --export-plan "$remote/plan.html" --export-csv "$remote/bevindingen.csv" \
     --export-image "$remote/matrix.svg" --export-pdf "$remote/plan.pdf" --lang nl "$board" >/dev/null ||
    fail "$root: an export to the share failed"
  kw --export-image "$remote/matrix.png" --lang nl "$board" >/dev/null || fail "$root: the PNG export failed"
  rm -rf "$tmp/local-export"; mkdir "$tmp/local-export"
  kw --export-plan "$tmp/local-export/plan.html" --export-csv "$tmp/local-export/bevindingen.csv" \
     --export-image "$tmp/local-export/matrix.svg" --lang nl "$example" >/dev/null
  for f in plan.html bevindingen.csv matrix.svg; do
    cmp -s "$dir/$f" "$tmp/local-export/$f" || fail "$root: $f on the share differs from the local export"
  done
  head -c 8 "$dir/matrix.png" | od -An -c | grep -q 'P   N   G' || fail "$root: matrix.png is not a PNG"
  head -c 5 "$dir/plan.pdf" | grep -q '%PDF-' || fail "$root: plan.pdf is not a PDF"
  tail -c 32 "$dir/plan.pdf" | grep -q '%%EOF' || fail "$root: plan.pdf is cut short"
  echo "ok - $root: every export written to the share, the same as a local export"
}

# Waits for a node of the app's AT-SPI tree whose name contains TEXT;
# prints its name. Our own process only: others may linger on the bus.
find_text() { # TEXT SECONDS
  PYTHONPATH="$src/tests" "$python" - "$1" "$app_pid" "${2:-20}" <<'PY'
import sys
from kw_atspi import find_node

text, pid, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
node = find_node(pid, lambda node: text in (node.name or ''), timeout=seconds, max_depth=40)
if node is None:
    sys.exit(1)
print(node.name)
PY
}

keys() { # xdotool key arguments, to the focused app window
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key --clearmodifiers "$@"
}

add_finding() { # TITLE
  keys ctrl+l  # the quick-add entry
  sleep 0.4
  xdotool type --delay 20 "$1"
  keys Return
  sleep 0.4
}

wait_for_findings() { # FILE N
  i=0
  while [ "$(n_findings "$1" 2>/dev/null)" != "$2" ] && [ $i -lt 60 ]; do sleep 0.25; i=$((i + 1)); done
  [ "$(n_findings "$1" 2>/dev/null)" = "$2" ]
}

# check_app ROOT LOCAL_DIR REMOTE_DIR_URI COLLEAGUE_COMMAND
check_app() {
  root=$1 dir=$2 remote=$3 colleague=$4
  board="$remote/werkbord%20maart.kwadrant"
  local_board="$dir/werkbord maart.kwadrant"
  log="$tmp/app-$(echo "$root" | cut -d: -f1).log"

  cp "$example" "$local_board"
  before=$(n_findings "$local_board")

  # A user data folder of its own: no drafts or recent boards of the
  # other run.
  XDG_DATA_HOME="$tmp/xdg/data-$(echo "$root" | cut -d: -f1)" "$KWADRANT" "$board" >"$log" 2>&1 &
  app_pid=$!
  wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Klantcontact 2027' | head -n 1) || true
  [ -n "$wid" ] || fail "$root: the window did not open the remote board"
  xdotool windowsize --sync "$wid" 1200 780 2>/dev/null || true

  # The header shows where the board is: the share's folder, not a
  # local path or an escaped URI.
  folder=$(find_text "$(printf '%s' "$remote" | sed 's/%20/ /g')" 20) ||
    fail "$root: the window does not show the board's folder on the share"
  echo "ok - $root: the app opened $board; its header says '$folder'"
  if [ -n "${KW_GVFS_SCREENSHOT_DIR:-}" ] && command -v import >/dev/null 2>&1; then
    sleep 0.5
    import -window root "$KW_GVFS_SCREENSHOT_DIR/gvfs-$(echo "$root" | cut -d: -f1).png"
  fi

  # Two saves in a row: the second must not take our own first save
  # for someone else's (WebDAV hands out weak etags for new files).
  add_finding 'Terugbelverzoek op afstand'
  keys ctrl+s
  wait_for_findings "$local_board" $((before + 1)) || fail "$root: Ctrl+S did not write the new finding to the share"
  add_finding 'Tweede bevinding op afstand'
  keys ctrl+s
  wait_for_findings "$local_board" $((before + 2)) || fail "$root: the second Ctrl+S did not write to the share"
  echo "ok - $root: a typed finding saved with Ctrl+S, twice, onto the share"

  # A colleague saves over the board. SFTP etags are the modification
  # time in whole seconds: a colleague's save lands a second later.
  sleep 1.2
  sh -c "$colleague" || fail "$root: the colleague's change could not be made"
  theirs=$(cksum <"$local_board")

  add_finding 'Mijn wijziging na die van een collega'
  keys ctrl+s
  find_text 'File Changed on Disk' 15 >/dev/null ||
    fail "$root: Ctrl+S after a colleague's change did not show 'File Changed on Disk'"
  [ "$(cksum <"$local_board")" = "$theirs" ] || fail "$root: Save overwrote the colleague's change"
  echo "ok - $root: Ctrl+S after a colleague's change asks first and leaves their file alone"

  # Replace it, on purpose: Alt+R is the dialog's "_Replace".
  keys alt+r
  wait_for_findings "$local_board" $((before + 3)) || fail "$root: Replace did not write our version"
  echo "ok - $root: Replace writes our version over theirs"

  # Everything is saved: Ctrl+Q quits without asking.
  keys ctrl+q
  i=0
  while kill -0 "$app_pid" 2>/dev/null && [ $i -lt 40 ]; do sleep 0.25; i=$((i + 1)); done
  if kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    fail "$root: Ctrl+Q did not quit after everything was saved"
  fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

# The app mounts an SFTP location itself: it is opened before gio mount.
# In a folder with a space: URIs escape it, the window must not.
sftp_dir="$tmp/sftp/Workshops 2027"
sftp_remote="sftp://$user@127.0.0.1:$sftp_port$tmp/sftp/Workshops%202027"
mkdir -p "$sftp_dir"
check_app "$sftp_root" "$sftp_dir" "$sftp_remote" \
  "ssh -p $sftp_port $user@127.0.0.1 \"cat > '$sftp_dir/werkbord maart.kwadrant'\" <'$src/data/examples/customer-contact-en.kwadrant'"
gio mount -l | grep -q "sftp://$user@127.0.0.1:$sftp_port" || fail "the app did not leave the SFTP share mounted"
echo "ok - the app mounted $sftp_root itself"

gio mount "$sftp_root" </dev/null 2>/dev/null || true
check_cli "$sftp_root" "$sftp_dir" "$sftp_remote"

gio mount "$dav_root" </dev/null || fail "could not mount $dav_root"
dav_dir="$tmp/dav/www/Workshops 2027"
dav_remote="dav://127.0.0.1:$dav_port/Workshops%202027"
mkdir -p "$dav_dir"
chmod 777 "$dav_dir"
check_cli "$dav_root" "$dav_dir" "$dav_remote"
# The colleague uploads over HTTP, as another WebDAV client does.
check_app "$dav_root" "$dav_dir" "$dav_remote" \
  "$python -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=open(sys.argv[2], \"rb\").read(), method=\"PUT\")).read()' 'http://127.0.0.1:$dav_port/Workshops%202027/werkbord%20maart.kwadrant' '$src/data/examples/customer-contact-en.kwadrant'"

echo "# all remote checks passed"
