#!/bin/sh
# One-shot job of docker-compose.yml (service es-setup), run once Elasticsearch is healthy:
#  - gives the built-in user kibana_system its password (Kibana refuses to connect as the superuser elastic);
#  - creates the role and user search-service connects with, limited to the news-articles* indices;
#  - creates the read-only role and user analysts log in to Kibana with (read on news-articles*, Kibana read).
# Every request overwrites what it sets, so the job is safe to run at every start, and a rotated password file
# takes effect at the job's next run. Passwords are read from the secret files and never appear on a command line.
set -eu

SECRETS="${SECRETS_DIR:-/run/secrets}"
ES="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"
: "${NEWSFLOW_ES_USERNAME:?NEWSFLOW_ES_USERNAME is not set}"
: "${KIBANA_ANALYST_USERNAME:?KIBANA_ANALYST_USERNAME is not set}"

secret() { # name -> the file's content (secrets-check has refused quotes, backslashes and short values already)
  if [ ! -r "$SECRETS/$1" ]; then echo "cannot read the secret $SECRETS/$1" >&2; exit 1; fi
  cat "$SECRETS/$1"
}

# curl reads the superuser's credentials from a file of its own, not from its arguments
AUTH=$(mktemp)
trap 'rm -f "$AUTH"' EXIT
printf 'user = "elastic:%s"\n' "$(secret elastic_password)" > "$AUTH"

# request METHOD PATH: the JSON body on standard input; retries while the node does not answer, fails on any
# answer other than 2xx
request() {
  body=$(cat)
  attempt=1
  while :; do
    answer=$(printf '%s' "$body" | curl -sS -K "$AUTH" -X "$1" "$ES$2" \
      -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}') || true
    status=$(printf '%s\n' "$answer" | tail -n 1)
    case "$status" in
      2??) echo "$1 $2: HTTP $status"; return 0 ;;
      000 | 503)
        if [ "$attempt" -ge 30 ]; then echo "$1 $2: Elasticsearch at $ES does not answer" >&2; exit 1; fi ;;
      *) echo "$1 $2 failed: HTTP $status" >&2; exit 1 ;;
    esac
    attempt=$((attempt + 1))
    sleep 2
  done
}

printf '{"password":"%s"}' "$(secret kibana_system_password)" | request POST /_security/user/kibana_system/_password

# search-service puts the index template news-articles, creates the versioned indices and swaps the alias when it
# re-indexes, writes with _bulk and searches; monitor lets its health check read the cluster health
echo '{"cluster":["monitor","manage_index_templates"],"indices":[{"names":["news-articles*"],"privileges":["create_index","manage","read","write"]}]}' \
  | request PUT /_security/role/newsflow_search
printf '{"password":"%s","roles":["newsflow_search"],"full_name":"newsflow search-service"}' "$(secret search_es_password)" \
  | request PUT "/_security/user/$NEWSFLOW_ES_USERNAME"

# analysts: read the articles (and their mapping, which Discover and the data view need) and use Kibana read-only
# in every space (dashboards, Discover, visualisations; no saving, no management)
echo '{"indices":[{"names":["news-articles*"],"privileges":["read","view_index_metadata"]}],"applications":[{"application":"kibana-.kibana","privileges":["read"],"resources":["*"]}]}' \
  | request PUT /_security/role/newsflow_analyst
printf '{"password":"%s","roles":["newsflow_analyst"],"full_name":"newsflow analyst (Kibana, read-only)"}' "$(secret analyst_password)" \
  | request PUT "/_security/user/$KIBANA_ANALYST_USERNAME"
echo "Elasticsearch users are set up."
