#!/usr/bin/env bash
# test-export-chromium.sh: opens the exported HTML action plan in headless
# Chromium, the way a reader opens a mail attachment, and checks that it
# renders with its sections, that no script runs (also with hostile text
# on the board) and that nothing is requested from the network; that the
# matrix's badges carry the plan's numbers and that its labels hold their
# text whatever the font; that the matrix is one image with a text
# alternative and no tab stops (real Tab key events, the accessibility
# tree: tests/chromium-focus.py); and that printed on A4 the plan has the
# matrix on page 1 (pdftotext); with the room's estimates (the first
# argument, make-estimates-board, writes that board) the section "Where
# we disagreed" in its place, its text at 4.5:1. Prints
# TAP; exits 1 when a check fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set: run this through meson test}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; failures=$((failures + 1)); }
check() {
  local description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "not ok 1 - chromium is installed (apt-get install chromium; build-aux/dev does)"
  echo "1..1"
  exit 1
fi

# chrome FILE NETLOG ARGS...: runs the browser on FILE, offline: every host
# name resolves to nothing, and the network log records what it tried.
chrome() {
  local file=$1 netlog=$2
  shift 2
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-default-apps \
    --user-data-dir="$(mktemp -d -p "$work")" --host-resolver-rules="MAP * ~NOTFOUND" \
    --log-net-log="$netlog" "$@" "file://$file" 2> "$work/chrome-stderr"
}

# The URLs of the requests in a network log, other than the page itself
# and the browser's own calls home (updates, clock, accounts), which it
# makes whatever the page.
remote_requests() {
  grep -o '"url":"[a-z-]*://[^"]*"' "$1" | grep -v '"url":"file://' | grep -v '"url":"data:' |
    grep -vE '"url":"https?://[a-z0-9.-]*\.(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/' || true
}

# A control page without a policy that does load an image from a server:
# the network log must show the attempt, or the check below proves nothing.
cat > "$work/control.html" << 'HTML'
<!DOCTYPE html><html><body><p>control</p><img src="http://kwadrant-control.invalid/pixel.png"></body></html>
HTML
chrome "$work/control.html" "$work/control-net.json" --dump-dom > "$work/control-dom.html"
check "the network log records a remote request of a page that makes one" \
  grep -q 'kwadrant-control.invalid' "$work/control-net.json"

# The example board

"$bin" --export-plan "$work/plan.html" "$src/data/examples/klantcontact-nl.kwadrant" > /dev/null
chrome "$work/plan.html" "$work/plan-net.json" --dump-dom > "$work/plan-dom.html"
check "Chromium renders the plan" test -s "$work/plan-dom.html"
for section in summary quick-win small-fix long-term future drop unplaced; do
  check "the rendered plan has the $section section" grep -q "<section[^>]*id=\"$section\"" "$work/plan-dom.html"
done
check "the rendered plan has its 21 numbered items" \
  test "$(grep -o '<li class="item"' "$work/plan-dom.html" | wc -l)" -eq 21
check "the rendered plan has the matrix with its 19 placed findings" \
  test "$(grep -o '<g data-item="#finding-[^"]*" class="finding"' "$work/plan-dom.html" | wc -l)" -eq 19
check "every line of text on the matrix keeps the width it was measured at" \
  eval '! grep -o "<tspan[^>]*>" "$work/plan-dom.html" | grep -qv "textLength=\"[0-9.]*\" lengthAdjust=\"spacingAndGlyphs\""' 
check "the plan requests nothing from the network" test -z "$(remote_requests "$work/plan-net.json")"

chrome "$work/plan.html" "$work/shot-net.json" --window-size=1280,2000 --screenshot="$work/plan.png" > /dev/null
check "Chromium takes a screenshot of the plan" test -s "$work/plan.png"
chrome "$work/plan.html" "$work/phone-net.json" --window-size=390,844 --screenshot="$work/phone.png" > /dev/null
check "Chromium takes a phone-sized screenshot" test -s "$work/phone.png"

# A busy workshop board: 60 findings as numbered badges that match the
# plan's numbered items.
"$bin" --export-plan "$work/plan-60.html" "$src/tests/data/boards/workshop-60-nl.kwadrant" > /dev/null
chrome "$work/plan-60.html" "$work/plan-60-net.json" --dump-dom > "$work/plan-60-dom.html"
check "the 60-finding plan has 60 findings on its matrix" \
  test "$(grep -o '<g data-item="#finding-[^"]*" class="finding"' "$work/plan-60-dom.html" | wc -l)" -eq 60
# The number in each finding's badge is the number of the item it shows.
badges=$(grep -o '<g data-item="#finding-[^"]*" class="finding">.*' "$work/plan-60-dom.html" |
  sed -E 's|<g data-item="#(finding-[^"]*)" class="finding">|\n\1 |g' |
  sed -nE 's|^(finding-[^ ]*) .*<text class="number"[^>]*>([0-9]+)</text>.*|\1 \2|p' | sort)
items=$(grep -o '<li class="item" id="finding-[^"]*"><h3><span class="number">[0-9]*' "$work/plan-60-dom.html" |
  sed -E 's|.*id="(finding-[^"]*)".*"number">([0-9]+)|\1 \2|' | sort)
check "the badges' numbers are those of the plan's items" test -n "$badges" -a "$badges" = "$items"
chrome "$work/plan-60.html" "$work/shot-60-net.json" --window-size=1280,1400 --screenshot="$work/plan-60.png" > /dev/null
check "Chromium takes a screenshot of the 60-finding plan" test -s "$work/plan-60.png"

if [ -n "${KW_SHOTS_DIR:-}" ]; then
  cp "$work/plan.png" "$KW_SHOTS_DIR/plan-chromium.png"
  cp "$work/phone.png" "$KW_SHOTS_DIR/plan-phone.png"
  cp "$work/plan-60.png" "$KW_SHOTS_DIR/plan-60-chromium.png"
fi

# The matrix as a keyboard and a screen reader user meet it: Tab key
# events through the page, and the accessibility tree. The control, an
# image with links in it as the plan had, must show its hidden stops, or
# the check proves nothing.
focus() {
  timeout 60 /usr/bin/python3 "$src/tests/chromium-focus.py" "$browser" "file://$1" --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$(mktemp -d -p "$work")" --host-resolver-rules="MAP * ~NOTFOUND" 2> "$work/focus-stderr"
}
# json_field JSON EXPRESSION: EXPRESSION of the parsed JSON (as j), printed.
json_field() {
  /usr/bin/python3 -c 'import json, sys; j = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}
cat > "$work/control-links.html" << 'HTML'
<!DOCTYPE html><html><body><svg role="img"><title>matrix</title><a href="#one"><text>1</text></a><a href="#two"><text>2</text></a></svg></body></html>
HTML
control_focus=$(focus "$work/control-links.html")
check "the control: Tab stops on the links inside an image" \
  test "$(json_field "$control_focus" 'len(j["tab_stops"])')" = 2
for plan in plan plan-60; do
  focus_json=$(focus "$work/$plan.html")
  echo "# $plan: $focus_json" | cut -c 1-300
  check "$plan: Tab stops nowhere in the plan (no hidden stops in the matrix)" \
    test "$(json_field "$focus_json" 'len(j["tab_stops"])')" = 0
  check "$plan: no links in the accessibility tree" test "$(json_field "$focus_json" 'j["links"]')" = 0
  check "$plan: the matrix is one image named as the impact/effort matrix" \
    test "$(json_field "$focus_json" '[i["name"].startswith("The impact/effort matrix") for i in j["images"]]')" = "[True]"
  check "$plan: the image is described by the caption pointing to the numbered lists" \
    test "$(json_field "$focus_json" '"numbered lists below" in j["images"][0]["description"]')" = True
done

# Printed from the browser on A4 (the plan's own @page size): the matrix
# on page 1, its axis titles read back from the page's text.
for plan in plan plan-60; do
  rm -f "$work/$plan.pdf"
  chrome "$work/$plan.html" "$work/$plan-print-net.json" --no-pdf-header-footer \
    --print-to-pdf="$work/$plan.pdf" > /dev/null
  check "$plan: Chromium prints the plan" test -s "$work/$plan.pdf"
  check "$plan: the printed plan is on A4" \
    eval 'pdfinfo "$work/$plan.pdf" | grep -q "Page size: *59[45].*x 84[12].*(A4)"'
  page1=$(pdftotext -f 1 -l 1 "$work/$plan.pdf" - 2> /dev/null)
  check "$plan: page 1 of the print has the matrix (its axis titles Impact and Effort)" \
    eval 'grep -qx "Impact" <<< "$page1" && grep -qx "Effort" <<< "$page1"'
  check "$plan: page 1 of the print has the summary" eval 'grep -qx "Summary" <<< "$page1"'
  if [ -n "${KW_SHOTS_DIR:-}" ]; then
    pdftoppm -r 60 -png -f 1 -l 2 "$work/$plan.pdf" "$KW_SHOTS_DIR/$plan-print"
  fi
done

# Following through: a board whose dates are long past whenever this runs
# (an overdue quick win, a finding on the future list due for review, one
# on the small fixes due too but done). The summary counts them, the list
# of findings due for review closes the plan; the headings keep their
# order (no level skipped) and the new text keeps 4.5:1 against what it
# is drawn on.
cat > "$work/follow-up.kwadrant" << 'XML'
<?xml version="1.0" encoding="UTF-8"?>
<board xmlns="https://kwadrant.github.io/ns/board" format-version="1">
  <title>Follow-up</title>
  <findings>
    <finding id="f-1" status="done" created="2026-01-02T09:00:00Z" modified="2026-01-02T09:00:00Z">
      <title>Done quick win</title>
      <position impact="8.0" effort="2.0"/>
      <owner>Ann</owner>
      <due>2026-01-05</due>
    </finding>
    <finding id="f-2" status="open" created="2026-01-02T09:00:00Z" modified="2026-01-02T09:00:00Z">
      <title>Late quick win</title>
      <position impact="8.0" effort="2.5"/>
      <owner>Ben</owner>
      <due>2026-01-05</due>
    </finding>
    <finding id="f-3" status="open" created="2026-01-02T09:00:00Z" modified="2026-01-02T09:00:00Z">
      <title>Chat in the evening</title>
      <position impact="2.0" effort="3.0"/>
      <review>2026-01-05</review>
    </finding>
    <finding id="f-4" status="done" created="2026-01-02T09:00:00Z" modified="2026-01-02T09:00:00Z">
      <title>Typo in the letter</title>
      <position impact="2.0" effort="0.5"/>
      <review>2026-01-05</review>
    </finding>
  </findings>
</board>
XML
"$bin" --export-plan "$work/follow-up.html" "$work/follow-up.kwadrant" > /dev/null
chrome "$work/follow-up.html" "$work/follow-up-net.json" --dump-dom > "$work/follow-up-dom.html"
check "follow-up: the summary says how far the quick wins are" \
  grep -q '<li class="progress">Quick wins: 1 of 2 done</li>' "$work/follow-up-dom.html"
check "follow-up: the summary counts the overdue action" \
  grep -q '<li class="overdue">1 action is overdue</li>' "$work/follow-up-dom.html"
check "follow-up: the summary counts the finding due for review (not the done one)" \
  grep -q '<li class="review-due">1 finding is due for review</li>' "$work/follow-up-dom.html"
check "follow-up: the plan ends with the findings due for review" \
  eval 'grep -o "<section[^>]*id=\"[a-z-]*\"" "$work/follow-up-dom.html" | tail -1 | grep -q "id=\"due-for-review\""'
check "follow-up: the list names the finding, its list and its review date" \
  eval 'grep -o "id=\"due-for-review\".*" "$work/follow-up-dom.html" |
        grep -q "Chat in the evening</span></h3><dl class=\"facts\"><div><dt>List</dt><dd>Future list</dd></div><div><dt>Review date</dt><dd>5 January 2026</dd>"'
check "follow-up: the done small fix is not in the list" \
  eval '! grep -o "id=\"due-for-review\".*" "$work/follow-up-dom.html" | grep -q "Typo in the letter"'
follow_json=$(focus "$work/follow-up.html")
echo "# follow-up headings: $(json_field "$follow_json" 'j["headings"]')" | cut -c 1-400
check "follow-up: still no tab stops and no links" \
  test "$(json_field "$follow_json" 'len(j["tab_stops"]) + j["links"]')" = 0
check "follow-up: the headings start at level 1 and skip no level" \
  test "$(json_field "$follow_json" 'all(b[0] <= a[0] + 1 for a, b in zip([[0, ""]] + j["headings"], j["headings"])) and j["headings"][0][0] == 1')" = True
check "follow-up: Progress (h3) follows Summary (h2), Due for review is the last h2 with its item under it" \
  test "$(json_field "$follow_json" '[h for h in j["headings"] if h[1] in ("Summary", "Progress", "Due for review") or h[0] == 2][-2:] + j["headings"][-1:]')" = \
       "[[2, '5. Dropped'], [2, 'Due for review'], [3, '4Chat in the evening']]"
check "follow-up: Progress (h3) comes right under Summary (h2)" \
  test "$(json_field "$follow_json" 'j["headings"][1:3]')" = "[[2, 'Summary'], [3, 'Progress']]"
contrast=$(/usr/bin/python3 - "$follow_json" << 'PY'
import json, re, sys
def luminance(css):
    r, g, b = (int(v) / 255 for v in re.findall(r'\d+', css)[:3])
    f = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
colours = json.loads(sys.argv[1])['colours']
ratios = []
for c in colours:
    a, b = sorted((luminance(c['color']), luminance(c['background'])), reverse=True)
    ratios.append(((a + 0.05) / (b + 0.05), c['selector'], c['text']))
low = [r for r in ratios if r[0] < 4.5]
print(len(ratios), min(r[0] for r in ratios), low)
PY
)
echo "# follow-up contrast: $contrast" | cut -c 1-400
check "follow-up: every new piece of text has 4.5:1 or more (more than 15 measured)" \
  eval '[[ "$contrast" =~ ^([0-9]+)\ [0-9.]+\ \[\]$ ]] && [ "${BASH_REMATCH[1]}" -gt 15 ]'
if [ -n "${KW_SHOTS_DIR:-}" ]; then
  chrome "$work/follow-up.html" "$work/follow-up-shot-net.json" --window-size=1280,2600 \
    --screenshot="$KW_SHOTS_DIR/plan-follow-up.png" > /dev/null
fi

# The room's estimates: the board of kw-estimates-board.c, written by
# make-estimates-board (the first argument). "Where we disagreed" after
# the summary's Progress, its five items under it, the name <b>&" as
# text, no tab stops, and its text at 4.5:1 or more.
if [ -n "${1:-}" ]; then
  "$1" "$work/estimates.kwadrant"
  plan_estimates=$work/estimates.html
  "$bin" --export-plan "$plan_estimates" --lang en "$work/estimates.kwadrant" > /dev/null
  chrome "$plan_estimates" "$work/estimates-net.json" --dump-dom > "$work/estimates-dom.html"
  check "estimates: the plan has the section Where we disagreed with its five findings" \
    test "$(grep -o 'id="disagreement".*</section><section class="plan' "$work/estimates-dom.html" |
            grep -o '<li class="item outcome-' | wc -l)" -eq 5
  check "estimates: the name <b>&\" is text" grep -q 'and &lt;b&gt;&amp;"' "$work/estimates-dom.html"
  check "estimates: the plan requests nothing from the network" test -z "$(remote_requests "$work/estimates-net.json")"
  estimates_json=$(focus "$plan_estimates")
  check "estimates: no tab stops and no links" \
    test "$(json_field "$estimates_json" 'len(j["tab_stops"]) + j["links"]')" = 0
  check "estimates: the headings start at level 1 and skip no level" \
    test "$(json_field "$estimates_json" 'all(b[0] <= a[0] + 1 for a, b in zip([[0, ""]] + j["headings"], j["headings"])) and j["headings"][0][0] == 1')" = True
  check "estimates: Where we disagreed (h2) follows Progress, its first item (h3) under it" \
    test "$(json_field "$estimates_json" 'j["headings"][2:5]')" = \
         "[[3, 'Progress'], [2, 'Where we disagreed'], [3, '1Callback queue']]"
  contrast=$(/usr/bin/python3 - "$estimates_json" << 'PY'
import json, re, sys
def luminance(css):
    r, g, b = (int(v) / 255 for v in re.findall(r'\d+', css)[:3])
    f = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
colours = json.loads(sys.argv[1])['colours']
ratios = []
for c in colours:
    a, b = sorted((luminance(c['color']), luminance(c['background'])), reverse=True)
    ratios.append(((a + 0.05) / (b + 0.05), c['selector'], c['text']))
low = [r for r in ratios if r[0] < 4.5]
print(len(ratios), min(r[0] for r in ratios), low)
PY
)
  echo "# estimates contrast: $contrast" | cut -c 1-400
  check "estimates: every piece of the section's text has 4.5:1 or more (more than 40 measured)" \
    eval '[[ "$contrast" =~ ^([0-9]+)\ [0-9.]+\ \[\]$ ]] && [ "${BASH_REMATCH[1]}" -gt 40 ]'
  if [ -n "${KW_SHOTS_DIR:-}" ]; then
    chrome "$plan_estimates" "$work/estimates-shot-net.json" --window-size=1280,2600 \
      --screenshot="$KW_SHOTS_DIR/plan-estimates.png" > /dev/null
  fi
fi

# Whatever font the reader's browser picks, a label's text stays in its
# box: the image drawn with a much wider font for the findings' text
# (monospace) differs from the normal one only inside the label boxes.
# The control, the wide font without the measured widths (textLength),
# must spill out, or the check proves nothing.
"$bin" --export-image "$work/matrix.svg" "$src/data/examples/klantcontact-nl.kwadrant" > /dev/null
sed 's/<g class="findings"/<g font-family="DejaVu Sans Mono, monospace" class="findings"/' \
  "$work/matrix.svg" > "$work/matrix-wide.svg"
sed -E 's/ textLength="[0-9.]+" lengthAdjust="spacingAndGlyphs"//g' "$work/matrix-wide.svg" > "$work/matrix-free.svg"
for name in matrix matrix-wide matrix-free; do
  chrome "$work/$name.svg" "$work/$name-net.json" --window-size=1600,1200 --screenshot="$work/$name.png" > /dev/null
done
# spill SVG PNG PNG: the pixels that differ between the PNGs outside the
# label and badge boxes of SVG (grown by a pixel for the edges' shading).
spill() {
  /usr/bin/python3 - "$@" << 'PY'
import subprocess, sys, xml.etree.ElementTree as ET
svg, a, b = sys.argv[1:4]
root = ET.parse(svg).getroot()
w, h = int(float(root.get('width'))), int(float(root.get('height')))
inside = bytearray(w * h)
for rect in root.iter('{http://www.w3.org/2000/svg}rect'):
    if set((rect.get('class') or '').split()) & {'label', 'badge'}:
        x0, y0 = int(float(rect.get('x'))) - 1, int(float(rect.get('y'))) - 1
        x1 = min(w, int(float(rect.get('x')) + float(rect.get('width'))) + 2)
        y1 = min(h, int(float(rect.get('y')) + float(rect.get('height'))) + 2)
        for y in range(max(0, y0), y1):
            inside[y * w + max(0, x0):y * w + x1] = b'\1' * (x1 - max(0, x0))
raw = [subprocess.run(['convert', png, '-depth', '8', 'rgb:-'], check=True, capture_output=True).stdout
       for png in (a, b)]
print(sum(1 for i in range(w * h) if not inside[i] and raw[0][3 * i:3 * i + 3] != raw[1][3 * i:3 * i + 3]))
PY
}
check "the control: a wide font without the measured widths spills out of the labels" \
  test "$(spill "$work/matrix.svg" "$work/matrix.png" "$work/matrix-free.png")" -gt 100
check "with the measured widths, a wide font stays inside the labels" \
  test "$(spill "$work/matrix.svg" "$work/matrix.png" "$work/matrix-wide.png")" -eq 0
if [ -n "${KW_SHOTS_DIR:-}" ]; then
  cp "$work/matrix.png" "$KW_SHOTS_DIR/matrix-chromium.png"
  cp "$work/matrix-wide.png" "$KW_SHOTS_DIR/matrix-wide-font.png"
fi

# A hostile board: each script, if it ran, would leave a mark in the DOM.

cat > "$work/hostile.kwadrant" << 'XML'
<?xml version="1.0" encoding="UTF-8"?>
<board xmlns="https://kwadrant.github.io/ns/board" format-version="1">
  <title>&lt;script&gt;document.documentElement.setAttribute('data-pwned', 'title')&lt;/script&gt;</title>
  <organisation>&lt;img src=x onerror="document.documentElement.setAttribute('data-pwned', 'img')"&gt;</organisation>
  <facilitator>"&gt;&lt;svg onload="document.documentElement.setAttribute('data-pwned', 'svg')"&gt;</facilitator>
  <findings>
    <finding id="f-1" status="open" created="2026-11-20T09:00:00Z" modified="2026-11-20T09:00:00Z">
      <title>&lt;/title&gt;&lt;/style&gt;&lt;script&gt;document.documentElement.setAttribute('data-pwned', 'finding')&lt;/script&gt;</title>
      <description>]]&gt;&lt;a href="javascript:document.documentElement.setAttribute('data-pwned', 'link')"&gt;x&lt;/a&gt;&lt;iframe src="http://evil.invalid/"&gt;&lt;/iframe&gt;</description>
      <position impact="8.0" effort="2.0"/>
      <owner>&lt;img src="http://evil.invalid/track.png"&gt;</owner>
      <tags><tag>&lt;style&gt;@import url(http://evil.invalid/x.css);&lt;/style&gt;</tag></tags>
    </finding>
  </findings>
</board>
XML
"$bin" --export-plan "$work/hostile.html" "$work/hostile.kwadrant" > /dev/null
check "the hostile board exports" test -s "$work/hostile.html"
chrome "$work/hostile.html" "$work/hostile-net.json" --dump-dom > "$work/hostile-dom.html"
check "Chromium renders the hostile plan" grep -q '<section[^>]*id="quick-win"' "$work/hostile-dom.html"
check "no script of the hostile text ran" eval '! grep -q "<html[^>]*data-pwned" "$work/hostile-dom.html"'
check "the hostile text is shown as text" grep -q '&lt;script&gt;document.documentElement' "$work/hostile-dom.html"
check "the hostile text made no element" \
  eval '! grep -qiE "<(script|img|iframe)[ >]" "$work/hostile-dom.html"'
check "the hostile plan requests nothing from the network" test -z "$(remote_requests "$work/hostile-net.json")"
check "the hostile plan did not even try evil.invalid" eval '! grep -q "evil.invalid/" "$work/hostile-net.json"'

echo "1..$n"
if [ "$failures" -gt 0 ]; then
  echo "# $failures of $n checks failed"
  exit 1
fi
