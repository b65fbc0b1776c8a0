"""A local KIS Open API simulator (aiohttp) for demo mode, tests and benchmarks.

Kept import-light on purpose: nothing here imports aiohttp. Use ``kisdesk.sim.server.SimServer``
(async, on any running loop) or ``kisdesk.sim.testing.SimThread`` (own loop in a thread).
"""
