"""A local KIS Open API simulator (aiohttp) for demo mode, tests and benchmarks.

Kept import-light on purpose: nothing here imports aiohttp. Use ``kisdesk.sim.server.SimServer``
(async, on any running loop) or ``kisdesk.sim.testing.SimThread`` (own loop in a thread), or run
``python -m kisdesk.sim``.

Modules: server (routing, auth, rate limit, faults, admin /__sim/…), auth (tokens), ratelimit,
faults, stats, clock, envelope (messages, padding, errors), paging (FK/NK cursors), universe and
market (symbols, seeded walk), accounts, matching (orders and fills), endpoints_domestic,
endpoints_info, orders_domestic, endpoints_ranking, endpoints_overseas, orders_overseas.
"""
