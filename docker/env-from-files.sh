#!/bin/sh
# Entrypoint wrapper of the Elasticsearch, Kibana and newsflow service containers: for every variable NAME_FILE that
# names a file under /run/secrets/ (Compose's secrets), it exports NAME with the file's content (trailing newlines
# dropped) and unsets NAME_FILE, then runs the command given. So a secret reaches the process without ever being in
# the container's configuration (docker inspect shows only the file's path). Other *_FILE variables (SSL_CERT_FILE)
# are left alone. Fails, naming the variable, when a secret file cannot be read.
set -eu

SECRETS="${SECRETS_DIR:-/run/secrets}"
for variable in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)_FILE=.*/\1/p'); do
  eval "file=\${${variable}_FILE}"
  case "$file" in
    "$SECRETS"/*) ;;
    *) continue ;;
  esac
  if [ ! -r "$file" ]; then
    echo "${variable}_FILE: cannot read $file" >&2
    exit 1
  fi
  value=$(cat "$file")
  export "$variable=$value"
  unset "${variable}_FILE"
done
unset SECRETS
exec "$@"
