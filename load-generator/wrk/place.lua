-- wrk: a cashier places orders of 1-3 distinct products of 20 in one store, each with a new Idempotency-Key.
--   wrk -t2 -c200 -d30s -s load-generator/wrk/place.lua -H "Authorization: Bearer $TILL" $API -- target/wrk [one]
-- With "one" every order is one line of the first product, without a key (the issue's first measurement).
-- Keys are seeded from the clock and the thread: an unseeded math.random repeats them in every run, and
-- a repeated key is answered from its stored reply (a replay), which is much cheaper than a placement.
local products = {}
local n = 0
local tag = ""
local one = false
local store = "65a000000000000000000001"

init = function(args)
  local dir = args[1] or "target/wrk"
  one = args[2] == "one"
  for line in io.lines(dir .. "/products") do products[#products + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  tag = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
  wrk.method = "POST"
  wrk.path = "/orders/"
  wrk.headers["Content-Type"] = "application/json"
  if one then
    wrk.body = '{"store_id":"' .. store .. '","items":[{"product_id":"' .. products[1] .. '","qty":"1"}]}'
  end
end

request = function()
  if one then
    return wrk.format()
  end
  n = n + 1
  local items = {}
  local start = math.random(1, #products)
  for i = 0, math.random(1, 3) - 1 do
    local product = products[((start + i * 7 - 1) % #products) + 1]
    items[#items + 1] = '{"product_id":"' .. product .. '","qty":"' .. math.random(1, 2) .. '"}'
  end
  wrk.headers["Idempotency-Key"] = "wrk-" .. tag .. "-" .. n
  wrk.body = '{"store_id":"' .. store .. '","items":[' .. table.concat(items, ",") .. ']}'
  return wrk.format()
end
