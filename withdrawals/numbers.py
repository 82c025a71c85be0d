"""Stage module; see utils.py."""
__all__: list = []
