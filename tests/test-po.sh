#!/usr/bin/env bash
# The Dutch translation is complete: every translatable string of the
# sources is in po/nl.po, translated and not fuzzy, and every file with
# translatable strings is listed in po/POTFILES.in.
set -u

src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

cd "$src" || exit 1

# 1. POTFILES.in lists every file with translatable strings, and only files that exist.
while read -r file; do
  grep -qxF "$file" po/POTFILES.in || fail "$file has translatable strings but is not in po/POTFILES.in"
done < <( { grep -rlE '\b(N_|C_|NC_|_)\(\s*"|g_dngettext \(|ngettext \(' src --include='*.c' 2>/dev/null
            grep -rlE 'translatable="yes"' ui data --include='*.ui' --include='*.xml' --include='*.in' 2>/dev/null
            ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null; } | sort -u)

while read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -f "$file" ] || fail "po/POTFILES.in lists $file, which does not exist"
done < po/POTFILES.in

# 2. Extract the strings the way meson's glib preset does.
if ! xgettext --files-from=po/POTFILES.in --directory="$src" --output="$work/kwadrant.pot" \
     --from-code=UTF-8 --add-comments --package-name=kwadrant \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
     --flag=g_strdup_printf:1:c-format --flag=g_dngettext:2:pass-c-format \
     2> "$work/xgettext.err"; then
  cat "$work/xgettext.err"
  fail "xgettext could not extract the strings"
fi

# 3. Merge against nl.po: nothing may be missing, untranslated or fuzzy.
msgmerge --quiet --no-fuzzy-matching --output-file="$work/merged.po" po/nl.po "$work/kwadrant.pot" \
  || fail "msgmerge failed"
stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$work/merged.po" 2>&1)
echo "nl.po against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*|*error*|*warning*) fail "po/nl.po is not complete: $stats" ;;
esac
LC_ALL=C msgfmt --check --output-file=/dev/null po/nl.po 2>&1 || fail "po/nl.po does not compile cleanly"

# nl.po itself has no fuzzy or untranslated entries left behind.
own=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null po/nl.po 2>&1)
case "$own" in
  *untranslated*|*fuzzy*) fail "po/nl.po has entries left to finish: $own" ;;
esac

# Strings in nl.po that the sources no longer have must be marked obsolete.
msgattrib --force-po --no-obsolete --output-file="$work/live.po" po/nl.po \
  && msgcmp --use-untranslated "$work/kwadrant.pot" "$work/live.po" > "$work/stale.txt" 2>&1 \
  || { cat "$work/stale.txt"; fail "po/nl.po has strings the sources do not use (run msgmerge)"; }

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) with the translation"
  exit 1
fi
echo "the translation is complete"
