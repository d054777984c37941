"""The Python emitter against a local stand-in for ingest: what it sends, when, and what it does
when ingest is down, refuses, or the training script raises."""

import http.server
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import headwater  # noqa: E402
from headwater import capture  # noqa: E402
from tests import schema_check  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Ingest:
    """A stand-in ingest on a free port: records each POSTed event, answers with the given status."""

    def __init__(self):
        self.events = []
        self.headers = []
        self.status = 201
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.headers.append(dict(self.headers))
                if outer.status == 201:
                    outer.events.append(json.loads(body))
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/problem+json")
                self.end_headers()
                if outer.status != 201:
                    self.wfile.write(b'{"status": %d, "detail": "refused"}' % outer.status)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class EmitterTest(unittest.TestCase):

    def setUp(self):
        self.ingest = Ingest()
        self.spool = tempfile.mkdtemp()
        self.transport = headwater.Transport(url=self.ingest.url, api_key="key-123", spool_dir=self.spool)

    def tearDown(self):
        self.ingest.close()
        shutil.rmtree(self.spool, ignore_errors=True)

    def train(self, **kwargs):
        with headwater.run("churn-train", namespace="ml", transport=self.transport, **kwargs) as run:
            run.params({"learning_rate": 0.05, "epochs": 20, "model": "gbt", "layers": [64, 32]})
            run.param("seed", 7)
            run.input("s3://lake/customers", role="training", version="v3")
            run.input("s3://lake/holdout", role="test")
            run.metric("auc", 0.88, step=1)
            run.metric("auc", 0.91, step=2)
            run.reference_profile([headwater.numeric("tenure", [0, 12, 24, 48], [300, 400, 300]),
                                   headwater.categorical("plan", {"basic": 60, "pro": 40})],
                                  prediction=headwater.categorical("churn", {"true": 13, "false": 87}))
            run.output_model("churn", "7", uri="s3://models/churn/7", framework="scikit-learn")
        return run

    def test_a_run_sends_start_then_complete_with_everything_recorded(self):
        run = self.train()
        self.assertEqual(["START", "COMPLETE"], [e["eventType"] for e in self.ingest.events])
        self.assertEqual("Bearer key-123", self.ingest.headers[0]["Authorization"])
        start, complete = self.ingest.events
        self.assertEqual(start["run"]["runId"], complete["run"]["runId"])
        self.assertEqual(run.run_id, complete["run"]["runId"])
        self.assertEqual("7", complete["run"]["runId"][14])  # a UUIDv7
        facets = complete["run"]["facets"]
        self.assertEqual({"learning_rate": 0.05, "epochs": 20, "model": "gbt", "layers": "[64, 32]", "seed": 7},
                         facets["headwater_parameters"]["parameters"])
        self.assertEqual([0.88, 0.91], [m["value"] for m in facets["headwater_metrics"]["metrics"]])
        self.assertEqual([1, 2], [m["step"] for m in facets["headwater_metrics"]["metrics"]])
        self.assertEqual("tenure", facets["headwater_referenceProfile"]["features"][0]["feature"])
        self.assertEqual("python", facets["headwater_environment"]["runtime"]["name"])
        self.assertTrue(any(p["name"] == "pip" or p["name"] == "setuptools" for p in facets["headwater_environment"]["packages"])
                        or facets["headwater_environment"]["packages"] == [])
        inputs = {i["name"]: i for i in complete["inputs"]}
        self.assertEqual("s3://lake", inputs["customers"]["namespace"])
        self.assertEqual("v3", inputs["customers"]["facets"]["version"]["datasetVersion"])
        self.assertEqual("training", inputs["customers"]["inputFacets"]["headwater_datasetRole"]["role"])
        self.assertEqual("test", inputs["holdout"]["inputFacets"]["headwater_datasetRole"]["role"])
        model = complete["outputs"][0]["facets"]["headwater_modelArtifact"]
        self.assertEqual(("churn", "7", "s3://models/churn/7"), (model["name"], model["version"], model["uri"]))
        self.assertEqual([], start["outputs"], "a model version is announced only when the run completes")

    def test_every_event_validates_against_the_facet_schemas(self):
        self.train()
        names = {"headwater_parameters": "HeadwaterParametersRunFacet", "headwater_metrics": "HeadwaterMetricsRunFacet",
                 "headwater_environment": "HeadwaterEnvironmentRunFacet", "headwater_referenceProfile": "HeadwaterReferenceProfileRunFacet"}
        checked = 0
        for event in self.ingest.events:
            for key, facet in event["run"]["facets"].items():
                if key in names:
                    schema = schema_check.facet_schema(names[key])
                    self.assertEqual([], schema_check.validate(facet, schema["$defs"][names[key]], schema), key)
                    checked += 1
            for dataset in event["inputs"]:
                schema = schema_check.facet_schema("HeadwaterDatasetRoleInputDatasetFacet")
                for facet in dataset.get("inputFacets", {}).values():
                    self.assertEqual([], schema_check.validate(facet, schema["$defs"]["HeadwaterDatasetRoleInputDatasetFacet"], schema))
                    checked += 1
            for dataset in event["outputs"]:
                schema = schema_check.facet_schema("HeadwaterModelArtifactDatasetFacet")
                facet = dataset["facets"]["headwater_modelArtifact"]
                self.assertEqual([], schema_check.validate(facet, schema["$defs"]["HeadwaterModelArtifactDatasetFacet"], schema))
                checked += 1
        self.assertGreaterEqual(checked, 8)
        # The checker can fail: a metric without a value is caught.
        schema = schema_check.facet_schema("HeadwaterMetricsRunFacet")
        self.assertNotEqual([], schema_check.validate({"_producer": "p", "_schemaURL": "s", "metrics": [{"name": "auc"}]},
                                                      schema["$defs"]["HeadwaterMetricsRunFacet"], schema))

    def test_an_exception_ends_the_run_as_fail_and_goes_on_untouched(self):
        with self.assertRaises(ZeroDivisionError):
            with headwater.run("churn-train", namespace="ml", transport=self.transport) as run:
                run.param("learning_rate", 0.05)
                1 / 0
        self.assertEqual(["START", "FAIL"], [e["eventType"] for e in self.ingest.events])
        error = self.ingest.events[1]["run"]["facets"]["errorMessage"]
        self.assertEqual("ZeroDivisionError: division by zero", error["message"])
        self.assertEqual("python", error["programmingLanguage"])
        self.assertIn("1 / 0", error["stackTrace"])

    def test_an_unreachable_ingest_spools_and_the_next_event_sends_the_spool_first(self):
        down = headwater.Transport(url="http://127.0.0.1:9", spool_dir=self.spool, timeout=1)
        with headwater.run("churn-train", namespace="ml", transport=down) as run:
            run.param("learning_rate", 0.05)
        self.assertEqual(2, down.pending())
        self.assertEqual([], self.ingest.events)
        # Ingest is back: the spooled events go first, in order, then the new one.
        with headwater.run("churn-train", namespace="ml", transport=self.transport) as later:
            pass
        self.assertEqual(0, self.transport.pending())
        self.assertEqual([run.run_id, run.run_id, later.run_id, later.run_id], [e["run"]["runId"] for e in self.ingest.events])
        self.assertEqual(["START", "COMPLETE", "START", "COMPLETE"], [e["eventType"] for e in self.ingest.events])

    def test_a_refused_event_is_kept_aside_not_retried(self):
        self.ingest.status = 422
        with self.assertLogs("headwater", level="ERROR") as logs:
            self.train()
        self.assertIn("refused", "\n".join(logs.output))
        self.assertEqual(0, self.transport.pending())
        with open(os.path.join(self.spool, "rejected.ndjson"), encoding="utf-8") as f:
            self.assertEqual(2, len(f.readlines()))

    def test_the_emitter_never_breaks_the_script(self):
        class Broken(headwater.Transport):
            def emit(self, event):
                raise RuntimeError("disk on fire")

        with self.assertLogs("headwater", level="ERROR"):
            with headwater.run("churn-train", transport=Broken(url="http://x")) as run:
                run.metric("auc", float("nan"))
                run.input("not a uri")
                run.param("ok", 1)
        self.assertEqual(1, run._parameters["ok"])


class CaptureTest(unittest.TestCase):

    def test_gpus_from_a_stand_in_nvidia_smi(self):
        bin_dir = tempfile.mkdtemp()
        try:
            script = os.path.join(bin_dir, "nvidia-smi")
            with open(script, "w", encoding="utf-8") as f:
                f.write("#!%s\nimport sys\nsys.path.insert(0, %r)\nimport fake_nvidia_smi\nsys.exit(fake_nvidia_smi.main(sys.argv[1:]))\n"
                        % (sys.executable, HERE))
            os.chmod(script, os.stat(script).st_mode | stat.S_IEXEC)
            path = os.environ["PATH"]
            os.environ["PATH"] = bin_dir + os.pathsep + path
            try:
                gpus = capture.gpus()
            finally:
                os.environ["PATH"] = path
            self.assertEqual([{"model": "NVIDIA H100 80GB HBM3", "driverVersion": "580.159.04", "cudaVersion": "13.0", "memoryMiB": 81559}], gpus)
        finally:
            shutil.rmtree(bin_dir)

    def test_no_nvidia_smi_means_no_gpus(self):
        path = os.environ["PATH"]
        os.environ["PATH"] = tempfile.gettempdir()
        try:
            self.assertEqual([], capture.gpus())
        finally:
            os.environ["PATH"] = path

    @unittest.skipIf(shutil.which("git") is None, "git is not installed")
    def test_git_commit_branch_remote_without_credentials_dirty_flag_and_path(self):
        repo = tempfile.mkdtemp()
        try:
            def git(*args):
                subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True, capture_output=True)
            git("init", "-b", "main")
            os.makedirs(os.path.join(repo, "train"))
            with open(os.path.join(repo, "train", "train.py"), "w") as f:
                f.write("print('x')\n")
            git("add", ".")
            git("commit", "-m", "first")
            git("remote", "add", "origin", "https://alice:s3cr3t-token@github.com/acme/churn.git")
            commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
            info = capture.git(os.path.join(repo, "train"))
            self.assertEqual(commit, info["commit"])
            self.assertEqual("main", info["branch"])
            self.assertEqual("https://github.com/acme/churn.git", info["remote"])
            self.assertFalse(info["dirty"])
            with open(os.path.join(repo, "train", "train.py"), "a") as f:
                f.write("print('changed')\n")
            self.assertTrue(capture.git(os.path.join(repo, "train"))["dirty"])
            # Run as a script in the repository: the path of the script is recorded.
            out = subprocess.run([sys.executable, "-c",
                                  "import sys, runpy; sys.path.insert(0, %r); sys.argv = [%r]; "
                                  "from headwater import capture; print(capture.git()['path'])"
                                  % (os.path.abspath(os.path.join(HERE, "..")), os.path.join(repo, "train", "train.py"))],
                                 capture_output=True, text=True, cwd=repo)
            self.assertEqual("train/train.py", out.stdout.strip(), out.stderr)
        finally:
            shutil.rmtree(repo)

    def test_image_and_digest_from_the_environment(self):
        os.environ["HEADWATER_CONTAINER_IMAGE"] = "ghcr.io/acme/train:1.4@sha256:" + "ab" * 32
        try:
            self.assertEqual({"containerImage": "ghcr.io/acme/train:1.4", "imageDigest": "sha256:" + "ab" * 32}, capture.container_image())
        finally:
            del os.environ["HEADWATER_CONTAINER_IMAGE"]

    def test_dataset_names_follow_openlineage(self):
        from headwater.run import dataset_name
        self.assertEqual(("s3://lake", "customers/2026"), dataset_name("s3://lake/customers/2026"))
        self.assertEqual(("file", "/data/x.csv"), dataset_name("/data/x.csv"))
        self.assertEqual(("postgres://db:5432", "shop.public.orders"), dataset_name("postgres://db:5432/shop.public.orders"))


if __name__ == "__main__":
    unittest.main()


class ReadmeExampleTest(unittest.TestCase):
    """The README's Python example runs as written and sends what it says."""

    def test_the_readme_example_runs_as_written(self):
        readme = os.path.join(HERE, "..", "..", "..", "README.md")
        with open(readme, encoding="utf-8") as f:
            text = f.read()
        start = text.index("```python\n") + len("```python\n")
        example = text[start:text.index("```", start)]
        ingest = Ingest()
        spool = tempfile.mkdtemp()
        saved = {k: os.environ.get(k) for k in ("HEADWATER_URL", "HEADWATER_SPOOL_DIR")}
        os.environ["HEADWATER_URL"] = ingest.url
        os.environ["HEADWATER_SPOOL_DIR"] = spool
        try:
            exec(compile(example, "README.md", "exec"), {})
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            ingest.close()
            shutil.rmtree(spool, ignore_errors=True)
        self.assertEqual(["START", "COMPLETE"], [e["eventType"] for e in ingest.events])
        complete = ingest.events[1]
        self.assertEqual("churn-train", complete["job"]["name"])
        self.assertEqual("tenure", complete["run"]["facets"]["headwater_referenceProfile"]["features"][0]["feature"])
        self.assertEqual("7", complete["outputs"][0]["facets"]["headwater_modelArtifact"]["version"])
