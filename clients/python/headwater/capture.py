"""What a run captures by itself: git, the Python environment, the container image, the GPUs.

Every probe is best effort: a missing git or nvidia-smi, or one that fails, leaves that part out.
"""

import logging
import os
import platform
import re
import shutil
import subprocess
import sys
from typing import Dict, List, Optional
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger("headwater")

_DIGEST = re.compile(r"^[a-z0-9]+:[a-f0-9]{32,}$")
_CUDA = re.compile(r"CUDA Version:\s*([0-9.]+)")


def _run(command: List[str], cwd: Optional[str] = None, timeout: float = 10.0) -> Optional[str]:
    """The command's standard output, or None when it is missing, fails or hangs."""
    if shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError) as e:
        log.debug("headwater: %s failed: %s", command[0], e)
        return None
    return done.stdout if done.returncode == 0 else None


def script_path() -> Optional[str]:
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None) or (sys.argv[0] if sys.argv and sys.argv[0] else None)
    return os.path.abspath(path) if path and os.path.isfile(path) else None


def without_credentials(url: str) -> str:
    """A remote URL with any user name or token removed (https://user:token@host/x -> https://host/x)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme and "@" in parts.netloc:
        return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))
    return url


def git(start: Optional[str] = None) -> Optional[Dict[str, object]]:
    """Remote URL, commit, branch, dirty flag and the script's path in the repository; None outside one."""
    script = script_path()
    directory = start or (os.path.dirname(script) if script else os.getcwd())
    top = _run(["git", "rev-parse", "--show-toplevel"], cwd=directory)
    if not top:
        return None
    top = top.strip()
    commit = (_run(["git", "rev-parse", "HEAD"], cwd=top) or "").strip() or None
    branch = (_run(["git", "rev-parse", "--abbrev-ref", "HEAD"], cwd=top) or "").strip() or None
    remote = (_run(["git", "config", "--get", "remote.origin.url"], cwd=top) or "").strip() or None
    status = _run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=top)
    info: Dict[str, object] = {"root": top, "commit": commit, "branch": None if branch == "HEAD" else branch,
                               "remote": without_credentials(remote) if remote else None,
                               "dirty": bool(status.strip()) if status is not None else None}
    if script and os.path.abspath(script).startswith(os.path.abspath(top) + os.sep):
        info["path"] = os.path.relpath(script, top).replace(os.sep, "/")
    return info


def packages() -> List[Dict[str, str]]:
    """Every installed distribution with its version, sorted by name."""
    try:
        from importlib import metadata
    except ImportError:  # pragma: no cover - Python < 3.8
        return []
    found: Dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata.get("Name") if dist.metadata else None
        if name and name not in found:
            found[name] = dist.version or ""
    return [{"name": n, "version": found[n]} for n in sorted(found, key=str.lower)]


def gpus() -> List[Dict[str, object]]:
    """Each GPU nvidia-smi reports: model, driver version, CUDA version, memory in MiB."""
    listing = _run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader,nounits"])
    if not listing:
        return []
    banner = _run(["nvidia-smi"]) or ""
    cuda = _CUDA.search(banner)
    found = []
    for line in listing.strip().splitlines():
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 3 or not fields[0]:
            continue
        gpu: Dict[str, object] = {"model": fields[0], "driverVersion": fields[1]}
        if cuda:
            gpu["cudaVersion"] = cuda.group(1)
        try:
            gpu["memoryMiB"] = int(float(fields[2]))
        except ValueError:
            pass
        found.append(gpu)
    return found


def container_image() -> Dict[str, str]:
    """Image and digest, when the job is told them (HEADWATER_CONTAINER_IMAGE, HEADWATER_IMAGE_DIGEST, or image@digest)."""
    image = os.environ.get("HEADWATER_CONTAINER_IMAGE")
    digest = os.environ.get("HEADWATER_IMAGE_DIGEST")
    out: Dict[str, str] = {}
    if image:
        if "@" in image and not digest:
            image, digest = image.split("@", 1)
        out["containerImage"] = image
    if digest and _DIGEST.match(digest):
        out["imageDigest"] = digest
    elif digest:
        log.warning("headwater: HEADWATER_IMAGE_DIGEST %r is not of the form sha256:<hex>; left out", digest)
    return out


def environment(git_info: Optional[Dict[str, object]] = None) -> Dict[str, object]:
    env: Dict[str, object] = {
        "runtime": {"name": "python", "version": platform.python_version()},
        "os": platform.platform(),
        "packages": packages(),
        "gpus": gpus(),
    }
    env.update(container_image())
    if git_info and git_info.get("dirty") is not None:
        env["sourceDirty"] = bool(git_info["dirty"])
    return env
