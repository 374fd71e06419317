#!/bin/sh
# One-shot job of docker-compose.yml (service secrets-check), run before anything else starts:
#  1. refuses every secret of secrets.list that is missing, shorter than its least length, still a placeholder
#     (change-me...), holds characters the set-up scripts cannot pass on, or is unreadable by the containers' users;
#     the job then fails, and Compose starts nothing that depends on it;
#  2. derives the newsflow users of ingest-service and search-service from their password files:
#     users.properties (quarkus.security.users.embedded.users.NAME=HEX(SHA-256(NAME:newsflow:password))) and
#     roles.properties, one pair per service, owned by the user the service runs as, mode 0400.
# Values are never printed. Environment: SECRETS_DIR (/run/secrets), SECRETS_LIST, USERS_DIR (/users),
# INGEST_OWNER and SEARCH_OWNER (uid:gid of the two services).
set -eu

SECRETS="${SECRETS_DIR:-/run/secrets}"
LIST="${SECRETS_LIST:-/newsflow/secrets.list}"
USERS="${USERS_DIR:-/users}"
REALM=newsflow
refused=0

refuse() { # name, reason
  echo "secret $1 refused: $2" >&2
  refused=$((refused + 1))
}

check() { # name, least length
  file="$SECRETS/$1"
  if [ ! -f "$file" ]; then
    refuse "$1" "no file secrets/$1 (create it: sh docker/secrets/generate-secrets.sh)"
    return
  fi
  # the containers read secrets as users other than the file's owner (Elasticsearch 1000, the services 10001, ...)
  mode=$(stat -c '%a' "$file")
  case "$mode" in
    *[4567]) ;;
    *) refuse "$1" "mode $mode: the containers' users cannot read it (chmod 444 secrets/$1; keep the folder 700)"; return ;;
  esac
  # trailing newlines are dropped, as every reader of the file does ($(cat ...))
  value=$(cat "$file")
  lower=$(printf '%s' "$value" | tr 'A-Z' 'a-z')
  case "$lower" in
    change-me* | changeme* | change_me*) refuse "$1" "still the placeholder change-me..."; return ;;
  esac
  length=${#value}
  if [ "$length" -lt "$2" ]; then
    refuse "$1" "$length characters, at least $2 needed"
    return
  fi
  case "$value" in
    *[!A-Za-z0-9._,:\;!@#%^*+=~-]*)
      refuse "$1" "only letters, digits and - _ . , : ; ! @ # % ^ * + = ~ are allowed (it is sent inside JSON and curl configuration)" ;;
  esac
}

while read -r name least; do
  case "$name" in '' | '#'*) continue ;; esac
  check "$name" "$least"
done < "$LIST"

if [ "$refused" -gt 0 ]; then
  echo "$refused secret(s) refused: nothing else starts. See docs/deployment.md, section Secrets." >&2
  exit 1
fi
echo "secrets: all $(grep -c '^[a-z]' "$LIST") present and acceptable"

hash() { # user, password file
  printf '%s' "$1:$REALM:$(cat "$2")" | sha256sum | cut -d ' ' -f 1
}

# write_users SERVICE OWNER: the two files, replaced whole (a half-written file must never be read)
write_users() {
  dir="$USERS/$1"
  # the folders open to all (0755), the files only to their service's user (0400)
  mkdir -p "$dir"
  chmod 755 "$USERS" "$dir"
  umask 077
  {
    echo "# newsflow users of $1, derived by secrets-check from secrets/newsflow_*_password: HEX(SHA-256(NAME:$REALM:password))"
    for user in admin ingest reader alerts; do
      echo "quarkus.security.users.embedded.users.$user=$(hash "$user" "$SECRETS/newsflow_${user}_password")"
    done
  } > "$dir/.users.properties.tmp"
  {
    echo "# roles of the newsflow users: admin may re-index and everything else, ingest may upload, reader may read,"
    echo "# alerts may keep saved searches"
    echo "quarkus.security.users.embedded.roles.admin=admin,ingest,reader"
    echo "quarkus.security.users.embedded.roles.ingest=ingest"
    echo "quarkus.security.users.embedded.roles.reader=reader"
    echo "quarkus.security.users.embedded.roles.alerts=alerts"
  } > "$dir/.roles.properties.tmp"
  for file in users roles; do
    chmod 400 "$dir/.$file.properties.tmp"
    if [ "$(id -u)" = 0 ]; then
      chown "$2" "$dir/.$file.properties.tmp"
    fi
    mv -f "$dir/.$file.properties.tmp" "$dir/$file.properties"
  done
  echo "users of $1 written to $dir"
}

write_users ingest-service "${INGEST_OWNER:-1000:1000}"
write_users search-service "${SEARCH_OWNER:-10001:0}"
