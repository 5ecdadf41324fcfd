#!/bin/sh
# A whole workshop with the keyboard alone, on the real app at 1366×768
# under openbox (issue 12): Ctrl+N and a title start the board; 30 rows
# copied from a spreadsheet are pasted with Ctrl+V and imported from the
# preview with Enter; the 10 that came without scores are placed from the
# tray by typing "8 2" and Enter; the quick wins get an owner and a due
# date in the details panel; Ctrl+S saves through the file chooser; Ctrl+E
# exports the plan as HTML and the findings as an Excel workbook. Then the
# board is checked with --check and both exports are read back (the
# workbook with openpyxl, which nobody here wrote).
#
# Only keys reach the app (xdotool, no pointer); the spreadsheet's copy is
# xclip putting the rows on the clipboard. Every key is counted and the
# counts are printed per phase. Each step waits for what the app shows
# (window titles, the focused finding as AT-SPI reads it, files
# appearing), polled with a guard against a hang. KW_SCREENSHOT_DIR
# (optional) keeps a screenshot of each phase.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop xclip import
/usr/bin/python3 -c 'import pyatspi, openpyxl' 2>/dev/null || flow_fail "python3-pyatspi or python3-openpyxl is missing"
kw_start_screen 1366x768

slow=${KW_TEST_SLOWDOWN:-1}
# A failure keeps the screen as it was, and the window titles.
flow_fail() { # MESSAGE
  shot flow-failed || true
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    echo "# window: $(xdotool getwindowname "$w" 2>/dev/null)"
  done
  for log in focus lost; do
    [ -s "$tmp/$log.log" ] && tail -n 8 "$tmp/$log.log" | sed "s/^/# $log: /"
  done
  fail "$@"
}
out="$tmp/out"
mkdir -p "$out"

# The keys, counted: press KEY... counts one per key, type TEXT one per
# character.
keys=0
press() { # KEY...
  for k in "$@"; do
    xdotool key --clearmodifiers "$k"
    keys=$((keys + 1))
  done
}
type_text() { # TEXT
  xdotool type --clearmodifiers --delay 15 "$1"
  keys=$((keys + ${#1}))
}

# Polls COMMAND... every 0.1 s until it succeeds, for up to SECONDS
# (times KW_TEST_SLOWDOWN).
poll() { # SECONDS COMMAND...
  limit=$(($1 * 10 * slow))
  shift
  i=0
  until "$@"; do
    i=$((i + 1))
    [ "$i" -lt "$limit" ] || return 1
    sleep 0.1
  done
}
window_named() { xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; }
app_windows() { xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -c . || true; }
windows_are() { [ "$(app_windows)" -eq "$1" ]; }
file_there() { [ -s "$1" ]; }

# The focus as a screen reader follows it: a watcher started with the app
# writes "ROLE<tab>NAME" of every object that gets the focus to focus.log,
# and of every one that loses it to lost.log (AT-SPI focus events: GTK 4.8
# leaves the rows of the tray's list out of the tree, but announces their
# focus). focus_matches waits until the last line matches the extended
# regex PATTERN and not UNLESS, and prints it.
watch_focus() {
  PYTHONPATH="$src/tests" /usr/bin/python3 -u - "$pid" "$tmp/lost.log" >"$tmp/focus.log" 2>"$tmp/watch.log" <<'PY' &
import sys
import pyatspi
from kw_atspi import wait_for_app
pid = int(sys.argv[1])
lost = open(sys.argv[2], 'w')
def on_focus(event):
    try:
        if event.source.get_process_id() == pid:
            line = '%s\t%s' % (event.source.getRoleName(), (event.source.name or '').replace('\n', ' '))
            if event.detail1:
                print(line)
            else:
                print(line, file=lost, flush=True)
    except Exception:
        pass
pyatspi.Registry.registerEventListener(on_focus, 'object:state-changed:focused')
wait_for_app(pid)
print('watching')
pyatspi.Registry.start()
PY
  watch_pid=$!
}
tab=$(printf '\t')
focus_events() { grep -c . "$tmp/focus.log" || true; }
# Waits until one of the focus events after the first COUNT matches PATTERN.
focus_since() { # COUNT PATTERN
  poll 30 sh -c 'tail -n +$(($1 + 1)) "$2" | grep -Eq "$3"' focus_since "$1" "$tmp/focus.log" "$2"
}
last_focus_matches() { # PATTERN UNLESS
  line=$(tail -n 1 "$tmp/focus.log")
  printf '%s\n' "$line" | grep -Eq "$1" && ! printf '%s\n' "$line" | grep -Eq "$2"
}
focus_matches() { # PATTERN [UNLESS]
  if poll 30 last_focus_matches "$1" "${2:-^\$}"; then
    tail -n 1 "$tmp/focus.log"
  else
    echo "# the focus is on: $(tail -n 1 "$tmp/focus.log")"
    return 1
  fi
}

# Waits (AT-SPI) until a node the app shows is named after the Python
# regex PATTERN.
shows() { # PATTERN
  PYTHONPATH="$src/tests" /usr/bin/python3 - "$pid" "$((30 * slow))" "$1" <<'PY'
import re, sys
import pyatspi
from kw_atspi import find_node
pid, timeout, pattern = int(sys.argv[1]), int(sys.argv[2]), re.compile(sys.argv[3])
def named(node):
    return pattern.search(node.name or '') and node.getState().contains(pyatspi.STATE_VISIBLE)
sys.exit(0 if find_node(pid, named, timeout=timeout) is not None else 1)
PY
}

# Waits (AT-SPI) until the spin button named NAME has a size on screen.
laid_out() { # NAME
  PYTHONPATH="$src/tests" /usr/bin/python3 - "$pid" "$((30 * slow))" "$1" <<'PY'
import sys
from kw_atspi import find_node, extents
pid, timeout, name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def sized(node):
    return node.getRoleName() == 'spin button' and node.name == name and extents(node)[2] > 0
sys.exit(0 if find_node(pid, sized, timeout=timeout) is not None else 1)
PY
}

LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
  GTK_USE_PORTAL=0 "$KWADRANT" >"$tmp/app.log" 2>&1 &
pid=$!
watch_pid=
trap 'kill $watch_pid 2>/dev/null || true; kw_cleanup' EXIT INT TERM
watch_focus
poll 30 grep -q watching "$tmp/focus.log" || flow_fail "the focus watcher did not find the app on the accessibility bus"
poll 30 window_named '^Kwadrant$' || flow_fail "the welcome window did not appear"
wid=$(xdotool search --onlyvisible --name '^Kwadrant$' | head -n 1)
xdotool windowactivate --sync "$wid" || flow_fail "the window could not be activated"
xdotool mousemove 0 0

# 1. A new board with its title.
title='Contact centre workshop December'
start=$keys
press ctrl+n
poll 30 windows_are 2 || flow_fail "Ctrl+N did not show the New Board dialog"
type_text "$title"
press Return
poll 30 window_named "^(• )?$title — Kwadrant\$" || flow_fail "Enter did not create the board \"$title\""
keys_new=$((keys - start))
shot flow-1-new-board
echo "ok - a new board titled \"$title\" ($keys_new keys)"

# 2. Thirty rows from a spreadsheet; ten without scores. The impact and
# effort of each row with scores, and of the ten placed by keys below, are
# kept apart from the thresholds (5 and 1) so the outcome is certain.
cat >"$tmp/rows.tsv" <<'TSV'
Title	Impact	Effort
Show the expected waiting time in the queue	8	2
Call customers back within the hour	7	6
One knowledge base for agents and customers	9	8
Answer e-mails within one working day	6	3
Let agents grant payment arrangements themselves	7	2
Keep the chat open until 9 pm	4	6
Write letters in plain language	6	4
Shorter identity check on the phone	3	0.5
Route calls by skill	6	7
Weekly coaching for new agents	8	6
Same opening hours on every channel	3	0.5
Self-service address change	6	3
Close the loop with unhappy customers	7	4
Track first-contact resolution	4	3
Outage messages in the app	8	3
Better hold music	1	2
Build our own telephony platform	2	9
Scripts for every type of call	3	7
Quiet room for difficult calls	4	0.5
Chatbot for simple questions after hours	5.5	8
Welcome call in the first month		
Steer on resolution instead of handling time		
Recruit on attitude rather than CVs		
The whole customer on one screen		
Link straight to the meter reading form		
State the real response time in the acknowledgement		
Weekly top five of complaint reasons		
Listen back to one call together every week		
Publish the callback number on every letter		
Transfer warm instead of cold between teams		
TSV
# xclip holds the clipboard until it is killed; on a busy machine it may
# take a while to own it, so the paste waits until the rows can be read.
printf '%s' "$(cat "$tmp/rows.tsv")" | xclip -selection clipboard &
clip_pid=$!
clipboard_has_rows() { [ "$(xclip -selection clipboard -o 2>/dev/null)" = "$(cat "$tmp/rows.tsv")" ]; }
poll 30 clipboard_has_rows || flow_fail "xclip did not put the rows on the clipboard"
start=$keys
# Ctrl+L first: the quick-add entry, where a paste becomes an import; the
# paste waits for the entry to have the focus.
press ctrl+l
focus_matches "^text${tab}New finding title" >/dev/null || flow_fail "Ctrl+L did not focus the quick-add entry before the paste"
press ctrl+v
poll 30 windows_are 2 || flow_fail "Ctrl+V of 30 spreadsheet rows did not open the import preview"
kill "$clip_pid" 2>/dev/null || true
wait "$clip_pid" 2>/dev/null || true
shot flow-2-import-preview
press Return
poll 30 windows_are 1 || flow_fail "Enter did not close the import preview"
shows '^Quick wins: 0 of 7 done' || flow_fail "the import did not make the 7 quick wins of the rows"
keys_import=$((keys - start))
echo "ok - 30 rows pasted and imported ($keys_import keys)"

# 3. The ten unplaced findings, placed from the tray: Tab from the
# quick-add entry to the first, then a digit opens the placement entry and
# Return places it; the app moves the focus to the next unplaced finding.
# Which finding has the focus is read, not assumed; each gets its scores
# from this table (five quick wins).
scores_of() { # TITLE: prints the keys of its impact and effort
  case $1 in
    'Welcome call in the first month') echo '8 space 2' ;;
    'Steer on resolution instead of handling time') echo '7 space 8' ;;
    'Recruit on attitude rather than CVs') echo '3 space 7' ;;
    'The whole customer on one screen') echo '9 space 9' ;;
    'Link straight to the meter reading form') echo '9 space 2' ;;
    'State the real response time in the acknowledgement') echo '7 space 3' ;;
    'Weekly top five of complaint reasons') echo '6 space 2' ;;
    'Listen back to one call together every week') echo '3 space 4' ;;
    'Publish the callback number on every letter') echo '8 space 1' ;;
    'Transfer warm instead of cold between teams') echo '2 space 8' ;;
    *) return 1 ;;
  esac
}
unplaced="$tab(Welcome call|Steer on|Recruit on|The whole customer|Link straight|State the real|Weekly top five|Listen back|Publish the callback|Transfer warm)"
start=$keys
press ctrl+l
focus_matches "^text${tab}New finding title" >/dev/null || flow_fail "Ctrl+L did not focus the quick-add entry"
press Tab
placed=0
done_titles='^$'
while [ "$placed" -lt 10 ]; do
  # The next one has the focus once the one placed before left the tray.
  focused=$(focus_matches "$unplaced" "$done_titles") || flow_fail "finding $((placed + 1)) of 10 to place does not have the focus"
  name=$(printf '%s' "$focused" | cut -f 2)
  found=
  for t in 'Welcome call in the first month' 'Steer on resolution instead of handling time' \
           'Recruit on attitude rather than CVs' 'The whole customer on one screen' \
           'Link straight to the meter reading form' 'State the real response time in the acknowledgement' \
           'Weekly top five of complaint reasons' 'Listen back to one call together every week' \
           'Publish the callback number on every letter' 'Transfer warm instead of cold between teams'; do
    case $name in "$t"*) found=$t ;; esac
  done
  [ -n "$found" ] || flow_fail "the focus is on \"$name\""
  # shellcheck disable=SC2046
  press $(scores_of "$found") Return
  placed=$((placed + 1))
  done_titles="$done_titles|$tab$found"
  echo "# placed \"$found\": $(scores_of "$found" | sed 's/ space / /')"
done
# The last placement empties the tray, which then has the focus: until
# then the placement entry may still hold the keyboard, and a Ctrl+L
# pressed meanwhile went to it (seen with both cores loaded).
focus_matches "^list${tab}Unplaced findings" >/dev/null || flow_fail "the empty tray did not get the focus after the last placement"
keys_placing=$((keys - start))
shot flow-3-placed
echo "ok - 10 findings placed by keys ($keys_placing keys)"

# 4. An owner and a due date for the first three quick wins, in the
# details panel: from the quick-add entry Tab reaches the outcome lists,
# Down steps to the finding, Return opens its details on the title, and
# seven Tabs lead past impact, effort, the Placed row and switch, the
# outcome and the description to the owner; one more Tab is the due date,
# and the Tab after it (to the status) takes it. Ctrl+L for the next one
# waits until all these keys have been handled.
focus_moved_from() { [ "$(focus_events)" -gt "$1" ]; }
row_lost_focus() { # COUNT TITLE: a row named TITLE lost the focus after the first COUNT losses
  tail -n +$(($1 + 1)) "$tmp/lost.log" | grep -q "^list item$tab$2"
}
# Presses Down in a list until the focused row's name starts with TITLE.
down_to() { # TITLE
  n=0
  until last_focus_matches "$tab$1" '^$'; do
    n=$((n + 1))
    [ "$n" -le 30 ] || return 1
    before=$(focus_events)
    press Down
    poll 30 focus_moved_from "$before" || return 1
  done
}
set -- 'Publish the callback number on every letter' 'Sanne de Vries' '2027-01-15' \
       'Link straight to the meter reading form' 'Ahmed El Amrani' '2027-01-29' \
       'Show the expected waiting time in the queue' 'Priya Raman' '2027-02-12'
owners=
start=$keys
while [ $# -ge 3 ]; do
  finding=$1 owner=$2 due=$3
  shift 3
  mark=$(focus_events)
  press ctrl+l
  focus_since "$mark" "^text${tab}New finding title" || flow_fail "Ctrl+L did not focus the quick-add entry"
  press Tab
  focus_matches "^list item$tab" "${tab}New finding title" >/dev/null || flow_fail "Tab did not reach the outcome lists"
  down_to "$finding" || flow_fail "Down did not reach the quick win \"$finding\""
  before=$(focus_events)
  lost_before=$(grep -c . "$tmp/lost.log" || true)
  press Return
  # The title's text sends no focus event of its own (GTK 4.8): the row
  # losing the focus says Return has opened the details.
  poll 30 row_lost_focus "$lost_before" "$finding" || flow_fail "Return did not open the details of \"$finding\""
  # The fields of the details panel do not all report their focus
  # (GTK 4.8 leaves the entry rows' text out of the tree): the keys go in
  # the order they are pressed, and the saved board shows where they went.
  # Tab follows the panel's layout (GTK sorts by position): the panel
  # shown by Return has to be laid out first.
  laid_out 'Impact' || flow_fail "the details panel of \"$finding\" was not laid out"
  press Tab Tab Tab Tab Tab Tab Tab
  type_text "$owner"
  press Tab
  type_text "$due"
  press Tab
  owners="$owners $owner"
  echo "# \"$finding\": $owner, due $due"
done
keys_owners=$((keys - start))
mark=$(focus_events)
press ctrl+l
focus_since "$mark" "^text${tab}New finding title" || flow_fail "Ctrl+L did not focus the quick-add entry after the owners"
shot flow-4-owners
echo "ok - 3 quick wins have an owner and a due date ($keys_owners keys)"

# 5. Ctrl+S: the file chooser (GTK's own, no portal) opens on the name
# field, which takes a whole path; Return saves.
board="$out/workshop-december.kwadrant"
start=$keys
press ctrl+s
poll 30 windows_are 2 || flow_fail "Ctrl+S did not open the Save chooser"
press ctrl+a
type_text "$board"
shot flow-5-save
press Return
poll 30 file_there "$board" || flow_fail "Return in the Save chooser did not write $board"
poll 30 window_named "^$title — Kwadrant\$" || flow_fail "the saved board is still marked unsaved"
keys_save=$((keys - start))
echo "ok - saved as $board ($keys_save keys)"

# 6. Ctrl+E: the export dialog opens on its default format, the plan as
# HTML; Alt+E is its Export… button, which asks for the file.
html="$out/plan.html"
start=$keys
press ctrl+e
poll 30 windows_are 2 || flow_fail "Ctrl+E did not open the export dialog"
shot flow-6-export-dialog
press alt+e
poll 30 windows_are 3 || flow_fail "Alt+E did not open the export's file chooser"
press ctrl+a
type_text "$html"
press Return
poll 60 file_there "$html" || flow_fail "the plan was not exported to $html"
poll 30 windows_are 1 || flow_fail "the export dialog did not close after the export"

echo "ok - the plan exported as HTML"

# Ctrl+E again: Tab past Export… to the format, space opens its list,
# three Downs lead from the plan (HTML) past PDF and CSV to "Findings
# (Excel)", Return takes it; each key waits for the focus it moves.
xlsx="$out/findings.xlsx"
mark=$(focus_events)
press ctrl+e
focus_since "$mark" "^push button${tab}Cancel\$" || flow_fail "Ctrl+E did not open the export dialog on Cancel"
mark=$(focus_events)
press Tab Tab
focus_since "$mark" "^combo box${tab}Format\$" || flow_fail "two Tabs did not reach the format"
for k in space Down Down Down; do
  mark=$(focus_events)
  press "$k"
  focus_since "$mark" "^list item$tab" || flow_fail "$k did not move through the formats"
done
mark=$(focus_events)
press Return
focus_since "$mark" "^combo box${tab}Format\$" || flow_fail "Return did not take the format"
shot flow-6-export-excel
press alt+e
poll 30 windows_are 3 || flow_fail "Alt+E did not open the export's file chooser"
press ctrl+a
type_text "$xlsx"
press Return
poll 60 file_there "$xlsx" || flow_fail "the findings were not exported to $xlsx"
poll 30 windows_are 1 || flow_fail "the export dialog did not close after the export"
keys_export=$((keys - start))
echo "ok - the findings exported as an Excel workbook ($keys_export keys for both exports)"

# 7. What the files hold.
check=$(LC_ALL=C.UTF-8 LANGUAGE=C "$KWADRANT" --check "$board") || flow_fail "--check rejects the saved board: $check"
echo "# $check"
expected="$board: 30 findings (quick-win 12, small-fix 3, long-term 7, future 3, drop 5, unplaced 0)"
[ "$check" = "$expected" ] || flow_fail "--check says \"$check\", not \"$expected\""
echo "ok - --check: 30 findings, 12 quick wins, none unplaced"

grep -q "$title" "$html" || flow_fail "the plan does not name the board \"$title\""
for owner in 'Sanne de Vries' 'Ahmed El Amrani' 'Priya Raman'; do
  grep -q "$owner" "$html" || flow_fail "the plan does not name the owner $owner"
done
echo "ok - the plan names the board and the three owners"

/usr/bin/python3 - "$xlsx" "$tmp/rows.tsv" <<'PY' || flow_fail "the workbook is not what the board holds"
import datetime, sys
import openpyxl

sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = list(sheet.iter_rows(values_only=True))
header, data = rows[0], [r for r in rows[1:] if any(c is not None for c in r)]
column = {str(name).strip().lower(): i for i, name in enumerate(header) if name is not None}
failures = []
def check(ok, what):
    if not ok:
        failures.append(what)
        print('not ok - ' + what)

check(len(data) == 30, 'the workbook has 30 rows of findings (got %d)' % len(data))
for name in ('title', 'impact', 'effort', 'outcome', 'owner', 'due date'):
    check(name in column, 'the header has a "%s" column (got %r)' % (name, header))
if failures:
    sys.exit(1)

by_title = {r[column['title']]: r for r in data}
with open(sys.argv[2]) as tsv:
    titles = [line.split('\t')[0] for line in tsv.read().splitlines()[1:]]
check(sorted(by_title) == sorted(titles), 'the workbook has the 30 pasted titles')
for row in data:
    check(isinstance(row[column['impact']], (int, float)) and isinstance(row[column['effort']], (int, float)),
          '%r: impact and effort are numbers (got %r, %r)'
          % (row[column['title']], row[column['impact']], row[column['effort']]))

follow_up = {
    'Publish the callback number on every letter': ('Sanne de Vries', datetime.date(2027, 1, 15)),
    'Link straight to the meter reading form': ('Ahmed El Amrani', datetime.date(2027, 1, 29)),
    'Show the expected waiting time in the queue': ('Priya Raman', datetime.date(2027, 2, 12)),
}
for title, (owner, due) in follow_up.items():
    row = by_title.get(title)
    if row is None:
        continue
    check(row[column['owner']] == owner, '%r: owner %r (got %r)' % (title, owner, row[column['owner']]))
    value = row[column['due date']]
    check(isinstance(value, datetime.datetime) and value.date() == due,
          '%r: due date %s as a date (got %r)' % (title, due, value))
    check('quick' in str(row[column['outcome']]).lower(),
          '%r: a quick win (got %r)' % (title, row[column['outcome']]))
others = [r for t, r in by_title.items() if t not in follow_up]
check(all(r[column['owner']] in (None, '') for r in others), 'no other finding has an owner')
quick = [r for r in data if 'quick' in str(r[column['outcome']]).lower()]
check(len(quick) == 12, '12 quick wins in the workbook (got %d)' % len(quick))
sys.exit(1 if failures else 0)
PY
echo "ok - the workbook: 30 findings, numbers as numbers, the owners and due dates (as dates) on the 3 quick wins"

# 8. The keys a facilitator pressed.
kill -0 "$pid" 2>/dev/null || flow_fail "the app exited"
shot flow-7-done
echo "# keys: new board $keys_new, import $keys_import, placing $keys_placing, owners $keys_owners, save $keys_save, export $keys_export, total $keys"
echo "PASS"
