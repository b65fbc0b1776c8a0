"""A local KIS Open API simulator (aiohttp) for demo mode, tests and benchmarks.

Kept import-light on purpose: nothing here imports aiohttp. Use ``kisdesk.sim.server.SimServer``
(async, on any running loop) or ``kisdesk.sim.testing.SimThread`` (own loop in a thread), or run
``python -m kisdesk.sim``.

Modules, top down (imports point down only; tests/sim/test_imports.py checks it):
server (the aiohttp pipeline: routing, gateway checks, envelopes) over ws (the websocket on the
same port: sessions, replies, PINGPONG, the feed; ws_frames, ws_records, notices), tickrates
(per-symbol trade rates), auth (tokens, approval keys and the OAuth routes), admin (/__sim/…
routes), responses (JSON answers), ratelimit and faults; the
endpoint modules (endpoints_domestic, endpoints_info, orders_domestic, endpoints_ranking,
endpoints_overseas, orders_overseas) take an api.ApiRequest and work on a world (world: clock,
market, accounts, order book, history, stats, listeners) made of matching (orders and fills),
accounts, history, market and universe (symbols, seeded walk), sessions, order_types, paging,
envelope (messages, padding, errors), stats and clock.
"""
