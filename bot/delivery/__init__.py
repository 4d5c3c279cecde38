"""Getting replies out: the outbox sender, pacing to provider limits, quiet hours, WhatsApp's window
and templates."""
