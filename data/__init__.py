"""What khplan ships besides code: the restoration model (``models/``), read with :mod:`importlib.resources`."""
