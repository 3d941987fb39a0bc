#!/bin/sh
# Writes the version.properties that 'virtmx --version' reads: the Maven version and the git commit the
# build is made from. Run by the build (exec-maven-plugin, generate-resources) as
#   sh src/build/version-properties.sh BASEDIR OUTPUT_FILE VERSION
# Uses the git command (which understands linked worktrees); outside a git checkout of BASEDIR itself
# (a source tarball, even one unpacked inside another repository) the commit is "unknown".
set -eu
basedir=$1 out=$2 version=$3
commit=unknown dirty=false time=unknown
if top=$(git -C "$basedir" rev-parse --show-toplevel 2>/dev/null) &&
  [ "$(cd "$top" && pwd -P)" = "$(cd "$basedir" && pwd -P)" ]; then
  commit=$(git -C "$basedir" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
  time=$(git -C "$basedir" log -1 --format=%cI 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$basedir" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    dirty=true
  fi
fi
mkdir -p "$(dirname "$out")"
printf '# Written by src/build/version-properties.sh; read by io.virtmx.cli.BuildInfo.\nversion=%s\ncommit=%s\ndirty=%s\ncommitTime=%s\n' \
  "$version" "$commit" "$dirty" "$time" >"$out"
