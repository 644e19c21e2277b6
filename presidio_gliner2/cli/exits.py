"""Exit codes of every ``presidio-gliner2`` command, and the help text that explains them."""

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

EXIT_CODES = """exit codes:
  0  every input was redacted (or analyzed) and every output written
  1  something failed (model, config, unreadable input, missing field/column); inputs that failed
     have no output file (outputs are written whole or not at all), the others are complete
  2  usage error (bad options, missing input file, unsupported extension, output exists without
     --overwrite); nothing was written
  130 interrupted (Ctrl-C): the files finished before are complete and in the report, the one
     in progress has no output"""
