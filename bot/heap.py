"""Python's cyclic garbage collector, set for a long-running process once its startup is done.

Two settings, both from measurements (bench/README.md):
- What startup loaded (the reader's lexicons and language model, the catalogue, modules) lives as long
  as the process: it is moved out of the collector's sight (`gc.freeze`), so a full collection walks
  only what came after. Before, each full collection walked ~230,000 startup objects (~200 ms), and a
  busy scheduler triggered one every few thousand events ("Scheduler, session 6").
- Collections less often: Python's defaults (a young collection every 700 new objects, an older one
  every 10 of those) suit short scripts. The engine makes many short-lived objects a message (rows,
  parameters, futures), so the web process collected about 220 times a second at full load and spent
  about 5 % of its CPU there; with the thresholds below, half of that, and a third of the full
  collections ("Session 14"). Reference cycles are still found and freed, a little later.
"""

from __future__ import annotations

import gc

# New objects (allocations minus deallocations) between young collections; young collections between
# middle ones; middle ones between full ones (which Python also skips while they would walk little new).
THRESHOLDS = (10_000, 20, 50)


def settle() -> None:
    """Startup is done: collect what it left behind, keep every surviving object out of later
    collections, and collect less often from now on."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
