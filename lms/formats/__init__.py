"""Date formats per language where Django's own do not suit an international readership (see en/formats.py)."""
