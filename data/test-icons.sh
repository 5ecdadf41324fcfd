#!/bin/sh
# The icons are hand-written SVG: check they parse, have the sizes the icon
# theme folders promise, and that the symbolic one uses fills only, since
# GTK recolours fills but leaves strokes in their literal colour.
# Usage: test-icons.sh XMLLINT APP-ICON SYMBOLIC-ICON
set -u

xmllint=$1
app_icon=$2
symbolic_icon=$3
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

svg_attribute() {
  "$xmllint" --xpath "string(/*[local-name()='svg']/@$2)" "$1"
}

"$xmllint" --noout "$app_icon" "$symbolic_icon" || fail "an icon is not well-formed XML"

[ "$(svg_attribute "$app_icon" viewBox)" = "0 0 128 128" ] \
  || fail "$app_icon does not have the 128×128 canvas of an app icon"
[ "$(svg_attribute "$symbolic_icon" viewBox)" = "0 0 16 16" ] \
  || fail "$symbolic_icon does not have the 16×16 canvas of a symbolic icon"

if grep -qE 'stroke[=:]' "$symbolic_icon"; then
  fail "$symbolic_icon uses strokes, which GTK does not recolour"
fi
if grep -oiE 'fill="#[0-9a-f]+"' "$symbolic_icon" | grep -qviF 'fill="#2e3436"'; then
  fail "$symbolic_icon has a colour other than the symbolic foreground"
fi

[ "$failures" -eq 0 ] && echo "both icons parse, have the right canvas, and the symbolic icon is recolourable"
[ "$failures" -eq 0 ]
