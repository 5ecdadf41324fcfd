#!/bin/sh
# Builds a private MIME database from the Kwadrant type definition alone and
# checks that the type, its glob and its XML root element all made it in:
# update-mime-database accepts some mistakes with only a warning.
# Usage: test-mime.sh UPDATE-MIME-DATABASE MIME-XML
set -u

update_mime_database=$1
definition=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

mkdir -p "$work/mime/packages"
cp "$definition" "$work/mime/packages/" || exit 1

# The variable keeps it from warning that the directory is not searched.
if ! XDG_DATA_DIRS="$work" "$update_mime_database" "$work/mime"; then
  fail "update-mime-database rejected $definition"
fi

[ -f "$work/mime/application/x-kwadrant.xml" ] \
  || fail "the database has no application/x-kwadrant"
grep -qxF '50:application/x-kwadrant:*.kwadrant' "$work/mime/globs2" \
  || fail "the glob *.kwadrant is missing"
grep -qxF 'application/x-kwadrant application/xml' "$work/mime/subclasses" \
  || fail "application/x-kwadrant is not a subclass of application/xml"
grep -qxF 'https://kwadrant.github.io/ns/board board application/x-kwadrant' "$work/mime/XMLnamespaces" \
  || fail "the root element <board> in the board namespace is missing"
grep -qF '<comment xml:lang="nl">Kwadrant-bord</comment>' "$work/mime/application/x-kwadrant.xml" \
  || fail "the Dutch description is missing"

[ "$failures" -eq 0 ] && echo "application/x-kwadrant: glob, subclass, root element and Dutch comment present"
[ "$failures" -eq 0 ]
