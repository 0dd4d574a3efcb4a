#!/usr/bin/env bash
# Fixture for wrk against a running system (./run-local.sh): an admin (the first account of an empty local stack),
# 20 products with stock in one store, a cashier of that store, and 300 placed orders to read. Writes what the wrk
# scripts read into a directory (default target/wrk): env (API, TILL), products, orders. On a system that already
# has an admin, name it: WRK_ADMIN_USER=... WRK_ADMIN_PASSWORD=... load-generator/wrk/setup.sh
#   load-generator/wrk/setup.sh [API] [DIR]
set -euo pipefail
API=${1:-http://localhost:8080}
DIR=${2:-target/wrk}
STORE=65a000000000000000000001
mkdir -p "$DIR"
token() {
  curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
if [[ -z ${WRK_ADMIN_USER:-} ]]; then
  WRK_ADMIN_USER=wrk-admin WRK_ADMIN_PASSWORD=wrk-admin-secret
  curl -s -X POST "$API/auth/register" -H 'Content-Type: application/json' \
    -d '{"name":"Wrk Admin","email":"wrk-admin@example.com","username":"wrk-admin","password":"wrk-admin-secret"}' >/dev/null
fi
not_admin() {
  echo "$WRK_ADMIN_USER is not an admin here: only the first account of an empty system becomes one." \
    "Set WRK_ADMIN_USER and WRK_ADMIN_PASSWORD to an admin's." >&2
  exit 1
}
ADMIN=$(token "$WRK_ADMIN_USER" "$WRK_ADMIN_PASSWORD") || not_admin
: > "$DIR/products"
for i in $(seq 1 20); do
  product=$(curl -sf -X POST "$API/products/" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Wrk item $i $RANDOM\",\"price\":\"$i.25\"}" | sed -E 's/.*"_id":"([0-9a-f]{24})".*/\1/') \
    || not_admin
  curl -sf -X POST "$API/stores/$STORE/inventory/adjust" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' \
    -d "{\"product_id\":\"$product\",\"delta\":\"100000000\",\"reason\":\"delivery\"}" >/dev/null
  echo "$product" >> "$DIR/products"
done
curl -s -X POST "$API/auth/register" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Wrk till\",\"email\":\"wrk-till@example.com\",\"username\":\"wrk-till\",\"password\":\"wrk-till-secret\",\"store_ids\":[\"$STORE\"]}" >/dev/null
TILL=$(token wrk-till wrk-till-secret)
: > "$DIR/orders"
for i in $(seq 1 300); do
  curl -sf -X POST "$API/orders/" -H "Authorization: Bearer $TILL" -H 'Content-Type: application/json' \
    -d "{\"store_id\":\"$STORE\",\"items\":[{\"product_id\":\"$(head -1 "$DIR/products")\",\"qty\":\"1\"}]}" \
    | sed -E 's/.*"order":\{"id":"([0-9a-f]{24})".*/\1/' >> "$DIR/orders"
  echo >> "$DIR/orders"
done
printf 'API=%s\nTILL=%s\nSTORE=%s\n' "$API" "$TILL" "$STORE" > "$DIR/env"
echo "$(wc -l < "$DIR/products") products, $(grep -c . "$DIR/orders") orders in $DIR"
