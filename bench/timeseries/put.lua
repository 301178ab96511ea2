-- wrk script: PUT 100-record bodies of the seed's 3-double `acceleration` shape.
-- Environment: TS_PATHS (series paths separated by commas, one per wrk thread), TS_TOKEN (a bearer token).
-- Each thread is one device writing its own series: every request writes 100 new records inside the thread's next
-- second, so each series grows in time order.
-- `thread_index` is a global that setup() sets in each thread's own Lua state (a file-level `local` of the same
-- name would hide it from request()).

local paths = {}
for path in string.gmatch(os.getenv("TS_PATHS") or "", "[^,]+") do paths[#paths + 1] = path end
local token = os.getenv("TS_TOKEN")
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local placeholder = "SSSSSSSSSSSSSSSSSSS"
-- The body template cut at each placeholder: a body is these pieces joined with the stamp, which costs wrk one copy of
-- the body (string.gsub matched the pattern at every byte and cost wrk more CPU per PUT than the server used).
local pieces
local counter = 0
local path

-- `text` cut at every plain occurrence of `separator`.
local function split(text, separator)
  local result, start = {}, 1
  while true do
    local first, last = string.find(text, separator, start, true)
    if not first then break end
    result[#result + 1] = string.sub(text, start, first - 1)
    start = last + 1
  end
  result[#result + 1] = string.sub(text, start)
  return result
end

function init(args)
  local records = {}
  for i = 0, 99 do
    records[#records + 1] = string.format(
      '{"_time":"SSSSSSSSSSSSSSSSSSS.%03dZ","x":0.%d2505496442317963,"y":5.614402770996094,"z":7.467514991760254}', i * 10, i % 10)
  end
  local template = "[" .. table.concat(records, ",") .. "]"
  pieces = split(template, placeholder)
  -- The joined pieces must be the substituted template, byte for byte.
  local probe = "2023-01-01T00:00:00"
  assert(table.concat(pieces, probe) == (string.gsub(template, placeholder, probe)), "body pieces do not rebuild the template")
  path = paths[(thread_index or 0) % #paths + 1]
  wrk.method = "PUT"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

-- 2023-01-01T00:00:00Z plus `second` seconds, as YYYY-MM-DDThh:mm:ss (28-day months, so every date exists).
local function stamp(second)
  local day = math.floor(second / 86400)
  local rest = second % 86400
  local month = math.floor(day / 28) + 1
  local year = 2023 + math.floor((month - 1) / 12)
  month = (month - 1) % 12 + 1
  return string.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day % 28 + 1,
    math.floor(rest / 3600), math.floor(rest % 3600 / 60), rest % 60)
end

function request()
  local body = table.concat(pieces, stamp(counter))
  counter = counter + 1
  return wrk.format(nil, path, nil, body)
end
