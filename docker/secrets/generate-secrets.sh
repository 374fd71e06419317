#!/bin/sh
# Run on the Docker host, from the repository root: creates the secret files docker-compose.yml reads, with random
# values, in secrets/ (folder 0700, so other users of the host cannot open it; files 0444, so the containers'
# users can read them once mounted).
#   sh docker/secrets/generate-secrets.sh               # creates every missing secret, keeps the others
#   sh docker/secrets/generate-secrets.sh NAME [NAME...] # replaces these (rotation: see docs/deployment.md)
# Environment: SECRETS_DIR (./secrets), SECRETS_LIST (beside this script).
set -eu

HERE=$(dirname "$0")
SECRETS="${SECRETS_DIR:-./secrets}"
LIST="${SECRETS_LIST:-$HERE/secrets.list}"

# random letters and digits: at least 32 (keys: 48), about 190 bits or more, nothing a shell or JSON interprets
random_value() { # length
  LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1"
}

least_length() { # name -> least length from the list, empty when unknown
  awk -v name="$1" '$1 == name { print $2 }' "$LIST"
}

write() { # name
  least=$(least_length "$1")
  if [ -z "$least" ]; then
    echo "unknown secret $1; known: $(awk '/^[a-z]/ { printf "%s ", $1 }' "$LIST")" >&2
    exit 1
  fi
  length=32
  if [ "$least" -gt 16 ]; then length=48; fi
  # written in place: a running container's bind mount follows the file's inode, not its name
  umask 077
  if [ -f "$SECRETS/$1" ]; then chmod 600 "$SECRETS/$1"; fi
  random_value "$length" > "$SECRETS/$1"
  chmod 444 "$SECRETS/$1"
  echo "wrote $SECRETS/$1"
}

umask 077
mkdir -p "$SECRETS"
chmod 700 "$SECRETS"
if [ "$#" -gt 0 ]; then
  for name in "$@"; do write "$name"; done
else
  for name in $(awk '/^[a-z]/ { print $1 }' "$LIST"); do
    if [ ! -f "$SECRETS/$name" ]; then write "$name"; fi
  done
fi
