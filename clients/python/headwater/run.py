"""A training run as OpenLineage RunEvents with Headwater's facets."""

import datetime
import functools
import logging
import math
import secrets
import time
import traceback
from typing import Dict, List, Optional

from . import capture
from .transport import Transport

log = logging.getLogger("headwater")

PRODUCER = "https://github.com/headwater-dev/headwater/tree/0.1.0/clients/python"
RUN_EVENT = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
HEADWATER_FACETS = "https://headwater.dev/spec/facets/1-0-0/"
OPENLINEAGE_FACETS = "https://openlineage.io/spec/facets/"


def _facet(schema_url: str, **fields) -> dict:
    facet = {"_producer": PRODUCER, "_schemaURL": schema_url}
    facet.update({k: v for k, v in fields.items() if v is not None})
    return facet


def _headwater(facet_file: str, **fields) -> dict:
    return _facet(HEADWATER_FACETS + facet_file + ".json", **fields)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def uuid7() -> str:
    """A time-ordered UUID (version 7), as OpenLineage recommends for run ids."""
    value = (int(time.time() * 1000) << 80) | secrets.randbits(80)
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    h = "%032x" % value
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def dataset_name(uri: str):
    """OpenLineage's naming: s3://bucket/key -> ("s3://bucket", "key"); file:/a/b or /a/b -> ("file", "/a/b")."""
    if "://" in uri:
        scheme, rest = uri.split("://", 1)
        authority, _, path = rest.partition("/")
        return scheme + "://" + authority, path or "/"
    if uri.startswith("file:"):
        return "file", uri[len("file:"):]
    if uri.startswith("/"):
        return "file", uri
    raise ValueError("%r is not a dataset URI (scheme://authority/path or an absolute path); pass namespace= and name=" % uri)


def _safe(method):
    """The emitter must never break the training script: its own failures are logged, not raised."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as e:  # noqa: BLE001 - deliberately everything
            log.error("headwater: %s failed: %s", method.__name__, e, exc_info=log.isEnabledFor(logging.DEBUG))
            return None
    return wrapper


class Run:
    """One run of a job. Use as a context manager (``with headwater.run(...) as run``) or call
    :meth:`start` and :meth:`complete` / :meth:`fail` yourself."""

    def __init__(self, job: str, namespace: str = "default", url: Optional[str] = None, api_key: Optional[str] = None,
                 run_id: Optional[str] = None, parent_run_id: Optional[str] = None, parent_job: Optional[str] = None,
                 parent_namespace: Optional[str] = None, transport: Optional[Transport] = None, capture_environment: bool = True):
        self.job = job
        self.namespace = namespace
        self.run_id = run_id or uuid7()
        self.transport = transport or Transport(url=url, api_key=api_key)
        self._parent = (parent_namespace or namespace, parent_job, parent_run_id) if parent_run_id and parent_job else None
        self._capture = capture_environment
        self._parameters: Dict[str, object] = {}
        self._metrics: List[dict] = []
        self._inputs: Dict[str, dict] = {}
        self._outputs: Dict[str, dict] = {}
        self._profile: Optional[dict] = None
        self._git: Optional[dict] = None
        self._environment: Optional[dict] = None
        self._started = False
        self._ended = False
        self.events: List[dict] = []

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> "Run":
        self.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is not None:
            self.fail(exc, tb)
        else:
            self.complete()
        return False  # an exception of the training script goes on, untouched

    @_safe
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        if self._capture:
            try:
                self._git = capture.git()
            except Exception as e:  # noqa: BLE001
                log.warning("headwater: git capture failed: %s", e)
            try:
                self._environment = capture.environment(self._git)
            except Exception as e:  # noqa: BLE001
                log.warning("headwater: environment capture failed: %s", e)
        self._emit("START")

    @_safe
    def complete(self) -> None:
        if not self._ended:
            self._ended = True
            self._emit("COMPLETE")

    @_safe
    def fail(self, error: BaseException, tb=None) -> None:
        if self._ended:
            return
        self._ended = True
        trace = "".join(traceback.format_exception(type(error), error, tb if tb is not None else error.__traceback__))
        message = "%s: %s" % (type(error).__name__, error) if str(error) else type(error).__name__
        self._emit("FAIL", error=_facet(OPENLINEAGE_FACETS + "1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
                                        message=message, programmingLanguage="python", stackTrace=trace))

    # -- what the script records ---------------------------------------------------------------

    @_safe
    def param(self, name: str, value) -> None:
        if value is not None and not isinstance(value, (str, int, float, bool)):
            value = str(value)
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)
        self._parameters[str(name)] = value

    @_safe
    def params(self, values: Dict[str, object]) -> None:
        for name, value in values.items():
            self.param(name, value)

    @_safe
    def metric(self, name: str, value: float, step: Optional[int] = None, timestamp: Optional[str] = None) -> None:
        number = float(value)
        if not math.isfinite(number):
            log.warning("headwater: metric %s=%s is not a finite number; not recorded", name, value)
            return
        metric = {"name": str(name), "value": number}
        if step is not None:
            metric["step"] = int(step)
        metric["timestamp"] = timestamp or _now()
        self._metrics.append(metric)

    @_safe
    def input(self, uri: Optional[str] = None, role: Optional[str] = None, version: Optional[str] = None,
              namespace: Optional[str] = None, name: Optional[str] = None) -> None:
        """A dataset the run read: ``role`` is training, validation, test (or your own word); ``version``
        the exact version read (a snapshot id, a commit of the data, a file hash)."""
        ns, nm = (namespace, name) if namespace and name else dataset_name(uri)
        dataset: dict = {"namespace": ns, "name": nm}
        if version is not None:
            dataset["facets"] = {"version": _facet(OPENLINEAGE_FACETS + "1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet",
                                                   datasetVersion=str(version))}
        if role is not None:
            dataset["inputFacets"] = {"headwater_datasetRole": _headwater("HeadwaterDatasetRoleInputDatasetFacet", role=str(role))}
        self._inputs[ns + "\x1f" + nm] = dataset

    @_safe
    def output(self, uri: Optional[str] = None, version: Optional[str] = None, namespace: Optional[str] = None,
               name: Optional[str] = None) -> None:
        """A dataset the run wrote (predictions, features), with its version when known."""
        ns, nm = (namespace, name) if namespace and name else dataset_name(uri)
        dataset: dict = {"namespace": ns, "name": nm}
        if version is not None:
            dataset["facets"] = {"version": _facet(OPENLINEAGE_FACETS + "1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet",
                                                   datasetVersion=str(version))}
        self._outputs[ns + "\x1f" + nm] = dataset

    @_safe
    def output_model(self, name: str, version: str, uri: Optional[str] = None, digest: Optional[str] = None,
                     framework: Optional[str] = None) -> None:
        """The model version the run produced; decisions made with it are then traced back to this run."""
        location = uri or "headwater://models/%s/%s" % (name, version)
        ns, nm = dataset_name(location) if "://" in location or location.startswith("/") else ("models", location)
        self._outputs[ns + "\x1f" + nm] = {"namespace": ns, "name": nm, "facets": {"headwater_modelArtifact": _headwater(
            "HeadwaterModelArtifactDatasetFacet", name=str(name), version=str(version), uri=uri, digest=digest, framework=framework)}}

    @_safe
    def reference_profile(self, features: List[dict], prediction: Optional[dict] = None) -> None:
        """The training distributions drift is judged against: ``headwater.numeric(...)`` and
        ``headwater.categorical(...)`` per feature, and the distribution of the predictions."""
        self._profile = _headwater("HeadwaterReferenceProfileRunFacet", features=list(features), prediction=prediction)

    # -- events --------------------------------------------------------------------------------

    def _emit(self, event_type: str, error: Optional[dict] = None) -> None:
        event = self._event(event_type, error)
        self.events.append(event)
        self.transport.emit(event)

    def _event(self, event_type: str, error: Optional[dict]) -> dict:
        run_facets: dict = {}
        if self._environment:
            run_facets["headwater_environment"] = _headwater("HeadwaterEnvironmentRunFacet", **self._environment)
        if self._parameters:
            run_facets["headwater_parameters"] = _headwater("HeadwaterParametersRunFacet", parameters=dict(self._parameters))
        if self._metrics:
            run_facets["headwater_metrics"] = _headwater("HeadwaterMetricsRunFacet", metrics=list(self._metrics))
        if self._profile:
            run_facets["headwater_referenceProfile"] = self._profile
        if self._parent:
            ns, job, run_id = self._parent
            run_facets["parent"] = _facet(OPENLINEAGE_FACETS + "1-2-0/ParentRunFacet.json#/$defs/ParentRunFacet",
                                          run={"runId": run_id}, job={"namespace": ns, "name": job})
        if error:
            run_facets["errorMessage"] = error
        job_facets: dict = {"jobType": _facet(OPENLINEAGE_FACETS + "2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                                              processingType="BATCH", integration="HEADWATER", jobType="TRAINING")}
        if self._git and self._git.get("commit"):
            remote = self._git.get("remote") or ("file://" + str(self._git.get("root")))
            job_facets["sourceCodeLocation"] = _facet(
                OPENLINEAGE_FACETS + "1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet",
                type="git", url=_browse_url(remote), repoUrl=remote, path=self._git.get("path"), version=self._git.get("commit"),
                branch=self._git.get("branch"))
        event = {
            "eventType": event_type,
            "eventTime": _now(),
            "producer": PRODUCER,
            "schemaURL": RUN_EVENT,
            "run": {"runId": self.run_id, "facets": run_facets},
            "job": {"namespace": self.namespace, "name": self.job, "facets": job_facets},
            "inputs": list(self._inputs.values()),
            "outputs": list(self._outputs.values()) if event_type == "COMPLETE" else [
                o for o in self._outputs.values() if "headwater_modelArtifact" not in o.get("facets", {})],
        }
        return event


def _browse_url(remote: str) -> str:
    """git@github.com:acme/churn.git -> https://github.com/acme/churn; https remotes lose their .git."""
    if remote.startswith("git@") and ":" in remote:
        host, path = remote[len("git@"):].split(":", 1)
        remote = "https://%s/%s" % (host, path)
    return remote[:-4] if remote.endswith(".git") else remote


def run(job: str, namespace: str = "default", **options) -> Run:
    """A run of ``job`` for a ``with`` block. Options: url, api_key, run_id, parent_run_id, parent_job,
    parent_namespace, transport, capture_environment."""
    return Run(job, namespace=namespace, **options)


__all__ = ["Run", "run", "uuid7", "dataset_name"]
