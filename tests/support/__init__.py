"""Support code for the test suite, imported by test modules; nothing here is collected as a test.

* ``battery``: the parity battery (seeded texts and schemas for every task kind and option).
* ``checkpoints``: the offline builder of random-head span checkpoints (also a command line).
* ``models``: the session's checkpoint and model stores, and the bundled-model marker.
* ``helpers``: the output comparator and span walkers the parity tests use.
* ``redaction``: analyzers, a span-scripted recognizer and checks for the redaction tests.
* ``server``: a real ``presidio-gliner2 serve`` process on loopback.

Fixtures that hand out these objects live in ``tests/conftest.py``. A test module imports from
here, never from another test module.
"""
