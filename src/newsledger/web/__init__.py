"""The local web app (`newsledger serve`, issue 5): `create_app(db_path)` in `app.py`."""
