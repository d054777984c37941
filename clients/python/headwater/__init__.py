"""Headwater's emitter for training jobs: three lines record the whole run.

    import headwater

    with headwater.run("churn-train", namespace="ml") as run:
        run.params({"learning_rate": 0.05, "epochs": 20})
        run.input("s3://lake/customers", role="training", version="v3")
        ...
        run.metric("auc", 0.91, step=20)
        run.output_model("churn", "7", uri="s3://models/churn/7")

Git, the environment (Python, every installed distribution, OS, container image, GPUs) and the
start and end are captured by themselves; an exception ends the run as FAIL with its message and
is raised on, untouched. The emitter never breaks the training script: its own failures are
logged, and events Headwater could not take are spooled to a file and sent later.

Configuration (arguments win over environment variables): HEADWATER_URL (ingest, default
http://127.0.0.1:5000), HEADWATER_API_KEY, HEADWATER_SPOOL_DIR (default ~/.headwater/spool),
HEADWATER_CONTAINER_IMAGE and HEADWATER_IMAGE_DIGEST (when the image is known to the job).
"""

from .distributions import categorical, numeric
from .run import Run, run
from .transport import Transport

__all__ = ["run", "Run", "Transport", "numeric", "categorical"]
__version__ = "0.1.0"
