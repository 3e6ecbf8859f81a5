"""A client generated from /openapi.json by a standard generator (openapi-python-client, from PyPI), installed
with pip as an integrator installs it, diagnoses an example against a running ``samenwerkwijzer serve``: proof
that the description is usable by tools."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import yaml

from samenwerkwijzer import __version__

from ..conftest import EXAMPLES, skip_unless_installed
from ..webkit import Server


def _generator() -> str:
    found = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    if found is None:
        skip_unless_installed("openapi-python-client")
    assert found is not None
    return found


def test_a_generated_client_diagnoses_an_example_against_a_running_server(tmp_path: Path):
    generator = _generator()
    server = Server(f"sqlite:///{tmp_path / 'web.db'}").start()
    try:
        spec = tmp_path / "openapi.json"
        spec.write_text(httpx.get(server.url + "/openapi.json", timeout=10).text, encoding="utf-8")
        config = tmp_path / "config.yaml"
        config.write_text("project_name_override: sww-client\npackage_name_override: sww_client\npost_hooks: []\n")
        done = subprocess.run(
            [generator, "generate", "--path", str(spec), "--meta", "setup", "--config", str(config)],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        # pip builds the package (its version is the description's info.version) and installs it; into a
        # folder of its own, so that the test's environment stays as it is (the client's dependencies,
        # httpx and attrs, are the test's own).
        site = tmp_path / "site"
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "-t", str(site), str(tmp_path / "sww-client")],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        assert (site / f"sww_client-{__version__}.dist-info").is_dir(), sorted(p.name for p in site.iterdir())
        sys.path.insert(0, str(site))
        try:
            client_module = importlib.import_module("sww_client")
            diagnose = importlib.import_module("sww_client.api.default.diagnose")
            models = importlib.import_module("sww_client.models")
            case = json.loads(
                json.dumps(yaml.safe_load((EXAMPLES / "gecombineerd.yaml").read_text(encoding="utf-8")), default=str)
            )
            client = client_module.Client(base_url=server.url, timeout=httpx.Timeout(30))
            response = diagnose.sync_detailed(client=client, body=models.Case.from_dict(case))
            assert response.status_code == 200, response.content[:500]
            advice = response.parsed
            assert isinstance(advice, models.Advice)
            assert advice.schema_version == "1.0"
            assert advice.case.name == case["name"]
            assert advice.interventions[0].id == json.loads(response.content)["interventions"][0]["id"]
            bad = diagnose.sync_detailed(client=client, body=models.Case.from_dict({"name": ""}))
            assert bad.status_code == 422 and json.loads(bad.content)["problemen"][0]["plaats"] == "name"
        finally:
            sys.path.remove(str(site))
            for name in [m for m in sys.modules if m == "sww_client" or m.startswith("sww_client.")]:
                del sys.modules[name]
    finally:
        server.stop()
