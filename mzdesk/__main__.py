from mzdesk.gui import probe

probe.mark("interpreter")  # the interpreter is up; the app's imports follow
from mzdesk.cli import run  # noqa: E402

run()
