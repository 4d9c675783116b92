"""Formatters: each takes a result and a stream. No pipeline logic lives here."""
