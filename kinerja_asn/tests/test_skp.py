"""Placeholder: filled in by the planning tests."""
