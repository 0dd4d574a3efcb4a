-- wrk: GET /orders/{id} over the orders setup.sh placed.
--   wrk -t2 -c50 -d30s -s load-generator/wrk/read.lua -H "Authorization: Bearer $TILL" $API -- target/wrk
local ids = {}
local n = 0
init = function(args)
  for line in io.lines((args[1] or "target/wrk") .. "/orders") do
    if #line > 0 then ids[#ids + 1] = line end
  end
end
request = function()
  n = n + 1
  return wrk.format("GET", "/orders/" .. ids[(n % #ids) + 1])
end
