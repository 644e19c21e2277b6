import sys

from presidio_gliner2.cli.main import main

sys.exit(main())
