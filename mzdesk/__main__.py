from mzdesk.cli import run

run()
