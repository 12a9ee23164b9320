# Sourced by run-local and .ci/run: points JAVA_HOME at a JDK 21 or newer, keeping a suitable one
# that is already set, else taking the newest under /usr/lib/jvm (Debian) or /Library/Java (macOS).
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
select_jdk() {
  local candidate best="" best_version=0 version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(java_major "$candidate")
    [ -n "$version" ] && [ "$version" -ge 21 ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ]; then best=$candidate; break; fi
    if [ "$version" -gt "$best_version" ]; then best=$candidate; best_version=$version; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: install one and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
select_jdk
