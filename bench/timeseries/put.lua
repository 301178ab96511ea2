-- wrk script: PUT 100-record bodies of the seed's 3-double `acceleration` shape to one series.
-- Environment: TS_PATH (the series path), TS_TOKEN (a bearer token).
-- Every request writes 100 new records inside its own second; requests of all threads interleave by second, so
-- the series grows in (nearly) time order, as from a device.

-- `thread_index` and `thread_count` are globals that setup() sets in each thread's own Lua state (a file-level
-- `local` of the same name would hide them from request()).

local path = os.getenv("TS_PATH")
local token = os.getenv("TS_TOKEN")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads - 1)
  for _, t in ipairs(threads) do t:set("thread_count", #threads) end
end

local template
local counter = 0

function init(args)
  local records = {}
  for i = 0, 99 do
    records[#records + 1] = string.format(
      '{"_time":"SSSSSSSSSSSSSSSSSSS.%03dZ","x":0.%d2505496442317963,"y":5.614402770996094,"z":7.467514991760254}', i * 10, i % 10)
  end
  template = "[" .. table.concat(records, ",") .. "]"
  wrk.method = "PUT"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

-- 2023-01-01T00:00:00Z plus `second` seconds, as YYYY-MM-DDThh:mm:ss (days beyond 31 roll into later months).
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
  local second = counter * (thread_count or 1) + (thread_index or 0)
  counter = counter + 1
  local body = string.gsub(template, "SSSSSSSSSSSSSSSSSSS", stamp(second))
  return wrk.format(nil, path, nil, body)
end
