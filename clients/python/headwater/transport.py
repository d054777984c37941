"""Sends events to Headwater's ingest; keeps what it could not send in a spool file and sends it later."""

import json
import logging
import os
import threading
import urllib.error
import urllib.request
from typing import List, Optional

log = logging.getLogger("headwater")

DEFAULT_URL = "http://127.0.0.1:5000"


class Transport:
    """POSTs events to ``<url>/api/v1/lineage``.

    An event ingest refuses as invalid (4xx) is logged with Headwater's explanation and written to
    ``rejected.ndjson`` beside the spool, never retried; one it cannot take now (unreachable, 5xx,
    timeout) is appended to ``events.ndjson`` in the spool directory and sent, in order, before
    the next event, or by :meth:`flush`.
    """

    def __init__(self, url: Optional[str] = None, api_key: Optional[str] = None, spool_dir: Optional[str] = None,
                 timeout: float = 5.0):
        self.url = (url or os.environ.get("HEADWATER_URL") or DEFAULT_URL).rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("HEADWATER_API_KEY")
        self.spool_dir = spool_dir or os.environ.get("HEADWATER_SPOOL_DIR") or os.path.join(os.path.expanduser("~"), ".headwater", "spool")
        self.timeout = timeout
        self._lock = threading.Lock()

    @property
    def spool_file(self) -> str:
        return os.path.join(self.spool_dir, "events.ndjson")

    def emit(self, event: dict) -> bool:
        """True when ingest acknowledged the event (Kafka has it); False when it was spooled or rejected."""
        with self._lock:
            if not self._flush_locked():
                self._spool([event])
                return False
            outcome = self._post(event)
            if outcome == "retry":
                self._spool([event])
            return outcome == "ok"

    def flush(self) -> bool:
        """Sends what the spool holds; True when it is empty afterwards."""
        with self._lock:
            return self._flush_locked()

    def pending(self) -> int:
        try:
            with open(self.spool_file, encoding="utf-8") as f:
                return sum(1 for line in f if line.strip())
        except OSError:
            return 0

    def _flush_locked(self) -> bool:
        try:
            with open(self.spool_file, encoding="utf-8") as f:
                lines = [line for line in f if line.strip()]
        except FileNotFoundError:
            return True
        except OSError as e:
            log.warning("headwater: cannot read spool %s: %s", self.spool_file, e)
            return True
        for i, line in enumerate(lines):
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if self._post(event) == "retry":
                self._rewrite(lines[i:])
                return False
        self._rewrite([])
        return True

    def _post(self, event: dict) -> str:
        body = json.dumps(event).encode("utf-8")
        request = urllib.request.Request(self.url + "/api/v1/lineage", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return "ok" if 200 <= response.status < 300 else "retry"
        except urllib.error.HTTPError as e:
            if 400 <= e.code < 500 and e.code not in (408, 429):
                detail = e.read().decode("utf-8", "replace")
                log.error("headwater: ingest refused a %s event (HTTP %d): %s", event.get("eventType"), e.code, detail)
                self._append("rejected.ndjson", [event])
                return "rejected"
            log.warning("headwater: ingest answered HTTP %d; the event is spooled and will be resent", e.code)
            return "retry"
        except (urllib.error.URLError, OSError) as e:
            log.warning("headwater: ingest at %s unreachable (%s); the event is spooled to %s and will be resent",
                        self.url, getattr(e, "reason", e), self.spool_file)
            return "retry"

    def _spool(self, events: List[dict]) -> None:
        self._append("events.ndjson", events)

    def _append(self, name: str, events: List[dict]) -> None:
        try:
            os.makedirs(self.spool_dir, exist_ok=True)
            with open(os.path.join(self.spool_dir, name), "a", encoding="utf-8") as f:
                for event in events:
                    f.write(json.dumps(event) + "\n")
        except OSError as e:
            log.error("headwater: cannot write %s in %s: %s; %d event(s) lost", name, self.spool_dir, e, len(events))

    def _rewrite(self, lines: List[str]) -> None:
        try:
            if not lines:
                if os.path.exists(self.spool_file):
                    os.remove(self.spool_file)
                return
            tmp = self.spool_file + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
            os.replace(tmp, self.spool_file)
        except OSError as e:
            log.error("headwater: cannot rewrite spool %s: %s", self.spool_file, e)
