#!/bin/sh
# One-shot job of docker-compose.yml (service es-setup), run once Elasticsearch is healthy:
#  - gives the built-in user kibana_system its password (Kibana refuses to connect as the superuser elastic);
#  - creates the role and user search-service connects with, limited to the news-articles* indices.
# Every request overwrites what it sets, so the job is safe to run at every start.
set -eu

: "${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"
: "${KIBANA_PASSWORD:?KIBANA_PASSWORD is not set}"
: "${NEWSFLOW_ES_USERNAME:?NEWSFLOW_ES_USERNAME is not set}"
: "${NEWSFLOW_ES_PASSWORD:?NEWSFLOW_ES_PASSWORD is not set}"
ES="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"

for password in "$KIBANA_PASSWORD" "$NEWSFLOW_ES_PASSWORD"; do
  case "$password" in
    *'"'* | *'\'*) echo "passwords must not contain double quotes or backslashes (they are sent inside JSON)" >&2; exit 1 ;;
  esac
done

# request METHOD PATH JSON: retries while the node does not answer, fails on any answer other than 2xx
request() {
  attempt=1
  while :; do
    answer=$(curl -sS -u "elastic:$ELASTIC_PASSWORD" -X "$1" "$ES$2" \
      -H 'Content-Type: application/json' -d "$3" -w '\n%{http_code}') || true
    status=$(printf '%s\n' "$answer" | tail -n 1)
    case "$status" in
      2??) echo "$1 $2: HTTP $status"; return 0 ;;
      000 | 503)
        if [ "$attempt" -ge 30 ]; then echo "$1 $2: Elasticsearch at $ES does not answer" >&2; exit 1; fi ;;
      *) echo "$1 $2 failed: $answer" >&2; exit 1 ;;
    esac
    attempt=$((attempt + 1))
    sleep 2
  done
}

request POST /_security/user/kibana_system/_password "{\"password\":\"$KIBANA_PASSWORD\"}"
# search-service puts the index template news-articles, creates the versioned indices and swaps the alias when it
# re-indexes, writes with _bulk and searches; monitor lets its health check read the cluster health
request PUT /_security/role/newsflow_search \
  '{"cluster":["monitor","manage_index_templates"],"indices":[{"names":["news-articles*"],"privileges":["create_index","manage","read","write"]}]}'
request PUT "/_security/user/$NEWSFLOW_ES_USERNAME" \
  "{\"password\":\"$NEWSFLOW_ES_PASSWORD\",\"roles\":[\"newsflow_search\"],\"full_name\":\"newsflow search-service\"}"
echo "Elasticsearch users are set up."
