"""``khplan review``: archivists check each field against its evidence on the page and correct it in a browser.

- :mod:`.store` — the output folder and catalog as the review reads and writes them;
- :mod:`.views` — a document laid out for the page: fields, entries, evidence, marked text;
- :mod:`.page_images` — page images rendered on the server and cached in ``OUT/review``;
- :mod:`.security` — loopback, token, same-origin writes, response headers;
- :mod:`.app` — the FastAPI routes; :mod:`.server` — binding and serving them.
"""
