"""What serve is given reaches every worker process: the settings go to the workers as JSON and come back whole
(red team R2-2: ``serve --workers 2 --lessons DIR`` lost ``--lessons`` on the way)."""

from __future__ import annotations

import json
from dataclasses import fields

from samenwerkwijzer.web import ServerSettings


def test_every_setting_survives_the_way_to_the_workers():
    given = ServerSettings(
        public_url="https://samenwerken.example.nl",
        trusted_proxies=("10.0.0.1",),
        tls_certificate="/etc/cert.pem",
        tls_key="/etc/key.pem",
        insecure_http=True,
        min_respondents=5,
        privacy_contact="privacy@example.nl",
        retention_days=30,
        smtp_url="smtp://mail.example.nl:25?from=a@example.nl",
        session_participants=12,
        lessons="/srv/lessen",
    )
    back = ServerSettings.from_data(json.loads(json.dumps(given.to_data())))
    assert back == given
    defaults = ServerSettings()
    changed = {f.name for f in fields(ServerSettings) if getattr(given, f.name) != getattr(defaults, f.name)}
    assert changed == {f.name for f in fields(ServerSettings)}  # the test sets every field, so a new one is tried too
