#!/bin/sh
# One-shot job of docker-compose.yml (service kibana-setup): imports the newsflow data view, visualisations, saved
# search and dashboard into Kibana and makes the data view the default one. The import overwrites objects with the
# same ids, so running it at every start keeps Kibana in step with kibana/newsflow.ndjson.
# Logs in as the superuser elastic, whose password it reads from ELASTIC_PASSWORD_FILE (Compose's secret), or from
# ELASTIC_PASSWORD when run by hand; curl reads it from a file of its own, never from its arguments.
set -eu

if [ -n "${ELASTIC_PASSWORD_FILE:-}" ]; then
  ELASTIC_PASSWORD=$(cat "$ELASTIC_PASSWORD_FILE")
fi
: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD_FILE or ELASTIC_PASSWORD}"
KIBANA="${KIBANA_URL:-http://kibana:5601}"
SAVED_OBJECTS="${SAVED_OBJECTS:-/kibana/newsflow.ndjson}"
DATA_VIEW_ID=newsflow-news-articles

AUTH=$(mktemp)
trap 'rm -f "$AUTH"' EXIT
printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" > "$AUTH"

# Kibana answers 503 until it is ready, even when its container already counts as healthy
attempt=1
until curl -fsS -o /dev/null -K "$AUTH" "$KIBANA/api/status"; do
  if [ "$attempt" -ge 60 ]; then echo "Kibana at $KIBANA is not ready after $attempt attempts" >&2; exit 1; fi
  attempt=$((attempt + 1))
  sleep 5
done

answer=$(curl -sS -K "$AUTH" -H 'kbn-xsrf: newsflow' \
  -F "file=@$SAVED_OBJECTS" "$KIBANA/api/saved_objects/_import?overwrite=true")
case "$answer" in
  *'"success":true'*) echo "imported $SAVED_OBJECTS" ;;
  *) echo "import of $SAVED_OBJECTS failed: $answer" >&2; exit 1 ;;
esac

curl -fsS -o /dev/null -K "$AUTH" -H 'kbn-xsrf: newsflow' -H 'Content-Type: application/json' \
  -X POST "$KIBANA/api/data_views/default" -d "{\"data_view_id\":\"$DATA_VIEW_ID\",\"force\":true}"
echo "Kibana is set up: analysts log in as the read-only user and open the dashboard \"newsflow overview\"."
