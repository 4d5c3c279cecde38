"""What flow effects and scheduled events do to the database: one module per feature.

Flows are pure: a step returns effects (flows/types.py). The engine applies them inside the step's
transaction through the tables in `bot.effects.registry`; each feature module here holds its handlers.
"""
