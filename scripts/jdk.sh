# Sourced by ./ravenwatch and ./run-tests: finds a JDK >= 21 and exports JAVA_HOME.
# Ravenwatch targets Java 21 (virtual threads); any newer JDK builds and runs it too.

java_major() { # prints the major version of the java binary given
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
    [ -d "$d" ] && candidates+=("${d%/}")
  done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/javac" ] && [ -x "$home/bin/java" ]; then
      local v
      v=$(java_major "$home/bin/java")
      if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$home"
        export PATH="$JAVA_HOME/bin:$PATH"
        return 0
      fi
    fi
  done
  cat >&2 <<'MSG'
Ravenwatch needs a JDK 21 or newer, and none was found (checked JAVA_HOME, javac on the PATH,
/usr/lib/jvm, /opt/java).
Install one, for example:
  Debian 13 / Ubuntu 24.04:  apt-get install openjdk-21-jdk-headless
  Debian 12 (bookworm):      install Temurin 21 from Adoptium's apt repository (temurin-21-jdk)
then run this command again, or point JAVA_HOME at it.
MSG
  return 1
}

find_jdk || exit 1
# Maven 3.8 on a new JDK prints warnings about its own libraries; they are not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+IgnoreUnrecognizedVMOptions"
